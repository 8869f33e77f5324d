import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { addVotes, makeVotedConsultation } from '../../../test/consultation-fixtures.js';
import { makeConsultation, newId } from '../../../test/factories.js';
import { analyzeConsultation } from './analysis/analyze.js';
import { getAnalysis, refreshAnalysis, refreshStaleAnalyses } from './analysis.service.js';
import * as repo from './analysis.repo.js';

const t = useTestContext();

describe('stored analyses', () => {
  it('stores an analysis with the number of votes it reflects, and finds consultations whose votes moved on', async () => {
    const { consultation: c, participants, statements, votes } = await makeVotedConsultation(t.ctx, { participants: 20, statements: 8 });
    const quiet = await makeConsultation(t.ctx);
    expect(new Set(await repo.staleConsultations(t.ctx.db, 10))).toEqual(new Set([c.id, quiet.id]));
    const stored = await refreshAnalysis(t.ctx, c.id);
    expect(stored).toMatchObject({ consultationId: c.id, voteCount: votes, computedAt: t.clock.now() });
    expect(stored.result.counts.participants).toBe(20);
    expect(await repo.staleConsultations(t.ctx.db, 10)).toEqual([quiet.id]);

    await addVotes(t.ctx, [{ participantId: participants[0]!.id, statementId: statements[0]!.id, value: -1, lang: 'en' }]);
    expect(await repo.staleConsultations(t.ctx.db, 10)).toEqual(expect.arrayContaining([c.id]));
    const view = await getAnalysis(t.ctx, null, c.id);
    expect(view).toMatchObject({ isStale: true, votesSince: 1 });
    expect(view.analysis!.voteCount).toBe(votes);
  });

  it('keeps the analysis of the later snapshot when an older one finishes last', async () => {
    const { consultation: c, participants, statements } = await makeVotedConsultation(t.ctx, { participants: 12, statements: 6 });
    const older = await refreshAnalysis(t.ctx, c.id);
    await addVotes(t.ctx, [{ participantId: participants[1]!.id, statementId: statements[1]!.id, value: 0, lang: 'en' }]);
    const newer = await refreshAnalysis(t.ctx, c.id);
    expect(newer.voteCount).toBe(older.voteCount + 1);
    // The older snapshot arrives late: it is refused and the newer one comes back.
    expect(await repo.storeAnalysis(t.ctx.db, older)).toBe(false);
    expect((await repo.findAnalysis(t.ctx.db, c.id))!.voteCount).toBe(newer.voteCount);
    expect((await getAnalysis(t.ctx, null, c.id)).isStale).toBe(false);
  });

  it('analyses a small consultation on request when nothing is stored yet, and 404s an unknown one', async () => {
    const { consultation: c } = await makeVotedConsultation(t.ctx, { participants: 4, statements: 3 });
    const view = await getAnalysis(t.ctx, null, c.id);
    expect(view).toMatchObject({ isStale: false, votesSince: 0 });
    expect(view.analysis!.result.status).toBe('not_enough_votes');
    await expect(getAnalysis(t.ctx, null, newId())).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAnalysis(t.ctx, null, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('logs a failed analysis and goes on with the others', async () => {
    const a = await makeVotedConsultation(t.ctx, { participants: 6, statements: 3 });
    const b = await makeVotedConsultation(t.ctx, { participants: 6, statements: 3 });
    const errors: unknown[] = [];
    const ctx = { ...t.ctx, log: { ...t.ctx.log, error: (o: unknown) => void errors.push(o), debug: () => {} } as typeof t.ctx.log };
    let calls = 0;
    const flaky = (input: Parameters<typeof analyzeConsultation>[0]) => {
      if (calls++ === 0) throw new Error('boom');
      return analyzeConsultation(input);
    };
    const run = await refreshStaleAnalyses(ctx, 10, { analyze: flaky });
    expect(run.failed).toHaveLength(1);
    expect(run.refreshed).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const again = await refreshStaleAnalyses(ctx, 10, { skip: run.failed });
    expect(again).toEqual({ refreshed: [], failed: [] });
    expect(new Set([...run.refreshed, ...run.failed])).toEqual(new Set([a.consultation.id, b.consultation.id]));
  });
});
