import type { Alert } from '../../domain/alerts/alerts.js';
import { capCertainty, capSeverity, capUrgency, type CapError } from '../../domain/alerts/cap.js';
import type { Area } from '../../domain/subscribers/subscribers.js';
import { ALERT_CATEGORIES } from '../../domain/subscribers/subscribers.js';
import type { Translate } from '../i18n/i18n.js';
import { areaLabel, type PlaceNames } from './admin-subscribers-labels.js';

/** Option lists of the alert form, in the interface language (CAP's words translated). */
const opts = (t: Translate, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
export const categoryOptions = (t: Translate) => opts(t, 'alerts.category', ALERT_CATEGORIES);
export const severityOptions = (t: Translate) => opts(t, 'alerts.severity', capSeverity.options);
export const urgencyOptions = (t: Translate) => opts(t, 'alerts.urgency', capUrgency.options);
export const certaintyOptions = (t: Translate) => opts(t, 'alerts.certainty', capCertainty.options);

/** The places an alert is for, as the subscriber pages describe areas. */
export const areasOfAlert = (a: Pick<Alert, 'countries' | 'adminAreas' | 'hubIds'>): Area[] => [
  ...a.countries.map((code) => ({ kind: 'country' as const, code })),
  ...a.adminAreas.map((code) => ({ kind: 'admin_area' as const, code })),
  ...a.hubIds.map((code) => ({ kind: 'hub' as const, code })),
];

export function areaWords(t: Translate, locale: string, names: PlaceNames, a: Pick<Alert, 'countries' | 'adminAreas' | 'hubIds'>): string {
  return areasOfAlert(a).map((area) => areaLabel(t, locale, names, area)).join(t('subscribers.list_separator'));
}

const utcFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in UTC, as the form takes them. */
export function formatUtc(d: Date, locale: string): string {
  let f = utcFormats.get(locale);
  if (!f) utcFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
  return f.format(d);
}

/** "Severe, expected, likely" in words. */
export const capWords = (t: Translate, a: Pick<Alert, 'severity' | 'urgency' | 'certainty'>) =>
  t('alerts.cap_summary', { severity: t(`alerts.severity.${a.severity}`), urgency: t(`alerts.urgency.${a.urgency}`), certainty: t(`alerts.certainty.${a.certainty}`) });

/**
 * Why a CAP file was refused, in words: the code's message, else — for a code this page does not know —
 * the service's English detail. A detail that is a message key (a rule of the alert itself) is translated.
 */
export function capErrorText(t: Translate, e: Pick<CapError, 'code' | 'detail'>): string {
  if (/^(validation|alerts)\.[a-z_]+$/.test(e.detail)) return t(e.detail);
  const key = `alerts.cap_error.${e.code}`;
  const text = t(key);
  return text === key ? e.detail : text;
}
