import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, unique, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * A multi-stakeholder process (the founding document's annex: preparatory meetings, the summit's two phases,
 * then action) made of ordered phases. Exactly one phase is active: `active_phase_id` names it, and the
 * composite key below keeps it a phase of this process. It is null only inside the transaction that creates
 * the process and its phases.
 */
export const processes = pgTable(
  'processes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('open'),
    originalLanguage: text('original_language').notNull(),
    activePhaseId: uuid('active_phase_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('processes_status_check', sql`${t.status} in ('open', 'closed')`),
    foreignKey({ name: 'processes_active_phase_fk', columns: [t.id, t.activePhaseId], foreignColumns: [processPhases.processId, processPhases.id] }),
  ],
);

export const processTexts = pgTable(
  'process_texts',
  {
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.processId, t.lang] })],
);

/** One phase: its place in the order, its dates (no end: open-ended, the last phase only) and what it allows. */
export const processPhases = pgTable(
  'process_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id').notNull().references((): AnyPgColumn => processes.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    activities: text('activities').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('process_phases_position_key').on(t.processId, t.position),
    // The target of the composite keys that keep an active phase and a phase change inside one process.
    unique('process_phases_process_id_key').on(t.processId, t.id),
    check('process_phases_dates_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check(
      'process_phases_activities_check',
      sql`${t.activities} <@ array['stocktaking', 'statements', 'voting', 'amendments', 'adoption', 'commitments', 'progress', 'review']::text[]`,
    ),
  ],
);

export const processPhaseTexts = pgTable(
  'process_phase_texts',
  {
    phaseId: uuid('phase_id').notNull().references(() => processPhases.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.lang] })],
);

/** Every move from one phase to another, append-only: who moved it on, when, and why. */
export const phaseChanges = pgTable(
  'phase_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    fromPhaseId: uuid('from_phase_id').notNull(),
    toPhaseId: uuid('to_phase_id').notNull(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('phase_changes_process_idx').on(t.processId, t.at),
    foreignKey({ name: 'phase_changes_from_fk', columns: [t.processId, t.fromPhaseId], foreignColumns: [processPhases.processId, processPhases.id] }).onDelete('cascade'),
    foreignKey({ name: 'phase_changes_to_fk', columns: [t.processId, t.toPhaseId], foreignColumns: [processPhases.processId, processPhases.id] }).onDelete('cascade'),
    check('phase_changes_moves_check', sql`${t.fromPhaseId} <> ${t.toPhaseId}`),
  ],
);
