import { z } from 'zod';

/**
 * A model of what we read from an IATI activity file (IATI Standard 2.0x, activity standard): one
 * `IatiActivity` per `<iati-activity>`, keeping IATI's own codes so that the model and the standard read
 * alike. Reading: iati-parse.ts (on iati-xml.ts); turning an activity into our stocktake fields, with a note
 * for each value we could or could not place: iati-map.ts (themes from DAC codes: iati-dac.ts); the import
 * report: iati-summary.ts.
 */

/**
 * The largest file we read: 20 MB. A large publisher's country file is a few MB; the biggest files on the
 * IATI Registry (whole agencies, with every transaction) run to hundreds of MB and are not stocktakes.
 */
export const IATI_MAX_BYTES = 20 * 1024 * 1024;

/** 2.01–2.03 share the structure we read (narratives, numeric codes); 1.0x did not and was retired in 2019. */
export const SUPPORTED_IATI_VERSIONS = ['2.01', '2.02', '2.03'] as const;

// Codelists we read, as zod enums: a value outside them skips the activity with its reason.
/** ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
export const iatiActivityStatus = z.enum(['1', '2', '3', '4', '5', '6']);
/** ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export const iatiActivityDateType = z.enum(['1', '2', '3', '4']);
/** OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing. */
export const iatiOrganisationRole = z.enum(['1', '2', '3', '4']);
/** BudgetType: 1 original, 2 revised. BudgetStatus: 1 indicative, 2 committed. */
export const iatiBudgetType = z.enum(['1', '2']);
export const iatiBudgetStatus = z.enum(['1', '2']);

export type IatiActivityStatus = z.infer<typeof iatiActivityStatus>;
export type IatiActivityDateType = z.infer<typeof iatiActivityDateType>;
export type IatiOrganisationRole = z.infer<typeof iatiOrganisationRole>;

/** Narratives of one element by language (canonical BCP 47 tag): `{ en: 'Community radio', fr: 'Radio communautaire' }`. */
export type IatiTexts = Record<string, string>;

export type IatiOrg = { ref: string | null; type: string | null; name: IatiTexts };
export type IatiParticipatingOrg = IatiOrg & { role: IatiOrganisationRole };

/** A code from a vocabulary (SectorVocabulary, RegionVocabulary, TagVocabulary…); IATI's default vocabulary filled in. */
export type IatiCoded = { code: string; vocabulary: string; percentage: number | null };

export type IatiBudget = {
  type: z.infer<typeof iatiBudgetType>;
  status: z.infer<typeof iatiBudgetStatus>;
  periodStart: string;
  periodEnd: string;
  value: number;
  /** The value's own currency, else the activity's default-currency. */
  currency: string;
  valueDate: string | null;
};

export type IatiActivity = {
  identifier: string;
  /** Position of `<iati-activity>` in the file (1-based), for reports. */
  index: number;
  line: number;
  /** The activity's xml:lang, else the file's, else "en": the language of narratives that do not say theirs. */
  lang: string;
  defaultCurrency: string | null;
  /** `last-updated-datetime` as written: lets an importer tell a changed activity from one it already has. */
  lastUpdated: string | null;
  reportingOrg: IatiOrg | null;
  title: IatiTexts;
  /** In file order; `type` is DescriptionType (1 general, 2 objectives, 3 target groups, 4 other), "1" when absent. */
  descriptions: { type: string; text: IatiTexts }[];
  status: IatiActivityStatus | null;
  /** ISO dates (YYYY-MM-DD) by ActivityDateType; the first of each type when a file repeats one. */
  dates: Partial<Record<IatiActivityDateType, string>>;
  /** Codes as written, upper-cased: checking them against ISO 3166 is the mapper's job (it reports them). */
  recipientCountries: { code: string; percentage: number | null }[];
  recipientRegions: IatiCoded[];
  sectors: IatiCoded[];
  /** `<tag>` (2.03): vocabulary 2 is SDG goals, 3 SDG targets. */
  tags: IatiCoded[];
  /** DAC policy markers (vocabulary 1): significance 1–4 means the marker's objective is targeted. */
  policyMarkers: { code: string; vocabulary: string; significance: string | null }[];
  participatingOrgs: IatiParticipatingOrg[];
  budgets: IatiBudget[];
  /** Transactions summed by TransactionType and currency (2 commitment, 3 disbursement, 4 expenditure…). */
  transactionTotals: { type: string; currency: string; value: number }[];
};

export type IatiErrorCode =
  // The whole file is refused (and invalid_language, for the file's own xml:lang).
  | 'too_large'
  | 'not_xml'
  | 'doctype'
  | 'not_iati'
  | 'unsupported_version'
  // One activity is skipped.
  | 'missing'
  | 'duplicate_identifier'
  | 'invalid_date'
  | 'invalid_period'
  | 'invalid_number'
  | 'invalid_code'
  | 'invalid_language'
  | 'missing_currency'
  // An activity the stocktake import could not write (the process left its stocktaking phase meanwhile).
  | 'not_in_phase';

/**
 * Why a file was refused or an activity skipped. `code` is stable (the interface translates it); `path`
 * names the element inside the activity as IATI does (`budget[2]/value`; '' for the whole file or
 * activity); `detail` is an English explanation for logs and the command line.
 */
export type IatiError = { code: IatiErrorCode; path: string; detail: string; line?: number; column?: number };

export type IatiActivityResult =
  | { ok: true; activity: IatiActivity }
  | { ok: false; index: number; identifier: string | null; line: number; errors: IatiError[] };

export type IatiParseResult =
  | { ok: false; errors: IatiError[] }
  | { ok: true; version: string; activities: IatiActivityResult[] };
