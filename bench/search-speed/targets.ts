import type { OpenDataFile } from '../../src/domain/opendata/format.js';
import { hashOf, type Summarise, type Target } from './measure.js';
import { labelOf, pathOf, QUERIES, type Query } from './queries.js';

/** What is measured: the search API, the search page, a hub's recommendations. */
export type Kind = 'api' | 'page' | 'recs';
export const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'api', label: 'API search `GET /api/v1/search`' },
  { kind: 'page', label: 'Search page `GET /search`' },
  { kind: 'recs', label: 'Recommendations `GET /api/v1/hubs/:id/recommendations`' },
];

export type KindTargets = { kind: Kind; targets: (Target & { query?: Query })[]; summarise: Summarise };

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

// Results are compared (across engines, and before/after a change) by what a reader sees: the ids listed
// in order, the language versions, the total and the facet counts. Scores are floats and may differ in
// the last bits between engines without changing any of that.
const summariseSearch: Summarise = (body) => {
  const r = JSON.parse(body) as { total: number; items: { practice: { id: string }; lang: string }[]; facets: unknown };
  return { total: r.total, fingerprint: hashOf([r.total, r.items.map((i) => `${i.practice.id} ${i.lang}`), r.facets]) };
};
const summarisePage: Summarise = (body) => ({ total: null, fingerprint: hashOf([...body.matchAll(/href="\/practices\/([0-9a-f-]{36})\?lang=([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)) });
const summariseRecs: Summarise = (body) => {
  const r = JSON.parse(body) as { practices: { practice: { id: string } }[]; peers: { hub: { id: string } }[] };
  return { total: r.practices.length, fingerprint: hashOf([ids(r.practices.map((p) => p.practice)), ids(r.peers.map((p) => p.hub))]) };
};

/** Every request of the benchmark; `hubCount` hubs, spread over the generated list, get recommendations. */
export function targetsOf(data: OpenDataFile, hubCount: number): KindTargets[] {
  const search = (base: string, qs: Query[]) => qs.map((query) => ({ key: labelOf(query), path: pathOf(base, query.params), lang: query.lang, query }));
  const step = Math.max(1, Math.floor(data.hubs.length / hubCount));
  const hubs = data.hubs.filter((_, i) => i % step === 0).slice(0, hubCount).map((h) => String(h.id));
  return [
    { kind: 'api', targets: search('/api/v1/search', QUERIES), summarise: summariseSearch },
    { kind: 'page', targets: search('/search', QUERIES.filter((q) => q.isOnPage)), summarise: summarisePage },
    { kind: 'recs', targets: hubs.map((id) => ({ key: id, path: `/api/v1/hubs/${id}/recommendations`, lang: 'en' })), summarise: summariseRecs },
  ];
}
