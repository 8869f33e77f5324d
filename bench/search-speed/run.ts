import type { OpenDataFile } from '../../src/domain/opendata/format.js';
import type { Engine } from '../pages/engines.js';
import { analyze, bulkLoad, type LoadResult } from './load.js';
import { measureTargets, type Plan, type Sample } from './measure.js';
import type { Kind, KindTargets } from './targets.js';
import { verifyBulkLoad } from './verify.js';

/** One engine's run, as plain data: what the report renders and what `--save` writes as JSON. */
export type EngineRun = {
  name: string;
  startMs: number;
  verified: { tables: number; records: number; ms: number };
  load: LoadResult;
  analyzeMs: number;
  samples: Record<Kind, Record<string, Sample[]>>;
};

type Log = (msg: string) => void;

/**
 * Checks the bulk loader against the product's import on `sample`, loads `data`, runs ANALYZE, then
 * times every target kind by kind.
 */
export async function benchEngine(engine: Engine, data: OpenDataFile, sample: OpenDataFile, kinds: KindTargets[], plans: Record<Kind, Plan>, log: Log): Promise<EngineRun> {
  const { ctx, port } = engine.node;
  const say = (msg: string) => log(`${engine.name}: ${msg}`);
  say(`started in ${(engine.startMs / 1000).toFixed(1)} s; checking the bulk loader against importOpenData`);
  const t0 = performance.now();
  const verified = { ...(await verifyBulkLoad(ctx, sample)), ms: performance.now() - t0 };
  say(`bulk load writes what importOpenData writes (${verified.records} records, ${verified.tables} tables); loading ${data.practices.length} practices`);
  const load = await bulkLoad(ctx, data, (done) => done % 20_000 === 0 && say(`${done} practices`));
  const analyzeMs = await analyze(ctx.db);
  say(`loaded in ${(load.ms / 1000).toFixed(1)} s, ANALYZE ${(analyzeMs / 1000).toFixed(1)} s`);
  const samples = {} as EngineRun['samples'];
  for (const k of kinds) {
    say(`${k.kind}: ${k.targets.length} targets, up to ${plans[k.kind].rounds} passes or ${plans[k.kind].budgetMs / 1000} s`);
    const measured = await measureTargets(port, k.targets, plans[k.kind], k.summarise, (msg) => say(`${k.kind}: ${msg}`));
    samples[k.kind] = Object.fromEntries(measured);
  }
  return { name: engine.name, startMs: engine.startMs, verified, load, analyzeMs, samples };
}
