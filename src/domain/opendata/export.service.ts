import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Hub } from '../hubs/hubs.js';
import { listHubs } from '../hubs/hubs.service.js';
import type { Practice } from '../practices/practices.js';
import { listPractices } from '../practices/practices.service.js';
import { FORMAT_NAME, FORMAT_VERSION, type OpenDataFile } from './format.js';

type Deps = { db: Db; clock: Clock };
const BATCH = 100;

/** Every published practice, page by page, as an anonymous reader sees it. */
export async function* publishedPractices(ctx: Pick<Deps, 'db'>): AsyncGenerator<Practice> {
  for (let page = 1; ; page++) {
    const { items } = await listPractices(ctx, null, { page, perPage: BATCH });
    yield* items;
    if (items.length < BATCH) return;
  }
}

/** Every hub without its contact details (anonymous view). */
export async function* allHubs(ctx: Pick<Deps, 'db'>): AsyncGenerator<Hub> {
  for (let page = 1; ; page++) {
    const { items } = await listHubs(ctx, null, { page, perPage: BATCH });
    yield* items;
    if (items.length < BATCH) return;
  }
}

export function hubRecord(h: Hub): OpenDataFile['hubs'][number] {
  const { contact: _c, createdAt: _a, updatedAt: _b, ...rest } = h;
  return rest;
}

export function practiceRecord(p: Practice): OpenDataFile['practices'][number] {
  const { createdBy: _c, createdAt: _a, updatedAt: _b, version: _v, publishedAt, ...rest } = p;
  return { ...rest, publishedAt: publishedAt?.toISOString() ?? null };
}

/** The whole open data set (published practices and all hubs) in the exchange format. */
export async function exportOpenData(ctx: Deps): Promise<OpenDataFile> {
  const hubs: OpenDataFile['hubs'] = [];
  const practices: OpenDataFile['practices'] = [];
  for await (const h of allHubs(ctx)) hubs.push(hubRecord(h));
  for await (const p of publishedPractices(ctx)) practices.push(practiceRecord(p));
  return { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: ctx.clock.now().toISOString(), hubs, practices };
}

const list = (xs: readonly (string | number)[]) => xs.join(';');

/** One row per published practice; texts in the original language, the other languages listed. */
export async function practicesCsv(ctx: Pick<Deps, 'db'>, baseUrl: string): Promise<string> {
  const rows: unknown[][] = [];
  for await (const p of publishedPractices(ctx)) {
    const t = p.texts[p.originalLanguage]!;
    rows.push([
      p.id, `${baseUrl}/practices/${p.id}`, t.title, t.summary, p.originalLanguage, list(Object.keys(p.texts)),
      list(p.themes), list(p.technologies), list(p.targetGroups), list(p.countries), list(p.languages), list(p.sdgs),
      list(p.wsisActionLines), list(p.hubIds), p.licence, p.costs.setup ?? '', p.costs.running ?? '', p.costs.currency ?? '',
      p.costs.band ?? '', p.publishedAt?.toISOString() ?? '',
    ]);
  }
  return stringify(rows, {
    header: true,
    columns: ['id', 'url', 'title', 'summary', 'original_language', 'text_languages', 'themes', 'technologies', 'target_groups',
      'countries', 'languages', 'sdgs', 'wsis_action_lines', 'hub_ids', 'licence', 'cost_setup', 'cost_running', 'cost_currency',
      'cost_band', 'published_at'],
  });
}

export async function hubsCsv(ctx: Pick<Deps, 'db'>, baseUrl: string): Promise<string> {
  const rows: unknown[][] = [];
  for await (const h of allHubs(ctx)) {
    const t = h.texts[h.originalLanguage] ?? Object.values(h.texts)[0];
    rows.push([
      h.id, `${baseUrl}/hubs/${h.id}`, t?.name ?? '', h.kind, h.communityType, h.country, h.adminArea, h.latitude ?? '', h.longitude ?? '',
      list(h.languages), h.internet, h.mobile, h.hasSms, h.radioName, h.radioFrequency, h.electricity, h.population ?? '', list(h.themes),
    ]);
  }
  return stringify(rows, {
    header: true,
    columns: ['id', 'url', 'name', 'kind', 'community_type', 'country', 'admin_area', 'latitude', 'longitude', 'languages',
      'internet', 'mobile', 'sms', 'radio_name', 'radio_frequency', 'electricity', 'population', 'themes'],
  });
}
