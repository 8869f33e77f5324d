import { describe, expect, it } from 'vitest';
import { commitmentItems, commitments, commitmentTexts, progressUpdates } from '../../db/schema/index.js';
import { commitmentInput, makeAccountabilityPlan, makeCommitment } from '../../../test/accountability-factories.js';
import { useTestContext } from '../../../test/context.js';
import { makePractice, makeUser, newId } from '../../../test/factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { getAccountability, recordCommitment, reportProgress } from './accountability.service.js';

const t = useTestContext();
const count = (table: 'commitments' | 'commitment_texts' | 'commitment_items' | 'progress_updates') => t.ctx.db.$count({ commitments, commitment_texts: commitmentTexts, commitment_items: commitmentItems, progress_updates: progressUpdates }[table]);

describe('commitments', () => {
  it('are recorded by a member for their organisation, linked to plan items with weights', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 3 }, { itemId: items.b1.id, weight: 1 }]);
    expect(c).toMatchObject({ organisation: { name: 'Ministère du Plan' }, baseline: 10, target: 50, unit: 'hubs', deadline: '2026-12-31', partners: ['Radio network'] });
    expect(c.links).toEqual(expect.arrayContaining([{ itemId: items.a1.id, weight: 3 }, { itemId: items.b1.id, weight: 1 }]));
    expect(c.texts.en).toEqual({ title: 'Radios for rural hubs', indicator: 'Hubs with a working radio' });
  });

  it('are refused outside a phase allowing commitments, with nothing written', async () => {
    const { process, items, member, moveTo } = await makeAccountabilityPlan(t.ctx, 1);
    await expect(makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }])).rejects.toThrow('process.not_in_phase');
    await moveTo(4);
    await expect(makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }])).rejects.toThrow('process.not_in_phase');
    expect([await count('commitments'), await count('commitment_texts'), await count('commitment_items')]).toEqual([0, 0, 0]);
    await moveTo(2);
    await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    expect(await count('commitments')).toBe(1);
  });

  it('are for one’s own organisation unless an admin; anonymous and organisation-less people are refused', async () => {
    const { admin, process, items, member } = await makeAccountabilityPlan(t.ctx);
    const other = await makeMember(t.ctx, 'civil_society', 'Radio Network');
    const links = [{ itemId: items.a1.id, weight: 1 }];
    await expect(recordCommitment(t.ctx, member.actor, process.id, commitmentInput(links, { organisationId: other.organisation.id }))).rejects.toThrow('accountability.not_your_organisation');
    await expect(recordCommitment(t.ctx, (await makeUser(t.ctx, 'coordinator')).actor, process.id, commitmentInput(links))).rejects.toThrow('accountability.no_organisation');
    await expect(recordCommitment(t.ctx, null, process.id, commitmentInput(links))).rejects.toMatchObject({ code: 'unauthenticated' });
    const byAdmin = await recordCommitment(t.ctx, admin, process.id, commitmentInput(links, { organisationId: other.organisation.id }));
    expect(byAdmin.organisation.name).toBe('Radio Network');
    expect(await count('commitments')).toBe(1);
  });

  it('refuse items of another process, no items, bad weights and numbers with field errors', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const elsewhere = await makeAccountabilityPlan(t.ctx);
    const refused = (links: unknown, over: Record<string, unknown> = {}) =>
      recordCommitment(t.ctx, member.actor, process.id, commitmentInput(links as never, over)).catch((e: { fields: unknown }) => e.fields);
    expect(await refused([{ itemId: elsewhere.items.a1.id, weight: 1 }])).toEqual({ 'items.0.itemId': 'accountability.unknown_item' });
    expect(await refused([])).toEqual({ items: 'accountability.item_required' });
    expect(await refused([{ itemId: items.a1.id, weight: 0 }])).toEqual({ 'items.0.weight': 'accountability.weight_range' });
    expect(await refused([{ itemId: items.a1.id, weight: 1 }, { itemId: items.a1.id, weight: 2 }])).toEqual({ items: 'accountability.item_twice' });
    expect(await refused([{ itemId: items.a1.id, weight: 1 }], { baseline: 'ten', deadline: '2026-02-30' })).toEqual({ baseline: 'validation.number', deadline: 'validation.iso_date' });
    expect(await count('commitments')).toBe(0);
  });
});

describe('progress updates', () => {
  it('are refused on an unknown commitment, outside a progress phase, or by another organisation — nothing written', async () => {
    const { process, items, member, moveTo } = await makeAccountabilityPlan(t.ctx, 2);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    const update = { reportedOn: '2026-05-20', value: 20, note: 'Ten more', evidenceUrl: 'https://example.org/report' };
    await expect(reportProgress(t.ctx, member.actor, newId(), update)).rejects.toMatchObject({ code: 'not_found', message: 'accountability.unknown_commitment' });
    await expect(reportProgress(t.ctx, member.actor, 'not-an-id', update)).rejects.toMatchObject({ code: 'not_found' });
    await expect(reportProgress(t.ctx, member.actor, c.id, update)).rejects.toThrow('process.not_in_phase'); // commitments only
    await moveTo(3);
    const stranger = await makeMember(t.ctx);
    await expect(reportProgress(t.ctx, stranger.actor, c.id, update)).rejects.toThrow('accountability.not_your_organisation');
    await expect(reportProgress(t.ctx, member.actor, c.id, { ...update, reportedOn: '2026-06-02' })).rejects.toMatchObject({ fields: { reportedOn: 'validation.date_future' } });
    await expect(reportProgress(t.ctx, member.actor, c.id, { ...update, evidenceUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ fields: { evidenceUrl: 'validation.url' } });
    await expect(reportProgress(t.ctx, member.actor, c.id, { ...update, evidencePracticeId: newId() })).rejects.toMatchObject({ fields: { evidencePracticeId: 'accountability.unknown_practice' } });
    expect(await count('progress_updates')).toBe(0);
    const practice = await makePractice(t.ctx);
    const after = await reportProgress(t.ctx, member.actor, c.id, { ...update, evidencePracticeId: practice.id });
    expect(after.updates).toMatchObject([{ reportedOn: '2026-05-20', value: 20, note: 'Ten more', evidenceUrl: 'https://example.org/report', source: 'web', evidencePractice: { id: practice.id } }]);
  });
});

describe('the roll-up', () => {
  it('takes each commitment’s latest value by day, weights it per item, and the plan by item weight; marks overdue', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    // C1: 10 → 50, serves A1 (weight 3) and B1 (1). C2: 100 → 0 (a reduction), serves A1 (1), deadline passed.
    const c1 = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 3 }, { itemId: items.b1.id, weight: 1 }]);
    t.clock.advance(1000); // listed in the order recorded
    const c2 = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }], { baseline: 100, target: 0, deadline: '2026-05-31' });
    await reportProgress(t.ctx, member.actor, c1.id, { reportedOn: '2026-05-30', value: 40 }); // 75 %
    await reportProgress(t.ctx, member.actor, c1.id, { reportedOn: '2026-05-10', value: 15 }); // earlier day, reported later: not the latest
    await reportProgress(t.ctx, member.actor, c2.id, { reportedOn: '2026-05-30', value: 75 }); // 25 %
    const a = await getAccountability(t.ctx, process.id);
    expect(a.today).toBe('2026-06-01');
    expect(a.commitments.map((c) => [c.latest, c.progress, c.isOverdue])).toEqual([[40, 0.75, false], [75, 0.25, true]]);
    const [a1, b1] = a.items;
    expect(a1).toMatchObject({ code: 'A1', commitments: 2, isOverdue: true });
    expect(a1!.progress).toBeCloseTo((3 * 0.75 + 1 * 0.25) / 4); // 0.625
    expect(b1).toMatchObject({ code: 'B1', progress: 0.75, commitments: 1, isOverdue: false });
    // A1 weighs 2, B1 1: (2 × 0.625 + 0.75) / 3
    expect(a.plan.progress).toBeCloseTo((2 * 0.625 + 0.75) / 3);
    expect(a.plan).toMatchObject({ counted: 2, unmeasured: 0 });
  });

  it('shows items without commitments as unmeasured, not as 0 %', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    const a = await getAccountability(t.ctx, process.id);
    expect(a.items.map((i) => i.progress)).toEqual([0, null]);
    expect(a.plan).toEqual({ progress: 0, counted: 1, unmeasured: 1 });
  });
});
