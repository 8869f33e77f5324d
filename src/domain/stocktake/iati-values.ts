import type { z } from 'zod';
import { canonicalLanguageTag } from '../taxonomy/index.js';
import type { IatiError, IatiTexts } from './iati.js';
import type { IatiElement, Position } from './iati-xml.js';

/**
 * Readers for the values inside one `<iati-activity>`: each returns the value or null and, when the value
 * is there but breaks the standard, records why (with the element's path and line) so that the activity is
 * skipped with all its reasons at once rather than the first one only.
 */
export type ActivityContext = {
  errors: IatiError[];
  positionOf: (offset: number) => Position;
  /** The language of narratives that do not name theirs. */
  lang: string;
};

export function addError(ctx: ActivityContext, el: IatiElement, code: IatiError['code'], path: string, detail: string) {
  ctx.errors.push({ code, path, detail, line: ctx.positionOf(el.start).line });
}

export const childrenNamed = (el: IatiElement, name: string) => el.children.filter((c) => c.name === name);
export const firstNamed = (el: IatiElement, name: string) => el.children.find((c) => c.name === name);
export const join = (path: string, part: string) => (path ? `${path}/${part}` : part);

/** A trimmed attribute value, or null when absent or blank. */
export function attr(el: IatiElement, name: string): string | null {
  const value = el.attrs[name]?.trim();
  return value ? value : null;
}

// xs:date as IATI uses it: a calendar date, optionally with a time zone we drop.
const XS_DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

/** The `iso-date` of `el` as YYYY-MM-DD; null (and an error when `required` or malformed) otherwise. */
export function isoDate(ctx: ActivityContext, el: IatiElement, path: string, name = 'iso-date', required = true): string | null {
  const raw = attr(el, name);
  if (raw === null) {
    if (required) addError(ctx, el, 'invalid_date', join(path, `@${name}`), `<${el.name}> has no ${name}.`);
    return null;
  }
  const m = XS_DATE.exec(raw);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (!m || y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    addError(ctx, el, 'invalid_date', join(path, `@${name}`), `"${raw.slice(0, 40)}" is not a date (YYYY-MM-DD).`);
    return null;
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

// xs:decimal: no exponent, no thousands separator, no currency sign.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal number from `raw`; null with an error when it is not one or falls outside [min, max]. */
export function decimal(ctx: ActivityContext, el: IatiElement, path: string, raw: string, range: { min?: number; max?: number } = {}): number | null {
  const text = raw.trim();
  if (!DECIMAL.test(text)) {
    addError(ctx, el, 'invalid_number', path, text === '' ? `<${el.name}> has no value.` : `"${text.slice(0, 40)}" is not a number (write 1500000.00: a point for decimals, no spaces, commas or currency signs).`);
    return null;
  }
  const value = Number(text);
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    addError(ctx, el, 'invalid_number', path, `${text} is outside ${range.min ?? '−∞'}–${range.max ?? '∞'}.`);
    return null;
  }
  return value;
}

/** An optional `percentage` attribute (0–100). */
export function percentage(ctx: ActivityContext, el: IatiElement, path: string): number | null {
  const raw = el.attrs['percentage'];
  return raw === undefined || raw.trim() === '' ? null : decimal(ctx, el, join(path, '@percentage'), raw, { min: 0, max: 100 });
}

/** A code from a closed codelist; absent → `fallback` (IATI's documented default) or an error. */
export function codeOf<T extends string>(ctx: ActivityContext, el: IatiElement, path: string, name: string, list: z.ZodEnum<{ [k in T]: k }>, fallback?: T): T | null {
  const raw = attr(el, name);
  if (raw === null) {
    if (fallback !== undefined) return fallback;
    addError(ctx, el, 'missing', join(path, `@${name}`), `<${el.name}> has no ${name}.`);
    return null;
  }
  const parsed = list.safeParse(raw);
  if (parsed.success) return parsed.data;
  addError(ctx, el, 'invalid_code', join(path, `@${name}`), `${name} "${raw.slice(0, 20)}" is not one of ${list.options.join(', ')}.`);
  return null;
}

/** ISO 4217 form; whether the currency exists is left to whoever converts it. */
export function currency(ctx: ActivityContext, el: IatiElement, path: string, raw: string | null): string | null {
  if (raw === null) return null;
  if (/^[A-Za-z]{3}$/.test(raw)) return raw.toUpperCase();
  addError(ctx, el, 'invalid_code', path, `Currency "${raw.slice(0, 20)}" is not an ISO 4217 code (three letters).`);
  return null;
}

/** A language tag in canonical form, or null with an error. */
export function language(ctx: ActivityContext, el: IatiElement, path: string, raw: string): string | null {
  const tag = canonicalLanguageTag(raw.trim());
  if (!tag) addError(ctx, el, 'invalid_language', path, `"${raw.slice(0, 20)}" is not a language code.`);
  return tag;
}

/** Trims every line and keeps paragraph breaks: narratives are often indented with the XML around them. */
export function tidyText(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map((para) => para.replace(/\s+/g, ' ').trim())
    .filter((para) => para !== '')
    .join('\n\n');
}

/**
 * The `<narrative>` children of `el` by language (each narrative's xml:lang, else the activity's). Two
 * narratives in one language are joined as paragraphs. A 1.0x-style element with bare text and no
 * narrative is read in the activity's language rather than lost.
 */
export function narratives(ctx: ActivityContext, el: IatiElement, path: string): IatiTexts {
  const texts: IatiTexts = {};
  const list = childrenNamed(el, 'narrative');
  const parts = list.length > 0 ? list.map((n, i) => ({ n, i })) : [{ n: el, i: -1 }];
  for (const { n, i } of parts) {
    const text = tidyText(n.text);
    if (text === '') continue;
    const raw = i >= 0 ? n.attrs['xml:lang'] : undefined;
    const lang = raw === undefined ? ctx.lang : language(ctx, n, join(path, `narrative[${i + 1}]/@xml:lang`), raw);
    if (lang === null) continue;
    texts[lang] = texts[lang] ? `${texts[lang]}\n\n${text}` : text;
  }
  return texts;
}

const decimalsOf = (n: number) => {
  const s = String(n);
  if (s.includes('e')) return 6; // 1e-7 and the like: far below any currency's minor unit
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
};

/**
 * The sum of decimal amounts without binary floating-point residue (0.1 + 0.2 is 0.3, not
 * 0.30000000000000004): added as integers at the finest scale the inputs use, capped at 6 decimals.
 */
export function sumAmounts(values: number[]): number {
  const scale = 10 ** Math.min(6, values.reduce((most, v) => Math.max(most, decimalsOf(v)), 0));
  return values.reduce((sum, v) => sum + Math.round(v * scale), 0) / scale;
}
