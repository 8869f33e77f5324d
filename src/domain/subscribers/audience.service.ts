import type { Db } from '../../db/database.js';
import { parseInput } from '../shared/validation.js';
import { adminAreaKey, countriesNamed, placeMatchKey } from './places.js';
import { audiencePageSchema, audienceSchema, type Place, type Recipient } from './subscribers.js';
import * as repo from './subscribers.repo.js';

type Deps = { db: Db };

/**
 * Who receives an alert: active subscribers, not blocked, with a subscription to one of `topics` whose
 * area overlaps the alert's — the same place, a place inside it, or a place containing it. An alert for
 * Niger reaches subscriptions to Niger, to 'NE:maradi' and to hubs in Niger; an alert for 'NE:maradi'
 * reaches those to Maradi, to its hubs, and to the whole of Niger; an alert for a hub, those to the hub, its
 * admin area and its country. `languages` keeps subscribers reading one of them (a tag or its primary
 * language). A page is up to `limit` recipients in id order after `afterId`; each subscriber comes once
 * however many subscriptions match; the last page is shorter than `limit`. Subscribers who stop or are
 * blocked between pages are not returned by later pages. Errors: invalid. Reads only.
 */
export async function matchingSubscribers(ctx: Deps, audience: unknown, page: unknown = {}): Promise<Recipient[]> {
  const p = parseInput(audiencePageSchema, page);
  return repo.matchingSubscribers(ctx.db, await audienceQuery(ctx, audience), { afterId: p.afterId ?? null, limit: p.limit });
}

/**
 * How many people an alert for this audience would reach, by their language (what `matchingSubscribers`
 * would page through, counted in one query): for the alert form's cost estimate. Errors: invalid. Reads only.
 */
export async function audienceSize(ctx: Deps, audience: unknown): Promise<{ total: number; byLanguage: { language: string; count: number }[] }> {
  const rows = await repo.countAudienceByLanguage(ctx.db, await audienceQuery(ctx, audience));
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byLanguage: rows.map((r) => ({ language: r.language, count: r.n })) };
}

/** The audience with its areas widened to overlapping ones (see matchingSubscribers). */
async function audienceQuery(ctx: Deps, audience: unknown) {
  const a = parseInput(audienceSchema, audience);
  const areaCountries = [...new Set(a.adminAreas.map((k) => k.slice(0, 2)))];
  const located = await repo.hubLocations(ctx.db, { ids: a.hubIds, countries: areaCountries });
  const keyOf = (h: (typeof located)[number]) => (h.adminArea ? adminAreaKey(h.country, h.adminArea) : null);
  const alerted = located.filter((h) => a.hubIds.includes(h.id));
  const areas = {
    countries: a.countries,
    containingCountries: [...new Set([...a.countries, ...areaCountries, ...alerted.map((h) => h.country)])],
    adminAreas: [...new Set([...a.adminAreas, ...alerted.map(keyOf).filter((k): k is string => k !== null)])],
    hubIds: [...new Set([...a.hubIds, ...located.filter((h) => a.adminAreas.includes(keyOf(h) ?? '')).map((h) => h.id)])],
  };
  return { topics: a.topics, areas, languages: a.languages };
}

/**
 * The places a text names, best first: a country (ISO code, or its name in English, French, Spanish or
 * Arabic), else an admin area named by hubs (any case, accents, spacing), else a hub (its name in any
 * language, any case or accents). The broader reading wins between kinds — "Niger" is the country, not
 * Nigeria's Niger State; an area named like a hub is the area, which includes the hub's alerts. Within a
 * kind, several results mean the text is ambiguous; `preferCountry` (e.g. the country of the sender's
 * number) keeps those in it when some are. Empty when nothing matches. Reads only; never throws.
 */
export async function resolvePlace(ctx: Deps, text: string, opts: { preferCountry?: string | null } = {}): Promise<Place[]> {
  const name = text.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 100) return [];
  const countries = countriesNamed(name);
  if (countries.length > 0) return prefer(countries.map((code) => ({ kind: 'country', code, country: code, label: code })), opts.preferCountry);

  const wanted = placeMatchKey(name);
  const areas = new Map<string, Place>();
  for (const { country, adminArea } of await repo.adminAreaSpellings(ctx.db)) {
    const code = adminAreaKey(country, adminArea);
    if (code && placeMatchKey(adminArea) === wanted && !areas.has(code)) areas.set(code, { kind: 'admin_area', code, country, label: adminArea });
  }
  if (areas.size > 0) return prefer([...areas.values()].sort((x, y) => x.code.localeCompare(y.code)), opts.preferCountry);

  const hubs = await repo.hubsNamed(ctx.db, name);
  return prefer(hubs.map((h) => ({ kind: 'hub', code: h.id, country: h.country, label: h.name })), opts.preferCountry);
}

function prefer(places: Place[], country: string | null | undefined): Place[] {
  const inCountry = country ? places.filter((p) => p.country === country.toUpperCase()) : [];
  return inCountry.length > 0 ? inCountry : places;
}
