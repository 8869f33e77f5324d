CREATE TABLE "action_item_texts" (
	"item_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "action_item_texts_item_id_lang_pk" PRIMARY KEY("item_id","lang")
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"code" text NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_items_code_key" UNIQUE("document_id","code"),
	CONSTRAINT "action_items_weight_check" CHECK ("action_items"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "amendment_votes" (
	"amendment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"value" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "amendment_votes_amendment_id_user_id_pk" PRIMARY KEY("amendment_id","user_id"),
	CONSTRAINT "amendment_votes_value_check" CHECK ("amendment_votes"."value" in (-1, 0, 1))
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"base_version" integer NOT NULL,
	"lang" text NOT NULL,
	"proposed_text" text NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_how" text,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	CONSTRAINT "amendments_status_check" CHECK ("amendments"."status" in ('proposed', 'accepted', 'rejected')),
	CONSTRAINT "amendments_how_check" CHECK ("amendments"."decided_how" is null or "amendments"."decided_how" in ('owner', 'vote')),
	CONSTRAINT "amendments_decided_check" CHECK (("amendments"."status" = 'proposed') = ("amendments"."decided_at" is null and "amendments"."decided_how" is null))
);
--> statement-breakpoint
CREATE TABLE "plan_document_texts" (
	"document_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"preamble" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_document_texts_document_id_lang_pk" PRIMARY KEY("document_id","lang")
);
--> statement-breakpoint
CREATE TABLE "plan_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'drafting' NOT NULL,
	"original_language" text NOT NULL,
	"consultation_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"adopted_at" timestamp with time zone,
	"adopted_by" uuid,
	CONSTRAINT "plan_documents_kind_check" CHECK ("plan_documents"."kind" in ('declaration', 'action_plan')),
	CONSTRAINT "plan_documents_status_check" CHECK ("plan_documents"."status" in ('drafting', 'adopted')),
	CONSTRAINT "plan_documents_adopted_check" CHECK (("plan_documents"."status" = 'adopted') = ("plan_documents"."adopted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"owner_organisation_id" uuid,
	"source_statement_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "plan_sections_position_key" UNIQUE("document_id","position"),
	CONSTRAINT "plan_sections_document_id_key" UNIQUE("document_id","id")
);
--> statement-breakpoint
CREATE TABLE "section_versions" (
	"section_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"lang" text NOT NULL,
	"text" text NOT NULL,
	"amendment_id" uuid,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "section_versions_section_id_version_lang_pk" PRIMARY KEY("section_id","version","lang"),
	CONSTRAINT "section_versions_version_check" CHECK ("section_versions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "action_item_texts" ADD CONSTRAINT "action_item_texts_item_id_action_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_document_id_plan_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."plan_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_section_fk" FOREIGN KEY ("document_id","section_id") REFERENCES "public"."plan_sections"("document_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_votes" ADD CONSTRAINT "amendment_votes_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_votes" ADD CONSTRAINT "amendment_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_document_texts" ADD CONSTRAINT "plan_document_texts_document_id_plan_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."plan_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_document_id_plan_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."plan_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_versions" ADD CONSTRAINT "section_versions_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_versions" ADD CONSTRAINT "section_versions_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_versions" ADD CONSTRAINT "section_versions_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_section_idx" ON "amendments" USING btree ("section_id","proposed_at");--> statement-breakpoint
CREATE INDEX "plan_documents_process_idx" ON "plan_documents" USING btree ("process_id","created_at");