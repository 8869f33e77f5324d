import { describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makeUser } from '../../../../test/factories.js';
import { reportProgress } from '../../../domain/accountability/accountability.service.js';
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
});
