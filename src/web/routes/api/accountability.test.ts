import { describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makeUser } from '../../../../test/factories.js';
import { reportProgress } from '../../../domain/accountability/accountability.service.js';
import { editCommitment, withdrawCommitment } from '../../../domain/accountability/commitments.service.js';
import { recordStory } from '../../../domain/accountability/stories.service.js';
import { accountabilityJsonSchema } from './accountability-representation.js';

const t = useTestContext();

describe('GET /api/v1/processes/:id/accountability', () => {
  it('gives items with rolled-up progress, commitments with updates, overdue flags and stories', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 2 }], { deadline: '2026-05-31' });
    await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-20', value: 20, evidenceUrl: 'https://example.org/r' });
    const hub = await makeHub(t.ctx);
    await recordStory(t.ctx, (await makeUser(t.ctx, 'admin')).actor, process.id, { hubId: hub.id, lang: 'en', title: 'Radio', text: 'It works.', itemIds: [items.b1.id] });
    const res = await t.app.request(`/api/v1/processes/${process.id}/accountability`);
    expect(res.status).toBe(200);
    const body = accountabilityJsonSchema.parse(await res.json());
    expect(body.items.map((i) => [i.code, i.progress, i.overdue])).toEqual([['A1', 0.25, true], ['B1', null, false]]);
    expect(body.plan).toEqual({ progress: 0.25, counted: 1, unmeasured: 1 });
    expect(body.commitments[0]).toMatchObject({ id: c.id, latest: 20, progress: 0.25, overdue: true, items: [{ id: items.a1.id, weight: 2 }], updates: [{ value: 20, source: 'web', evidenceUrl: 'https://example.org/r' }] });
    expect(body.stories).toMatchObject([{ title: 'Radio', items: [items.b1.id], audio: null, hub: { id: hub.id } }]);
    expect((await t.app.request(`/api/v1/processes/${crypto.randomUUID()}/accountability`)).status).toBe(404);
  });

  it('gives each commitment’s status and changes; withdrawn ones are listed, marked and left out of the roll-up', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const kept = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    t.clock.advance(1000);
    const dropped = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.b1.id, weight: 1 }]);
    await reportProgress(t.ctx, member.actor, dropped.id, { reportedOn: '2026-05-20', value: 50 });
    await editCommitment(t.ctx, member.actor, kept.id, { title: 'Radios for rural hubs', indicator: 'Hubs with a working radio', partners: [], baseline: 10, target: 40, unit: 'hubs', deadline: '2026-12-31', items: [{ itemId: items.a1.id, weight: 1 }], reason: 'Fewer hubs have power.' });
    await withdrawCommitment(t.ctx, member.actor, dropped.id, { reason: 'The partner left.' });
    const body = accountabilityJsonSchema.parse(await (await t.app.request(`/api/v1/processes/${process.id}/accountability`)).json());
    expect(body.commitments.map((c) => [c.id, c.status])).toEqual([[kept.id, 'active'], [dropped.id, 'withdrawn']]);
    expect(body.commitments[0]!.changes).toEqual([{ kind: 'edit', at: '2026-06-01T10:00:01.000Z', reason: 'Fewer hubs have power.', before: { target: 50, partners: ['Radio network'] }, after: { target: 40, partners: [] } }]);
    expect(body.commitments[1]!.changes).toMatchObject([{ kind: 'withdraw', reason: 'The partner left.', before: { status: 'active' }, after: { status: 'withdrawn' } }]);
    expect(body.items.map((i) => [i.code, i.commitments, i.progress])).toEqual([['A1', 1, 0], ['B1', 0, null]]); // B1's only commitment is withdrawn
  });
});
