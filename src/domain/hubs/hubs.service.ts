import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canCreateHub, canEditHub, canSeeContacts, canTranslateHub } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { languageTag, uuid } from '../shared/fields.js';
import { pagingSchema, type Page } from '../shared/paging.js';
import { parseInput } from '../shared/validation.js';
import { hubInputSchema, hubProfileSchema, hubTextSchema, type Hub } from './hubs.js';
import * as repo from './hubs.repo.js';
import type { HubRecord } from '../opendata/format.js';
import { hubFiltersSchema } from './hub-filters.js';

type Deps = { db: Db; clock: Clock };

/** Contact details are personal data: only signed-in members of the network see them. */
function forReader(actor: Actor, hub: Hub): Hub {
  return canSeeContacts(actor) ? hub : { ...hub, contact: null };
}

function parseId(id: unknown): string {
  const r = uuid.safeParse(id);
  if (!r.success) throw notFound();
  return r.data;
}

/** Errors: not_found. */
export async function getHub(ctx: Pick<Deps, 'db'>, actor: Actor, id: unknown): Promise<Hub> {
  const hub = await repo.findHub(ctx.db, parseId(id));
  if (!hub) throw notFound();
  return forReader(actor, hub);
}

/** The hubs with these ids (unknown ids left out), in one query; contacts as for `getHub`. */
export async function hubsByIds(ctx: Pick<Deps, 'db'>, actor: Actor, ids: string[]): Promise<Hub[]> {
  const wanted = [...new Set(ids.filter((id) => uuid.safeParse(id).success))];
  if (wanted.length === 0) return [];
  const { items } = await repo.listHubs(ctx.db, { ids: wanted }, { page: 1, perPage: wanted.length });
  return items.map((h) => forReader(actor, h));
}

/** Up to `limit` hubs other than `exceptId` that share at least one of these priorities: the pool peers are ranked from. */
export async function hubsSharingThemes(ctx: Pick<Deps, 'db'>, actor: Actor, themes: string[], exceptId: string, limit = 500): Promise<Hub[]> {
  if (themes.length === 0) return [];
  return (await repo.listHubsSharingThemes(ctx.db, themes, exceptId, limit)).map((h) => forReader(actor, h));
}

/** Errors: invalid (bad filter or page). */
export async function listHubs(ctx: Pick<Deps, 'db'>, actor: Actor, query: unknown): Promise<Page<Hub>> {
  const q = parseInput(hubFiltersSchema.extend(pagingSchema.shape), query);
  const { items, total } = await repo.listHubs(ctx.db, q, q);
  return { items: items.map((h) => forReader(actor, h)), page: q.page, perPage: q.perPage, total };
}

/** A coordinator who creates a hub becomes one of its members. Errors: forbidden, invalid. */
export async function createHub(ctx: Deps, actor: Actor, input: unknown): Promise<Hub> {
  if (!canCreateHub(actor)) throw forbidden();
  const h = parseInput(hubInputSchema, input);
  const at = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { originalLanguage, text, ...profile } = h;
    const hubId = await repo.insertHub(tx, { profile, originalLanguage, createdBy: actor!.id, isDemo: false, at });
    await repo.upsertHubText(tx, hubId, originalLanguage, text, actor!.id, at);
    if (actor!.role === 'coordinator') await repo.addMember(tx, hubId, actor!.id);
    return hubId;
  });
  return getHub(ctx, actor, id);
}

/** Replaces the language-independent profile. Errors: not_found, forbidden, invalid. */
export async function updateHub(ctx: Deps, actor: Actor, id: unknown, input: unknown): Promise<Hub> {
  const hub = await getHub(ctx, actor, id);
  if (!canEditHub(actor, hub.id)) throw forbidden();
  await repo.updateHubProfile(ctx.db, hub.id, parseInput(hubProfileSchema, input), ctx.clock.now());
  return getHub(ctx, actor, hub.id);
}

/** Adds or replaces the name and description in one language. Idempotent. Errors: not_found, forbidden, invalid. */
export async function saveHubTranslation(ctx: Deps, actor: Actor, id: unknown, lang: unknown, input: unknown): Promise<Hub> {
  const hub = await getHub(ctx, actor, id);
  if (!canTranslateHub(actor, hub.id)) throw forbidden();
  const tag = parseInput(languageTag, lang);
  const text = parseInput(hubTextSchema, input);
  await repo.upsertHubText(ctx.db, hub.id, tag, text, actor!.id, ctx.clock.now());
  return getHub(ctx, actor, hub.id);
}

export async function countHubs(ctx: Pick<Deps, 'db'>) {
  return repo.countHubs(ctx.db);
}

export async function assertHubsExist(ctx: Pick<Deps, 'db'>, ids: string[]) {
  const found = new Set(await repo.existingHubIds(ctx.db, ids));
  const missing = ids.findIndex((i) => !found.has(i));
  if (missing >= 0) throw new DomainError('invalid', 'error.invalid', { [`hubIds.${missing}`]: 'validation.unknown_hub' });
}

/**
 * Stores a hub from an open-data file with its texts, in one transaction. Idempotent: an id that
 * already exists is left alone and reported as a duplicate.
 */
export async function importHub(ctx: Deps, record: HubRecord, importedBy: string | null): Promise<'imported' | 'duplicate'> {
  return ctx.db.transaction(async (tx) => {
    if ((await repo.existingHubIds(tx, [record.id])).length) return 'duplicate';
    const { id, originalLanguage, texts, isDemo, ...rest } = record;
    const at = ctx.clock.now();
    const profile = { ...rest, contactName: '', contactEmail: '', contactPhone: '' };
    await repo.insertHub(tx, { id, profile, originalLanguage, createdBy: importedBy, isDemo, at });
    for (const [lang, text] of Object.entries(texts)) await repo.upsertHubText(tx, id, lang, text, importedBy, at);
    return 'imported';
  });
}
