import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { makePlan } from '../../../test/plan-factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { changePhase } from '../process/process.service.js';
import { getDocument, getSectionHistory } from './action-plan.service.js';
import { countAmendmentVotes, decideAmendment, proposeAmendment, voteOnAmendment } from './amendments.service.js';

const t = useTestContext();
const amend = (text: string, baseVersion = 1, lang = 'en') => ({ baseVersion, lang, text, rationale: 'Clearer.' });

describe('proposing amendments', () => {
  it('refuses outside an amendments phase, against a stale version, or without a change; writes nothing', async () => {
    const { admin, process, sections, owner } = await makePlan(t.ctx);
    const first = sections[0]!.id;
    await expect(proposeAmendment(t.ctx, owner.actor, first, amend('Every hub has a radio.  Alerts reach herders.'))).rejects.toMatchObject({ code: 'invalid', fields: { text: 'plan.no_change' } });
    const a = await proposeAmendment(t.ctx, owner.actor, first, amend('Every hub has a community radio. Alerts reach herders.'));
    expect(a).toMatchObject({ status: 'proposed', baseVersion: 1, lang: 'en', rationale: 'Clearer.', proposedByName: owner.user.displayName, votes: { for: 0, against: 0, abstain: 0 } });
    await decideAmendment(t.ctx, owner.actor, a.id, { decision: 'accept' });
    await expect(proposeAmendment(t.ctx, owner.actor, first, amend('Based on version one.'))).rejects.toMatchObject({ code: 'conflict', message: 'plan.stale_version' });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[1]!.id });
    await expect(proposeAmendment(t.ctx, owner.actor, first, amend('Out of phase.', 2))).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    await expect(proposeAmendment(t.ctx, null, first, amend('Anonymous.', 2))).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await getDocument(t.ctx, sections[0]!.documentId)).sections[0]!.amendments).toHaveLength(1);
  });
});

describe('deciding amendments', () => {
  it('accepting writes the next version with the amendment; a second amendment on the old base is then stale', async () => {
    const { sections, owner } = await makePlan(t.ctx);
    const first = sections[0]!.id;
    const a = await proposeAmendment(t.ctx, owner.actor, first, amend('Every hub has a community radio. Alerts reach herders.'));
    const b = await proposeAmendment(t.ctx, owner.actor, first, amend('Chaque centre a une radio communautaire.', 1, 'fr'));
    t.clock.advance(60_000);
    const accepted = await decideAmendment(t.ctx, owner.actor, a.id, { decision: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedHow: 'owner', decidedByName: owner.user.displayName });
    const doc = await getDocument(t.ctx, sections[0]!.documentId);
    expect(doc.sections[0]).toMatchObject({ version: 2, texts: { en: 'Every hub has a community radio. Alerts reach herders.' } });
    const history = await getSectionHistory(t.ctx, first);
    expect(history.versions.map((v) => [v.version, v.lang, v.amendmentId])).toEqual([[1, 'en', null], [1, 'fr', null], [2, 'en', a.id]]);
    await expect(decideAmendment(t.ctx, owner.actor, b.id, { decision: 'accept' })).rejects.toMatchObject({ code: 'conflict', message: 'plan.stale_version' });
    await expect(decideAmendment(t.ctx, owner.actor, a.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'conflict', message: 'plan.amendment_decided' });
    // A stale amendment can still be rejected; nothing more is written.
    expect((await decideAmendment(t.ctx, owner.actor, b.id, { decision: 'reject' })).status).toBe('rejected');
    expect((await getSectionHistory(t.ctx, first)).versions).toHaveLength(3);
  });

  it('is for the owner organisation’s members or an admin; a section with no owner, admins only', async () => {
    const { admin, sections, owner } = await makePlan(t.ctx);
    const other = (await makeMember(t.ctx)).actor;
    const curator = (await makeUser(t.ctx, 'curator')).actor;
    const a = await proposeAmendment(t.ctx, other, sections[0]!.id, amend('Every hub has two radios.'));
    const b = await proposeAmendment(t.ctx, other, sections[1]!.id, amend('Budgets are published online.'));
    for (const who of [other, curator, null]) {
      await expect(decideAmendment(t.ctx, who, a.id, { decision: 'accept' })).rejects.toMatchObject({ code: who ? 'forbidden' : 'unauthenticated' });
    }
    await expect(decideAmendment(t.ctx, owner.actor, b.id, { decision: 'accept' })).rejects.toMatchObject({ code: 'forbidden', message: 'plan.owner_decides' });
    expect((await decideAmendment(t.ctx, admin, b.id, { decision: 'reject' })).status).toBe('rejected');
    expect((await decideAmendment(t.ctx, owner.actor, a.id, { decision: 'reject' })).decidedByName).toBe(owner.user.displayName);
  });

  it('by vote: one changeable vote per person, counted when the phase allows voting, majority of for and against', async () => {
    const { admin, process, sections, owner } = await makePlan(t.ctx);
    const voters = [owner.actor, (await makeUser(t.ctx, 'coordinator')).actor, (await makeUser(t.ctx, 'curator')).actor] as const;
    const a = await proposeAmendment(t.ctx, voters[1], sections[1]!.id, amend('Budgets are published each quarter.'));
    const b = await proposeAmendment(t.ctx, voters[1], sections[0]!.id, amend('Every hub has a radio and a phone.'));
    await voteOnAmendment(t.ctx, voters[0], a.id, { vote: 'against' });
    await voteOnAmendment(t.ctx, voters[0], a.id, { vote: 'for' });
    await voteOnAmendment(t.ctx, voters[1], a.id, { vote: 'for' });
    expect(await voteOnAmendment(t.ctx, voters[2], a.id, { vote: 'abstain' })).toEqual({ for: 2, against: 0, abstain: 1 });
    await voteOnAmendment(t.ctx, voters[2], b.id, { vote: 'abstain' });
    await expect(voteOnAmendment(t.ctx, voters[0], a.id, { vote: 'maybe' })).rejects.toMatchObject({ fields: { vote: 'validation.invalid_choice' } });
    await expect(countAmendmentVotes(t.ctx, admin, a.id)).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[1]!.id });
    await expect(countAmendmentVotes(t.ctx, admin, b.id)).rejects.toMatchObject({ code: 'conflict', message: 'plan.no_votes' });
    const decided = await countAmendmentVotes(t.ctx, admin, a.id);
    expect(decided).toMatchObject({ status: 'accepted', decidedHow: 'vote', votes: { for: 2, against: 0, abstain: 1 } });
    expect((await getDocument(t.ctx, sections[1]!.documentId)).sections[1]).toMatchObject({ version: 2, texts: { en: 'Budgets are published each quarter.' } });
    await expect(voteOnAmendment(t.ctx, voters[0], a.id, { vote: 'against' })).rejects.toMatchObject({ message: 'plan.amendment_decided' });
    await voteOnAmendment(t.ctx, voters[0], b.id, { vote: 'against' });
    expect(await countAmendmentVotes(t.ctx, owner.actor, b.id)).toMatchObject({ status: 'rejected', votes: { for: 0, against: 1, abstain: 1 } });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[3]!.id });
    const c = (await getDocument(t.ctx, sections[0]!.documentId)).sections[0]!;
    expect(c.version).toBe(1);
  });
});
