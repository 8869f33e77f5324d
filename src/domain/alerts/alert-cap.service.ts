import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { DomainError, forbidden } from '../errors.js';
import { resolveTopic } from '../sms/topics.js';
import { resolvePlace } from '../subscribers/audience.service.js';
import { ALERT_CATEGORIES, type AlertCategory } from '../subscribers/subscribers.js';
import { isCountryCode } from '../taxonomy/index.js';
import { canAuthorAlert } from './alert-permissions.js';
import { alertInputSchema, MAX_SMS_CHARS, type Alert, type AlertInput } from './alerts.js';
import * as repo from './alerts.repo.js';
import { storeAlert } from './alerts.service.js';
import { parseCapDateTime, toCapDateTime, type CapAlert, type CapCategory, type CapError, type CapInfo } from './cap.js';
import { capAtomFeed } from './cap-feed.js';
import { parseCap } from './cap-parse.js';
import { toCapXml } from './cap-write.js';

type Deps = { db: Db; clock: Clock; cfg: { baseUrl: string } };

/** CAP's own geocode names for a country, as authorities write them; and ours for admin areas and hubs. */
const COUNTRY_GEOCODES = new Set(['iso3166-1', 'iso 3166-1', 'iso3166-1 alpha-2', 'iso 3166-1 alpha-2', 'iso3166', 'country']);
const ADMIN_AREA_GEOCODE = 'passerelle:admin_area';
const HUB_GEOCODE = 'passerelle:hub';
const CATEGORY_CODE = 'passerelle:category';
const SMS_PARAMETER = 'SMS';
// CAP's expires is optional; our alerts end. Without it an imported alert stays in force two days.
const DEFAULT_VALIDITY_MS = 48 * 3600 * 1000;

const CAP_CATEGORY: Record<AlertCategory, CapCategory> = {
  drought: 'Met', flood: 'Met', locusts: 'Env', epidemic: 'Health', market_prices: 'Other', other: 'Other',
};

/** Our category: named in our event code, else read from the event's words ("Sécheresse", "Locust swarm"), else other. */
function categoryOf(info: CapInfo): AlertCategory {
  const coded = info.eventCode.find((c) => c.valueName === CATEGORY_CODE)?.value;
  if (coded && (ALERT_CATEGORIES as readonly string[]).includes(coded)) return coded as AlertCategory;
  for (const words of [info.event, info.headline ?? '']) {
    for (const word of [words, ...words.split(/[\s,;:.()-]+/)]) {
      const topic = word ? resolveTopic(word) : null;
      if (topic?.kind === 'alert') return topic.code;
    }
  }
  return 'other';
}

/** A text message from the info: our SMS parameter, else the headline and the instruction, cut at a word. */
function smsOf(info: CapInfo): string {
  const given = info.parameter.find((p) => p.valueName.toUpperCase() === SMS_PARAMETER)?.value.trim();
  const text = given || [info.headline ?? info.event, info.instruction ?? ''].filter(Boolean).join('. ');
  if (text.length <= MAX_SMS_CHARS) return text;
  const cut = text.slice(0, MAX_SMS_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SMS_CHARS / 2))}…`;
}

type Areas = Pick<AlertInput, 'countries' | 'adminAreas' | 'hubIds'>;

// "Régions de Maradi et de Zinder", "Kano, Katsina and Jigawa States": the places are between these.
const SEPARATORS = /\s*(?:[,;/]|\s(?:et|and|y|e|na|da|و)\s)\s*/iu;

/**
 * The places an areaDesc names: the whole text if it is one place, else each part between commas and
 * "and"s, else each capitalised word of a part ("Régions de Maradi" → Maradi). Nothing is widened: a part
 * that names nothing known adds nothing.
 */
async function placesNamed(ctx: Deps, areaDesc: string) {
  const whole = await resolvePlace(ctx, areaDesc);
  if (whole.length > 0) return whole.slice(0, 1);
  const found = [];
  for (const part of areaDesc.split(SEPARATORS).filter(Boolean).slice(0, 20)) {
    const [place] = await resolvePlace(ctx, part);
    if (place) {
      found.push(place);
      continue;
    }
    for (const word of part.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3).slice(0, 5)) {
      const [named] = await resolvePlace(ctx, word);
      if (named) found.push(named);
    }
  }
  return found;
}

/** Every <area> must name places we know: a country geocode, our area or hub codes, or a place named in areaDesc. */
async function areasOf(ctx: Deps, cap: CapAlert, errors: CapError[]): Promise<Areas> {
  const out = { countries: new Set<string>(), adminAreas: new Set<string>(), hubIds: new Set<string>() };
  for (const [i, info] of cap.info.entries()) {
    for (const [j, area] of info.area.entries()) {
      let isKnown = false;
      for (const g of area.geocode) {
        const name = g.valueName.trim().toLowerCase();
        const value = g.value.trim();
        const set = COUNTRY_GEOCODES.has(name) && isCountryCode(value.toUpperCase()) ? out.countries : name === ADMIN_AREA_GEOCODE ? out.adminAreas : name === HUB_GEOCODE ? out.hubIds : null;
        if (set) {
          set.add(set === out.countries ? value.toUpperCase() : value);
          isKnown = true;
        }
      }
      if (!isKnown) {
        for (const place of await placesNamed(ctx, area.areaDesc)) {
          if (place.kind === 'country') out.countries.add(place.code);
          else if (place.kind === 'admin_area') out.adminAreas.add(place.code);
          else out.hubIds.add(place.code);
          isKnown = true;
        }
      }
      if (!isKnown) errors.push({ path: `info[${i}].area[${j}]`, code: 'unresolved_area', detail: `"${area.areaDesc}" names no country, admin area or hub known here, and no geocode says which` });
    }
  }
  if (cap.info.length > 0 && out.countries.size + out.adminAreas.size + out.hubIds.size === 0 && errors.length === 0) {
    errors.push({ path: 'info[0].area', code: 'missing', detail: 'an alert to send needs at least one <area>' });
  }
  return { countries: [...out.countries], adminAreas: [...out.adminAreas], hubIds: [...out.hubIds] };
}

function inputOf(cap: CapAlert, areas: Areas, now: Date): unknown {
  const first = cap.info[0]!;
  const sent = parseCapDateTime(cap.sent) ?? now;
  const effective = (first.effective && parseCapDateTime(first.effective)) || (first.onset && parseCapDateTime(first.onset)) || sent;
  const expires = (first.expires && parseCapDateTime(first.expires)) || new Date(effective.getTime() + DEFAULT_VALIDITY_MS);
  const texts = Object.fromEntries(
    cap.info.map((info) => [info.language, { headline: (info.headline ?? info.event).slice(0, 160), description: info.description ?? info.headline ?? info.event, instruction: info.instruction ?? '', sms: smsOf(info) }]),
  );
  return {
    category: categoryOf(first), severity: first.severity, urgency: first.urgency, certainty: first.certainty, ...areas,
    effectiveAt: effective, expiresAt: expires, originalLanguage: first.language, texts,
  };
}

export type CapImport = { ok: true; alert: Alert } | { ok: false; errors: CapError[] };

/**
 * Imports a CAP 1.2 alert (an authority's own file) as a pending alert of this node: it is sent only once
 * a second person approves it here. Refused, with every reason: what the parser refuses (not XML, not
 * CAP, invalid values), a status other than Actual, Ack and Error messages, an area naming no place known
 * here, an Update or Cancel of an alert this node does not have, the same sender and identifier twice.
 * Errors thrown: unauthenticated, forbidden (not an alert authority).
 */
export async function importCapAlert(ctx: Deps, actor: Actor, xml: string): Promise<CapImport> {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  if (!canAuthorAlert(actor)) throw forbidden();
  const parsed = parseCap(xml);
  if (!parsed.ok) return parsed;
  const cap = parsed.alert;
  const errors: CapError[] = [];
  if (cap.status !== 'Actual') errors.push({ path: 'status', code: 'not_actual', detail: `a ${cap.status} message is not sent to people` });
  if (cap.msgType !== 'Alert' && cap.msgType !== 'Update' && cap.msgType !== 'Cancel') errors.push({ path: 'msgType', code: 'not_actual', detail: `${cap.msgType} messages are not imported` });
  if (cap.info.length === 0) errors.push({ path: 'info', code: 'missing', detail: 'an alert to send needs at least one <info>' });
  if (await repo.existsIdentifier(ctx.db, cap.sender, cap.identifier)) errors.push({ path: 'identifier', code: 'already_imported', detail: `${cap.sender} ${cap.identifier} is already here` });
  let references: string | null = null;
  if (cap.msgType === 'Update' || cap.msgType === 'Cancel') {
    const last = cap.references.at(-1);
    const previous = last ? await repo.findAlertByIdentifier(ctx.db, last.sender, last.identifier) : null;
    if (!previous) errors.push({ path: 'references', code: 'unknown_reference', detail: 'the alert this one updates or cancels is not on this node' });
    references = previous?.id ?? null;
  }
  const areas = await areasOf(ctx, cap, errors);
  if (errors.length > 0) return { ok: false, errors };
  const input = alertInputSchema.safeParse(inputOf(cap, areas, ctx.clock.now()));
  if (!input.success) {
    return { ok: false, errors: input.error.issues.map((issue) => ({ path: issue.path.join('.'), code: 'missing', detail: issue.message })) };
  }
  const alert = await storeAlert(ctx, actor, input.data, { msgType: cap.msgType as Alert['msgType'], references, source: 'cap', identifier: cap.identifier, sender: cap.sender });
  return { ok: true, alert };
}

/** An alert as CAP 1.2: one <info> per language, its area with geocodes this node and others can read back. */
export async function alertToCap(ctx: Pick<Deps, 'db'>, alert: Alert): Promise<CapAlert> {
  const previous = alert.references ? await repo.findAlert(ctx.db, alert.references) : null;
  const area = {
    areaDesc: [...alert.countries, ...alert.adminAreas, ...alert.hubIds].join(', '),
    polygon: [],
    circle: [],
    geocode: [
      ...alert.countries.map((value) => ({ valueName: 'ISO3166-1', value })),
      ...alert.adminAreas.map((value) => ({ valueName: ADMIN_AREA_GEOCODE, value })),
      ...alert.hubIds.map((value) => ({ valueName: HUB_GEOCODE, value })),
    ],
  };
  return {
    identifier: alert.identifier, sender: alert.sender, sent: toCapDateTime(alert.decidedAt ?? alert.createdAt), status: 'Actual',
    msgType: alert.msgType, scope: 'Public', addresses: [], code: [], incidents: [],
    references: previous ? [{ sender: previous.sender, identifier: previous.identifier, sent: toCapDateTime(previous.decidedAt ?? previous.createdAt) }] : [],
    info: Object.entries(alert.texts).map(([language, t]) => ({
      language, category: [CAP_CATEGORY[alert.category]], event: t.headline, responseType: [], urgency: alert.urgency,
      severity: alert.severity, certainty: alert.certainty, eventCode: [{ valueName: CATEGORY_CODE, value: alert.category }],
      effective: toCapDateTime(alert.effectiveAt), expires: toCapDateTime(alert.expiresAt), senderName: 'Passerelle',
      headline: t.headline, description: t.description, ...(t.instruction ? { instruction: t.instruction } : {}),
      parameter: [{ valueName: SMS_PARAMETER, value: t.sms }], resource: [], area: [area],
    })),
  };
}

export async function alertCapXml(ctx: Pick<Deps, 'db'>, alert: Alert): Promise<string> {
  return toCapXml(await alertToCap(ctx, alert));
}

/** The Atom feed of alerts in force, each entry linking to its CAP file (`/alerts/:id.xml`). Public. */
export async function activeAlertsAtom(ctx: Deps, lang?: string): Promise<string> {
  const alerts = await repo.activeAlerts(ctx.db, ctx.clock.now());
  const base = ctx.cfg.baseUrl.replace(/\/$/, '');
  const entries = await Promise.all(alerts.map(async (a) => ({ alert: await alertToCap(ctx, a), url: `${base}/alerts/${a.id}.xml` })));
  const updated = alerts.reduce((latest, a) => Math.max(latest, (a.decidedAt ?? a.createdAt).getTime()), 0);
  return capAtomFeed(entries, { id: `${base}/alerts/feed.atom`, title: 'Passerelle alerts', selfUrl: `${base}/alerts/feed.atom`, updated: new Date(updated || ctx.clock.now().getTime()), lang });
}
