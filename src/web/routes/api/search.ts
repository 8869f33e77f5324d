import { Hono } from 'hono';
import { z } from 'zod';
import type { SearchResult } from '../../../domain/search/search.js';
import { searchPractices } from '../../../domain/search/search.service.js';
import type { WebEnv } from '../../env.js';
import { practiceJson, practiceJsonSchema } from './representation.js';

const conceptSchema = z.object({
  facet: z.enum(['theme', 'targetGroup', 'technology', 'sdg', 'wsis']),
  value: z.string(),
  matched: z.string().describe('The words of the query that named the concept.'),
});
const facetCountsSchema = z.array(z.object({ value: z.string(), count: z.int().min(1) }));

export const searchJsonSchema = z.object({
  items: z.array(z.object({
    practice: practiceJsonSchema,
    lang: z.string().describe('The language version that matched; title and snippet are in it.'),
    title: z.string().describe('HTML: the title escaped, matched words in <mark>.'),
    snippet: z.string().describe('HTML: an excerpt escaped, matched words in <mark>.'),
    score: z.number(),
    reasons: z.array(conceptSchema).describe('Concepts named in the query that the practice is tagged with.'),
  })),
  facets: z.object(Object.fromEntries(['theme', 'targetGroup', 'technology', 'sdg', 'wsis', 'country', 'language', 'costBand'].map((f) => [f, facetCountsSchema]))),
  page: z.int().min(1),
  perPage: z.int().min(1),
  total: z.int().min(0),
  q: z.string().describe('The query as used: trimmed and cut at 500 characters.'),
  detectedLanguage: z.string().describe('The language the query was read in; the interface language when too short to tell.'),
  isLanguageDetected: z.boolean(),
  concepts: z.array(conceptSchema),
  ignored: z.array(z.string()).describe('Parameters whose values were not understood and so not applied.'),
});

export function searchJson(r: SearchResult): z.input<typeof searchJsonSchema> {
  return { ...r, items: r.items.map((i) => ({ ...i, practice: practiceJson(i.practice) })) };
}

/**
 * Search over published practices in every language. Bad input never fails: unknown filter values
 * are ignored and listed in `ignored`, a page past the end is empty (200).
 */
export const searchRoutes = new Hono<WebEnv>().get('/search', async (c) => {
  const result = await searchPractices(c.get('ctx'), c.get('actor'), c.req.query(), c.get('locale'));
  return c.json(searchJson(result));
});
