import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { afriqa, masakhaNews, sib200, type Dataset, type Split } from './search/datasets.js';
import { startPglite, startPostgres, type Engine } from './pages/engines.js';
import { machine, updateDocs } from './pages/report.js';
import { renderSection, type DatasetResult } from './search/report.js';
import { runSystem } from './search/run.js';
import { judgeNews, judgeQa, judgeSib, type Judge } from './search/score.js';
import { loadPractices, miniSearch, passerelle, plainTsRank } from './search/systems.js';

/**
 * `npm run bench:search [-- --split train] [-- --limit 20] [-- --only sib,news,qa]`: relevance of Passerelle's search against
 * two baselines on SIB-200, MasakhaNEWS and AfriQA (../shared/data), all three systems on the same
 * documents and queries in one run; Passerelle's own ranking is run on PGlite and again on PostgreSQL
 * to check that both engines rank alike. The dev split writes docs/benchmarks.md; train is for tuning.
 */
const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, limit: { type: 'string' }, only: { type: 'string' } } });
const split = values.split as Split;
if (split !== 'dev' && split !== 'train') throw new Error('--split is dev or train');
const limit = values.limit ? Number(values.limit) : Infinity;
const log = (msg: string) => console.error(`[bench:search ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

const sets: [Dataset, (d: Dataset) => Judge][] = ([
  ['sib', () => sib200(split, limit), judgeSib],
  ['news', () => masakhaNews(split, limit), judgeNews],
  ['qa', () => afriqa(split), () => judgeQa()],
] as const).filter(([name]) => !values.only || values.only.split(',').includes(name)).map(([, read, judge]) => [read(), judge]);

async function onEngine(start: () => Promise<Engine | null>, data: Dataset, judge: Judge, withBaselines: boolean) {
  const engine = await start();
  if (!engine) return null;
  try {
    const ctx = engine.node.ctx;
    const t0 = performance.now();
    const docOf = await loadPractices(ctx, data.docs);
    log(`${data.name} on ${engine.name}: ${data.docs.length} documents imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const runs = [await runSystem(data, judge, passerelle(ctx, docOf), log)];
    if (withBaselines) {
      runs.push(await runSystem(data, judge, miniSearch(data.docs), log));
      runs.push(await runSystem(data, judge, await plainTsRank(ctx, data.docs), log));
    }
    return { engine: engine.name, runs };
  } finally {
    await engine.close();
  }
}

const results: DatasetResult[] = [];
for (const [data, makeJudge] of sets) {
  const judge = makeJudge(data);
  log(`${data.name}: ${data.docs.length} documents, ${data.queries.length} queries (${split})`);
  const lite = (await onEngine(startPglite, data, judge, true))!;
  const pg = await onEngine(startPostgres, data, judge, false);
  results.push({ data, runs: lite.runs, onPostgres: pg?.runs[0] ?? null });
}

const section = renderSection({ split, limit, results }, machine());
if (split === 'dev' && limit === Infinity && !values.only) {
  updateDocs(fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)), section);
  log('docs/benchmarks.md updated');
}
console.log(section);
