import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { alerts } from './alerts.js';
import { subscribers } from './subscribers.js';

/**
 * A text message to send, written in the same transaction as what caused it (an approved alert, an
 * answer to a command), then delivered by the dispatcher. `dedupe_key` makes writing it twice a no-op.
 * `sending` is claimed, `uncertain` was perhaps accepted by the SMSC (the link or the node died before its
 * answer): such a message is resent only if no delivery receipt turns up for it within a grace period.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Claim order: first queued, first sent.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    purpose: text('purpose').notNull(),
    alertId: uuid('alert_id').references(() => alerts.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id').references(() => subscribers.id, { onDelete: 'cascade' }),
    toNumber: text('to_number').notNull(),
    lang: text('lang').notNull(),
    body: text('body').notNull(),
    parts: integer('parts').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.status, t.nextAttemptAt, t.seq),
    index('outbox_messages_alert_idx').on(t.alertId, t.status),
    index('outbox_messages_to_idx').on(t.toNumber),
    check('outbox_messages_status_check', sql`${t.status} in ('queued', 'sending', 'uncertain', 'sent', 'delivered', 'failed', 'skipped')`),
    check('outbox_messages_purpose_check', sql`${t.purpose} in ('alert', 'coordinator', 'reply')`),
  ],
);

/**
 * The SMSC's id of each accepted part of a message, to match its delivery receipts. `part` (from 1) says
 * which part, so that a message cut short by a lost link or a restart is completed with only its missing
 * parts; null when a receipt matched by number did not tell which part it was for.
 */
export const smsSubmissions = pgTable(
  'sms_submissions',
  {
    smscId: text('smsc_id').primaryKey(),
    messageId: uuid('message_id').notNull().references(() => outboxMessages.id, { onDelete: 'cascade' }),
    part: integer('part'),
    state: text('state'),
    errorCode: text('error_code'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_submissions_message_idx').on(t.messageId)],
);

/**
 * Every text message received, stored before the SMSC is told it arrived (so none is lost), with what
 * was done about it. `from_number` is personal data: forgetting a number deletes these rows too.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    body: text('body').notNull(),
    channel: text('channel').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    command: text('command'),
    outcome: text('outcome').notNull(),
  },
  (t) => [index('inbound_messages_from_idx').on(t.fromNumber, t.receivedAt)],
);

/** What "MORE" continues for a number: the rest of the last long answer. One row per number. */
export const smsContinuations = pgTable('sms_continuations', {
  phone: text('phone').primaryKey(),
  lang: text('lang').notNull(),
  rest: text('rest').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
