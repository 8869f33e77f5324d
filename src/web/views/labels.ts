import {
  COMMUNITY_TYPES, COST_BANDS, COUNTRY_CODES, countryName, ELECTRICITY_LEVELS, HUB_KINDS, INTERNET_LEVELS, languageName,
  LICENCES, MOBILE_LEVELS, SDGS, TARGET_GROUPS, TECHNOLOGIES, THEMES, WSIS_ACTION_LINES,
} from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';

/** Option lists for forms and filters, labelled in the interface language. */
const opts = (t: Translate, prefix: string, values: readonly (string | number)[]) =>
  values.map((v) => ({ value: String(v), label: t(`${prefix}.${v}`) }));

export const themeOptions = (t: Translate) => opts(t, 'theme', THEMES);
export const technologyOptions = (t: Translate) => opts(t, 'technology', TECHNOLOGIES);
export const targetGroupOptions = (t: Translate) => opts(t, 'target_group', TARGET_GROUPS);
export const hubKindOptions = (t: Translate) => opts(t, 'hub_kind', HUB_KINDS);
export const communityTypeOptions = (t: Translate) => opts(t, 'community_type', COMMUNITY_TYPES);
export const internetOptions = (t: Translate) => opts(t, 'internet', INTERNET_LEVELS);
export const mobileOptions = (t: Translate) => opts(t, 'mobile', MOBILE_LEVELS);
export const electricityOptions = (t: Translate) => opts(t, 'electricity', ELECTRICITY_LEVELS);
export const costBandOptions = (t: Translate) => opts(t, 'cost_band', COST_BANDS);
export const licenceOptions = () => LICENCES.map((l) => ({ value: l, label: l }));
export const sdgOptions = (t: Translate) => SDGS.map((n) => ({ value: String(n), label: `${n}. ${t(`sdg.${n}`)}` }));
export const wsisOptions = (t: Translate) => WSIS_ACTION_LINES.map((c) => ({ value: c, label: `${c} ${t(`wsis.${c}`)}` }));

const countryLists = new Map<string, { value: string; label: string }[]>();

/** All countries sorted by name in the locale; computed once per locale. */
export function countryOptions(locale: string) {
  let list = countryLists.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => collator.compare(a.label, b.label));
    countryLists.set(locale, list);
  }
  return list;
}

/** Languages offered in forms; any other valid BCP 47 tag can still be typed in the API. */
export const COMMON_CONTENT_LANGUAGES = [
  'fr', 'en', 'es', 'ar', 'pt', 'ha', 'sw', 'bn', 'hi', 'wo', 'yo', 'ig', 'am', 'so', 'ff', 'bm', 'zu', 'rw', 'mg', 'ne', 'ur', 'ta',
  'id', 'vi', 'th', 'km', 'qu', 'ay', 'gn', 'iu', 'cr', 'oj', 'zh', 'ru', 'tr', 'fa',
];

export function languageOptions(locale: string, extra: string[] = []) {
  const collator = new Intl.Collator(locale);
  return [...new Set([...COMMON_CONTENT_LANGUAGES, ...extra])]
    .map((l) => ({ value: l, label: languageName(l, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(d: Date, locale: string) {
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
  return f.format(d);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day written YYYY-MM-DD, shown as that same day whatever the server's time zone. */
export function formatDay(isoDay: string, locale: string) {
  let f = dayFormats.get(locale);
  if (!f) dayFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(`${isoDay}T00:00:00Z`));
}

export function formatNumber(n: number, locale: string) {
  return new Intl.NumberFormat(locale).format(n);
}

/** A file's size in the locale's own units ("120 kB", "120 ko", "1,5 Mo"): kilobytes under 1 MiB (at least 1), else megabytes. */
export function formatSize(bytes: number, locale: string) {
  const isLarge = bytes >= 1024 * 1024;
  const f = new Intl.NumberFormat(locale, { style: 'unit', unit: isLarge ? 'megabyte' : 'kilobyte', maximumFractionDigits: isLarge ? 1 : 0 });
  return f.format(isLarge ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

export function formatMoney(n: number, currency: string, locale: string) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}
