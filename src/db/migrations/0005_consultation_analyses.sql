CREATE TABLE "consultation_analyses" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"vote_count" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"result" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_analyses" ADD CONSTRAINT "consultation_analyses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;