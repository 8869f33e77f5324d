CREATE TABLE "progress_documents" (
	"update_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "progress_documents_type_check" CHECK ("progress_documents"."content_type" in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "progress_documents_size_check" CHECK (octet_length("progress_documents"."bytes") between 1 and 2097152)
);
--> statement-breakpoint
ALTER TABLE "progress_documents" ADD CONSTRAINT "progress_documents_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE cascade ON UPDATE no action;