import { and, arrayContains, arrayOverlaps, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { practiceHubs, practiceReviews, practices, practiceTexts, practiceVersions, users } from '../../db/schema/index.js';
import { offsetOf, type Paging } from '../shared/paging.js';
import type { PracticeStatus } from '../taxonomy/index.js';
import type { PracticeFilters } from './practice-filters.js';
import type { FieldChange, Practice, PracticeFacts, PracticeText } from './practices.js';

type Row = typeof practices.$inferSelect;
type TextRow = typeof practiceTexts.$inferSelect;

const num = (v: string | null) => (v === null ? null : Number(v));

function toPractice(r: Row, texts: Record<string, PracticeText>, hubIds: string[]): Practice {
  return {
    id: r.id,
    status: r.status as PracticeStatus,
    originalLanguage: r.originalLanguage,
    technologies: r.technologies as Practice['technologies'],
    targetGroups: r.targetGroups as Practice['targetGroups'],
    themes: r.themes as Practice['themes'],
    sdgs: r.sdgs,
    wsisActionLines: r.wsisActionLines as Practice['wsisActionLines'],
    countries: r.countries,
    languages: r.languages,
    licence: r.licence as Practice['licence'],
    costs: { setup: num(r.costSetup), running: num(r.costRunning), currency: r.costCurrency, band: r.costBand as Practice['costs']['band'] },
    texts,
    hubIds,
    version: r.version,
    isDemo: r.isDemo,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
  };
}

function toText(r: TextRow): PracticeText {
  return {
    title: r.title,
    summary: r.summary,
    problem: r.problem,
    context: r.context,
    approach: r.approach as PracticeText['approach'],
    sustainabilityEconomic: r.sustainabilityEconomic,
    sustainabilitySocial: r.sustainabilitySocial,
    sustainabilityCultural: r.sustainabilityCultural,
    results: r.results as PracticeText['results'],
    lessons: r.lessons,
  };
}

function factColumns(f: PracticeFacts) {
  const { hubIds: _h, costs, ...rest } = f;
  return {
    ...rest,
    costSetup: costs.setup === null ? null : String(costs.setup),
    costRunning: costs.running === null ? null : String(costs.running),
    costCurrency: costs.currency,
    costBand: costs.band,
  };
}

export async function insertPractice(
  db: DbOrTx,
  p: { id?: string; facts: PracticeFacts; originalLanguage: string; status: PracticeStatus; createdBy: string | null; isDemo: boolean; at: Date; publishedAt: Date | null },
): Promise<string> {
  const [row] = await db
    .insert(practices)
    .values({
      ...(p.id ? { id: p.id } : {}),
      ...factColumns(p.facts),
      status: p.status,
      originalLanguage: p.originalLanguage,
      createdBy: p.createdBy,
      isDemo: p.isDemo,
      createdAt: p.at,
      updatedAt: p.at,
      publishedAt: p.publishedAt,
    })
    .returning({ id: practices.id });
  await setHubs(db, row!.id, p.facts.hubIds);
  return row!.id;
}

async function setHubs(db: DbOrTx, practiceId: string, hubIds: string[]) {
  await db.delete(practiceHubs).where(eq(practiceHubs.practiceId, practiceId));
  if (hubIds.length) await db.insert(practiceHubs).values(hubIds.map((hubId) => ({ practiceId, hubId })));
}

/** Bumps the version only if it is still `expectedVersion`; returns false when someone saved in between. */
export async function bumpVersion(db: DbOrTx, id: string, expectedVersion: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(practices)
    .set({ version: sql`${practices.version} + 1`, updatedAt: at })
    .where(and(eq(practices.id, id), eq(practices.version, expectedVersion)))
    .returning({ id: practices.id });
  return rows.length === 1;
}

export async function updateFacts(db: DbOrTx, id: string, facts: PracticeFacts) {
  await db.update(practices).set(factColumns(facts)).where(eq(practices.id, id));
  await setHubs(db, id, facts.hubIds);
}

export async function upsertText(db: DbOrTx, practiceId: string, lang: string, t: PracticeText, userId: string | null, at: Date) {
  await db
    .insert(practiceTexts)
    .values({ practiceId, lang, ...t, updatedBy: userId, updatedAt: at })
    .onConflictDoUpdate({ target: [practiceTexts.practiceId, practiceTexts.lang], set: { ...t, updatedBy: userId, updatedAt: at } });
}

export async function setStatus(db: DbOrTx, id: string, status: PracticeStatus, at: Date) {
  await db
    .update(practices)
    .set({ status, updatedAt: at, ...(status === 'published' ? { publishedAt: sql`coalesce(${practices.publishedAt}, ${at.toISOString()}::timestamptz)` } : {}) })
    .where(eq(practices.id, id));
}

async function hydrate(db: DbOrTx, rows: Row[]): Promise<Practice[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [texts, links] = await Promise.all([
    db.select().from(practiceTexts).where(inArray(practiceTexts.practiceId, ids)),
    db.select().from(practiceHubs).where(inArray(practiceHubs.practiceId, ids)),
  ]);
  return rows.map((r) => {
    const own: Record<string, PracticeText> = {};
    for (const t of texts) if (t.practiceId === r.id) own[t.lang] = toText(t);
    const hubIds = links.filter((l) => l.practiceId === r.id).map((l) => l.hubId);
    return toPractice(r, own, hubIds);
  });
}

export async function findPractice(db: DbOrTx, id: string): Promise<Practice | null> {
  const rows = await db.select().from(practices).where(eq(practices.id, id));
  return (await hydrate(db, rows))[0] ?? null;
}

/** Several practices in one round trip, in no particular order. */
export async function findPractices(db: DbOrTx, ids: string[]): Promise<Practice[]> {
  if (ids.length === 0) return [];
  return hydrate(db, await db.select().from(practices).where(inArray(practices.id, ids)));
}

/** Published practices whose id ends with `suffix` (lower-case hex): the short codes of text messages. */
export async function publishedByIdSuffix(db: DbOrTx, suffix: string): Promise<Practice[]> {
  return hydrate(db, await db.select().from(practices).where(and(sql`right(replace(${practices.id}::text, '-', ''), ${suffix.length}) = ${suffix}`, eq(practices.status, 'published'))).limit(2));
}

export async function practiceExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: practices.id }).from(practices).where(eq(practices.id, id));
  return rows.length > 0;
}

/** Which statuses to list and, for "my practices", whose: the author or a coordinator of an authoring hub. */
export type ListScope = { statuses: PracticeStatus[]; authorId?: string; authorHubIds?: string[] };

function whereOf(f: PracticeFilters, scope: ListScope): SQL | undefined {
  const conds: SQL[] = [inArray(practices.status, scope.statuses)];
  if (f.theme) conds.push(arrayContains(practices.themes, [f.theme]));
  if (f.country) conds.push(arrayContains(practices.countries, [f.country]));
  if (f.technology) conds.push(arrayContains(practices.technologies, [f.technology]));
  if (f.language) {
    conds.push(sql`(${f.language} = any(${practices.languages})
      or exists (select 1 from ${practiceTexts} t where t.practice_id = ${practices.id} and t.lang = ${f.language}))`);
  }
  if (f.hub) conds.push(sql`exists (select 1 from ${practiceHubs} h where h.practice_id = ${practices.id} and h.hub_id = ${f.hub})`);
  if (f.q) {
    conds.push(sql`exists (select 1 from ${practiceTexts} t where t.practice_id = ${practices.id}
      and lower(immutable_unaccent(t.title)) like '%' || lower(immutable_unaccent(${f.q})) || '%')`);
  }
  if (scope.authorId) {
    const hubIds = scope.authorHubIds ?? [];
    conds.push(sql`(${practices.createdBy} = ${scope.authorId} or exists (select 1 from ${practiceHubs} h
      where h.practice_id = ${practices.id} and h.hub_id in (${hubIds.length ? sql.join(hubIds.map((h) => sql`${h}::uuid`), sql`, `) : sql`null`})))`);
  }
  return and(...conds);
}

export async function listPractices(db: DbOrTx, f: PracticeFilters, scope: ListScope, paging: Paging) {
  const where = whereOf(f, scope);
  const rows = await db
    .select()
    .from(practices)
    .where(where)
    .orderBy(sql`${practices.publishedAt} desc nulls last`, desc(practices.updatedAt), asc(practices.id))
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  const [total] = await db.select({ n: count() }).from(practices).where(where);
  return { items: await hydrate(db, rows), total: total?.n ?? 0 };
}

export async function insertReview(db: DbOrTx, r: { practiceId: string; userId: string | null; action: string; comment: string; at: Date }) {
  await db.insert(practiceReviews).values({ practiceId: r.practiceId, userId: r.userId, action: r.action, comment: r.comment, createdAt: r.at });
}

export async function listReviews(db: DbOrTx, practiceId: string) {
  return db
    .select({ action: practiceReviews.action, comment: practiceReviews.comment, createdAt: practiceReviews.createdAt, userName: users.displayName })
    .from(practiceReviews)
    .leftJoin(users, eq(users.id, practiceReviews.userId))
    .where(eq(practiceReviews.practiceId, practiceId))
    .orderBy(asc(practiceReviews.createdAt), asc(practiceReviews.seq));
}

export async function insertVersion(db: DbOrTx, v: { practiceId: string; version: number; userId: string | null; changes: FieldChange[]; at: Date }) {
  await db.insert(practiceVersions).values({ practiceId: v.practiceId, version: v.version, userId: v.userId, changes: v.changes, createdAt: v.at });
}

export async function listVersions(db: DbOrTx, practiceId: string) {
  const rows = await db
    .select({ version: practiceVersions.version, changes: practiceVersions.changes, createdAt: practiceVersions.createdAt, userName: users.displayName })
    .from(practiceVersions)
    .leftJoin(users, eq(users.id, practiceVersions.userId))
    .where(eq(practiceVersions.practiceId, practiceId))
    .orderBy(desc(practiceVersions.version));
  return rows.map((r) => ({ ...r, changes: r.changes as FieldChange[] }));
}

/** Published practices that share a theme with, or are written in a language of, a hub: the pool recommendations rank. */
export async function listCandidates(db: DbOrTx, f: { themes: string[]; languages: string[] }, limit: number) {
  const langs = f.languages.map((l) => l.split('-')[0]!);
  const byTheme = f.themes.length ? arrayOverlaps(practices.themes, f.themes) : undefined;
  const byLanguage = langs.length
    ? sql`exists (select 1 from ${practiceTexts} t where t.practice_id = ${practices.id} and split_part(t.lang, '-', 1) in (${sql.join(langs.map((l) => sql`${l}`), sql`, `)}))`
    : undefined;
  const rows = await db
    .select()
    .from(practices)
    .where(and(eq(practices.status, 'published'), or(byTheme, byLanguage) ?? sql`true`))
    .orderBy(sql`${practices.publishedAt} desc nulls last`, asc(practices.id))
    .limit(limit);
  return hydrate(db, rows);
}
