import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { hubs } from './hubs.js';
import { processes } from './processes.js';

/**
 * A consultation of the stakeholders on a set of statements. `processId` links it to the process whose
 * declaration and action plan draw on its statements; `process` is a free label (kept for consultations
 * imported or created before, or outside, any process).
 */
export const consultations = pgTable('consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  process: text('process').notNull(),
  processId: uuid('process_id').references(() => processes.id, { onDelete: 'set null' }),
  status: text('status').notNull(),
  originalLanguage: text('original_language').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const consultationTexts = pgTable(
  'consultation_texts',
  {
    consultationId: uuid('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.lang] })],
);

/**
 * One voter in one consultation: a user speaking for an organisation (its sector) or for a hub (sector
 * 'hub'), or a participant imported from Polis (external id, no user). The sector is kept as it was on joining.
 */
export const consultationParticipants = pgTable(
  'consultation_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    hubId: uuid('hub_id').references(() => hubs.id, { onDelete: 'set null' }),
    sector: text('sector'),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('consultation_participants_user_key').on(t.consultationId, t.userId),
    unique('consultation_participants_external_key').on(t.consultationId, t.externalId),
  ],
);

export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => consultationParticipants.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    originalLanguage: text('original_language').notNull(),
    externalId: text('external_id'),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('statements_consultation_idx').on(t.consultationId, t.status),
    unique('statements_external_key').on(t.consultationId, t.externalId),
  ],
);

/** The language versions of a statement: votes on any of them count for the statement. */
export const statementTexts = pgTable(
  'statement_texts',
  {
    statementId: uuid('statement_id').notNull().references(() => statements.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    text: text('text').notNull(),
    isOriginal: boolean('is_original').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.lang] })],
);

/** The current vote of a participant on a statement; agree = 1, disagree = −1, pass = 0. */
export const votes = pgTable(
  'votes',
  {
    participantId: uuid('participant_id').notNull().references(() => consultationParticipants.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id').notNull().references(() => statements.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    // Null for imported votes whose language version is unknown.
    lang: text('lang'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.statementId] }),
    index('votes_statement_idx').on(t.statementId),
    check('votes_value_check', sql`${t.value} in (-1, 0, 1)`),
    foreignKey({ columns: [t.statementId, t.lang], foreignColumns: [statementTexts.statementId, statementTexts.lang] }).onDelete('cascade'),
  ],
);

/** Every vote cast or changed, append-only; the last row of a pair equals its current vote. */
export const voteHistory = pgTable(
  'vote_history',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    participantId: uuid('participant_id').notNull().references(() => consultationParticipants.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id').notNull().references(() => statements.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    lang: text('lang'),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vote_history_pair_idx').on(t.participantId, t.statementId), check('vote_history_value_check', sql`${t.value} in (-1, 0, 1)`)],
);
