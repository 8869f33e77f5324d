CREATE TABLE "phase_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"from_phase_id" uuid NOT NULL,
	"to_phase_id" uuid NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "phase_changes_moves_check" CHECK ("phase_changes"."from_phase_id" <> "phase_changes"."to_phase_id")
);
--> statement-breakpoint
CREATE TABLE "process_phase_texts" (
	"phase_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "process_phase_texts_phase_id_lang_pk" PRIMARY KEY("phase_id","lang")
);
--> statement-breakpoint
CREATE TABLE "process_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"activities" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "process_phases_position_key" UNIQUE("process_id","position"),
	CONSTRAINT "process_phases_process_id_key" UNIQUE("process_id","id"),
	CONSTRAINT "process_phases_dates_check" CHECK ("process_phases"."ends_on" is null or "process_phases"."ends_on" >= "process_phases"."starts_on"),
	CONSTRAINT "process_phases_activities_check" CHECK ("process_phases"."activities" <@ array['stocktaking', 'statements', 'voting', 'amendments', 'adoption', 'commitments', 'progress', 'review']::text[])
);
--> statement-breakpoint
CREATE TABLE "process_texts" (
	"process_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "process_texts_process_id_lang_pk" PRIMARY KEY("process_id","lang")
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"original_language" text NOT NULL,
	"active_phase_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processes_status_check" CHECK ("processes"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_from_fk" FOREIGN KEY ("process_id","from_phase_id") REFERENCES "public"."process_phases"("process_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_to_fk" FOREIGN KEY ("process_id","to_phase_id") REFERENCES "public"."process_phases"("process_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_phase_texts" ADD CONSTRAINT "process_phase_texts_phase_id_process_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."process_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_phases" ADD CONSTRAINT "process_phases_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_texts" ADD CONSTRAINT "process_texts_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_active_phase_fk" FOREIGN KEY ("id","active_phase_id") REFERENCES "public"."process_phases"("process_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phase_changes_process_idx" ON "phase_changes" USING btree ("process_id","at");