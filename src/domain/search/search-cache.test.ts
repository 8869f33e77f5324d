import { describe, expect, it } from 'vitest';
import { createSearchCache, pageOf, type RankedMatches } from './search-cache.js';
import type { FacetCounts } from './search.js';

const noFacets = { theme: [], targetGroup: [], technology: [], sdg: [], wsis: [], country: [], region: [], costBand: [], language: [] } as FacetCounts;
const matches = (n: number, isComplete = true): RankedMatches => ({
  hits: Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, lang: 'en', score: n - i })),
  isComplete,
  total: isComplete ? n : n + 100,
  facets: noFacets,
});

describe('createSearchCache', () => {
  it('keeps the most recently used entries within the entry count', () => {
    const cache = createSearchCache({ maxEntries: 2 });
    cache.set(1n, 'a', matches(1));
    cache.set(1n, 'b', matches(1));
    expect(cache.get(1n, 'a')).toBeDefined(); // now b is the least recently used
    cache.set(1n, 'c', matches(1));
    expect(cache.get(1n, 'b')).toBeUndefined();
    expect(cache.get(1n, 'a')).toBeDefined();
    expect(cache.get(1n, 'c')).toBeDefined();
    expect(cache.stats()).toMatchObject({ entries: 2, hits: 3, misses: 1 });
  });

  it('keeps within the byte budget, and never keeps an entry larger than it', () => {
    const cache = createSearchCache({ maxEntries: 100, maxBytes: 30_000 });
    for (const key of ['a', 'b', 'c']) cache.set(1n, key, matches(100)); // ~12 KB each
    expect(cache.get(1n, 'a')).toBeUndefined();
    expect(cache.get(1n, 'c')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(30_000);
    cache.set(1n, 'huge', matches(1000));
    expect(cache.get(1n, 'huge')).toBeUndefined();
    expect(cache.get(1n, 'c')).toBeDefined();
  });

  it('serves only the newest generation it has seen', () => {
    const cache = createSearchCache();
    cache.set(5n, 'a', matches(1));
    expect(cache.get(5n, 'a')).toBeDefined();
    expect(cache.get(6n, 'a')).toBeUndefined();
    // A search that read generation 5 and finished after a write was seen must not store its result.
    cache.set(5n, 'a', matches(1));
    expect(cache.get(6n, 'a')).toBeUndefined();
    expect(cache.get(5n, 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('freezes what it keeps, since requests share it', () => {
    const cache = createSearchCache();
    cache.set(1n, 'a', matches(2));
    const v = cache.get(1n, 'a')!;
    expect(() => { (v.hits[0] as { score: number }).score = 0; }).toThrow(TypeError);
  });
});

describe('pageOf', () => {
  it('answers pages within the kept hits, and any page when every match is kept', () => {
    const partial = matches(6, false);
    expect(pageOf(partial, { limit: 2, offset: 2 })?.rows.map((r) => r.id)).toEqual(['id-2', 'id-3']);
    expect(pageOf(partial, { limit: 2, offset: 4 })?.total).toBe(106);
    expect(pageOf(partial, { limit: 2, offset: 5 })).toBeNull();
    expect(pageOf(matches(6), { limit: 2, offset: 10 })).toMatchObject({ rows: [], total: 6 });
  });
});
