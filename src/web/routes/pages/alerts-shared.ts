import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { readersPerText } from '../../../domain/alerts/alert-fanout.js';
import { alertProgress } from '../../../domain/alerts/alerts.service.js';
import type { Alert, AlertText } from '../../../domain/alerts/alerts.js';
import { DomainError } from '../../../domain/errors.js';
import { segmentsOf } from '../../../domain/sms/segments.js';
import { audienceSize, resolvePlace } from '../../../domain/subscribers/audience.service.js';
import { isAdminAreaKey } from '../../../domain/subscribers/subscribers.js';
import { isCountryCode } from '../../../domain/taxonomy/index.js';
import type { WebEnv } from '../../env.js';
import { itemsOf, type AlertFormValues } from '../../forms/alert-form.js';
import { areasOfAlert, areaWords } from '../../views/alerts-labels.js';
import type { AlertPreview, AudienceEstimate } from '../../views/alerts-form.js';
import type { AlertViewEnv } from '../../views/alerts-view.js';
import { placeNamesOf } from './admin-subscribers-shared.js';

/** Signed-out readers of an authority's page are sent to sign in, and brought back to the page afterwards. */
export const signInFirst = createMiddleware<WebEnv>(async (c, next) => {
  if (c.get('actor')) return next();
  const url = new URL(c.req.url);
  const back = c.req.method === 'GET' ? url.pathname + url.search : url.pathname.replace(/\/(decision|cancel)$/, '');
  return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
});

/** A validation error's field messages; anything else goes on to the error page. */
export function fieldsOf(e: unknown): Record<string, string> {
  if (e instanceof DomainError && e.code === 'invalid') return e.fields;
  throw e;
}

/** The translator, locale and names of every place the alerts mention, in one lookup. */
export async function viewEnvOf(c: Context<WebEnv>, alerts: Pick<Alert, 'countries' | 'adminAreas' | 'hubIds'>[]): Promise<AlertViewEnv> {
  return { t: c.get('t'), locale: c.get('locale'), names: await placeNamesOf(c, alerts.flatMap(areasOfAlert)) };
}

/** For views that show only headlines: no place names to look up. */
export const headlineEnv = (c: Context<WebEnv>): AlertViewEnv => ({ t: c.get('t'), locale: c.get('locale'), names: { hubs: {}, adminAreas: new Map() } });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hubs typed by name (in any of their languages) or id. An unknown or ambiguous name is a field message. */
export async function resolveHubs(c: Context<WebEnv>, typed: string): Promise<{ ids: string[]; error?: string }> {
  const ids: string[] = [];
  for (const item of itemsOf(typed).slice(0, 100)) {
    if (UUID.test(item)) {
      ids.push(item.toLowerCase());
      continue;
    }
    const hubs = (await resolvePlace(c.get('ctx'), item)).filter((p) => p.kind === 'hub');
    if (hubs.length !== 1) return { ids, error: `${hubs.length === 0 ? 'alerts.unknown_hub' : 'alerts.ambiguous_hub'}:${item}` };
    ids.push(hubs[0]!.code);
  }
  return { ids: [...new Set(ids)] };
}

type Areas = { countries: string[]; adminAreas: string[]; hubIds: string[] };

/**
 * How many subscribers a new alert would reach (the fan-out's own rule, counted in one query) and which of
 * the form's texts each language group reads (the fan-out's own choice of language). Null when the
 * category or area is not valid yet.
 */
async function readersOf(c: Context<WebEnv>, v: AlertFormValues, areas: Areas) {
  const texts: Record<string, AlertText> = {};
  for (const s of v.texts) if (s.lang && s.sms) texts[s.lang] ??= { headline: s.headline, description: s.description, instruction: s.instruction, sms: s.sms };
  if (Object.keys(texts).length === 0 || areas.countries.length + areas.adminAreas.length + areas.hubIds.length === 0) return null;
  try {
    const size = await audienceSize(c.get('ctx'), { topics: [v.category], ...areas });
    return { total: size.total, byLang: readersPerText({ texts, originalLanguage: v.originalLanguage }, size.byLanguage) };
  } catch (e) {
    fieldsOf(e);
    return null;
  }
}

/**
 * What the Preview button shows: each SMS text's encoding and segments; the area in words; and the
 * audience — subscribers matching a new alert, or for an Update the messages its alert was sent as.
 */
export async function previewOf(c: Context<WebEnv>, v: AlertFormValues, areas: Areas, changeOf?: string): Promise<AlertPreview> {
  const valid = { countries: areas.countries.filter(isCountryCode), adminAreas: areas.adminAreas.filter(isAdminAreaKey), hubIds: areas.hubIds };
  const env = await viewEnvOf(c, [valid]);
  const area = valid.countries.length + valid.adminAreas.length + valid.hubIds.length > 0 ? areaWords(env.t, env.locale, env.names, valid) : null;
  if (changeOf) {
    const progress = await alertProgress(c.get('ctx'), c.get('actor'), changeOf);
    const audience: AudienceEstimate = { kind: 'same', recipients: progress.total };
    return { sms: v.texts.map((s) => ({ ...segmentsOf(s.sms), readers: null })), audience, area };
  }
  const readers = await readersOf(c, v, valid);
  const sms = v.texts.map((s, i) => ({ ...segmentsOf(s.sms), readers: readers && v.texts.findIndex((o) => o.lang === s.lang) === i ? (readers.byLang.get(s.lang) ?? 0) : null }));
  const messages = sms.reduce((sum, s) => sum + (s.readers ?? 0) * s.segments, 0);
  const price = c.get('ctx').cfg.sms.pricePerSegment;
  const cost = price ? { amount: Math.round(messages * price.amount * 100) / 100, currency: price.currency } : null;
  return { sms, audience: readers && { kind: 'match', recipients: readers.total, messages, cost }, area };
}
