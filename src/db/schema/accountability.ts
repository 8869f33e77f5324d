import { sql } from 'drizzle-orm';
import {
  bigserial, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { actionItems } from './action-plan.js';
import { hubs } from './hubs.js';
import { practices } from './practices.js';
import { processes } from './processes.js';

/** Raw bytes. pg gives a Buffer, PGlite a Uint8Array: both leave as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * What an organisation (with partners) commits to in a process: an indicator moving from a baseline to a
 * target by a deadline. Human-language fields live in `commitment_texts`.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    partners: text('partners').array().notNull().default(sql`'{}'::text[]`),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    unit: text('unit').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    originalLanguage: text('original_language').notNull(),
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('commitments_process_idx').on(t.processId, t.createdAt),
    check('commitments_status_check', sql`${t.status} in ('active', 'withdrawn')`),
  ],
);

/**
 * Every change made to a commitment after it was recorded (its figures, deadline, items, or its withdrawal),
 * with the reason given: appended, never changed, so a moved target or a withdrawal stays visible to all.
 * `before` and `after` hold only the fields that changed.
 */
export const commitmentChanges = pgTable(
  'commitment_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('commitment_changes_commitment_idx').on(t.commitmentId, t.at),
    check('commitment_changes_kind_check', sql`${t.kind} in ('edit', 'withdraw')`),
  ],
);

export const commitmentTexts = pgTable(
  'commitment_texts',
  {
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    indicator: text('indicator').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.lang] })],
);

/** Which action-plan items a commitment serves, and how much it counts for each (the roll-up's weight). */
export const commitmentItems = pgTable(
  'commitment_items',
  {
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull().references(() => actionItems.id, { onDelete: 'cascade' }),
    weight: integer('weight').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.itemId] }),
    index('commitment_items_item_idx').on(t.itemId),
    check('commitment_items_weight_check', sql`${t.weight} between 1 and 100`),
  ],
);

/** A value of a commitment's indicator on a day, with its evidence; appended, never changed. */
export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    evidenceUrl: text('evidence_url'),
    evidencePracticeId: uuid('evidence_practice_id').references(() => practices.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('progress_updates_commitment_idx').on(t.commitmentId, t.reportedOn),
    check('progress_updates_source_check', sql`${t.source} in ('web', 'csv')`),
  ],
);

/**
 * A document given as evidence with a progress update (a report, a photo of a signed register): at most one per
 * update, small, its type read from its first bytes, its SHA-256 kept so anyone can check a copy against it.
 */
export const progressDocuments = pgTable(
  'progress_documents',
  {
    updateId: uuid('update_id').primaryKey().references(() => progressUpdates.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [
    check('progress_documents_type_check', sql`${t.contentType} in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')`),
    check('progress_documents_size_check', sql`octet_length(${t.bytes}) between 1 and 2097152`),
  ],
);

/** One CSV file of progress updates: the counts and the report of every row, kept to be shown again. */
export const progressImports = pgTable(
  'progress_imports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    total: integer('total').notNull(),
    written: integer('written').notNull(),
    skipped: integer('skipped').notNull(),
    report: jsonb('report').notNull(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('progress_imports_process_idx').on(t.processId, t.at)],
);

/**
 * A hub's short testimony of what changed for its community, in one language, with an optional small audio
 * recording kept in the database (so both engines and backups carry it, with no folder to manage).
 */
export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    hubId: uuid('hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    audio: bytea('audio'),
    audioType: text('audio_type'),
    status: text('status').notNull().default('published'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('stories_process_idx').on(t.processId, t.createdAt),
    check('stories_status_check', sql`${t.status} in ('published', 'withdrawn')`),
    check('stories_audio_check', sql`(${t.audio} is null) = (${t.audioType} is null) and (${t.audioType} is null or ${t.audioType} in ('audio/ogg', 'audio/mpeg', 'audio/wav'))`),
    check('stories_audio_size_check', sql`${t.audio} is null or octet_length(${t.audio}) <= 1048576`),
  ],
);

/** A story links to action-plan items or practices of the commons: exactly one of them per row. */
export const storyLinks = pgTable(
  'story_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storyId: uuid('story_id').notNull().references(() => stories.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => actionItems.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'cascade' }),
  },
  (t) => [
    unique('story_links_item_key').on(t.storyId, t.itemId),
    unique('story_links_practice_key').on(t.storyId, t.practiceId),
    check('story_links_one_check', sql`num_nonnulls(${t.itemId}, ${t.practiceId}) = 1`),
  ],
);
