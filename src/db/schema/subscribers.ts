import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * A phone number that receives text messages. Numbers are personal data: only admins see them, and
 * `forgetSubscriber` deletes the row with everything hanging from it. While `opted_out`, the
 * subscriptions are kept but never matched.
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // E.164, normalised by the domain before it gets here.
    phone: text('phone').notNull(),
    language: text('language').notNull(),
    status: text('status').notNull(),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subscribers_phone_key').on(t.phone),
    check('subscribers_status_check', sql`${t.status} in ('active', 'opted_out')`),
  ],
);

/**
 * What a subscriber wants to hear about (an alert category or a practice theme) and where: a hub (its
 * id), an admin area ('NE:maradi', see adminAreaKey) or a country (ISO 3166 alpha-2). `area_country` is the
 * country the area lies in (a hub's, as it was when subscribed), so that a country-wide alert reaches
 * subscriptions to its hubs and areas without a join. No foreign key to hubs: the code is one of three kinds.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriberId: uuid('subscriber_id').notNull().references(() => subscribers.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    areaKind: text('area_kind').notNull(),
    areaCode: text('area_code').notNull(),
    areaCountry: text('area_country').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subscriptions_subscriber_topic_area_key').on(t.subscriberId, t.topic, t.areaKind, t.areaCode),
    check('subscriptions_area_kind_check', sql`${t.areaKind} in ('hub', 'admin_area', 'country')`),
    // The alert fan-out: subscriptions to a topic in the alert's hubs and areas, or anywhere in its countries.
    index('subscriptions_topic_area_idx').on(t.topic, t.areaKind, t.areaCode),
    index('subscriptions_topic_country_idx').on(t.topic, t.areaCountry),
  ],
);

/** Append-only: when, through which channel, and to what exactly a person consented or withdrew consent. */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Orders events that share a timestamp.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    subscriberId: uuid('subscriber_id').notNull().references(() => subscribers.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    channel: text('channel').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').notNull(),
  },
  (t) => [
    index('consent_events_subscriber_idx').on(t.subscriberId, t.seq),
    check('consent_events_channel_check', sql`${t.channel} in ('sms', 'http', 'web', 'cli', 'import')`),
    check('consent_events_action_check', sql`${t.action} in ('opt_in', 'opt_out', 'subscribe', 'unsubscribe', 'language')`),
  ],
);

/** Numbers whose messages are ignored and who receive nothing (abuse, floods), set by an admin. */
export const blockedNumbers = pgTable('blocked_numbers', {
  phone: text('phone').primaryKey(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
