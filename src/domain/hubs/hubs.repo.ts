import { and, arrayContains, arrayOverlaps, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { wordsOf } from '../../lib/words.js';
import { hubMembers, hubs, hubTexts } from '../../db/schema/index.js';
import { offsetOf, type Paging } from '../shared/paging.js';
import type { Hub, HubProfile, HubText } from './hubs.js';

type HubRow = typeof hubs.$inferSelect;

function toHub(row: HubRow, texts: Record<string, HubText>): Hub {
  const { contactName, contactEmail, contactPhone, createdBy: _c, ...rest } = row;
  return {
    ...rest,
    adminArea: rest.adminArea ?? '',
    radioName: rest.radioName ?? '',
    radioFrequency: rest.radioFrequency ?? '',
    kind: rest.kind as Hub['kind'],
    communityType: rest.communityType as Hub['communityType'],
    internet: rest.internet as Hub['internet'],
    mobile: rest.mobile as Hub['mobile'],
    electricity: rest.electricity as Hub['electricity'],
    themes: rest.themes as Hub['themes'],
    texts,
    contact: { name: contactName ?? '', email: contactEmail ?? '', phone: contactPhone ?? '' },
  };
}

function profileColumns(p: HubProfile) {
  return {
    ...p,
    adminArea: p.adminArea || null,
    radioName: p.radioName || null,
    radioFrequency: p.radioFrequency || null,
    contactName: p.contactName || null,
    contactEmail: p.contactEmail || null,
    contactPhone: p.contactPhone || null,
  };
}

export async function insertHub(
  db: DbOrTx,
  h: { id?: string; profile: HubProfile; originalLanguage: string; createdBy: string | null; isDemo: boolean; at: Date },
): Promise<string> {
  const [row] = await db
    .insert(hubs)
    .values({ ...(h.id ? { id: h.id } : {}), ...profileColumns(h.profile), originalLanguage: h.originalLanguage, createdBy: h.createdBy, isDemo: h.isDemo, createdAt: h.at, updatedAt: h.at })
    .returning({ id: hubs.id });
  return row!.id;
}

export async function updateHubProfile(db: DbOrTx, id: string, profile: HubProfile, at: Date) {
  await db.update(hubs).set({ ...profileColumns(profile), updatedAt: at }).where(eq(hubs.id, id));
}

export async function upsertHubText(db: DbOrTx, hubId: string, lang: string, t: HubText, userId: string | null, at: Date) {
  await db
    .insert(hubTexts)
    .values({ hubId, lang, ...t, updatedBy: userId, updatedAt: at })
    .onConflictDoUpdate({ target: [hubTexts.hubId, hubTexts.lang], set: { ...t, updatedBy: userId, updatedAt: at } });
}

async function textsFor(db: DbOrTx, ids: string[]) {
  const byHub = new Map<string, Record<string, HubText>>();
  if (ids.length === 0) return byHub;
  const rows = await db.select().from(hubTexts).where(inArray(hubTexts.hubId, ids));
  for (const r of rows) {
    const texts = byHub.get(r.hubId) ?? {};
    texts[r.lang] = { name: r.name, description: r.description };
    byHub.set(r.hubId, texts);
  }
  return byHub;
}

export async function findHub(db: DbOrTx, id: string): Promise<Hub | null> {
  const [row] = await db.select().from(hubs).where(eq(hubs.id, id));
  if (!row) return null;
  return toHub(row, (await textsFor(db, [id])).get(id) ?? {});
}

export async function existingHubIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: hubs.id }).from(hubs).where(inArray(hubs.id, ids));
  return rows.map((r) => r.id);
}

export type HubFilters = { country?: string; kind?: string; theme?: string; q?: string; ids?: string[] };

function whereOf(f: HubFilters): SQL | undefined {
  const conds: SQL[] = [];
  if (f.country) conds.push(eq(hubs.country, f.country));
  if (f.kind) conds.push(eq(hubs.kind, f.kind));
  if (f.theme) conds.push(arrayContains(hubs.themes, [f.theme]));
  if (f.ids) conds.push(inArray(hubs.id, f.ids));
  if (f.q) {
    conds.push(sql`exists (select 1 from ${hubTexts} t where t.hub_id = ${hubs.id}
      and (t.search_vector @@ ${anyWord(f.q)} or lower(public.immutable_unaccent(t.name)) like '%' || lower(public.immutable_unaccent(${f.q})) || '%'))`);
  }
  return conds.length ? and(...conds) : undefined;
}

// Any of the words, as written (accents folded): hub texts are indexed in `simple` too (migration 0002).
const anyWord = (q: string) => sql`websearch_to_tsquery('public.search_simple'::regconfig, ${wordsOf(q, 16).join(' or ')})`;

/** With words to look for, the best-matching hubs first (name A, description B); otherwise by country. */
function orderOf(f: HubFilters): SQL[] {
  const byPlace = [sql`${hubs.country} asc`, sql`${hubs.createdAt} asc`, sql`${hubs.id} asc`];
  if (!f.q) return byPlace;
  return [sql`(select max(ts_rank(t.search_vector, ${anyWord(f.q)})) from ${hubTexts} t where t.hub_id = ${hubs.id}) desc`, ...byPlace];
}

export async function listHubs(db: DbOrTx, f: HubFilters, paging: Paging) {
  const where = whereOf(f);
  const rows = await db.select().from(hubs).where(where).orderBy(...orderOf(f)).limit(paging.perPage).offset(offsetOf(paging));
  const [total] = await db.select({ n: count() }).from(hubs).where(where);
  const texts = await textsFor(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toHub(r, texts.get(r.id) ?? {})), total: total?.n ?? 0 };
}

/** How many hubs the node holds (the home page shows it). */
export async function countHubs(db: DbOrTx) {
  const [row] = await db.select({ n: count() }).from(hubs);
  return row?.n ?? 0;
}

export async function addMember(db: DbOrTx, hubId: string, userId: string) {
  await db.insert(hubMembers).values({ hubId, userId }).onConflictDoNothing();
}

export async function listHubsSharingThemes(db: DbOrTx, themes: string[], exceptId: string, limit: number): Promise<Hub[]> {
  const rows = await db.select().from(hubs).where(and(arrayOverlaps(hubs.themes, themes), ne(hubs.id, exceptId))).orderBy(asc(hubs.id)).limit(limit);
  const texts = await textsFor(db, rows.map((r) => r.id));
  return rows.map((r) => toHub(r, texts.get(r.id) ?? {}));
}
