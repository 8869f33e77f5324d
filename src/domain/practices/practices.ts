import { z } from 'zod';
import { countryCode, currencyCode, languageTag, oneOf, requiredText, setOf, text, uuid } from '../shared/fields.js';
import {
  COST_BANDS, LICENCES, PRACTICE_STATUSES, TARGET_GROUPS, TECHNOLOGIES, THEMES, WSIS_ACTION_LINES,
  type PracticeStatus,
} from '../taxonomy/vocabularies.js';

export const SUMMARY_MAX = 300;

export const approachBlockSchema = z.object({
  title: requiredText(160),
  description: text(4000).default(''),
  enablingFactors: text(2000).default(''),
});

export const resultSchema = z.object({
  indicator: requiredText(200),
  value: requiredText(120),
  source: text(500).default(''),
});

/** Every human-language field of a practice; one set per language. */
export const practiceTextSchema = z.object({
  title: requiredText(160),
  summary: requiredText(SUMMARY_MAX),
  problem: text(4000).default(''),
  context: text(4000).default(''),
  approach: z.array(approachBlockSchema, { error: 'validation.invalid_type' }).max(20, { error: 'validation.too_many' }).default([]),
  sustainabilityEconomic: text(2000).default(''),
  sustainabilitySocial: text(2000).default(''),
  sustainabilityCultural: text(2000).default(''),
  results: z.array(resultSchema, { error: 'validation.invalid_type' }).max(20, { error: 'validation.too_many' }).default([]),
  lessons: text(4000).default(''),
});

const amount = z.number({ error: 'validation.number' }).min(0, { error: 'validation.range' }).max(1e12, { error: 'validation.range' }).nullable().default(null);

export const costsSchema = z
  .object({
    setup: amount,
    running: amount,
    currency: currencyCode.nullable().default(null),
    band: oneOf(COST_BANDS).nullable().default(null),
  })
  .refine((c) => (c.setup === null && c.running === null) || c.currency !== null, {
    error: 'validation.currency_required',
    path: ['currency'],
  });

/** The language-independent facts of a practice. */
export const practiceFactsSchema = z.object({
  technologies: setOf(oneOf(TECHNOLOGIES), { min: 1, max: 8 }),
  targetGroups: setOf(oneOf(TARGET_GROUPS), { max: 12 }),
  themes: setOf(oneOf(THEMES), { min: 1, max: 16 }),
  sdgs: setOf(z.number({ error: 'validation.number' }).int().min(1, { error: 'validation.sdg' }).max(17, { error: 'validation.sdg' }), { max: 17 }),
  wsisActionLines: setOf(oneOf(WSIS_ACTION_LINES), { max: 11 }),
  countries: setOf(countryCode, { min: 1, max: 60 }),
  languages: setOf(languageTag, { max: 30 }),
  hubIds: setOf(uuid, { max: 20 }),
  licence: oneOf(LICENCES).default('CC-BY-4.0'),
  costs: costsSchema.default({ setup: null, running: null, currency: null, band: null }),
});

/** Creating a practice: the facts plus its texts in the original language. */
export const practiceInputSchema = practiceFactsSchema.extend({
  originalLanguage: languageTag,
  text: practiceTextSchema,
});

export const practiceStatusSchema = oneOf(PRACTICE_STATUSES);

export type PracticeText = z.output<typeof practiceTextSchema>;
export type PracticeFacts = z.output<typeof practiceFactsSchema>;
export type PracticeInput = z.output<typeof practiceInputSchema>;
export type Costs = z.output<typeof costsSchema>;

export type Practice = Omit<PracticeFacts, 'hubIds'> & {
  id: string;
  status: PracticeStatus;
  originalLanguage: string;
  texts: Record<string, PracticeText>;
  hubIds: string[];
  version: number;
  isDemo: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
};

/** A field change in the version history; `lang` is set for per-language fields. */
export type FieldChange = { field: string; lang?: string; before: unknown; after: unknown };
