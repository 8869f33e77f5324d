import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AppContext } from '../src/context.js';
import { createSearchCache, type SearchCache } from '../src/domain/search/search-cache.js';
import { searchPractices } from '../src/domain/search/search.service.js';
import { startPglite, startPostgres, type Engine } from './pages/engines.js';
import { generateOpenData } from './pages/generate.js';
import { machine, table } from './pages/report.js';
import { analyze, bulkLoad } from './search-speed/load.js';
import { labelOf, QUERIES } from './search-speed/queries.js';

/**
 * `npm run bench:search-cache`: the search result cache side by side with no cache, in one process on one
 * loaded database per engine. For each query of bench:search-speed: the first request (cache empty), the
 * same request again, and the next page, each with and without the cache; the two alternate which goes
 * first. Whole `searchPractices` calls (snippets included). Options: --practices N (default 100000),
 * --engines pglite,postgres, --rounds N (default 5), --out FILE (markdown, default scratch/bench-search-cache.md).
 */
const { values: opt } = parseArgs({
  options: {
    practices: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    rounds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'scratch/bench-search-cache.md' },
  },
});
const SEED = 20_260_401;
const PRACTICES = Number(opt.practices);
const ROUNDS = Number(opt.rounds);
const STEPS = ['first', 'again', 'next'] as const;
type Step = (typeof STEPS)[number];
type Times = Record<Step, number[]>;

const log = (msg: string) => console.error(`[bench:search-cache ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => (x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;
const LABEL: Record<Step, string> = { first: 'first', again: 'again', next: 'next page' };
const nextPage = (params: Record<string, string>) => ({ ...params, page: String(Number(params.page ?? '1') + 1) });

/** Three requests in a row on one context; with a cache, a new empty one, so that the first is cold. */
async function trio(ctx: AppContext, cache: SearchCache | null, params: Record<string, string>, lang: string) {
  const c = { ...ctx, searchCache: cache };
  const out = {} as Record<Step, { ms: number; json: string; total: number }>;
  for (const step of STEPS) {
    const started = performance.now();
    const result = await searchPractices(c, null, step === 'next' ? nextPage(params) : params, lang);
    out[step] = { ms: performance.now() - started, json: JSON.stringify(result), total: result.total };
  }
  return out;
}

async function benchEngine(engine: Engine) {
  const { ctx } = engine.node;
  const data = generateOpenData({ seed: SEED, hubs: 200, practices: PRACTICES });
  const load = await bulkLoad(ctx, data, (done) => done % 20_000 === 0 && log(`${engine.name}: ${done} practices`));
  await analyze(ctx.db);
  log(`${engine.name}: loaded ${PRACTICES} practices in ${(load.ms / 1000).toFixed(0)} s`);
  const loads = [loadAverage()];
  const rows: string[][] = [];
  const medians = { without: {} as Record<Step, number[]>, with: {} as Record<Step, number[]> };
  for (const side of ['without', 'with'] as const) for (const s of STEPS) medians[side][s] = [];
  let different = 0;
  const shared = createSearchCache();
  for (const q of QUERIES) {
    const t = { without: { first: [], again: [], next: [] } as Times, with: { first: [], again: [], next: [] } as Times };
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
      const got = {} as Record<'without' | 'with', Awaited<ReturnType<typeof trio>>>;
      for (const side of order) got[side] = await trio(ctx, side === 'with' ? createSearchCache() : null, q.params, q.lang);
      for (const side of order) for (const s of STEPS) t[side][s].push(got[side][s].ms);
      if (STEPS.some((s) => got.with[s].json !== got.without[s].json)) different++;
      total = got.without.first.total;
    }
    await searchPractices({ ...ctx, searchCache: shared }, null, q.params, q.lang);
    const m = (side: 'without' | 'with', s: Step) => median(t[side][s]);
    for (const side of ['without', 'with'] as const) for (const s of STEPS) medians[side][s].push(m(side, s));
    rows.push([`\`${labelOf(q)}\``, q.lang, total.toLocaleString('en-US'),
      ...STEPS.flatMap((s) => [ms(m('without', s)), ms(m('with', s))]),
      ...STEPS.map((s) => ratio(m('without', s), m('with', s)))]);
    log(`${engine.name}: ${labelOf(q)} ${rows.at(-1)!.slice(3).join(' ')}`);
  }
  loads.push(loadAverage());
  const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0)).toLocaleString('en-US');
  const head = ['query', 'UI', 'hits', 'first · without', 'first · with (cold)', 'again · without', 'again · with', 'next page · without', 'next page · with', 'first ×', 'again ×', 'next page ×'];
  const stats = shared.stats();
  return [
    `### ${engine.name}`, '',
    `Load average (1/5/15 min) at the start and the end of the timed part: ${loads.join(' → ')}. Loading ${PRACTICES.toLocaleString('en-US')} practices took ${(load.ms / 1000).toFixed(0)} s.`, '',
    table(head, rows), '',
    `Median of the per-query medians, ms, without / with: ${STEPS.map((s) => `${LABEL[s]} ${ms(median(medians.without[s]))} / ${ms(median(medians.with[s]))}`).join('; ')}. Sums of the medians: ${STEPS.map((s) => `${LABEL[s]} ${sum(medians.without[s])} / ${sum(medians.with[s])}`).join('; ')}.`,
    `Answers (items, scores, snippets, totals, facets as JSON) with and without the cache: ${different === 0 ? 'identical for every query, step and round' : `${different} query-rounds differed`}.`,
    `One cache holding all ${QUERIES.length} queries: ${stats.entries} entries (the fastest are not kept), ~${(stats.bytes / 2 ** 20).toFixed(1)} MB by its own estimate.`, '',
  ].join('\n');
}

const sections: string[] = [];
const starters = { pglite: startPglite, postgres: startPostgres };
for (const name of opt.engines.split(',') as (keyof typeof starters)[]) {
  const engine = await starters[name]();
  if (!engine) {
    sections.push(`### PostgreSQL\n\nSkipped: the server at 127.0.0.1:5432 was unreachable.\n`);
    continue;
  }
  try {
    sections.push(await benchEngine(engine));
  } finally {
    await engine.close();
  }
}
const m = machine();
const report = [
  '## search cache: side by side', '',
  `${m.date}, ${m.line}. ${PRACTICES.toLocaleString('en-US')} generated practices (bench/pages/generate.ts, seed ${SEED}), loaded once per engine; one process calls \`searchPractices\` for the ${QUERIES.length} queries of bench:search-speed with no cache and with a new, empty cache (default settings), ${ROUNDS} rounds alternating which goes first. "first": the query as listed (cold for the cache); "again": the same request right after; "next page": the following page after those. Medians of ${ROUNDS}, in ms; × is without ÷ with.`, '',
  ...sections,
].join('\n');
writeFileSync(opt.out, `${report}\n`);
console.log(report);
// pg's timers must not hold the process open once everything is closed.
process.exit(0);
