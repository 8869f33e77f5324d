CREATE TABLE "iati_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"total" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"skipped" integer NOT NULL,
	"report" jsonb NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktake_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"iati_identifier" text,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"admin_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"hub_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"wsis" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_amount" numeric(18, 2),
	"budget_currency" text,
	"starts_on" date,
	"ends_on" date,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"original_language" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stocktake_activities_iati_key" UNIQUE("process_id","organisation_id","iati_identifier"),
	CONSTRAINT "stocktake_activities_source_check" CHECK ("stocktake_activities"."source" in ('web', 'iati')),
	CONSTRAINT "stocktake_activities_iati_check" CHECK (("stocktake_activities"."source" = 'iati') = ("stocktake_activities"."iati_identifier" is not null)),
	CONSTRAINT "stocktake_activities_status_check" CHECK ("stocktake_activities"."status" in ('planned', 'ongoing', 'completed', 'cancelled')),
	CONSTRAINT "stocktake_activities_budget_check" CHECK (("stocktake_activities"."budget_amount" is null) = ("stocktake_activities"."budget_currency" is null) and ("stocktake_activities"."budget_amount" is null or "stocktake_activities"."budget_amount" >= 0)),
	CONSTRAINT "stocktake_activities_dates_check" CHECK ("stocktake_activities"."starts_on" is null or "stocktake_activities"."ends_on" is null or "stocktake_activities"."ends_on" >= "stocktake_activities"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "stocktake_activity_texts" (
	"activity_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"communities" text DEFAULT '' NOT NULL,
	CONSTRAINT "stocktake_activity_texts_activity_id_lang_pk" PRIMARY KEY("activity_id","lang")
);
--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_activities" ADD CONSTRAINT "stocktake_activities_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_activities" ADD CONSTRAINT "stocktake_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_activities" ADD CONSTRAINT "stocktake_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_activity_texts" ADD CONSTRAINT "stocktake_activity_texts_activity_id_stocktake_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."stocktake_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iati_imports_process_idx" ON "iati_imports" USING btree ("process_id","at");--> statement-breakpoint
CREATE INDEX "stocktake_activities_process_idx" ON "stocktake_activities" USING btree ("process_id","created_at");