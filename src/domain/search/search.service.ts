import type { Db } from '../../db/database.js';
import { wordsOf } from '../../lib/words.js';
import { rerankByMeaning, type EmbeddingProvider } from '../matching/embeddings.js';
import type { Actor } from '../accounts/accounts.js';
import { publishedPracticesByIds } from '../practices/practices.service.js';
import type { Practice } from '../practices/practices.js';
import { matchConcepts, termsByLanguage, termsOf, type ConceptMatch } from '../vocabulary/vocabulary.js';
import { headlineToHtml } from './highlight.js';
import { detectQueryLanguage } from './language-detect.js';
import { parseSearchQuery, type SearchFilters, type SearchHit, type SearchResult } from './search.js';
import { pageOf, type RankedMatches, type SearchCache } from './search-cache.js';
import * as repo from './search.repo.js';

const MAX_WORDS = 32;
const MAX_TERMS = 60;

// Quotes, a leading minus or "or" are websearch syntax: the reader asked for phrases, exclusions or
// alternatives, so the query is passed as typed. Otherwise any word may match and more words rank higher.
const OPERATORS = /["]|(^|\s)-[\p{L}\p{N}]|\sor\s/iu;

function textQueryOf(q: string, langs: string[], concepts: ConceptMatch[]): repo.TextQuery {
  const words = wordsOf(q).filter((w) => w.toLowerCase() !== 'or').slice(0, MAX_WORDS);
  const tags: repo.TextQuery['tags'] = { themes: [], targetGroups: [], technologies: [], sdgs: [], wsis: [] };
  for (const c of concepts) {
    if (c.facet === 'theme') tags.themes.push(c.value);
    else if (c.facet === 'targetGroup') tags.targetGroups.push(c.value);
    else if (c.facet === 'technology') tags.technologies.push(c.value);
    else if (c.facet === 'sdg') tags.sdgs.push(Number(c.value));
    else tags.wsis.push(c.value);
  }
  if (words.length === 0) return { raw: '', tsText: '', langs, terms: [], termsByLang: {}, tags };
  const typed = new Set(words.map((w) => w.toLowerCase()));
  const terms = [...new Set(concepts.flatMap((c) => termsOf(c.facet, c.value)).map((x) => x.toLowerCase()))]
    .filter((x) => !typed.has(x))
    .slice(0, MAX_TERMS);
  return { raw: q, tsText: OPERATORS.test(q) ? q : words.join(' or '), langs, terms, termsByLang: byLanguage(concepts, terms), tags };
}

// Texts in any language borrow these languages' words ("malaria", "radio", "SMS"): their terms count in every text.
const LENDING_LANGS = ['en', 'fr'];

/** The chosen terms a text in each vocabulary language is scored against: its own language's and the lending languages'. */
function byLanguage(concepts: ConceptMatch[], terms: string[]): Record<string, string[]> {
  const chosen = new Set(terms);
  const own: Record<string, Set<string>> = {};
  for (const c of concepts) {
    for (const [lang, xs] of Object.entries(termsByLanguage(c.facet, c.value))) {
      for (const x of xs.map((t) => t.toLowerCase())) if (chosen.has(x)) (own[lang] ??= new Set()).add(x);
    }
  }
  const lent = LENDING_LANGS.flatMap((l) => [...(own[l] ?? [])]);
  return Object.fromEntries(Object.entries(own).map(([lang, xs]) => [lang, [...new Set([...xs, ...lent])]]));
}

function isTagged(p: Practice, c: ConceptMatch): boolean {
  switch (c.facet) {
    case 'theme': return (p.themes as string[]).includes(c.value);
    case 'targetGroup': return (p.targetGroups as string[]).includes(c.value);
    case 'technology': return (p.technologies as string[]).includes(c.value);
    case 'sdg': return p.sdgs.includes(Number(c.value));
    case 'wsis': return (p.wsisActionLines as string[]).includes(c.value);
  }
}

/** The version to excerpt when no text matched (a tag match, or browsing): the reader's language, else the original. */
function fallbackLang(p: Practice, interfaceLanguage: string): string {
  if (p.texts[interfaceLanguage]) return interfaceLanguage;
  return p.texts[p.originalLanguage] ? p.originalLanguage : Object.keys(p.texts)[0]!;
}

/** The query as the repository needs it: its language detected, its vocabulary concepts found. */
async function prepare(q: string, interfaceLanguage: string) {
  const detected = q ? await detectQueryLanguage(q, interfaceLanguage) : null;
  const concepts = q ? matchConcepts(q) : [];
  const langs = [...new Set([detected?.lang ?? interfaceLanguage, interfaceLanguage])];
  return { detected, concepts, tq: textQueryOf(q, langs, concepts) };
}

type CacheDeps = { db: Db; searchCache?: SearchCache | null };
type Page = { limit: number; offset: number };

/**
 * This page from the cache if it holds it, and where to keep a computed one. The generation is read
 * before the search runs, never after: see migration 0015 for why that order keeps the cache fresh.
 */
async function lookUp(ctx: CacheDeps, tq: repo.TextQuery, f: SearchFilters, page: Page) {
  const cache = ctx.searchCache;
  const generation = cache ? await repo.searchGeneration(ctx.db) : null;
  if (!cache || generation === null) return { cached: null, slot: null };
  const key = JSON.stringify([tq, f]);
  const entry = cache.get(generation, key);
  return { cached: entry ? pageOf(entry, page) : null, slot: { cache, generation, key } };
}

/** The page, the total and the facet counts; a miss computes the first `depth` hits at once for the next pages. */
async function pageWithFacets(ctx: CacheDeps, tq: repo.TextQuery, f: SearchFilters, page: Page) {
  const { cached, slot } = await lookUp(ctx, tq, f, page);
  if (cached) return cached;
  if (!slot || page.offset + page.limit > slot.cache.options.depth) return repo.searchPageWithFacets(ctx.db, tq, f, page);
  const started = performance.now();
  const top = await repo.searchPageWithFacets(ctx.db, tq, f, { limit: slot.cache.options.depth, offset: 0 });
  const entry: RankedMatches = { hits: top.rows, isComplete: top.rows.length === top.total, total: top.total, facets: top.facets };
  if (performance.now() - started >= slot.cache.options.minComputeMs) slot.cache.set(slot.generation, slot.key, entry);
  return pageOf(entry, page)!;
}

/**
 * The ranking alone — published practice ids with the best-matching language version, best first —
 * for callers that show neither facets nor snippets (a text message, a benchmark). Same parsing and
 * same order as `searchPractices`; never throws on bad input. Read-only.
 */
export async function rankPractices(ctx: CacheDeps, query: Record<string, unknown>, interfaceLanguage = 'en') {
  const parsed = parseSearchQuery(query);
  const { tq } = await prepare(parsed.q, interfaceLanguage);
  const page = { limit: parsed.perPage, offset: (parsed.page - 1) * parsed.perPage };
  // Read from the cache but never filled from here: filling costs the facet counts, which a ranking does not need.
  const { cached } = await lookUp(ctx, tq, parsed.filters, page);
  if (cached) return { items: cached.rows, total: cached.total };
  const { rows, total } = await repo.searchPage(ctx.db, tq, parsed.filters, page);
  return { items: rows, total };
}

/**
 * Published practices matching a free-text query in any language, with facet counts over all
 * matches. The query's language is detected (or taken to be `interfaceLanguage` when too short to
 * tell) and its words are matched through that language's stemmer, the interface language's and as
 * written; concepts of the shared vocabulary named in the query match tagged practices in every
 * language. Never throws on bad input: an empty or punctuation-only query lists everything, unknown
 * filter values are ignored and listed in `ignored`, a page past the end is empty. Read-only for the
 * database; with `ctx.searchCache` the ranking, total and facets of a query seen since the last write to
 * practices come from memory (snippets are still made per page), the same answer as without it.
 */
export async function searchPractices(ctx: CacheDeps & { embeddings?: EmbeddingProvider | null }, _actor: Actor, query: Record<string, unknown>, interfaceLanguage = 'en'): Promise<SearchResult> {
  const parsed = parseSearchQuery(query);
  const { detected, concepts, tq } = await prepare(parsed.q, interfaceLanguage);
  const offset = (parsed.page - 1) * parsed.perPage;
  const { rows, total, facets } = await pageWithFacets(ctx, tq, parsed.filters, { limit: parsed.perPage, offset });
  const practices = new Map((await publishedPracticesByIds(ctx, rows.map((r) => r.id))).map((p) => [p.id, p]));

  const wanted = rows.flatMap((r) => {
    const p = practices.get(r.id);
    return p ? [{ id: r.id, lang: r.lang ?? fallbackLang(p, interfaceLanguage), score: r.score, practice: p }] : [];
  });
  const marked = new Map((await repo.headlines(ctx.db, tq, wanted)).map((h) => [`${h.id} ${h.lang}`, h]));
  const lexical: SearchHit[] = wanted.map((w) => {
    const h = marked.get(`${w.id} ${w.lang}`);
    return {
      practice: w.practice,
      lang: w.lang,
      title: headlineToHtml(h?.title ?? ''),
      snippet: headlineToHtml(h?.snippet ?? ''),
      score: w.score,
      reasons: concepts.filter((c) => isTagged(w.practice, c)),
    };
  });
  // With a model plugged in, the page is reordered by meaning too; without one, nothing changes.
  const textOf = (hit: SearchHit) => {
    const x = hit.practice.texts[hit.lang];
    return x ? `${x.title}. ${x.summary}` : '';
  };
  const { items, isReranked } = await rerankByMeaning(ctx.embeddings, parsed.q, lexical, textOf);
  return {
    items,
    isRankedByMeaning: isReranked,
    facets,
    page: parsed.page,
    perPage: parsed.perPage,
    total,
    q: parsed.q,
    detectedLanguage: detected?.lang ?? interfaceLanguage,
    isLanguageDetected: detected?.isDetected ?? false,
    concepts,
    ignored: parsed.ignored,
  };
}
