import { z } from 'zod';
import { isCountryCode } from '../taxonomy/countries.js';
import { canonicalLanguageTag } from '../taxonomy/languages.js';

// Control characters other than tab and newlines cannot be stored by PostgreSQL (NUL) or shown sensibly.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Plain text, trimmed, carriage returns normalised. Markup is kept as typed and escaped when shown. */
export function text(max: number) {
  return z
    .string({ error: 'validation.invalid_type' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'validation.too_long' })
        .refine((s) => !CONTROL.test(s), { error: 'validation.control_chars' }),
    );
}

export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, { error: 'validation.required' }));
}

export const languageTag = z
  .string({ error: 'validation.invalid_type' })
  .transform((s, ctx) => {
    const tag = canonicalLanguageTag(s.trim());
    if (!tag) {
      ctx.addIssue({ code: 'custom', message: 'validation.language' });
      return z.NEVER;
    }
    return tag;
  });

export const countryCode = z
  .string({ error: 'validation.invalid_type' })
  .transform((s) => s.trim().toUpperCase())
  .refine(isCountryCode, { error: 'validation.country' });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currencyCode = z
  .string({ error: 'validation.invalid_type' })
  .transform((s) => s.trim().toUpperCase())
  .refine((c) => CURRENCIES.has(c), { error: 'validation.currency' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: 'validation.invalid_choice' });
}

/** A list without repeats; an empty list is allowed unless `min` says otherwise. */
export function setOf<T extends z.ZodType>(item: T, opts: { min?: number; max?: number } = {}) {
  const list = z
    .array(item, { error: 'validation.invalid_type' })
    .min(opts.min ?? 0, { error: 'validation.required' })
    .max(opts.max ?? 50, { error: 'validation.too_many' })
    .transform((xs) => [...new Set(xs)] as z.output<T>[]);
  return opts.min ? list : list.default([]);
}

export const uuid = z.uuid({ error: 'validation.invalid_id' });

/** A query-string parameter where an empty value means "any". */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}
