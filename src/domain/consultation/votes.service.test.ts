import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeConsultation, makeDelegate, makeHub, makeStatement, makeUser, newId } from '../../../test/factories.js';
import { closeConsultation, joinConsultation } from './consultation.service.js';
import { moderateStatement, submitStatement } from './statements.service.js';
import { castVote, getMyVote, nextStatement, readConsultationData } from './votes.service.js';

const t = useTestContext();

async function setUp() {
  const { actor: admin } = await makeUser(t.ctx, 'admin');
  const c = await makeConsultation(t.ctx, admin);
  const s = await makeStatement(t.ctx, c.id, 'Every village needs a radio.', 'en', { fr: 'Chaque village a besoin d’une radio.' });
  const { actor: delegate } = await makeDelegate(t.ctx, 'government');
  const participant = await joinConsultation(t.ctx, delegate, c.id);
  return { admin, c, s, delegate, participant };
}

describe('casting votes', () => {
  it('records a vote, ignores an identical repeat and keeps every change in the history', async () => {
    const { c, s, delegate } = await setUp();
    expect(await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'en' })).toMatchObject({ value: 1, isChanged: true });
    expect(await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'en' })).toMatchObject({ value: 1, isChanged: false });
    t.clock.advance(60_000);
    expect(await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'disagree', lang: 'en' })).toMatchObject({ value: -1, isChanged: true });
    expect(await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'disagree', lang: 'fr' })).toMatchObject({ isChanged: true });
    const mine = await getMyVote(t.ctx, delegate, c.id, s.id);
    expect(mine.current).toMatchObject({ value: -1, lang: 'fr', updatedAt: t.clock.now() });
    expect(mine.history.map((h) => [h.value, h.lang])).toEqual([[1, 'en'], [-1, 'en'], [-1, 'fr']]);
  });

  it('pools votes on every language version of a statement into one current vote per participant', async () => {
    const { c, s, delegate } = await setUp();
    const hub = await makeHub(t.ctx);
    const { actor: coordinator } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    await joinConsultation(t.ctx, coordinator, c.id, { hubId: hub.id });
    await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'en' });
    await castVote(t.ctx, coordinator, c.id, { statementId: s.id, vote: 'pass', lang: 'fr' });
    const data = await readConsultationData(t.ctx, c.id);
    expect(data.statements).toEqual([{ id: s.id, externalId: null, status: 'accepted' }]);
    expect(data.votes.map((v) => [v.statementId, v.value, v.lang]).sort()).toEqual([[s.id, 0, 'fr'], [s.id, 1, 'en']]);
    expect(data.participants.map((p) => p.sector).sort()).toEqual(['government', 'hub']);
    expect(new Set(data.votes.map((v) => v.participantId))).toEqual(new Set(data.participants.map((p) => p.id)));
  });

  it('keeps the current vote and the history consistent under concurrent votes', async () => {
    const { c, s, delegate, participant } = await setUp();
    const order = ['agree', 'disagree', 'agree', 'pass', 'pass', 'disagree', 'agree', 'agree'] as const;
    await Promise.all(order.map((vote) => castVote(t.ctx, delegate, c.id, { statementId: s.id, vote, lang: 'en' })));
    const { current, history } = await getMyVote(t.ctx, delegate, c.id, s.id);
    expect(history.at(-1)).toMatchObject({ value: current!.value, lang: current!.lang });
    for (let i = 1; i < history.length; i++) expect(history[i]!.value).not.toBe(history[i - 1]!.value);
    const data = await readConsultationData(t.ctx, c.id);
    expect(data.votes.filter((v) => v.participantId === participant.id)).toHaveLength(1);
  });

  it('refuses unknown statements, other consultations’ statements, unaccepted ones and missing language versions', async () => {
    const { c, s, delegate } = await setUp();
    await expect(castVote(t.ctx, delegate, c.id, { statementId: newId(), vote: 'agree', lang: 'en' })).rejects.toMatchObject({ code: 'not_found' });
    const elsewhere = await makeStatement(t.ctx, (await makeConsultation(t.ctx)).id);
    await expect(castVote(t.ctx, delegate, c.id, { statementId: elsewhere.id, vote: 'agree', lang: 'en' })).rejects.toMatchObject({ code: 'not_found' });
    const pending = await submitStatement(t.ctx, delegate, c.id, { lang: 'en', text: 'Mine, not yet moderated.' });
    await expect(castVote(t.ctx, delegate, c.id, { statementId: pending.id, vote: 'agree', lang: 'en' })).rejects.toMatchObject({ code: 'conflict', message: 'error.statement_not_accepted' });
    await expect(castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'ha' })).rejects.toMatchObject({ code: 'invalid', fields: { lang: 'validation.unknown_version' } });
    await expect(castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'yes', lang: 'en' })).rejects.toMatchObject({ fields: { vote: 'validation.invalid_choice' } });
    await expect(castVote(t.ctx, delegate, c.id, { statementId: 'x', vote: 'agree', lang: 'en' })).rejects.toMatchObject({ fields: { statementId: 'validation.invalid_id' } });
    expect((await readConsultationData(t.ctx, c.id)).votes).toEqual([]);
  });

  it('refuses anonymous users, non-participants and votes on a closed consultation', async () => {
    const { admin, c, s, delegate } = await setUp();
    const { actor: outsider } = await makeDelegate(t.ctx);
    await expect(castVote(t.ctx, null, c.id, { statementId: s.id, vote: 'agree', lang: 'en' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(castVote(t.ctx, outsider, c.id, { statementId: s.id, vote: 'agree', lang: 'en' })).rejects.toMatchObject({ code: 'forbidden', message: 'error.join_first' });
    await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'en' });
    await closeConsultation(t.ctx, admin, c.id);
    await expect(castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'disagree', lang: 'en' })).rejects.toMatchObject({ code: 'conflict', message: 'error.consultation_closed' });
    expect((await getMyVote(t.ctx, delegate, c.id, s.id)).history.map((h) => h.value)).toEqual([1]);
    await expect(nextStatement(t.ctx, delegate, c.id, { lang: 'en' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('next statement to vote on', () => {
  it('offers only accepted statements not yet voted on, the same one until the participant votes, then none', async () => {
    const { c, s, delegate } = await setUp();
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const more = [await makeStatement(t.ctx, c.id, 'Second.'), await makeStatement(t.ctx, c.id, 'Third.')];
    const rejected = await makeStatement(t.ctx, c.id, 'Rejected.');
    await moderateStatement(t.ctx, curator, rejected.id, { decision: 'reject' });
    await submitStatement(t.ctx, delegate, c.id, { lang: 'en', text: 'Pending.' });
    const allowed = new Set([s.id, ...more.map((x) => x.id)]);
    const seen: string[] = [];
    for (;;) {
      const next = await nextStatement(t.ctx, delegate, c.id, { lang: 'fr' });
      if (!next) break;
      expect(allowed.has(next.id)).toBe(true);
      expect(seen).not.toContain(next.id);
      expect((await nextStatement(t.ctx, delegate, c.id, { lang: 'fr' }))!.id).toBe(next.id);
      seen.push(next.id);
      await castVote(t.ctx, delegate, c.id, { statementId: next.id, vote: 'pass', lang: next.text.lang });
    }
    expect(new Set(seen)).toEqual(allowed);
  });

  it('is deterministic for a given seed and prefers statements few have voted on', async () => {
    const { c, s, delegate } = await setUp();
    const fresh = await makeStatement(t.ctx, c.id, 'Fresh.');
    for (let i = 0; i < 12; i++) {
      const { actor } = await makeDelegate(t.ctx, 'private_sector');
      await joinConsultation(t.ctx, actor, c.id);
      await castVote(t.ctx, actor, c.id, { statementId: s.id, vote: 'agree', lang: 'en' });
    }
    const picks = [];
    for (let seed = 0; seed < 60; seed++) picks.push((await nextStatement(t.ctx, delegate, c.id, { lang: 'en', seed }))!.id);
    for (let seed = 0; seed < 3; seed++) expect((await nextStatement(t.ctx, delegate, c.id, { lang: 'en', seed }))!.id).toBe(picks[seed]);
    expect(picks.filter((id) => id === fresh.id).length).toBeGreaterThanOrEqual(45); // its weight share is 0.9
  });

  it('asks non-participants to join first', async () => {
    const { c } = await setUp();
    await expect(nextStatement(t.ctx, (await makeDelegate(t.ctx)).actor, c.id, { lang: 'en' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
