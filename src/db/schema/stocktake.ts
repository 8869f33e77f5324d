import { sql } from 'drizzle-orm';
import {
  bigserial, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { processes } from './processes.js';

/**
 * One activity an organisation reports in a process's stocktake, typed in a form (`web`) or read from an IATI
 * file (`iati`). Human-language fields live in `stocktake_activity_texts`. An IATI activity is known by its
 * identifier: importing it again into the same process for the same organisation updates the row.
 */
export const stocktakeActivities = pgTable(
  'stocktake_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    iatiIdentifier: text('iati_identifier'),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    /** Keys as `adminAreaKey` makes them ('NE:tillaberi'), so they compare with hubs' areas. */
    adminAreas: text('admin_areas').array().notNull().default(sql`'{}'::text[]`),
    /** IATI regions kept as read (iati-regions.ts keys); a form does not set them. */
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    hubIds: uuid('hub_ids').array().notNull().default(sql`'{}'::uuid[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    wsis: text('wsis').array().notNull().default(sql`'{}'::text[]`),
    budgetAmount: numeric('budget_amount', { precision: 18, scale: 2 }),
    budgetCurrency: text('budget_currency'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    partners: text('partners').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    originalLanguage: text('original_language').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('stocktake_activities_process_idx').on(t.processId, t.createdAt),
    unique('stocktake_activities_iati_key').on(t.processId, t.organisationId, t.iatiIdentifier),
    check('stocktake_activities_source_check', sql`${t.source} in ('web', 'iati')`),
    check('stocktake_activities_iati_check', sql`(${t.source} = 'iati') = (${t.iatiIdentifier} is not null)`),
    check('stocktake_activities_status_check', sql`${t.status} in ('planned', 'ongoing', 'completed', 'cancelled')`),
    check('stocktake_activities_budget_check', sql`(${t.budgetAmount} is null) = (${t.budgetCurrency} is null) and (${t.budgetAmount} is null or ${t.budgetAmount} >= 0)`),
    check('stocktake_activities_dates_check', sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const stocktakeActivityTexts = pgTable(
  'stocktake_activity_texts',
  {
    activityId: uuid('activity_id').notNull().references(() => stocktakeActivities.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    communities: text('communities').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.lang] })],
);

/** One IATI file imported into a stocktake: the counts and the whole report, kept to be shown again. */
export const iatiImports = pgTable(
  'iati_imports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    total: integer('total').notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    skipped: integer('skipped').notNull(),
    report: jsonb('report').notNull(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('iati_imports_process_idx').on(t.processId, t.at)],
);
