import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import {
  commitmentChanges, commitmentItems, commitments, commitmentTexts, hubs, hubTexts, organisations, practices, practiceTexts, progressDocuments, progressImports, progressUpdates, stories, storyLinks, users,
} from '../../db/schema/index.js';
import type {
  ChangeAuthor, ChangeKind, Commitment, CommitmentChange, CommitmentInput, CommitmentStatus, CommitmentText, EvidenceDocument, Organisation, ProgressInput, ProgressSource, ProgressUpdate, Story,
  StoryInput,
} from './accountability.js';
import type { EditableCommitment, ItemLink } from './commitment-changes.js';
import type { AudioType } from './audio.js';
import type { DocumentType } from './document.js';

const orgColumns = { id: organisations.id, name: organisations.name, sector: organisations.sector };

export async function findOrganisation(db: DbOrTx, id: string): Promise<Organisation | null> {
  const [row] = await db.select(orgColumns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function listOrganisations(db: DbOrTx): Promise<Organisation[]> {
  return db.select(orgColumns).from(organisations).orderBy(asc(organisations.name));
}

export async function findUserOrganisationId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.organisationId }).from(users).where(eq(users.id, userId));
  return row?.id ?? null;
}

/** Published practices among `ids`, each with its title in its original language. */
export async function findPublishedPractices(db: DbOrTx, ids: string[]): Promise<{ id: string; title: string; lang: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: practices.id, title: practiceTexts.title, lang: practiceTexts.lang })
    .from(practices)
    .innerJoin(practiceTexts, and(eq(practiceTexts.practiceId, practices.id), eq(practiceTexts.lang, practices.originalLanguage)))
    .where(and(inArray(practices.id, ids), eq(practices.status, 'published')));
}

export async function hubExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: hubs.id }).from(hubs).where(eq(hubs.id, id));
  return Boolean(row);
}

export async function insertCommitment(db: DbOrTx, c: CommitmentInput & { processId: string; organisationId: string; by: string; at: Date }): Promise<string> {
  const [row] = await db.insert(commitments).values({
    processId: c.processId, organisationId: c.organisationId, partners: c.partners, baseline: c.baseline, target: c.target, unit: c.unit,
    deadline: c.deadline, originalLanguage: c.originalLanguage, createdBy: c.by, createdAt: c.at,
  }).returning({ id: commitments.id });
  const id = row!.id;
  await db.insert(commitmentTexts).values(Object.entries(c.texts).map(([lang, t]) => ({ commitmentId: id, lang, ...t })));
  await db.insert(commitmentItems).values(c.items.map((i) => ({ commitmentId: id, itemId: i.itemId, weight: i.weight })));
  return id;
}

export async function findCommitmentRef(db: DbOrTx, id: string): Promise<{ id: string; processId: string; organisationId: string } | null> {
  const [row] = await db.select({ id: commitments.id, processId: commitments.processId, organisationId: commitments.organisationId }).from(commitments).where(eq(commitments.id, id));
  return row ?? null;
}

export async function findCommitmentRefs(db: DbOrTx, ids: string[]): Promise<Map<string, { processId: string; organisationId: string; status: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: commitments.id, processId: commitments.processId, organisationId: commitments.organisationId, status: commitments.status }).from(commitments).where(inArray(commitments.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertProgress(db: DbOrTx, commitmentId: string, p: ProgressInput, source: ProgressSource, by: string, at: Date): Promise<string> {
  const [row] = await db.insert(progressUpdates).values({
    commitmentId, reportedOn: p.reportedOn, value: p.value, note: p.note, evidenceUrl: p.evidenceUrl, evidencePracticeId: p.evidencePracticeId, source, byUser: by, at,
  }).returning({ id: progressUpdates.id });
  return row!.id;
}

/** Written in the update's transaction: an update is never seen without the document it was sent with. */
export async function insertProgressDocument(tx: DbOrTx, updateId: string, d: { name: string; type: DocumentType; bytes: Buffer; sha256: string }): Promise<void> {
  await tx.insert(progressDocuments).values({ updateId, fileName: d.name, contentType: d.type, bytes: d.bytes, sha256: d.sha256 });
}

/** An update's document with its bytes, and the process it belongs to (through the update's commitment). */
export async function findProgressDocument(db: DbOrTx, updateId: string): Promise<(EvidenceDocument & { bytes: Buffer; processId: string }) | null> {
  const [row] = await db
    .select({ name: progressDocuments.fileName, type: progressDocuments.contentType, bytes: progressDocuments.bytes, sha256: progressDocuments.sha256, processId: commitments.processId })
    .from(progressDocuments)
    .innerJoin(progressUpdates, eq(progressUpdates.id, progressDocuments.updateId))
    .innerJoin(commitments, eq(commitments.id, progressUpdates.commitmentId))
    .where(eq(progressDocuments.updateId, updateId));
  return row ? { ...row, type: row.type as DocumentType, size: row.bytes.length } : null;
}

const authorOf = (role: string | null, organisationName: string | null): ChangeAuthor =>
  role === 'admin' ? { kind: 'admin' } : organisationName ? { kind: 'organisation', name: organisationName } : null;

async function findChanges(db: DbOrTx, ids: string[]): Promise<(CommitmentChange & { commitmentId: string })[]> {
  const rows = await db
    .select({ c: commitmentChanges, role: users.role, organisationName: organisations.name })
    .from(commitmentChanges)
    .leftJoin(users, eq(users.id, commitmentChanges.byUser))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(commitmentChanges.commitmentId, ids))
    .orderBy(asc(commitmentChanges.at), asc(commitmentChanges.id));
  return rows.map(({ c, role, organisationName }) => ({
    id: c.id, commitmentId: c.commitmentId, kind: c.kind as ChangeKind, before: c.before as Record<string, unknown>, after: c.after as Record<string, unknown>,
    reason: c.reason, at: c.at, by: authorOf(role, organisationName),
  }));
}

/** A process's commitments (or the ones named), oldest first, with texts, links, updates and changes. */
export async function findCommitments(db: DbOrTx, where: { processId?: string; ids?: string[] }): Promise<Commitment[]> {
  const cond = where.ids ? inArray(commitments.id, where.ids) : eq(commitments.processId, where.processId!);
  const rows = await db.select({ c: commitments, o: orgColumns }).from(commitments).innerJoin(organisations, eq(organisations.id, commitments.organisationId)).where(cond).orderBy(asc(commitments.createdAt), asc(commitments.id));
  const ids = rows.map((r) => r.c.id);
  if (ids.length === 0) return [];
  const texts = await db.select().from(commitmentTexts).where(inArray(commitmentTexts.commitmentId, ids));
  const links = await db.select().from(commitmentItems).where(inArray(commitmentItems.commitmentId, ids));
  const updates = await db
    .select({
      u: progressUpdates, practiceTitle: practiceTexts.title, practiceLang: practiceTexts.lang,
      // The document's facts, not its bytes: those are read one at a time, for download.
      docName: progressDocuments.fileName, docType: progressDocuments.contentType, docSha256: progressDocuments.sha256,
      docSize: sql<number | null>`octet_length(${progressDocuments.bytes})`.mapWith(Number),
    })
    .from(progressUpdates)
    .leftJoin(practices, eq(practices.id, progressUpdates.evidencePracticeId))
    .leftJoin(progressDocuments, eq(progressDocuments.updateId, progressUpdates.id))
    .leftJoin(practiceTexts, and(eq(practiceTexts.practiceId, practices.id), eq(practiceTexts.lang, practices.originalLanguage)))
    .where(inArray(progressUpdates.commitmentId, ids))
    .orderBy(asc(progressUpdates.reportedOn), asc(progressUpdates.at));
  const changes = await findChanges(db, ids);
  return rows.map(({ c, o }) => ({
    id: c.id, processId: c.processId, organisation: o, partners: c.partners, baseline: c.baseline, target: c.target, unit: c.unit, deadline: c.deadline,
    originalLanguage: c.originalLanguage, createdAt: c.createdAt, status: c.status as CommitmentStatus,
    changes: changes.filter((ch) => ch.commitmentId === c.id).map(({ commitmentId: _, ...ch }) => ch),
    texts: Object.fromEntries(texts.filter((t) => t.commitmentId === c.id).map((t): [string, CommitmentText] => [t.lang, { title: t.title, indicator: t.indicator }])),
    links: links.filter((l) => l.commitmentId === c.id).map((l) => ({ itemId: l.itemId, weight: l.weight })),
    updates: updates.filter((r) => r.u.commitmentId === c.id).map(({ u, practiceTitle, practiceLang, docName, docType, docSha256, docSize }): ProgressUpdate => ({
      id: u.id, reportedOn: u.reportedOn, value: u.value, note: u.note, evidenceUrl: u.evidenceUrl, source: u.source as ProgressSource, at: u.at,
      evidencePractice: u.evidencePracticeId && practiceTitle ? { id: u.evidencePracticeId, title: practiceTitle, lang: practiceLang! } : null,
      document: docName !== null && docType !== null && docSha256 !== null ? { name: docName, type: docType as DocumentType, size: Number(docSize), sha256: docSha256 } : null,
    })),
  }));
}

/**
 * Locks a commitment's row for the rest of the transaction (`update`: a revision or withdrawal; `share`: a
 * progress report, which then waits for a withdrawal under way) and reads what a revision may change.
 */
export async function lockCommitment(tx: DbOrTx, id: string, mode: 'update' | 'share'): Promise<(EditableCommitment & { status: CommitmentStatus; originalLanguage: string }) | null> {
  const q = tx.select().from(commitments).where(eq(commitments.id, id));
  const [c] = await (mode === 'update' ? q.for('update') : q.for('share'));
  if (!c) return null;
  const [text] = await tx.select().from(commitmentTexts).where(and(eq(commitmentTexts.commitmentId, id), eq(commitmentTexts.lang, c.originalLanguage)));
  const links = await tx.select({ itemId: commitmentItems.itemId, weight: commitmentItems.weight }).from(commitmentItems).where(eq(commitmentItems.commitmentId, id));
  return {
    status: c.status as CommitmentStatus, originalLanguage: c.originalLanguage, title: text?.title ?? '', indicator: text?.indicator ?? '',
    partners: c.partners, baseline: c.baseline, target: c.target, unit: c.unit, deadline: c.deadline, items: links,
  };
}

/** Writes the fields given; the texts go to the original language's row, links are replaced when given. */
export async function updateCommitment(tx: DbOrTx, id: string, originalLanguage: string, f: Partial<EditableCommitment>): Promise<void> {
  const row = { partners: f.partners, baseline: f.baseline, target: f.target, unit: f.unit, deadline: f.deadline };
  if (Object.values(row).some((v) => v !== undefined)) await tx.update(commitments).set(row).where(eq(commitments.id, id));
  if (f.title !== undefined || f.indicator !== undefined) {
    await tx.update(commitmentTexts).set({ title: f.title, indicator: f.indicator }).where(and(eq(commitmentTexts.commitmentId, id), eq(commitmentTexts.lang, originalLanguage)));
  }
  if (f.items) await replaceLinks(tx, id, f.items);
}

async function replaceLinks(tx: DbOrTx, id: string, items: ItemLink[]) {
  await tx.delete(commitmentItems).where(eq(commitmentItems.commitmentId, id));
  await tx.insert(commitmentItems).values(items.map((i) => ({ commitmentId: id, itemId: i.itemId, weight: i.weight })));
}

/** The commitment's status, its row share-locked until the transaction ends (a withdrawal waits, or is waited for). */
export async function lockStatus(tx: DbOrTx, id: string): Promise<CommitmentStatus | null> {
  const [row] = await tx.select({ status: commitments.status }).from(commitments).where(eq(commitments.id, id)).for('share');
  return (row?.status as CommitmentStatus | undefined) ?? null;
}

export async function setCommitmentStatus(tx: DbOrTx, id: string, status: CommitmentStatus): Promise<void> {
  await tx.update(commitments).set({ status }).where(eq(commitments.id, id));
}

export async function insertChange(tx: DbOrTx, c: { commitmentId: string; kind: ChangeKind; before: object; after: object; reason: string; by: string; at: Date }): Promise<void> {
  await tx.insert(commitmentChanges).values({ commitmentId: c.commitmentId, kind: c.kind, before: c.before, after: c.after, reason: c.reason, byUser: c.by, at: c.at });
}

export async function upsertText(db: DbOrTx, id: string, lang: string, t: CommitmentText): Promise<void> {
  await db.insert(commitmentTexts).values({ commitmentId: id, lang, ...t }).onConflictDoUpdate({ target: [commitmentTexts.commitmentId, commitmentTexts.lang], set: t });
}

export type ProgressImportRow = {
  id: number; processId: string; fileName: string; total: number; written: number; skipped: number; report: unknown; byUser: string | null; byName: string | null; at: Date;
};

export async function insertProgressImport(db: DbOrTx, i: Omit<ProgressImportRow, 'id' | 'byName'>): Promise<number> {
  const [row] = await db.insert(progressImports).values(i).returning({ id: progressImports.id });
  return row!.id;
}

/** A process's CSV imports, newest first (at most 50; with `byUser`, that person's only); with `id`, that one. */
export async function findProgressImports(db: DbOrTx, where: { processId: string; id?: number; byUser?: string }): Promise<ProgressImportRow[]> {
  return db
    .select({
      id: progressImports.id, processId: progressImports.processId, fileName: progressImports.fileName, total: progressImports.total, written: progressImports.written,
      skipped: progressImports.skipped, report: progressImports.report, byUser: progressImports.byUser, byName: users.displayName, at: progressImports.at,
    })
    .from(progressImports)
    .leftJoin(users, eq(users.id, progressImports.byUser))
    .where(and(
      eq(progressImports.processId, where.processId),
      where.id === undefined ? undefined : eq(progressImports.id, where.id),
      where.byUser === undefined ? undefined : eq(progressImports.byUser, where.byUser),
    ))
    .orderBy(desc(progressImports.at), desc(progressImports.id))
    .limit(50);
}

export async function insertStory(db: DbOrTx, s: StoryInput & { processId: string; audio: { bytes: Buffer; type: AudioType } | null; by: string; at: Date }): Promise<string> {
  const [row] = await db.insert(stories).values({
    processId: s.processId, hubId: s.hubId, lang: s.lang, title: s.title, text: s.text, audio: s.audio?.bytes ?? null, audioType: s.audio?.type ?? null,
    createdBy: s.by, createdAt: s.at,
  }).returning({ id: stories.id });
  const id = row!.id;
  const links = [...s.itemIds.map((itemId) => ({ storyId: id, itemId })), ...s.practiceIds.map((practiceId) => ({ storyId: id, practiceId }))];
  if (links.length) await db.insert(storyLinks).values(links);
  return id;
}

/** A process's published stories, newest first, without their audio bytes. */
export async function findStories(db: DbOrTx, where: { processId?: string; id?: string }): Promise<Story[]> {
  const cond = where.id ? eq(stories.id, where.id) : and(eq(stories.processId, where.processId!), eq(stories.status, 'published'));
  const rows = await db
    .select({
      id: stories.id, processId: stories.processId, lang: stories.lang, title: stories.title, text: stories.text, audioType: stories.audioType, createdAt: stories.createdAt,
      hubId: stories.hubId, hubName: hubTexts.name, hubLang: hubTexts.lang,
    })
    .from(stories)
    .innerJoin(hubs, eq(hubs.id, stories.hubId))
    .innerJoin(hubTexts, and(eq(hubTexts.hubId, hubs.id), eq(hubTexts.lang, hubs.originalLanguage)))
    .where(cond)
    .orderBy(sql`${stories.createdAt} desc`, asc(stories.id));
  const ids = rows.map((r) => r.id);
  const links = ids.length === 0 ? [] : await db
    .select({ storyId: storyLinks.storyId, itemId: storyLinks.itemId, practiceId: storyLinks.practiceId, title: practiceTexts.title, lang: practiceTexts.lang })
    .from(storyLinks)
    .leftJoin(practices, eq(practices.id, storyLinks.practiceId))
    .leftJoin(practiceTexts, and(eq(practiceTexts.practiceId, practices.id), eq(practiceTexts.lang, practices.originalLanguage)))
    .where(inArray(storyLinks.storyId, ids))
    .orderBy(asc(storyLinks.id));
  return rows.map(({ hubId, hubName, hubLang, ...r }) => {
    const mine = links.filter((l) => l.storyId === r.id);
    return {
      ...r, hub: { id: hubId, name: hubName, lang: hubLang },
      items: mine.flatMap((l) => (l.itemId ? [l.itemId] : [])),
      practices: mine.flatMap((l) => (l.practiceId && l.title ? [{ id: l.practiceId, title: l.title, lang: l.lang! }] : [])),
    };
  });
}

export async function findStoryAudio(db: DbOrTx, id: string): Promise<{ bytes: Buffer; type: string } | null> {
  const [row] = await db.select({ audio: stories.audio, type: stories.audioType }).from(stories).where(and(eq(stories.id, id), eq(stories.status, 'published')));
  return row?.audio && row.type ? { bytes: row.audio, type: row.type } : null;
}

/** Hubs with their name in their original language: the ones named, or all when `ids` is null. */
export async function listHubNames(db: DbOrTx, ids: string[] | null): Promise<{ id: string; name: string }[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select({ id: hubs.id, name: hubTexts.name })
    .from(hubs)
    .innerJoin(hubTexts, and(eq(hubTexts.hubId, hubs.id), eq(hubTexts.lang, hubs.originalLanguage)))
    .where(ids ? inArray(hubs.id, ids) : undefined)
    .orderBy(asc(hubTexts.name));
}

export async function findStoryRef(db: DbOrTx, id: string): Promise<{ id: string; processId: string; hubId: string; status: string } | null> {
  const [row] = await db.select({ id: stories.id, processId: stories.processId, hubId: stories.hubId, status: stories.status }).from(stories).where(eq(stories.id, id));
  return row ?? null;
}

export async function setStoryStatus(db: DbOrTx, id: string, status: 'published' | 'withdrawn'): Promise<void> {
  await db.update(stories).set({ status }).where(eq(stories.id, id));
}
