import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { hubs, hubTexts, iatiImports, organisations, stocktakeActivities, stocktakeActivityTexts, users } from '../../db/schema/index.js';
import type { Sector, TargetGroup, Theme } from '../taxonomy/index.js';
import type { ActivityRow, StocktakeActivity, StocktakeOrganisation, StocktakeSource, StocktakeStatus, StocktakeText } from './stocktake.js';
import type { HubPriorities } from './stocktake-summary.js';

const orgColumns = { id: organisations.id, name: organisations.name, sector: organisations.sector };

export async function findOrganisation(db: DbOrTx, id: string): Promise<StocktakeOrganisation | null> {
  const [row] = await db.select(orgColumns).from(organisations).where(eq(organisations.id, id));
  return row ? { ...row, sector: row.sector as Sector } : null;
}

export async function listOrganisations(db: DbOrTx): Promise<StocktakeOrganisation[]> {
  const rows = await db.select(orgColumns).from(organisations).orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, sector: r.sector as Sector }));
}

export async function findUserOrganisationId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.organisationId }).from(users).where(eq(users.id, userId));
  return row?.id ?? null;
}

export async function countHubsWithIds(db: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(hubs).where(inArray(hubs.id, ids));
  return row!.n;
}

function columns(r: ActivityRow) {
  const { texts: _texts, ...rest } = r;
  return rest;
}

async function writeTexts(db: DbOrTx, activityId: string, texts: Record<string, StocktakeText>) {
  await db.delete(stocktakeActivityTexts).where(eq(stocktakeActivityTexts.activityId, activityId));
  await db.insert(stocktakeActivityTexts).values(Object.entries(texts).map(([lang, t]) => ({ activityId, lang, ...t })));
}

export async function insertActivity(db: DbOrTx, r: ActivityRow, at: Date, by: string | null): Promise<string> {
  const [row] = await db.insert(stocktakeActivities).values({ ...columns(r), createdBy: by, createdAt: at, updatedAt: at }).returning({ id: stocktakeActivities.id });
  await writeTexts(db, row!.id, r.texts);
  return row!.id;
}

/** Replaces every field and text of an activity; its process, organisation, source and creation stay. */
export async function updateActivity(db: DbOrTx, id: string, r: ActivityRow, at: Date): Promise<void> {
  const { processId: _p, organisationId: _o, source: _s, iatiIdentifier: _i, ...fields } = columns(r);
  await db.update(stocktakeActivities).set({ ...fields, updatedAt: at }).where(eq(stocktakeActivities.id, id));
  await writeTexts(db, id, r.texts);
}

/**
 * Inserts an IATI activity or, when the organisation already has one with this identifier in the process,
 * updates it. `created` tells which (a new row has no earlier version: xmax is 0).
 */
export async function upsertIatiActivity(db: DbOrTx, r: ActivityRow, at: Date, by: string | null): Promise<{ id: string; created: boolean }> {
  const { processId: _p, organisationId: _o, source: _s, iatiIdentifier: _i, ...fields } = columns(r);
  const [row] = await db
    .insert(stocktakeActivities)
    .values({ ...columns(r), createdBy: by, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: [stocktakeActivities.processId, stocktakeActivities.organisationId, stocktakeActivities.iatiIdentifier], set: { ...fields, updatedAt: at } })
    .returning({ id: stocktakeActivities.id, created: sql<boolean>`(xmax = 0)` });
  await writeTexts(db, row!.id, r.texts);
  return row!;
}

/** Activities of a process (or the ones with the given ids), most recently changed first, with their organisation and texts. */
export async function findActivities(db: DbOrTx, where: { processId?: string; ids?: string[] }): Promise<StocktakeActivity[]> {
  const conditions = [where.processId ? eq(stocktakeActivities.processId, where.processId) : undefined, where.ids ? inArray(stocktakeActivities.id, where.ids) : undefined];
  const rows = await db
    .select({ a: stocktakeActivities, org: orgColumns })
    .from(stocktakeActivities)
    .innerJoin(organisations, eq(organisations.id, stocktakeActivities.organisationId))
    .where(and(...conditions))
    .orderBy(desc(stocktakeActivities.updatedAt), asc(stocktakeActivities.id));
  if (rows.length === 0) return [];
  const texts = await db.select().from(stocktakeActivityTexts).where(inArray(stocktakeActivityTexts.activityId, rows.map((r) => r.a.id)));
  const textsOf = new Map<string, Record<string, StocktakeText>>();
  for (const t of texts) textsOf.set(t.activityId, { ...textsOf.get(t.activityId), [t.lang]: { title: t.title, description: t.description, communities: t.communities } });
  return rows.map(({ a, org }) => ({
    id: a.id, processId: a.processId, organisation: { ...org, sector: org.sector as Sector }, source: a.source as StocktakeSource, iatiIdentifier: a.iatiIdentifier,
    countries: a.countries, adminAreas: a.adminAreas, regions: a.regions, hubIds: a.hubIds, targetGroups: a.targetGroups as TargetGroup[], themes: a.themes as Theme[],
    sdgs: a.sdgs, wsis: a.wsis, budget: a.budgetAmount === null ? null : { amount: Number(a.budgetAmount), currency: a.budgetCurrency! },
    startsOn: a.startsOn, endsOn: a.endsOn, partners: a.partners, status: a.status as StocktakeStatus, originalLanguage: a.originalLanguage,
    texts: textsOf.get(a.id) ?? {}, createdAt: a.createdAt, updatedAt: a.updatedAt,
  }));
}

/** Every hub with its country, area, priorities and a name (the original language's). */
export async function findHubPriorities(db: DbOrTx): Promise<HubPriorities[]> {
  return db
    .select({ id: hubs.id, name: hubTexts.name, country: hubs.country, adminArea: hubs.adminArea, themes: hubs.themes })
    .from(hubs)
    .innerJoin(hubTexts, and(eq(hubTexts.hubId, hubs.id), eq(hubTexts.lang, hubs.originalLanguage)))
    .orderBy(asc(hubs.country), asc(hubs.adminArea), asc(hubs.id));
}

export type IatiImportRow = {
  id: number; processId: string; organisationId: string; fileName: string; total: number; created: number; updated: number; skipped: number;
  report: unknown; byName: string | null; organisationName: string; at: Date;
};

export async function insertImport(db: DbOrTx, i: Omit<IatiImportRow, 'id' | 'byName' | 'organisationName'> & { byUser: string | null }): Promise<number> {
  const [row] = await db.insert(iatiImports).values(i).returning({ id: iatiImports.id });
  return row!.id;
}

const importColumns = {
  id: iatiImports.id, processId: iatiImports.processId, organisationId: iatiImports.organisationId, fileName: iatiImports.fileName, total: iatiImports.total,
  created: iatiImports.created, updated: iatiImports.updated, skipped: iatiImports.skipped, report: iatiImports.report, byName: users.displayName,
  organisationName: organisations.name, at: iatiImports.at,
};

/** Imports of a process, newest first; with `id`, that one only. */
export async function findImports(db: DbOrTx, processId: string, id?: number): Promise<IatiImportRow[]> {
  return db
    .select(importColumns)
    .from(iatiImports)
    .innerJoin(organisations, eq(organisations.id, iatiImports.organisationId))
    .leftJoin(users, eq(users.id, iatiImports.byUser))
    .where(and(eq(iatiImports.processId, processId), id === undefined ? undefined : eq(iatiImports.id, id)))
    .orderBy(desc(iatiImports.at), desc(iatiImports.id))
    .limit(50);
}
