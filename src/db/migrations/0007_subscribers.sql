CREATE TABLE "blocked_numbers" (
	"phone" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	CONSTRAINT "consent_events_channel_check" CHECK ("consent_events"."channel" in ('sms', 'http', 'web', 'cli', 'import')),
	CONSTRAINT "consent_events_action_check" CHECK ("consent_events"."action" in ('opt_in', 'opt_out', 'subscribe', 'unsubscribe', 'language'))
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribers_phone_key" UNIQUE("phone"),
	CONSTRAINT "subscribers_status_check" CHECK ("subscribers"."status" in ('active', 'opted_out'))
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"area_kind" text NOT NULL,
	"area_code" text NOT NULL,
	"area_country" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_subscriber_topic_area_key" UNIQUE("subscriber_id","topic","area_kind","area_code"),
	CONSTRAINT "subscriptions_area_kind_check" CHECK ("subscriptions"."area_kind" in ('hub', 'admin_area', 'country'))
);
--> statement-breakpoint
ALTER TABLE "blocked_numbers" ADD CONSTRAINT "blocked_numbers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_subscriber_idx" ON "consent_events" USING btree ("subscriber_id","seq");--> statement-breakpoint
CREATE INDEX "subscriptions_topic_area_idx" ON "subscriptions" USING btree ("topic","area_kind","area_code");--> statement-breakpoint
CREATE INDEX "subscriptions_topic_country_idx" ON "subscriptions" USING btree ("topic","area_country");