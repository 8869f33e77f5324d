import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ALERT_CATEGORIES, type Area, type ConsentEvent, type Topic } from '../../domain/subscribers/subscribers.js';
import { countryName, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';

/** Names of the places a page mentions: hubs by id, admin areas by key ('NE:maradi'), in the reader's language. */
export type PlaceNames = { hubs: Record<string, string>; adminAreas: Map<string, string> };

type Ref = { topic: Topic; area: Area };

/** A stored E.164 number as people read it, in groups that never break across lines ('+227 90 12 34 56'). */
export function displayPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return (parsed ? parsed.formatInternational() : e164).replace(/ /g, '\u00a0');
}

const isAlertCategory = (topic: string) => (ALERT_CATEGORIES as readonly string[]).includes(topic);

export const topicLabel = (t: Translate, topic: string) => t(isAlertCategory(topic) ? `subscribers.topic.${topic}` : `theme.${topic}`);

// An admin area no hub spells any more keeps its key's slug: 'NE:dosso-ville' → 'Dosso Ville'.
const fromSlug = (key: string) => key.slice(3).split('-').map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(' ');

/** An area in words: the hub's name, "admin area, country", or the country's name. */
export function areaLabel(t: Translate, locale: string, names: PlaceNames, area: Area): string {
  if (area.kind === 'country') return countryName(area.code, locale);
  if (area.kind === 'admin_area') {
    return t('subscribers.area_admin_area', { name: names.adminAreas.get(area.code) ?? fromSlug(area.code), country: countryName(area.code.slice(0, 2), locale) });
  }
  const name = names.hubs[area.code];
  return name ? t('subscribers.area_hub', { name }) : t('subscribers.area_unknown_hub');
}

export const subscriptionLabel = (t: Translate, locale: string, names: PlaceNames, s: Ref) =>
  t('subscribers.topic_in_area', { topic: topicLabel(t, s.topic), area: areaLabel(t, locale, names, s.area) });

function refList(t: Translate, locale: string, names: PlaceNames, refs: Ref[]) {
  return refs.length === 0 ? t('subscribers.event.nothing') : refs.map((r) => subscriptionLabel(t, locale, names, r)).join(t('subscribers.list_separator'));
}

/** What a consent event was about, in words. */
export function eventDetail(t: Translate, locale: string, names: PlaceNames, e: ConsentEvent): string {
  switch (e.action) {
    case 'subscribe':
      return t('subscribers.event.subscribe', { topic: topicLabel(t, e.detail.topic), area: areaLabel(t, locale, names, e.detail.area), language: languageName(e.detail.language, locale) });
    case 'unsubscribe': {
      const removed = refList(t, locale, names, e.detail.removed);
      return e.detail.topic ? t('subscribers.event.unsubscribe_topic', { topic: topicLabel(t, e.detail.topic), removed }) : t('subscribers.event.unsubscribe_all', { removed });
    }
    case 'opt_out':
      return t('subscribers.event.opt_out', { paused: refList(t, locale, names, e.detail.paused) });
    case 'opt_in':
      return t(`subscribers.event.opt_in_${e.detail.reason}`, { resumed: refList(t, locale, names, e.detail.resumed) });
    case 'language':
      return t('subscribers.event.language', { from: languageName(e.detail.from, locale), to: languageName(e.detail.to, locale) });
  }
}

/** Every area named by these subscriptions and consent events, for one lookup of their names. */
export function areasNamed(subscriptions: Ref[], events: ConsentEvent[] = []): Area[] {
  const areas = subscriptions.map((s) => s.area);
  for (const e of events) {
    if (e.action === 'subscribe') areas.push(e.detail.area);
    else if (e.action === 'unsubscribe') areas.push(...e.detail.removed.map((r) => r.area));
    else if (e.action === 'opt_out') areas.push(...e.detail.paused.map((r) => r.area));
    else if (e.action === 'opt_in') areas.push(...e.detail.resumed.map((r) => r.area));
  }
  return areas;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time with the time zone named, for a log where the hour matters. */
export function formatDateTime(d: Date, locale: string) {
  let f = dateTimeFormats.get(locale);
  if (!f) dateTimeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' })));
  return f.format(d);
}
