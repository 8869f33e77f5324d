/**
 * The fixed query mix. Words come from two places so both halves of search are exercised: the shared
 * vocabulary (a concept such as "paludisme" matches every practice tagged health, in any language, even
 * where no text says it) and the generator's phrases (bench/pages/phrases.ts: "eau potable", "مياه الشرب",
 * "maji safi" are in the texts themselves). `lang` is the interface language the request asks for.
 */
export type QueryClass = 'word' | 'need' | 'typo' | 'rare' | 'facets' | 'paging' | 'browse';
export type Query = { cls: QueryClass; lang: string; params: Record<string, string>; isOnPage: boolean };

const q = (cls: QueryClass, lang: string, params: Record<string, string>, isOnPage = false): Query => ({ cls, lang, params, isOnPage });

export const QUERIES: Query[] = [
  q('word', 'fr', { q: 'paludisme' }, true),
  q('word', 'en', { q: 'malaria' }, true),
  q('word', 'en', { q: 'solar' }),
  q('word', 'en', { q: 'radio' }, true),
  q('word', 'fr', { q: 'village' }),
  q('need', 'en', { q: 'zazzabin cizon sauro' }, true),
  q('need', 'fr', { q: 'radio communautaire' }, true),
  q('need', 'es', { q: 'agua potable' }, true),
  q('need', 'ar', { q: 'مياه الشرب' }, true),
  q('need', 'en', { q: 'água potável' }),
  q('need', 'en', { q: 'maji safi ya kunywa' }),
  q('need', 'en', { q: 'ruwan sha mai tsafta' }),
  q('need', 'fr', { q: 'alertes criquets par SMS' }),
  q('need', 'en', { q: 'flood early warning for farmers' }, true),
  q('need', 'es', { q: 'semillas resistentes a la sequía' }),
  q('typo', 'fr', { q: 'palludisme' }, true),
  q('typo', 'fr', { q: 'vaccinaton du bétail' }),
  q('rare', 'en', { q: 'crioulas' }),
  q('rare', 'en', { q: 'tsunami' }, true),
  q('facets', 'en', { q: 'malaria', theme: 'health' }),
  q('facets', 'fr', { q: 'eau potable', country: 'NE' }, true),
  q('facets', 'fr', { q: 'radio', language: 'fr' }),
  q('facets', 'en', { q: 'seeds', theme: 'agriculture', technology: 'basic_phone' }),
  q('facets', 'en', { q: 'SMS', region: 'africa', targetGroup: 'women' }),
  q('paging', 'en', { q: 'radio', page: '2' }, true),
  q('paging', 'fr', { q: 'village', page: '5' }),
  q('browse', 'en', {}, true),
  q('browse', 'en', { theme: 'health', country: 'NE' }),
  q('browse', 'en', { page: '5' }),
];

export function pathOf(base: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${base}?${query}` : base;
}

/** How a query reads in a table: its parameters, URL-decoded. */
export function labelOf(query: Query): string {
  return Object.entries(query.params).map(([k, v]) => `${k}=${v}`).join('&') || '(empty)';
}
