import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { refreshStaleAnalyses } from './analysis.service.js';

type Deps = { db: Db; clock: Clock; log: Logger };

export type AnalysisWorkerOptions = {
  intervalMs: number;
  /** Consultations refreshed per run, so one run stays short. */
  batch?: number;
  /** A consultation whose analysis failed is left alone this long, so it cannot starve the others. */
  retryAfterMs?: number;
  refresh?: typeof refreshStaleAnalyses;
};

export type AnalysisWorker = { runOnce(): Promise<void>; stop(): Promise<void> };

/**
 * Keeps stored analyses up to date in the background: every `intervalMs`, refreshes consultations
 * whose votes moved on. Voting never waits for it. Runs never overlap; an error is logged and the
 * loop goes on; `stop` waits for the run in progress, so the database can be closed after it.
 */
export function startAnalysisWorker(ctx: Deps, opts: AnalysisWorkerOptions): AnalysisWorker {
  const refresh = opts.refresh ?? refreshStaleAnalyses;
  const retryAfterMs = opts.retryAfterMs ?? 60_000;
  const failedAt = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let isStopped = false;

  async function run() {
    const now = ctx.clock.now().getTime();
    for (const [id, at] of failedAt) if (now - at >= retryAfterMs) failedAt.delete(id);
    try {
      const { failed } = await refresh(ctx, opts.batch ?? 5, { skip: [...failedAt.keys()] });
      for (const id of failed) failedAt.set(id, now);
    } catch (err) {
      ctx.log.error({ err }, 'analysis worker run failed');
    }
  }

  function runOnce() {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule() {
    if (isStopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), opts.intervalMs);
    // The web server keeps the process alive; this timer alone must not.
    timer.unref();
  }

  schedule();
  return {
    runOnce,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
