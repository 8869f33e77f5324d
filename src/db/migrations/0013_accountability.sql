CREATE TABLE "commitment_items" (
	"commitment_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "commitment_items_commitment_id_item_id_pk" PRIMARY KEY("commitment_id","item_id"),
	CONSTRAINT "commitment_items_weight_check" CHECK ("commitment_items"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "commitment_texts" (
	"commitment_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"indicator" text NOT NULL,
	CONSTRAINT "commitment_texts_commitment_id_lang_pk" PRIMARY KEY("commitment_id","lang")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"original_language" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	"evidence_practice_id" uuid,
	"source" text NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_updates_source_check" CHECK ("progress_updates"."source" in ('web', 'csv'))
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"hub_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"audio" "bytea",
	"audio_type" text,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stories_status_check" CHECK ("stories"."status" in ('published', 'withdrawn')),
	CONSTRAINT "stories_audio_check" CHECK (("stories"."audio" is null) = ("stories"."audio_type" is null) and ("stories"."audio_type" is null or "stories"."audio_type" in ('audio/ogg', 'audio/mpeg', 'audio/wav'))),
	CONSTRAINT "stories_audio_size_check" CHECK ("stories"."audio" is null or octet_length("stories"."audio") <= 1048576)
);
--> statement-breakpoint
CREATE TABLE "story_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"item_id" uuid,
	"practice_id" uuid,
	CONSTRAINT "story_links_item_key" UNIQUE("story_id","item_id"),
	CONSTRAINT "story_links_practice_key" UNIQUE("story_id","practice_id"),
	CONSTRAINT "story_links_one_check" CHECK (num_nonnulls("story_links"."item_id", "story_links"."practice_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "commitment_items" ADD CONSTRAINT "commitment_items_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_items" ADD CONSTRAINT "commitment_items_item_id_action_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_texts" ADD CONSTRAINT "commitment_texts_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_evidence_practice_id_practices_id_fk" FOREIGN KEY ("evidence_practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_links" ADD CONSTRAINT "story_links_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_links" ADD CONSTRAINT "story_links_item_id_action_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_links" ADD CONSTRAINT "story_links_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_items_item_idx" ON "commitment_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "commitments_process_idx" ON "commitments" USING btree ("process_id","created_at");--> statement-breakpoint
CREATE INDEX "progress_updates_commitment_idx" ON "progress_updates" USING btree ("commitment_id","reported_on");--> statement-breakpoint
CREATE INDEX "stories_process_idx" ON "stories" USING btree ("process_id","created_at");