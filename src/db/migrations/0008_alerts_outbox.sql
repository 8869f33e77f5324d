CREATE TABLE "alert_dispatches" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"cursor" uuid,
	"queued" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "alert_dispatches_status_check" CHECK ("alert_dispatches"."status" in ('subscribers', 'coordinators', 'done'))
);
--> statement-breakpoint
CREATE TABLE "alert_texts" (
	"alert_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"headline" text NOT NULL,
	"description" text NOT NULL,
	"instruction" text DEFAULT '' NOT NULL,
	"sms" text NOT NULL,
	CONSTRAINT "alert_texts_alert_id_lang_pk" PRIMARY KEY("alert_id","lang")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"msg_type" text NOT NULL,
	"references" uuid,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"urgency" text NOT NULL,
	"certainty" text NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"admin_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"hub_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"original_language" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_sender_identifier_key" UNIQUE("sender","identifier"),
	CONSTRAINT "alerts_msg_type_check" CHECK ("alerts"."msg_type" in ('Alert', 'Update', 'Cancel')),
	CONSTRAINT "alerts_status_check" CHECK ("alerts"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "alerts_category_check" CHECK ("alerts"."category" in ('drought', 'flood', 'locusts', 'epidemic', 'market_prices', 'other')),
	CONSTRAINT "alerts_source_check" CHECK ("alerts"."source" in ('web', 'api', 'cap')),
	CONSTRAINT "alerts_window_check" CHECK ("alerts"."expires_at" > "alerts"."effective_at"),
	CONSTRAINT "alerts_four_eyes_check" CHECK ("alerts"."approved_by" is null or "alerts"."created_by" is null or "alerts"."approved_by" <> "alerts"."created_by")
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"command" text,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"dedupe_key" text NOT NULL,
	"purpose" text NOT NULL,
	"alert_id" uuid,
	"subscriber_id" uuid,
	"to_number" text NOT NULL,
	"lang" text NOT NULL,
	"body" text NOT NULL,
	"parts" integer NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "outbox_messages_status_check" CHECK ("outbox_messages"."status" in ('queued', 'sending', 'uncertain', 'sent', 'delivered', 'failed', 'skipped')),
	CONSTRAINT "outbox_messages_purpose_check" CHECK ("outbox_messages"."purpose" in ('alert', 'coordinator', 'reply'))
);
--> statement-breakpoint
CREATE TABLE "sms_continuations" (
	"phone" text PRIMARY KEY NOT NULL,
	"lang" text NOT NULL,
	"rest" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_submissions" (
	"smsc_id" text PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"state" text,
	"error_code" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_dispatches" ADD CONSTRAINT "alert_dispatches_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_texts" ADD CONSTRAINT "alert_texts_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_references_alerts_id_fk" FOREIGN KEY ("references") REFERENCES "public"."alerts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_submissions" ADD CONSTRAINT "sms_submissions_message_id_outbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "alerts_references_idx" ON "alerts" USING btree ("references");--> statement-breakpoint
CREATE INDEX "inbound_messages_from_idx" ON "inbound_messages" USING btree ("from_number","received_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("status","next_attempt_at","seq");--> statement-breakpoint
CREATE INDEX "outbox_messages_alert_idx" ON "outbox_messages" USING btree ("alert_id","status");--> statement-breakpoint
CREATE INDEX "outbox_messages_to_idx" ON "outbox_messages" USING btree ("to_number");--> statement-breakpoint
CREATE INDEX "sms_submissions_message_idx" ON "sms_submissions" USING btree ("message_id");