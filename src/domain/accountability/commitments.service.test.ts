import { describe, expect, it } from 'vitest';
import { commitmentChanges, commitments } from '../../db/schema/index.js';
import { commitmentInput, makeAccountabilityPlan, makeCommitment } from '../../../test/accountability-factories.js';
import { useTestContext } from '../../../test/context.js';
import { makeUser, newId } from '../../../test/factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { getAccountability, getCommitment, recordCommitment, reportProgress } from './accountability.service.js';
import { changedFieldsOf } from './commitment-changes.js';
import { editCommitment, translateCommitment, withdrawCommitment } from './commitments.service.js';

const t = useTestContext();
const changeCount = () => t.ctx.db.$count(commitmentChanges);

/** The form's fields for the commitment as recorded by `makeCommitment`, with a reason. */
const edit = (over: Record<string, unknown> = {}) => ({
  title: 'Radios for rural hubs', indicator: 'Hubs with a working radio', partners: ['Radio network'], baseline: 10, target: 50, unit: 'hubs', deadline: '2026-12-31', reason: 'Costs fell.', ...over,
});

async function setUp(at = 3) {
  const plan = await makeAccountabilityPlan(t.ctx, at);
  const c = await makeCommitment(t.ctx, plan.member.actor, plan.process.id, [{ itemId: plan.items.a1.id, weight: 3 }]);
  return { ...plan, c, links: [{ itemId: plan.items.a1.id, weight: 3 }] };
}

describe('commitments need an adopted action plan', () => {
  it('are refused while the action plan is in drafting, and items of a drafting plan are unknown', async () => {
    const drafting = await makeAccountabilityPlan(t.ctx, 2, { isAdopted: false });
    await expect(makeCommitment(t.ctx, drafting.member.actor, drafting.process.id, [{ itemId: drafting.items.a1.id, weight: 1 }]))
      .rejects.toMatchObject({ code: 'conflict', message: 'accountability.plan_not_adopted' });
    const adopted = await makeAccountabilityPlan(t.ctx, 2);
    await expect(makeCommitment(t.ctx, adopted.member.actor, adopted.process.id, [{ itemId: drafting.items.a1.id, weight: 1 }]))
      .rejects.toMatchObject({ code: 'invalid', fields: { 'items.0.itemId': 'accountability.unknown_item' } });
    expect(await t.ctx.db.$count(commitments)).toBe(0);
  });
});

describe('revising a commitment', () => {
  it('writes only what changed, with the reason, and keeps the history in order', async () => {
    const { c, member, items } = await setUp();
    t.clock.advance(60_000);
    const after = await editCommitment(t.ctx, member.actor, c.id, edit({ target: 40, deadline: '2027-03-31', items: [{ itemId: items.a1.id, weight: 3 }, { itemId: items.b1.id, weight: 1 }], reason: 'Fewer hubs have power than we thought.' }));
    expect(after).toMatchObject({ target: 40, deadline: '2027-03-31', baseline: 10, status: 'active' });
    expect(after.links).toEqual(expect.arrayContaining([{ itemId: items.a1.id, weight: 3 }, { itemId: items.b1.id, weight: 1 }]));
    expect(after.changes).toHaveLength(1);
    const [change] = after.changes;
    expect(change).toMatchObject({ kind: 'edit', reason: 'Fewer hubs have power than we thought.', by: { kind: 'organisation', name: 'Ministère du Plan' } });
    expect(change!.before).toEqual({ target: 50, deadline: '2026-12-31', items: [{ itemId: items.a1.id, weight: 3 }] });
    expect(changedFieldsOf(change!)).toEqual(['target', 'deadline', 'items']); // jsonb keeps its own key order
    // The title in the original language; a second revision is appended after the first.
    const renamed = await editCommitment(t.ctx, member.actor, c.id, edit({ title: 'Radios for every rural hub', target: 40, deadline: '2027-03-31', items: after.links, reason: 'A clearer title.' }));
    expect(renamed.texts.en!.title).toBe('Radios for every rural hub');
    expect(renamed.changes.map(changedFieldsOf)).toEqual([['target', 'deadline', 'items'], ['title']]);
  });

  it('refuses a revision without a reason, one that changes nothing, and items outside the adopted plan', async () => {
    const { c, member, links } = await setUp();
    await expect(editCommitment(t.ctx, member.actor, c.id, { ...edit({ target: 40, items: links }), reason: '  ' })).rejects.toMatchObject({ code: 'invalid', fields: { reason: 'validation.required' } });
    await expect(editCommitment(t.ctx, member.actor, c.id, edit({ items: links }))).rejects.toMatchObject({ code: 'invalid', message: 'accountability.nothing_changed' });
    // The same links in another order and the same numbers as text are no change either.
    await expect(editCommitment(t.ctx, member.actor, c.id, edit({ items: [{ itemId: links[0]!.itemId, weight: '3' }], baseline: '10', target: '50,0' }))).rejects.toThrow('accountability.nothing_changed');
    await expect(editCommitment(t.ctx, member.actor, c.id, edit({ items: [{ itemId: newId(), weight: 1 }], target: 40 }))).rejects.toMatchObject({ fields: { 'items.0.itemId': 'accountability.unknown_item' } });
    expect(await changeCount()).toBe(0);
    expect((await getCommitment(t.ctx, c.id)).target).toBe(50);
  });

  it('is for the organisation’s members and admins, while the phase allows commitments', async () => {
    const { c, member, admin, links, moveTo } = await setUp();
    const stranger = await makeMember(t.ctx, 'civil_society', 'Radio Network');
    await expect(editCommitment(t.ctx, stranger.actor, c.id, edit({ target: 40, items: links }))).rejects.toMatchObject({ code: 'forbidden', message: 'accountability.not_your_organisation' });
    await expect(editCommitment(t.ctx, null, c.id, edit({ target: 40, items: links }))).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(editCommitment(t.ctx, member.actor, newId(), edit({ target: 40, items: links }))).rejects.toMatchObject({ code: 'not_found', message: 'accountability.unknown_commitment' });
    await moveTo(4);
    await expect(editCommitment(t.ctx, member.actor, c.id, edit({ target: 40, items: links }))).rejects.toThrow('process.not_in_phase');
    expect(await changeCount()).toBe(0);
    await moveTo(2);
    const byAdmin = await editCommitment(t.ctx, admin, c.id, edit({ target: 45, items: links }));
    expect(byAdmin.changes.map((ch) => ch.by)).toEqual([{ kind: 'admin' }]);
  });
});

describe('withdrawing a commitment', () => {
  it('needs a reason, stops progress, leaves the roll-up and keeps the commitment with its history', async () => {
    const { c, member, process, items } = await setUp();
    await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-20', value: 30 });
    t.clock.advance(1000); // listed in the order recorded
    const other = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }], { baseline: 0, target: 10 });
    await expect(withdrawCommitment(t.ctx, member.actor, c.id, { reason: '' })).rejects.toMatchObject({ fields: { reason: 'validation.required' } });
    expect((await getAccountability(t.ctx, process.id)).items[0]).toMatchObject({ commitments: 2 });

    const gone = await withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'The radio network closed.' });
    expect(gone.status).toBe('withdrawn');
    expect(gone.changes).toMatchObject([{ kind: 'withdraw', reason: 'The radio network closed.', before: { status: 'active' }, after: { status: 'withdrawn' } }]);
    await expect(reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-25', value: 40 })).rejects.toMatchObject({ code: 'conflict', message: 'accountability.withdrawn' });
    await expect(editCommitment(t.ctx, member.actor, c.id, edit({ target: 40, items: [{ itemId: items.a1.id, weight: 3 }] }))).rejects.toThrow('accountability.withdrawn');
    await expect(withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'Again.' })).rejects.toThrow('accountability.withdrawn');

    const a = await getAccountability(t.ctx, process.id);
    expect(a.commitments.map((x) => [x.id, x.status])).toEqual([[c.id, 'withdrawn'], [other.id, 'active']]);
    expect(a.items[0]).toMatchObject({ commitments: 1, progress: 0 }); // only the other one counts now
    expect(a.plan).toMatchObject({ counted: 1 });
    expect(await changeCount()).toBe(1);
  });

  it('is refused to other organisations’ members and outside commitment and progress phases', async () => {
    const { c, moveTo, member } = await setUp(2);
    const stranger = await makeMember(t.ctx);
    await expect(withdrawCommitment(t.ctx, stranger.actor, c.id, { reason: 'Not mine.' })).rejects.toThrow('accountability.not_your_organisation');
    await moveTo(4);
    await expect(withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'Too late.' })).rejects.toThrow('process.not_in_phase');
    await moveTo(3);
    expect((await withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'Funding ended.' })).status).toBe('withdrawn');
  });
});

describe('translating a commitment', () => {
  it('adds or replaces another language’s texts, for members, admins and curators only', async () => {
    const { c, member, moveTo } = await setUp();
    await moveTo(4); // any phase
    const fr = { lang: 'fr', title: 'Des radios pour les centres ruraux', indicator: 'Centres avec une radio en état de marche' };
    expect((await translateCommitment(t.ctx, member.actor, c.id, fr)).texts.fr).toEqual({ title: fr.title, indicator: fr.indicator });
    const curator = (await makeUser(t.ctx, 'curator')).actor;
    const again = await translateCommitment(t.ctx, curator, c.id, { ...fr, title: 'Des radios pour les centres des campagnes' });
    expect(again.texts.fr!.title).toBe('Des radios pour les centres des campagnes');
    expect(again.texts.en!.title).toBe('Radios for rural hubs');
    expect(again.changes).toEqual([]);
    await expect(translateCommitment(t.ctx, member.actor, c.id, { ...fr, lang: 'en' })).rejects.toMatchObject({ fields: { lang: 'accountability.translate_original' } });
    await expect(translateCommitment(t.ctx, member.actor, c.id, { ...fr, indicator: '' })).rejects.toMatchObject({ fields: { indicator: 'validation.required' } });
    const stranger = await makeMember(t.ctx);
    await expect(translateCommitment(t.ctx, stranger.actor, c.id, fr)).rejects.toThrow('accountability.not_your_organisation');
    await expect(translateCommitment(t.ctx, (await makeUser(t.ctx, 'coordinator')).actor, c.id, fr)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is refused for a commitment that does not exist', async () => {
    const { member } = await setUp();
    await expect(translateCommitment(t.ctx, member.actor, 'nope', { lang: 'fr', title: 'x', indicator: 'y' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordCommitment(t.ctx, member.actor, newId(), commitmentInput([]))).rejects.toMatchObject({ code: 'not_found' });
  });
});
