import { z } from 'zod';
import { isIsoDate } from '../accountability/iso-date.js';
import { countryCode, currencyCode, languageTag, oneOf, requiredText, setOf, text, uuid } from '../shared/fields.js';
import { adminAreaKey } from '../subscribers/places.js';
import { isCountryCode, TARGET_GROUPS, THEMES, WSIS_ACTION_LINES, type Sector, type TargetGroup, type Theme } from '../taxonomy/index.js';
import { STOCKTAKE_STATUSES, type StocktakeStatus } from './iati-map.js';

export { STOCKTAKE_STATUSES, type StocktakeStatus };
export const STOCKTAKE_SOURCES = ['web', 'iati'] as const;
export type StocktakeSource = (typeof STOCKTAKE_SOURCES)[number];

/** The largest IATI file a stocktake takes: a country programme is well under it, a whole agency's file is not a stocktake. */
export const IATI_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

const textSchema = z.object({ title: requiredText(200), description: text(4000).default(''), communities: text(1000).default('') });
export type StocktakeText = z.output<typeof textSchema>;

const isoDay = z.string({ error: 'validation.invalid_type' }).trim().refine(isIsoDate, { error: 'process.invalid_day' });
const optionalDay = z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDay.nullable());
const amount = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? v.replace(/[\s\u00a0\u202f]/g, '') : String(v)),
  z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, { error: 'stocktake.invalid_amount' }).nullable(),
);

/**
 * An area as typed: "NE: Tillabéri" (country code, colon, name) or, when the activity names exactly one
 * country, just "Tillabéri". Returns the key hubs' areas share ('NE:tillaberi'), or null when the country is
 * unknown or missing.
 */
export function areaKeyOf(line: string, countries: readonly string[]): string | null {
  const m = /^([A-Za-z]{2})\s*:\s*(.+)$/.exec(line.trim());
  if (m) return isCountryCode(m[1]!.toUpperCase()) ? adminAreaKey(m[1]!, m[2]!) : null;
  return countries.length === 1 ? adminAreaKey(countries[0]!, line) : null;
}

/** What an organisation reports, from the form or the API. Areas come as typed and leave as keys. */
export const activityInputSchema = z
  .object({
    organisationId: uuid.nullable().default(null),
    originalLanguage: languageTag,
    texts: z.record(languageTag, textSchema, { error: 'validation.invalid_type' }),
    countries: setOf(countryCode, { min: 1, max: 60 }),
    adminAreas: setOf(text(120).pipe(z.string().min(1, { error: 'validation.required' })), { max: 100 }),
    hubIds: setOf(uuid, { max: 100 }),
    targetGroups: setOf(oneOf(TARGET_GROUPS), { max: TARGET_GROUPS.length }),
    themes: setOf(oneOf(THEMES), { min: 1, max: THEMES.length }),
    sdgs: setOf(z.coerce.number({ error: 'validation.invalid_type' }).int().min(1, { error: 'validation.invalid_choice' }).max(17, { error: 'validation.invalid_choice' }), { max: 17 }),
    wsis: setOf(oneOf(WSIS_ACTION_LINES), { max: WSIS_ACTION_LINES.length }),
    budgetAmount: amount,
    budgetCurrency: z.preprocess((v) => (v === '' || v === undefined ? null : v), currencyCode.nullable()),
    startsOn: optionalDay,
    endsOn: optionalDay,
    partners: setOf(requiredText(200), { max: 30 }),
    status: oneOf(STOCKTAKE_STATUSES),
  })
  .superRefine((a, ctx) => {
    if (!a.texts[a.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.original_text_required' });
    if (a.budgetAmount !== null && a.budgetCurrency === null) ctx.addIssue({ code: 'custom', path: ['budgetCurrency'], message: 'stocktake.currency_required' });
    if (a.budgetAmount === null && a.budgetCurrency !== null) ctx.addIssue({ code: 'custom', path: ['budgetAmount'], message: 'stocktake.amount_required' });
    if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'stocktake.ends_before_start' });
    a.adminAreas.forEach((line, i) => {
      if (areaKeyOf(line, a.countries) === null) ctx.addIssue({ code: 'custom', path: ['adminAreas', i], message: 'stocktake.area_needs_country' });
    });
  })
  .transform((a) => {
    const adminAreas = [...new Set(a.adminAreas.map((line) => areaKeyOf(line, a.countries)!))];
    // An area lies in its country: naming one adds the country.
    const countries = [...new Set([...a.countries, ...adminAreas.map((k) => k.slice(0, 2))])];
    return { ...a, adminAreas, countries };
  });
export type ActivityInput = z.output<typeof activityInputSchema>;

/** Filters of the stocktake page and API; values outside the vocabularies are ignored rather than refused. */
export type StocktakeFilters = { sector?: Sector; theme?: Theme; country?: string };

export type StocktakeOrganisation = { id: string; name: string; sector: Sector };

export type StocktakeActivity = {
  id: string;
  processId: string;
  organisation: StocktakeOrganisation;
  source: StocktakeSource;
  iatiIdentifier: string | null;
  countries: string[];
  adminAreas: string[];
  regions: string[];
  hubIds: string[];
  targetGroups: TargetGroup[];
  themes: Theme[];
  sdgs: number[];
  wsis: string[];
  budget: { amount: number; currency: string } | null;
  startsOn: string | null;
  endsOn: string | null;
  partners: string[];
  status: StocktakeStatus;
  originalLanguage: string;
  texts: Record<string, StocktakeText>;
  createdAt: Date;
  updatedAt: Date;
};

/** The row fields a service writes, from a form or an IATI activity. */
export type ActivityRow = Omit<StocktakeActivity, 'id' | 'organisation' | 'createdAt' | 'updatedAt' | 'budget'> & {
  organisationId: string;
  budgetAmount: string | null;
  budgetCurrency: string | null;
};
