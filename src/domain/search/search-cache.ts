import type { FacetCounts } from './search.js';

export type RankedHit = { id: string; lang: string | null; score: number };

/** What one (text query, filters) search computes before paging and snippets. */
export type RankedMatches = {
  /** Best first: every match when `isComplete`, else the first `depth`. */
  hits: readonly RankedHit[];
  isComplete: boolean;
  total: number;
  facets: FacetCounts;
};

export type SearchCacheOptions = {
  maxEntries: number;
  /** Approximate: estimated from the entries' sizes, not measured on the heap. */
  maxBytes: number;
  /** How many hits an entry keeps; pages past them go to the database. */
  depth: number;
  /** Searches computed faster than this are not kept: redoing them is cheap, and they would push out slow ones. */
  minComputeMs: number;
};

// 500 hits are 25 pages of 20; an entry of 500 hits and its facets is ~100 KB, so 200 entries stay near 20 MB.
export const SEARCH_CACHE_DEFAULTS: SearchCacheOptions = { maxEntries: 200, maxBytes: 32 * 1024 * 1024, depth: 500, minComputeMs: 20 };

export type SearchCache = {
  readonly options: SearchCacheOptions;
  get(generation: bigint, key: string): RankedMatches | undefined;
  set(generation: bigint, key: string, value: RankedMatches): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
};

// V8 spends ~100 bytes on a hit (object, uuid string, number) and ~60 on a facet count.
const bytesOf = (v: RankedMatches) =>
  200 + v.hits.length * 120 + Object.values(v.facets).reduce((n, xs) => n + xs.reduce((m, x) => m + 60 + 2 * x.value.length, 0), 0);

/**
 * Least recently used entries go first, past `maxEntries` or `maxBytes`. Entries of one generation only
 * (see migration 0015): a newer one empties the cache, an older one (a slow search overtaken by a write)
 * is neither served nor kept. Values are frozen: callers share them.
 */
export function createSearchCache(options: Partial<SearchCacheOptions> = {}): SearchCache {
  const opts = { ...SEARCH_CACHE_DEFAULTS, ...options };
  const entries = new Map<string, { value: RankedMatches; bytes: number }>();
  let generation = -1n;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const isCurrent = (g: bigint) => {
    if (g > generation) {
      entries.clear();
      bytes = 0;
      generation = g;
    }
    return g === generation;
  };

  return {
    options: opts,
    get(g, key) {
      const entry = isCurrent(g) ? entries.get(key) : undefined;
      if (!entry) {
        misses++;
        return undefined;
      }
      hits++;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(g, key, value) {
      const size = bytesOf(value);
      if (!isCurrent(g) || size > opts.maxBytes || opts.maxEntries < 1) return;
      const old = entries.get(key);
      if (old) {
        entries.delete(key);
        bytes -= old.bytes;
      }
      entries.set(key, { value: deepFreeze(value), bytes: size });
      bytes += size;
      for (const [k, e] of entries) {
        if (entries.size <= opts.maxEntries && bytes <= opts.maxBytes) break;
        entries.delete(k);
        bytes -= e.bytes;
      }
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}

function deepFreeze(v: RankedMatches): RankedMatches {
  for (const h of v.hits) Object.freeze(h);
  for (const xs of Object.values(v.facets)) {
    for (const x of xs) Object.freeze(x);
    Object.freeze(xs);
  }
  Object.freeze(v.hits);
  Object.freeze(v.facets);
  return Object.freeze(v);
}

/** The page at `offset` if the entry holds it: within its hits, or anywhere when it holds every match. */
export function pageOf(v: RankedMatches, page: { limit: number; offset: number }) {
  if (!v.isComplete && page.offset + page.limit > v.hits.length) return null;
  return { rows: v.hits.slice(page.offset, page.offset + page.limit), total: v.total, facets: v.facets };
}
