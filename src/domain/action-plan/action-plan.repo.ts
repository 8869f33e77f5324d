import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.js';
import {
  actionItems, actionItemTexts, amendments, amendmentVotes, organisations, planDocuments, planDocumentTexts, planSections, sectionVersions, users,
} from '../../db/schema/index.js';
import type {
  ActionItem, Amendment, AmendmentStatus, DecidedHow, DocumentKind, DocumentStatus, PlanDocument, PlanSection, SectionVersion, VoteCounts,
} from './action-plan.js';

type DocumentRow = { processId: string; kind: DocumentKind; originalLanguage: string; consultationId: string; texts: Record<string, { title: string; preamble: string }>; createdBy: string; at: Date };

export async function insertDocument(db: DbOrTx, d: DocumentRow): Promise<string> {
  const [row] = await db
    .insert(planDocuments)
    .values({ processId: d.processId, kind: d.kind, originalLanguage: d.originalLanguage, consultationId: d.consultationId, createdBy: d.createdBy, createdAt: d.at })
    .returning({ id: planDocuments.id });
  await db.insert(planDocumentTexts).values(Object.entries(d.texts).map(([lang, t]) => ({ documentId: row!.id, lang, ...t })));
  return row!.id;
}

export async function insertSection(db: DbOrTx, s: { documentId: string; position: number; ownerOrganisationId: string | null; sourceStatementIds: string[] }): Promise<string> {
  const [row] = await db.insert(planSections).values(s).returning({ id: planSections.id });
  return row!.id;
}

export async function insertVersion(db: DbOrTx, v: { sectionId: string; version: number; lang: string; text: string; amendmentId: string | null; byUser: string | null; at: Date }) {
  await db.insert(sectionVersions).values(v);
}

/** Inserts an action item; false when the document already has an item with that code. */
export async function insertActionItem(db: DbOrTx, i: { documentId: string; sectionId: string; code: string; weight: number; texts: Record<string, { title: string }>; at: Date }): Promise<boolean> {
  const [row] = await db
    .insert(actionItems)
    .values({ documentId: i.documentId, sectionId: i.sectionId, code: i.code, weight: i.weight, createdAt: i.at })
    .onConflictDoNothing()
    .returning({ id: actionItems.id });
  if (!row) return false;
  await db.insert(actionItemTexts).values(Object.entries(i.texts).map(([lang, t]) => ({ itemId: row.id, lang, title: t.title })));
  return true;
}

export async function countOrganisations(db: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(inArray(organisations.id, ids));
  return row!.n;
}

export async function findUserOrganisationId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.organisationId }).from(users).where(eq(users.id, userId));
  return row?.id ?? null;
}

/** A section and its document, the section row locked so proposals, decisions and new versions on it queue up. */
export async function lockSection(db: DbOrTx, sectionId: string) {
  const [row] = await db
    .select({ id: planSections.id, documentId: planSections.documentId, ownerOrganisationId: planSections.ownerOrganisationId, processId: planDocuments.processId, kind: planDocuments.kind, status: planDocuments.status })
    .from(planSections)
    .innerJoin(planDocuments, eq(planDocuments.id, planSections.documentId))
    .where(eq(planSections.id, sectionId))
    .for('update', { of: planSections });
  if (!row) return null;
  const [latest] = await db.select({ v: sql<number>`coalesce(max(${sectionVersions.version}), 0)::int` }).from(sectionVersions).where(eq(sectionVersions.sectionId, sectionId));
  return { ...row, kind: row.kind as DocumentKind, status: row.status as DocumentStatus, latestVersion: latest!.v };
}

/** The document row, locked against concurrent adoption and drafting. */
export async function lockDocument(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: planDocuments.id, processId: planDocuments.processId, status: planDocuments.status, kind: planDocuments.kind }).from(planDocuments).where(eq(planDocuments.id, id)).for('update');
  return row ? { ...row, status: row.status as DocumentStatus, kind: row.kind as DocumentKind } : null;
}

export async function findAmendmentRef(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: amendments.id, sectionId: amendments.sectionId, status: amendments.status, baseVersion: amendments.baseVersion, lang: amendments.lang, text: amendments.proposedText }).from(amendments).where(eq(amendments.id, id));
  return row ? { ...row, status: row.status as AmendmentStatus } : null;
}

export async function insertAmendment(db: DbOrTx, a: { sectionId: string; baseVersion: number; lang: string; text: string; rationale: string; by: string; at: Date }): Promise<string> {
  const [row] = await db
    .insert(amendments)
    .values({ sectionId: a.sectionId, baseVersion: a.baseVersion, lang: a.lang, proposedText: a.text, rationale: a.rationale, proposedBy: a.by, proposedAt: a.at })
    .returning({ id: amendments.id });
  return row!.id;
}

/** Casts or changes a person's vote on an amendment. */
export async function upsertVote(db: DbOrTx, amendmentId: string, userId: string, value: number, at: Date) {
  await db.insert(amendmentVotes).values({ amendmentId, userId, value, at }).onConflictDoUpdate({ target: [amendmentVotes.amendmentId, amendmentVotes.userId], set: { value, at } });
}

export async function countVotes(db: DbOrTx, amendmentIds: string[]): Promise<Map<string, VoteCounts>> {
  const out = new Map<string, VoteCounts>();
  if (amendmentIds.length === 0) return out;
  const rows = await db.select({ id: amendmentVotes.amendmentId, value: amendmentVotes.value, n: sql<number>`count(*)::int` }).from(amendmentVotes).where(inArray(amendmentVotes.amendmentId, amendmentIds)).groupBy(amendmentVotes.amendmentId, amendmentVotes.value);
  for (const r of rows) {
    const c = out.get(r.id) ?? { for: 0, against: 0, abstain: 0 };
    c[r.value === 1 ? 'for' : r.value === -1 ? 'against' : 'abstain'] += r.n;
    out.set(r.id, c);
  }
  return out;
}

export async function findVotesOf(db: DbOrTx, userId: string, amendmentIds: string[]): Promise<Map<string, number>> {
  if (amendmentIds.length === 0) return new Map();
  const rows = await db.select({ id: amendmentVotes.amendmentId, value: amendmentVotes.value }).from(amendmentVotes).where(and(eq(amendmentVotes.userId, userId), inArray(amendmentVotes.amendmentId, amendmentIds)));
  return new Map(rows.map((r) => [r.id, r.value]));
}

export async function setDecision(db: DbOrTx, id: string, d: { status: 'accepted' | 'rejected'; by: string; at: Date; how: DecidedHow; counts: VoteCounts }) {
  await db.update(amendments).set({ status: d.status, decidedBy: d.by, decidedAt: d.at, decidedHow: d.how, votesFor: d.counts.for, votesAgainst: d.counts.against, votesAbstain: d.counts.abstain }).where(eq(amendments.id, id));
}

export async function countProposed(db: DbOrTx, documentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(amendments)
    .innerJoin(planSections, eq(planSections.id, amendments.sectionId))
    .where(and(eq(planSections.documentId, documentId), eq(amendments.status, 'proposed')));
  return row!.n;
}

export async function setAdopted(db: DbOrTx, id: string, by: string, at: Date) {
  await db.update(planDocuments).set({ status: 'adopted', adoptedAt: at, adoptedBy: by }).where(eq(planDocuments.id, id));
}

/**
 * Every version of a section in every language, oldest first, with who wrote it. A row without an amendment
 * written after its version's first rows is a translation: a version's own text comes with it (the accepted
 * amendment, or version 1's texts all written by the drafting transaction), translations come later.
 */
export async function findVersions(db: DbOrTx, sectionId: string): Promise<SectionVersion[]> {
  const rows = await db
    .select({ version: sectionVersions.version, lang: sectionVersions.lang, text: sectionVersions.text, amendmentId: sectionVersions.amendmentId, byName: users.displayName, at: sectionVersions.at })
    .from(sectionVersions)
    .leftJoin(users, eq(users.id, sectionVersions.byUser))
    .where(eq(sectionVersions.sectionId, sectionId))
    .orderBy(asc(sectionVersions.version), asc(sectionVersions.at), asc(sectionVersions.lang));
  const firstAt = new Map<number, number>();
  for (const r of rows) if (!firstAt.has(r.version)) firstAt.set(r.version, r.at.getTime());
  return rows.map((r) => ({ ...r, isTranslation: r.amendmentId === null && (r.version > 1 || r.at.getTime() > firstAt.get(r.version)!) }));
}

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

async function findAmendments(db: DbOrTx, sectionIds: string[]): Promise<Amendment[]> {
  const rows = await db
    .select({ a: amendments, proposedByName: proposer.displayName, decidedByName: decider.displayName })
    .from(amendments)
    .leftJoin(proposer, eq(proposer.id, amendments.proposedBy))
    .leftJoin(decider, eq(decider.id, amendments.decidedBy))
    .where(inArray(amendments.sectionId, sectionIds))
    .orderBy(asc(amendments.proposedAt), asc(amendments.id));
  const live = await countVotes(db, rows.filter((r) => r.a.status === 'proposed').map((r) => r.a.id));
  return rows.map(({ a, proposedByName, decidedByName }) => ({
    id: a.id, sectionId: a.sectionId, baseVersion: a.baseVersion, lang: a.lang, text: a.proposedText, rationale: a.rationale, status: a.status as AmendmentStatus,
    proposedByName, proposedAt: a.proposedAt, decidedByName, decidedAt: a.decidedAt, decidedHow: a.decidedHow as DecidedHow | null,
    votes: a.status === 'proposed' ? (live.get(a.id) ?? { for: 0, against: 0, abstain: 0 }) : { for: a.votesFor ?? 0, against: a.votesAgainst ?? 0, abstain: a.votesAbstain ?? 0 },
  }));
}

async function findItems(db: DbOrTx, documentIds: string[]): Promise<ActionItem[]> {
  const rows = await db.select().from(actionItems).where(inArray(actionItems.documentId, documentIds)).orderBy(asc(actionItems.createdAt), asc(actionItems.code));
  const texts = rows.length ? await db.select().from(actionItemTexts).where(inArray(actionItemTexts.itemId, rows.map((r) => r.id))) : [];
  return rows.map((r) => ({
    id: r.id, sectionId: r.sectionId, code: r.code, weight: r.weight,
    texts: Object.fromEntries(texts.filter((t) => t.itemId === r.id).map((t) => [t.lang, { title: t.title }])),
  }));
}

/**
 * Each section's current (highest) version and its texts per language, and the languages whose latest text
 * is of an older version: those are shown as outdated translations, never as the current text.
 */
async function findLatestTexts(db: DbOrTx, sectionIds: string[]) {
  const rows = await db
    .selectDistinctOn([sectionVersions.sectionId, sectionVersions.lang], { sectionId: sectionVersions.sectionId, version: sectionVersions.version, lang: sectionVersions.lang, text: sectionVersions.text })
    .from(sectionVersions)
    .where(inArray(sectionVersions.sectionId, sectionIds))
    .orderBy(asc(sectionVersions.sectionId), asc(sectionVersions.lang), desc(sectionVersions.version));
  const out = new Map<string, { version: number; texts: Record<string, string>; outdated: Record<string, { version: number; text: string }> }>();
  for (const r of rows) {
    const s = out.get(r.sectionId) ?? { version: 0, texts: {}, outdated: {} };
    s.version = Math.max(s.version, r.version);
    out.set(r.sectionId, s);
  }
  for (const r of rows) {
    const s = out.get(r.sectionId)!;
    if (r.version === s.version) s.texts[r.lang] = r.text;
    else s.outdated[r.lang] = { version: r.version, text: r.text };
  }
  return out;
}

/** Documents of a process (or with the given ids), oldest first, with sections, current texts, items and amendments. */
export async function findDocuments(db: DbOrTx, where: { processId?: string; ids?: string[] }): Promise<PlanDocument[]> {
  const adopter = alias(users, 'adopter');
  const docs = await db
    .select({ d: planDocuments, adoptedByName: adopter.displayName })
    .from(planDocuments)
    .leftJoin(adopter, eq(adopter.id, planDocuments.adoptedBy))
    .where(and(where.processId ? eq(planDocuments.processId, where.processId) : undefined, where.ids ? inArray(planDocuments.id, where.ids) : undefined))
    .orderBy(asc(planDocuments.createdAt), desc(planDocuments.kind));
  if (docs.length === 0) return [];
  const ids = docs.map((r) => r.d.id);
  const texts = await db.select().from(planDocumentTexts).where(inArray(planDocumentTexts.documentId, ids));
  const sections = await db
    .select({ s: planSections, ownerName: organisations.name })
    .from(planSections)
    .leftJoin(organisations, eq(organisations.id, planSections.ownerOrganisationId))
    .where(inArray(planSections.documentId, ids))
    .orderBy(asc(planSections.position));
  const sectionIds = sections.map((r) => r.s.id);
  const latest = sectionIds.length ? await findLatestTexts(db, sectionIds) : new Map();
  const items = await findItems(db, ids);
  const all = sectionIds.length ? await findAmendments(db, sectionIds) : [];
  return docs.map(({ d, adoptedByName }) => ({
    id: d.id, processId: d.processId, kind: d.kind as DocumentKind, status: d.status as DocumentStatus, originalLanguage: d.originalLanguage, consultationId: d.consultationId,
    texts: Object.fromEntries(texts.filter((t) => t.documentId === d.id).map((t) => [t.lang, { title: t.title, preamble: t.preamble }])),
    createdAt: d.createdAt, adoptedAt: d.adoptedAt, adoptedByName,
    sections: sections.filter((r) => r.s.documentId === d.id).map(({ s, ownerName }): PlanSection => ({
      id: s.id, documentId: s.documentId, position: s.position, owner: s.ownerOrganisationId ? { id: s.ownerOrganisationId, name: ownerName ?? '' } : null,
      sourceStatementIds: s.sourceStatementIds, version: latest.get(s.id)?.version ?? 0, texts: latest.get(s.id)?.texts ?? {}, outdated: latest.get(s.id)?.outdated ?? {},
      actionItems: items.filter((i) => i.sectionId === s.id), amendments: all.filter((a) => a.sectionId === s.id),
    })),
  }));
}

export async function findSectionDocumentId(db: DbOrTx, sectionId: string): Promise<string | null> {
  const [row] = await db.select({ documentId: planSections.documentId }).from(planSections).where(eq(planSections.id, sectionId));
  return row?.documentId ?? null;
}

/** An action item's document, or null. */
export async function findItemDocumentId(db: DbOrTx, itemId: string): Promise<string | null> {
  const [row] = await db.select({ documentId: actionItems.documentId }).from(actionItems).where(eq(actionItems.id, itemId));
  return row?.documentId ?? null;
}

/** Adds or replaces a document's title and preamble in one language. */
export async function upsertDocumentText(db: DbOrTx, documentId: string, t: { lang: string; title: string; preamble: string }) {
  await db.insert(planDocumentTexts).values({ documentId, ...t }).onConflictDoUpdate({ target: [planDocumentTexts.documentId, planDocumentTexts.lang], set: { title: t.title, preamble: t.preamble } });
}

/** Adds or replaces an action item's title in one language. */
export async function upsertItemText(db: DbOrTx, itemId: string, t: { lang: string; title: string }) {
  await db.insert(actionItemTexts).values({ itemId, ...t }).onConflictDoUpdate({ target: [actionItemTexts.itemId, actionItemTexts.lang], set: { title: t.title } });
}
