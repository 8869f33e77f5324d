import { bigserial, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { hubs } from './hubs.js';

export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull(),
    originalLanguage: text('original_language').notNull(),
    technologies: text('technologies').array().notNull(),
    targetGroups: text('target_groups').array().notNull(),
    themes: text('themes').array().notNull(),
    sdgs: integer('sdgs').array().notNull(),
    wsisActionLines: text('wsis_action_lines').array().notNull(),
    countries: text('countries').array().notNull(),
    languages: text('languages').array().notNull(),
    licence: text('licence').notNull(),
    costSetup: numeric('cost_setup', { precision: 14, scale: 2 }),
    costRunning: numeric('cost_running', { precision: 14, scale: 2 }),
    costCurrency: text('cost_currency'),
    costBand: text('cost_band'),
    version: integer('version').notNull().default(1),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('practices_status_published_idx').on(t.status, t.publishedAt)],
);

/** Every human-language field of a practice, one row per BCP 47 language. */
export const practiceTexts = pgTable(
  'practice_texts',
  {
    practiceId: uuid('practice_id').notNull().references(() => practices.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    problem: text('problem').notNull().default(''),
    context: text('context').notNull().default(''),
    approach: jsonb('approach').notNull().default([]),
    sustainabilityEconomic: text('sustainability_economic').notNull().default(''),
    sustainabilitySocial: text('sustainability_social').notNull().default(''),
    sustainabilityCultural: text('sustainability_cultural').notNull().default(''),
    results: jsonb('results').notNull().default([]),
    lessons: text('lessons').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.lang] })],
);

export const practiceHubs = pgTable(
  'practice_hubs',
  {
    practiceId: uuid('practice_id').notNull().references(() => practices.id, { onDelete: 'cascade' }),
    hubId: uuid('hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.hubId] }), index('practice_hubs_hub_idx').on(t.hubId)],
);

/** Workflow events: submit, publish, return, archive, restore, comment — with the curator's words. */
export const practiceReviews = pgTable(
  'practice_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Orders events that share a timestamp.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    practiceId: uuid('practice_id').notNull().references(() => practices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_reviews_practice_idx').on(t.practiceId)],
);

/** One row per saved change: who, when, and the fields that changed with their old and new values. */
export const practiceVersions = pgTable(
  'practice_versions',
  {
    practiceId: uuid('practice_id').notNull().references(() => practices.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb('changes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.version] })],
);
