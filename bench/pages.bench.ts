import { fileURLToPath } from 'node:url';
import { importOpenData } from '../src/domain/opendata/import.service.js';
import { startPglite, startPostgres, type Engine } from './pages/engines.js';
import { generateOpenData } from './pages/generate.js';
import { BUDGET, measureLoad, measurePage, type Encoding, type PageSize } from './pages/measure.js';
import { machine, renderSection, updateDocs, type EngineResult, type Run } from './pages/report.js';

/**
 * `npm run bench:pages`: the same 10,000 practices loaded into PGlite and PostgreSQL, one after the
 * other in one run, then page weights and throughput measured against each. See docs/benchmarks.md.
 */
const SEED = 20_260_101;
const HUBS = 100;
const PRACTICES = 10_000;
const LANGS = ['en', 'ar'];
const log = (msg: string) => console.error(`[bench:pages ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

const data = generateOpenData({ seed: SEED, hubs: HUBS, practices: PRACTICES });
const practice = data.practices[0]!;
const practiceId = String(practice.id);
const hubId = String((practice.hubIds as string[])[0]);
const pages = [
  { label: 'Home', path: '/' },
  { label: 'Practice list', path: '/practices' },
  { label: 'Practice list, filtered', path: '/practices?theme=health&country=NE' },
  { label: 'Practice page', path: `/practices/${practiceId}` },
  { label: 'Hub list', path: '/hubs' },
  { label: 'Hub page', path: `/hubs/${hubId}` },
  { label: 'Login', path: '/login' },
];
const targets = ['/practices', `/practices/${practiceId}`];

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const { ctx, port } = engine.node;
  log(`${engine.name}: started in ${(engine.startMs / 1000).toFixed(1)} s; importing ${HUBS} hubs + ${PRACTICES} practices`);
  const t0 = performance.now();
  const summary = await importOpenData(ctx, data, { onProgress: (done, total) => done % 2500 === 0 && log(`${engine.name}: ${done}/${total}`) });
  const loadMs = performance.now() - t0;
  const imported = summary.hubs.imported + summary.practices.imported;
  const rejected = summary.hubs.rejected + summary.practices.rejected + summary.hubs.skipped + summary.practices.skipped;
  log(`${engine.name}: imported ${imported} records in ${(loadMs / 1000).toFixed(1)} s (${rejected} rejected or skipped)`);

  const sizes = new Map<string, Record<Encoding, PageSize>>();
  const cssCache = new Map();
  for (const p of pages) {
    for (const lang of LANGS) {
      sizes.set(`${p.path} ${lang}`, { gzip: await measurePage(port, p.path, lang, 'gzip', cssCache), br: await measurePage(port, p.path, lang, 'br', cssCache) });
    }
  }
  const load = new Map();
  for (const t of targets) {
    log(`${engine.name}: autocannon ${t}`);
    load.set(t, await measureLoad(port, t));
  }
  return { name: engine.name, startMs: engine.startMs, loadMs, records: imported, rejected, sizes, load };
}

function notesFor(results: EngineResult[]): string[] {
  const notes: string[] = [];
  const all = results.flatMap((r) => [...r.sizes.entries()].map(([key, s]) => ({ engine: r.name, key, s })));
  if (all.some((x) => x.s.br.servedAs !== 'br')) {
    notes.push('br was asked for but not served (hono/compress offers gzip and deflate only): the br columns show what a br-only client receives.');
  }
  const over = all.filter((x) => x.s.gzip.html + x.s.gzip.css > BUDGET).map((x) => `${x.key} (${x.engine})`);
  notes.push(over.length ? `Over the gzip budget: ${over.join(', ')}.` : 'Every page is within the 14 KB budget with gzip.');
  const bad = all.filter((x) => x.s.gzip.status !== 200).map((x) => `${x.key} → ${x.s.gzip.status} (${x.engine})`);
  if (bad.length) notes.push(`Non-200 pages: ${bad.join(', ')}.`);
  notes.push('The load generator runs in a worker thread of the same process, on the same machine as the server.');
  return notes;
}

const results: EngineResult[] = [];
const notes: string[] = [];
for (const start of [startPglite, startPostgres]) {
  const engine = await start();
  if (!engine) {
    notes.push('PostgreSQL skipped: the server at 127.0.0.1:5432 was unreachable.');
    continue;
  }
  try {
    results.push(await benchEngine(engine));
  } finally {
    await engine.close();
    log(`${engine.name}: stopped and cleaned up`);
  }
}

const texts = data.practices.map((p) => JSON.stringify((p.texts as Record<string, unknown>)[String(p.originalLanguage)]).length);
const bilingual = data.practices.filter((p) => Object.keys(p.texts as object).length > 1).length;
const run: Run = {
  data: `Data: ${HUBS} hubs + ${PRACTICES.toLocaleString('en-US')} published practices (seed ${SEED}; original text ${Math.round(texts.reduce((a, b) => a + b, 0) / texts.length)} bytes of JSON on average; ${bilingual} with a second language; fr/en/es/pt/ar/sw). Practice page: the first generated practice (fr + en texts, one hub); hub page: its hub.`,
  pages, langs: LANGS, targets, engines: results, notes: [...notes, ...notesFor(results)],
};
const section = renderSection(run, machine());
console.log(section);
updateDocs(fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)), section);
log('docs/benchmarks.md updated');
// autocannon's worker threads and pg's timers must not hold the process open once everything is closed.
process.exit(0);
