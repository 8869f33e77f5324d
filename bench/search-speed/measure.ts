import { createHash } from 'node:crypto';

/** One timed request: wall time from sending to the last byte of the body, on loopback. */
export type Sample = { ms: number; status: number; bytes: number; fingerprint: string; total: number | null };
export type Target = { key: string; path: string; lang: string };
/** What a response says about the results, so engines can be compared: total and a hash of the ids in order. */
export type Summarise = (body: string) => { fingerprint: string; total: number | null };

export const hashOf = (xs: unknown[]) => createHash('sha256').update(JSON.stringify(xs)).digest('hex').slice(0, 12);

/** A GET as a browser or an API client on a slow link would send it: gzip, one interface language. */
export async function timeGet(port: number, target: Target, summarise: Summarise): Promise<Sample> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${target.path}`, { headers: { 'accept-encoding': 'gzip', 'accept-language': target.lang } });
  const body = await res.text();
  const ms = performance.now() - started;
  return { ms, status: res.status, bytes: body.length, ...(res.ok ? summarise(body) : { fingerprint: `HTTP ${res.status}`, total: null }) };
}

/** At most `rounds` timed passes, fewer when the passes so far took `budgetMs` (at least one), after `warmup` untimed requests. */
export type Plan = { rounds: number; budgetMs: number; warmup: number };

/**
 * Sequential requests, one at a time, so a sample is a single request's latency and not queueing:
 * first untimed requests (warm-up: plans, caches, lazy imports; normally a pass over every target), then timed passes.
 * Targets are interleaved within a pass, so a burst of noise on this shared machine spreads over all of
 * them instead of spoiling one. The budget keeps a slow engine from holding the whole run hostage.
 */
export async function measureTargets(port: number, targets: Target[], plan: Plan, summarise: Summarise, log: (msg: string) => void): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.key, []]));
  for (const t of targets.slice(0, plan.warmup)) await timeGet(port, t, summarise);
  const started = performance.now();
  for (let round = 0; round < plan.rounds && (round === 0 || performance.now() - started < plan.budgetMs); round++) {
    for (const t of targets) samples.get(t.key)!.push(await timeGet(port, t, summarise));
    log(`pass ${round + 1}/${plan.rounds} done after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return samples;
}

export type Stats = { count: number; mean: number; p50: number; p95: number; max: number };

/** Nearest-rank percentiles: with 200 samples p95 is the 190th slowest, an observed latency. */
export function statsOf(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { count: sorted.length, mean, p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1] ?? NaN };
}
