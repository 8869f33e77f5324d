import type { Alert, AlertText } from '../../domain/alerts/alerts.js';
import type { FieldErrors } from '../../domain/errors.js';
import { adminAreaKey, countriesNamed } from '../../domain/subscribers/places.js';
import { str, type FormBody } from './form-body.js';

/** Texts for up to this many languages on one form: the original and three translations. */
export const MAX_TEXT_SLOTS = 4;
export const TEXT_KEYS = ['headline', 'description', 'instruction', 'sms'] as const;

/** One language's texts as typed; slot 0 is always the original language (its `lang` is `originalLanguage`). */
export type TextSlot = Record<(typeof TEXT_KEYS)[number], string> & { lang: string };

/** What the alert form shows: places as typed, dates as `datetime-local` values in UTC. */
export type AlertFormValues = {
  category: string;
  severity: string;
  urgency: string;
  certainty: string;
  countries: string;
  adminAreas: string;
  hubs: string;
  effectiveAt: string;
  expiresAt: string;
  originalLanguage: string;
  texts: TextSlot[];
};

const emptySlot = (lang = ''): TextSlot => ({ lang, headline: '', description: '', instruction: '', sms: '' });

/** A Date as a `datetime-local` value, read as UTC: the page says so. */
export const toLocalInput = (d: Date) => d.toISOString().slice(0, 16);

/** A blank form: the interface language as the original, in force from now for a day. */
export function emptyAlertValues(lang: string, now: Date): AlertFormValues {
  return {
    category: '', severity: '', urgency: '', certainty: '', countries: '', adminAreas: '', hubs: '',
    effectiveAt: toLocalInput(now), expiresAt: toLocalInput(new Date(now.getTime() + 24 * 3600 * 1000)),
    originalLanguage: lang, texts: [emptySlot(lang)],
  };
}

/** An alert's values, for the Update form; `hubNames` turns hub ids back into the names people type. */
export function alertValues(a: Alert, hubNames: Record<string, string>): AlertFormValues {
  const langs = [a.originalLanguage, ...Object.keys(a.texts).filter((l) => l !== a.originalLanguage)].slice(0, MAX_TEXT_SLOTS);
  return {
    category: a.category, severity: a.severity, urgency: a.urgency, certainty: a.certainty,
    countries: a.countries.join(', '), adminAreas: a.adminAreas.join(', '), hubs: a.hubIds.map((id) => hubNames[id] ?? id).join(', '),
    effectiveAt: toLocalInput(a.effectiveAt), expiresAt: toLocalInput(a.expiresAt), originalLanguage: a.originalLanguage,
    texts: langs.map((lang) => ({ ...emptySlot(lang), ...(a.texts[lang] as AlertText | undefined) })),
  };
}

/** The form as sent. `addSlot` (the "add a language" button) gives one more, empty, language. */
export function alertValuesFromBody(body: FormBody, addSlot = false): AlertFormValues {
  const texts: TextSlot[] = [];
  for (let i = 0; i < MAX_TEXT_SLOTS; i++) {
    if (i > 0 && !(`text.${i}.lang` in body)) break;
    const slot = { ...emptySlot(str(body, `text.${i}.lang`)), ...Object.fromEntries(TEXT_KEYS.map((k) => [k, str(body, `text.${i}.${k}`)])) } as TextSlot;
    texts.push(slot);
  }
  const originalLanguage = str(body, 'originalLanguage').trim();
  if (texts.length === 0) texts.push(emptySlot());
  texts[0]!.lang = originalLanguage;
  if (addSlot && texts.length < MAX_TEXT_SLOTS) texts.push(emptySlot());
  const field = (k: keyof AlertFormValues) => str(body, k).trim();
  return {
    category: field('category'), severity: field('severity'), urgency: field('urgency'), certainty: field('certainty'),
    countries: field('countries'), adminAreas: field('adminAreas'), hubs: field('hubs'),
    effectiveAt: field('effectiveAt'), expiresAt: field('expiresAt'), originalLanguage, texts,
  };
}

/** Items of a list typed by hand: one per line or between commas or semicolons. */
export const itemsOf = (typed: string) => typed.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);

/** Country codes or names ("NE", "Niger", "Níger"); an item naming no single country stays as typed, to be refused. */
export function countriesOf(typed: string): string[] {
  return itemsOf(typed).flatMap((item) => {
    // "NE BF ML": codes separated by spaces only.
    if (/^[A-Za-z]{2}(\s+[A-Za-z]{2})+$/.test(item)) return item.split(/\s+/).map((c) => c.toUpperCase());
    const named = countriesNamed(item);
    return [named.length === 1 ? named[0]! : item];
  });
}

/** Admin-area keys ("NE:maradi"); "NE:Maradi" or "NE: Tillabéri" are put in the key's form. */
export function adminAreasOf(typed: string): string[] {
  return itemsOf(typed).map((item) => {
    const m = /^([A-Za-z]{2})\s*:\s*(.+)$/.exec(item);
    return (m && adminAreaKey(m[1]!, m[2]!)) ?? item;
  });
}

/** `2026-06-01T10:00` read as UTC; anything else is passed on for the domain to refuse. */
function utcDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}Z` : value;
}

const hasText = (s: TextSlot) => TEXT_KEYS.some((k) => s[k].trim() !== '');

/**
 * The domain's input from the form, and what the form itself can already say is wrong: a translation
 * without a language, a language twice, an empty date. Area and validity window are checked here too,
 * as the domain does, so that they are reported together with the other fields' problems.
 */
export function alertInputOf(v: AlertFormValues, hubIds: string[]): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const texts: Record<string, unknown> = {};
  v.texts.forEach((slot, i) => {
    if (i > 0 && !hasText(slot)) return;
    if (!slot.lang) {
      if (i > 0) errors[`text.${i}.lang`] = 'validation.required';
      return;
    }
    if (slot.lang in texts) errors[`text.${i}.lang`] = 'alerts.language_twice';
    else texts[slot.lang] = { headline: slot.headline, description: slot.description, instruction: slot.instruction, sms: slot.sms };
  });
  const countries = countriesOf(v.countries);
  const adminAreas = adminAreasOf(v.adminAreas);
  if (countries.length + adminAreas.length + hubIds.length === 0 && !v.hubs) errors.area = 'validation.area_required';
  for (const k of ['effectiveAt', 'expiresAt'] as const) if (!v[k]) errors[k] = 'validation.required';
  const [from, to] = [new Date(utcDate(v.effectiveAt)), new Date(utcDate(v.expiresAt))];
  if (from.getTime() >= to.getTime()) errors.expiresAt = 'validation.expires_before_effective';
  const input = {
    category: v.category, severity: v.severity, urgency: v.urgency, certainty: v.certainty, countries, adminAreas, hubIds,
    effectiveAt: utcDate(v.effectiveAt), expiresAt: utcDate(v.expiresAt), originalLanguage: v.originalLanguage, texts,
  };
  return { input, errors };
}

/**
 * The domain's field paths in the form's names: `texts.ha.sms` → `text.1.sms` (the slot of Hausa),
 * `adminAreas.0` → `adminAreas`, `hubIds` → `hubs`; an empty area goes on the area group. A change's
 * fields come under `alert.`. The form's own messages are kept where both speak.
 */
export function formErrorsOf(fields: FieldErrors, v: AlertFormValues, own: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, code] of Object.entries(fields)) {
    const parts = path.replace(/^alert\./, '').split('.');
    let name = parts[0]!;
    if (name === 'texts') {
      const slot = v.texts.findIndex((s, i) => s.lang === parts[1] || (i === 0 && parts[1] === undefined));
      name = parts.length >= 3 && slot >= 0 ? `text.${slot}.${parts[2]}` : parts[1] && slot >= 0 ? `text.${slot}.lang` : 'originalLanguage';
    } else if (name === 'hubIds') name = 'hubs';
    else if (code === 'validation.area_required') name = 'area';
    out[name] ??= code;
  }
  return { ...out, ...own };
}
