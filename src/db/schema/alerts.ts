import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * A warning to the people of an area, as in the Common Alerting Protocol: what (category, CAP's severity,
 * urgency and certainty), where (countries, admin areas, hubs), when (effective → expires), and one text
 * per language in `alert_texts`. An Update or a Cancel is an alert of its own that `references` the one it
 * changes and reaches the same people. Nothing is sent before a second person approves (`approved_by`
 * differs from `created_by`, checked by the service and by the table).
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // CAP's identifier and sender: ours for alerts written here, the authority's for imported ones.
    identifier: text('identifier').notNull(),
    sender: text('sender').notNull(),
    msgType: text('msg_type').notNull(),
    references: uuid('references').references((): AnyPgColumn => alerts.id, { onDelete: 'restrict' }),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    urgency: text('urgency').notNull(),
    certainty: text('certainty').notNull(),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    adminAreas: text('admin_areas').array().notNull().default(sql`'{}'::text[]`),
    hubIds: uuid('hub_ids').array().notNull().default(sql`'{}'::uuid[]`),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    originalLanguage: text('original_language').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // CAP: a message is identified by its sender and identifier; importing one twice is refused.
    unique('alerts_sender_identifier_key').on(t.sender, t.identifier),
    index('alerts_status_idx').on(t.status, t.createdAt),
    index('alerts_references_idx').on(t.references),
    check('alerts_msg_type_check', sql`${t.msgType} in ('Alert', 'Update', 'Cancel')`),
    check('alerts_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('alerts_category_check', sql`${t.category} in ('drought', 'flood', 'locusts', 'epidemic', 'market_prices', 'other')`),
    check('alerts_source_check', sql`${t.source} in ('web', 'api', 'cap')`),
    check('alerts_window_check', sql`${t.expiresAt} > ${t.effectiveAt}`),
    check('alerts_four_eyes_check', sql`${t.approvedBy} is null or ${t.createdBy} is null or ${t.approvedBy} <> ${t.createdBy}`),
  ],
);

/** The alert in one language: CAP's headline, description and instruction, and the text message sent. */
export const alertTexts = pgTable(
  'alert_texts',
  {
    alertId: uuid('alert_id').notNull().references(() => alerts.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    headline: text('headline').notNull(),
    description: text('description').notNull(),
    instruction: text('instruction').notNull().default(''),
    sms: text('sms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.lang] })],
);

/**
 * The fan-out of an approved alert into outbox messages, resumable: `cursor` is the last subscriber id
 * whose message is queued (keyset order), moved in the same transaction as the messages it covers.
 */
export const alertDispatches = pgTable(
  'alert_dispatches',
  {
    alertId: uuid('alert_id').primaryKey().references(() => alerts.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    cursor: uuid('cursor'),
    queued: integer('queued').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [check('alert_dispatches_status_check', sql`${t.status} in ('subscribers', 'coordinators', 'done')`)],
);
