CREATE TABLE "commitment_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_changes_kind_check" CHECK ("commitment_changes"."kind" in ('edit', 'withdraw'))
);
--> statement-breakpoint
CREATE TABLE "progress_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"total" integer NOT NULL,
	"written" integer NOT NULL,
	"skipped" integer NOT NULL,
	"report" jsonb NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "process_id" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_changes" ADD CONSTRAINT "commitment_changes_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_changes" ADD CONSTRAINT "commitment_changes_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_imports" ADD CONSTRAINT "progress_imports_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_imports" ADD CONSTRAINT "progress_imports_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_changes_commitment_idx" ON "commitment_changes" USING btree ("commitment_id","at");--> statement-breakpoint
CREATE INDEX "progress_imports_process_idx" ON "progress_imports" USING btree ("process_id","at");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_status_check" CHECK ("commitments"."status" in ('active', 'withdrawn'));