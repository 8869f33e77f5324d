import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPglite, startPostgres } from './pages/engines.js';
import { generateOpenData } from './pages/generate.js';
import { machine, updateDocs } from './pages/report.js';
import type { EngineRun } from './search-speed/run.js';
import { benchEngine } from './search-speed/run.js';
import type { Plan } from './search-speed/measure.js';
import { renderSection, type SavedRun } from './search-speed/section.js';
import { targetsOf, type Kind } from './search-speed/targets.js';

/**
 * `npm run bench:search-speed`: 100,000 generated practices loaded into PGlite and into PostgreSQL, one
 * after the other in one run, then search and recommendation latency measured over HTTP against each.
 * Options for working on it: --practices N, --engines pglite,postgres, --save FILE (the run as JSON),
 * --before FILE (a saved run shown beside this one), --from FILE (render a saved run instead of
 * measuring), --code TEXT (what code this run measured),
 * --quick (one timed pass after three warm-up requests per kind: for code too slow for the full plan),
 * --no-docs. See docs/benchmarks.md.
 */
const { values: opt } = parseArgs({
  options: {
    practices: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    save: { type: 'string' },
    before: { type: 'string' },
    from: { type: 'string' },
    code: { type: 'string', default: 'the working tree' },
    quick: { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
  },
});
const SEED = 20_260_401;
const HUBS = 200;
const PRACTICES = Number(opt.practices);
const QUICK: Plan = { rounds: 1, budgetMs: 0, warmup: 3 };
const SAMPLE = 300;
const REC_HUBS = 20;
// Up to ~220 requests per kind and engine, but no more passes than fit these budgets, so that a slow
// engine cannot push the whole run far past 15 minutes on this 2-core machine. Five warm-up requests
// per kind: enough for the first-request costs (lazy imports, JIT, plan caches) without a full untimed
// pass, which costs as much as a timed one when searches take seconds.
const WARMUP = 5;
const PLANS: Record<Kind, Plan> = opt.quick
  ? { api: QUICK, page: QUICK, recs: QUICK }
  : {
    api: { rounds: 8, budgetMs: 100_000, warmup: WARMUP },
    page: { rounds: 17, budgetMs: 60_000, warmup: WARMUP },
    recs: { rounds: 11, budgetMs: 45_000, warmup: WARMUP },
  };
const log = (msg: string) => console.error(`[bench:search-speed ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

const data = generateOpenData({ seed: SEED, hubs: HUBS, practices: PRACTICES });
const sample = { ...data, practices: data.practices.slice(0, SAMPLE) };
const kinds = targetsOf(data, REC_HUBS);

const saved = opt.from ? (JSON.parse(readFileSync(opt.from, 'utf8')) as SavedRun) : undefined;
const engines: EngineRun[] = saved?.engines ?? [];
const notes: string[] = [...(saved?.notes ?? [])];
const starters = { pglite: startPglite, postgres: startPostgres };
for (const name of saved ? [] : (opt.engines.split(',') as (keyof typeof starters)[])) {
  const engine = await starters[name]();
  if (!engine) {
    notes.push('PostgreSQL skipped: the server at 127.0.0.1:5432 was unreachable.');
    continue;
  }
  try {
    engines.push(await benchEngine(engine, data, sample, kinds, PLANS, log));
  } finally {
    await engine.close();
    log(`${engine.name}: stopped and cleaned up`);
  }
}

const method = opt.quick
  ? 'one timed pass over every target after three untimed requests per kind'
  : `${WARMUP} untimed warm-up requests per kind, then timed passes over every target with the targets interleaved: up to ${PLANS.api.rounds} (API), ${PLANS.page.rounds} (page), ${PLANS.recs.rounds} (recommendations) passes, no new pass after ${PLANS.api.budgetMs / 1000} / ${PLANS.page.budgetMs / 1000} / ${PLANS.recs.budgetMs / 1000} s per kind and engine`;
const m = machine();
const run: SavedRun = saved ?? { date: m.date, machine: m.line, code: opt.code, method, engines, notes: [...notes] };
if (opt.save) writeFileSync(opt.save, JSON.stringify(run));
const before = opt.before && existsSync(opt.before) ? (JSON.parse(readFileSync(opt.before, 'utf8')) as SavedRun) : undefined;

const bilingual = data.practices.filter((p) => Object.keys(p.texts as object).length > 1).length;
const texts = data.practices.map((p) => JSON.stringify((p.texts as Record<string, unknown>)[String(p.originalLanguage)]).length);
const dataLine = `Data: ${HUBS} hubs + ${PRACTICES.toLocaleString('en-US')} published practices from bench/pages/generate.ts (seed ${SEED}; fr/en/es/pt/ar/sw; ${bilingual.toLocaleString('en-US')} with a second language; original text ${Math.round(texts.reduce((a, b) => a + b, 0) / texts.length)} bytes of JSON on average). ${kinds[0]!.targets.length} API queries, ${kinds[1]!.targets.length} of them also as the search page, recommendations for ${kinds[2]!.targets.length} hubs.`;
notes.push(
  'PGlite runs inside the node\'s process (WebAssembly, one thread), so with PGlite the server, its database and this benchmark\'s client share one event loop; PostgreSQL is a separate server process with parallel workers.',
  'The machine has 2 cores and other work ran at the same time: quote these numbers as measured, compare engines within this section only.',
);
const section = renderSection(run, dataLine, `${HUBS} hubs + ${SAMPLE} practices`, notes, before);
console.log(section);
if (!opt['no-docs']) {
  updateDocs(fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)), section);
  log('docs/benchmarks.md updated');
}
// pg's timers must not hold the process open once everything is closed.
process.exit(0);
