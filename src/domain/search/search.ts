import { z } from 'zod';
import type { Practice } from '../practices/practices.js';
import { REGIONS } from '../matching/regions.js';
import { countryCode, languageTag, oneOf } from '../shared/fields.js';
import { COST_BANDS, TARGET_GROUPS, TECHNOLOGIES, THEMES, WSIS_ACTION_LINES } from '../taxonomy/index.js';
import type { ConceptMatch, Facet } from '../vocabulary/vocabulary.js';

export const QUERY_MAX = 500;
export const PER_PAGE_MAX = 50;
// Beyond this an OFFSET only costs time; such a page is empty anyway.
export const PAGE_MAX = 10_000;

// NUL cannot reach PostgreSQL and other control characters mean nothing in a query.
const CONTROL = /[\u0000-\u001F\u007F]+/g;

/** Free text: trimmed, control characters blanked, cut (not refused) at QUERY_MAX characters. */
const queryText = z
  .string()
  .transform((s) => [...s.replace(CONTROL, ' ').trim()].slice(0, QUERY_MAX).join('').trim());

/**
 * One filter per facet. Every one is optional; a value that is not in the vocabulary is ignored
 * (and reported back), not refused: a stale bookmark or a hand-edited URL still gets results.
 */
export const SEARCH_FILTERS = {
  theme: oneOf(THEMES),
  sdg: z.coerce.number({ error: 'validation.sdg' }).int().min(1, { error: 'validation.sdg' }).max(17, { error: 'validation.sdg' }),
  wsis: oneOf(WSIS_ACTION_LINES),
  technology: oneOf(TECHNOLOGIES),
  targetGroup: oneOf(TARGET_GROUPS),
  country: countryCode,
  region: oneOf(REGIONS),
  language: languageTag,
  costBand: oneOf(COST_BANDS),
} as const;

export type SearchFilterName = keyof typeof SEARCH_FILTERS;
export type SearchFilters = { [K in SearchFilterName]?: z.output<(typeof SEARCH_FILTERS)[K]> };
export const FILTER_NAMES = Object.keys(SEARCH_FILTERS) as SearchFilterName[];

/** The query string as documented (OpenAPI); `parseSearchQuery` applies it field by field. */
export const searchQuerySchema = z.object({
  q: z.string().optional().describe(`Free text in any language; cut at ${QUERY_MAX} characters.`),
  ...Object.fromEntries(FILTER_NAMES.map((k) => [k, SEARCH_FILTERS[k].optional()])),
  page: z.coerce.number().int().min(1).optional().describe('1-based; a page past the end is empty.'),
  perPage: z.coerce.number().int().min(1).max(PER_PAGE_MAX).optional(),
}) as z.ZodObject;

export type SearchQuery = {
  q: string;
  filters: SearchFilters;
  page: number;
  perPage: number;
  /** Parameters that were present but not understood, and so not applied. */
  ignored: string[];
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function lenientInt(v: unknown, fallback: number, max: number): number {
  const n = Number(first(v));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Never fails: whatever cannot be understood is dropped and listed in `ignored`. */
export function parseSearchQuery(raw: Record<string, unknown>): SearchQuery {
  const ignored: string[] = [];
  const q = queryText.safeParse(typeof first(raw.q) === 'string' ? first(raw.q) : '');
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const value = first(raw[name]);
    if (value === undefined || value === '') continue;
    const r = SEARCH_FILTERS[name].safeParse(value);
    if (r.success) filters[name] = r.data;
    else ignored.push(name);
  }
  for (const name of ['page', 'perPage'] as const) {
    if (raw[name] !== undefined && raw[name] !== '' && lenientInt(raw[name], 0, Infinity) === 0) ignored.push(name);
  }
  return {
    q: q.success ? q.data : '',
    filters: filters as SearchFilters,
    page: lenientInt(raw.page, 1, PAGE_MAX),
    perPage: lenientInt(raw.perPage, 20, PER_PAGE_MAX),
    ignored,
  };
}

export type SearchFacet = Facet | 'country' | 'region' | 'language' | 'costBand';
export type FacetCounts = Record<SearchFacet, { value: string; count: number }[]>;

export type SearchHit = {
  practice: Practice;
  /** The language version that matched best; snippets are in it. */
  lang: string;
  /** HTML-safe: the text is escaped, only <mark> and </mark> are markup. */
  title: string;
  snippet: string;
  score: number;
  /** Concepts named in the query that this practice is tagged with. */
  reasons: ConceptMatch[];
};

export type SearchResult = {
  items: SearchHit[];
  facets: FacetCounts;
  page: number;
  perPage: number;
  total: number;
  q: string;
  /** The language the query was parsed in: detected, or the interface language when too short to tell. */
  detectedLanguage: string;
  isLanguageDetected: boolean;
  concepts: ConceptMatch[];
  ignored: string[];
  /** Whether a plugged-in embedding model reordered this page by meaning (off by default). */
  isRankedByMeaning: boolean;
};
