import { sql } from 'drizzle-orm';
import {
  check, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { consultations } from './consultations.js';
import { processes } from './processes.js';

/**
 * A declaration or an action plan of a process, drafted from statements of a consultation. Once adopted it
 * is read-only: the adoption is recorded here (who, when) and nothing of it changes afterwards.
 */
export const planDocuments = pgTable(
  'plan_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('drafting'),
    originalLanguage: text('original_language').notNull(),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('plan_documents_process_idx').on(t.processId, t.createdAt),
    check('plan_documents_kind_check', sql`${t.kind} in ('declaration', 'action_plan')`),
    check('plan_documents_status_check', sql`${t.status} in ('drafting', 'adopted')`),
    check('plan_documents_adopted_check', sql`(${t.status} = 'adopted') = (${t.adoptedAt} is not null)`),
  ],
);

export const planDocumentTexts = pgTable(
  'plan_document_texts',
  {
    documentId: uuid('document_id').notNull().references(() => planDocuments.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    preamble: text('preamble').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.lang] })],
);

/** A section of a document; its text lives in `section_versions`. The statements it was built from are kept. */
export const planSections = pgTable(
  'plan_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => planDocuments.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    sourceStatementIds: uuid('source_statement_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    unique('plan_sections_position_key').on(t.documentId, t.position),
    // The target of action items' composite key: an item's section belongs to the item's document.
    unique('plan_sections_document_id_key').on(t.documentId, t.id),
  ],
);

/** Every text a section has had, per language: appended, never updated. The highest version is the current text. */
export const sectionVersions = pgTable(
  'section_versions',
  {
    sectionId: uuid('section_id').notNull().references(() => planSections.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    lang: text('lang').notNull(),
    text: text('text').notNull(),
    amendmentId: uuid('amendment_id').references((): AnyPgColumn => amendments.id, { onDelete: 'set null' }),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.version, t.lang] }), check('section_versions_version_check', sql`${t.version} >= 1`)],
);

/**
 * A proposed change to a section's text, made against one version. Decided once: by the section's owner
 * (`owner`) or by counting the votes (`vote`); the counts at decision time are kept.
 */
export const amendments = pgTable(
  'amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id').notNull().references(() => planSections.id, { onDelete: 'cascade' }),
    baseVersion: integer('base_version').notNull(),
    lang: text('lang').notNull(),
    proposedText: text('proposed_text').notNull(),
    rationale: text('rationale').notNull().default(''),
    status: text('status').notNull().default('proposed'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedHow: text('decided_how'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
  },
  (t) => [
    index('amendments_section_idx').on(t.sectionId, t.proposedAt),
    check('amendments_status_check', sql`${t.status} in ('proposed', 'accepted', 'rejected')`),
    check('amendments_how_check', sql`${t.decidedHow} is null or ${t.decidedHow} in ('owner', 'vote')`),
    check('amendments_decided_check', sql`(${t.status} = 'proposed') = (${t.decidedAt} is null and ${t.decidedHow} is null)`),
  ],
);

/** One vote per person on an amendment, changeable while it is proposed: for = 1, against = −1, abstain = 0. */
export const amendmentVotes = pgTable(
  'amendment_votes',
  {
    amendmentId: uuid('amendment_id').notNull().references(() => amendments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] }), check('amendment_votes_value_check', sql`${t.value} in (-1, 0, 1)`)],
);

/** An item of an action plan, under one of its sections; commitments (later) link to items, weighted. */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => planDocuments.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id').notNull(),
    code: text('code').notNull(),
    weight: integer('weight').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('action_items_code_key').on(t.documentId, t.code),
    foreignKey({ name: 'action_items_section_fk', columns: [t.documentId, t.sectionId], foreignColumns: [planSections.documentId, planSections.id] }).onDelete('cascade'),
    check('action_items_weight_check', sql`${t.weight} between 1 and 100`),
  ],
);

export const actionItemTexts = pgTable(
  'action_item_texts',
  {
    itemId: uuid('item_id').notNull().references(() => actionItems.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.lang] })],
);
