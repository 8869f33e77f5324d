import { describe, expect, it, vi } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeVotedConsultation } from '../../../test/consultation-fixtures.js';
import { startAnalysisWorker } from './analysis-worker.js';
import * as repo from './analysis.repo.js';
import type { refreshStaleAnalyses } from './analysis.service.js';

const t = useTestContext();

describe('analysis worker', () => {
  it('brings stale analyses up to date in the background and stops cleanly', async () => {
    const { consultation: c, votes } = await makeVotedConsultation(t.ctx, { participants: 6, statements: 3 });
    const worker = startAnalysisWorker(t.ctx, { intervalMs: 5 });
    await vi.waitFor(async () => expect(await repo.findAnalysis(t.ctx.db, c.id)).toMatchObject({ voteCount: votes }), { timeout: 5000 });
    await worker.stop();
    expect(await repo.staleConsultations(t.ctx.db, 10)).toEqual([]);
  });

  it('survives a failing run and leaves a failing consultation alone for a while', async () => {
    const errors: unknown[] = [];
    const log = { ...t.ctx.log, error: (o: unknown) => void errors.push(o) } as typeof t.ctx.log;
    const skips: string[][] = [];
    let calls = 0;
    const refresh: typeof refreshStaleAnalyses = async (_ctx, _limit, opts = {}) => {
      skips.push(opts.skip ?? []);
      calls++;
      if (calls === 1) throw new Error('database went away');
      return calls === 2 ? { refreshed: [], failed: ['c1'] } : { refreshed: [], failed: [] };
    };
    const worker = startAnalysisWorker({ ...t.ctx, log }, { intervalMs: 2, retryAfterMs: 60_000, refresh });
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    expect(errors).toHaveLength(1);
    expect(skips[2]).toEqual(['c1']);
    t.clock.advance(60_000);
    await worker.runOnce();
    expect(skips.at(-1)).toEqual([]);
    await worker.stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(after);
  });
});
