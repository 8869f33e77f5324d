import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeConsultation, makeDelegate, makeStatement, makeUser } from '../../../test/factories.js';
import { listConsultations, listMyVotes } from './consultation-list.service.js';
import { joinConsultation } from './consultation.service.js';
import { submitStatement } from './statements.service.js';
import { castVote } from './votes.service.js';

const t = useTestContext();

describe('listing consultations', () => {
  it('lists newest first with counts of accepted statements and participants only', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const older = await makeConsultation(t.ctx, admin);
    t.clock.advance(60_000);
    const newer = await makeConsultation(t.ctx, admin);
    await makeStatement(t.ctx, newer.id);
    const { actor: delegate } = await makeDelegate(t.ctx);
    await joinConsultation(t.ctx, delegate, newer.id);
    await submitStatement(t.ctx, delegate, newer.id, { lang: 'en', text: 'Pending, not counted.' });

    const list = await listConsultations(t.ctx);
    expect(list.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(list[0]).toMatchObject({ statementCount: 1, participantCount: 1, status: 'open' });
    expect(list[0]!.texts.en?.title).toBe(newer.texts.en?.title);
    expect(list[1]).toMatchObject({ statementCount: 0, participantCount: 0 });
    expect(await listConsultations(t.ctx, { limit: 1 })).toHaveLength(1);
  });
});

describe('my votes in a consultation', () => {
  it('maps statements to the current vote, and is empty for readers who have not joined', async () => {
    const c = await makeConsultation(t.ctx);
    const s = await makeStatement(t.ctx, c.id, 'Radio reaches everyone.', 'en', { fr: 'La radio touche tout le monde.' });
    const other = await makeStatement(t.ctx, c.id);
    const { actor: delegate } = await makeDelegate(t.ctx);
    await joinConsultation(t.ctx, delegate, c.id);
    await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'agree', lang: 'fr' });
    await castVote(t.ctx, delegate, c.id, { statementId: s.id, vote: 'disagree', lang: 'fr' });

    const mine = await listMyVotes(t.ctx, delegate, c.id);
    expect([...mine]).toEqual([[s.id, { value: -1, lang: 'fr' }]]);
    expect(mine.has(other.id)).toBe(false);
    expect((await listMyVotes(t.ctx, null, c.id)).size).toBe(0);
    expect((await listMyVotes(t.ctx, (await makeDelegate(t.ctx)).actor, c.id)).size).toBe(0);
    await expect(listMyVotes(t.ctx, delegate, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
