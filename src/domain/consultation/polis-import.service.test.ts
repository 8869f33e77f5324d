import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { analyzeConsultation } from './analysis/analyze.js';
import { compareWithPolis } from './polis/polis-compare.js';
import { readPolisFolder, type PolisConversation } from './polis/polis-import.js';
import { importPolisConversation } from './polis-import.service.js';
import { readConsultationData } from './votes.service.js';

const t = useTestContext();
const brexit = path.resolve('..', 'shared', 'data', 'polis', 'brexit-consensus');
const count = async (table: string) => ((await t.ctx.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n;

describe.skipIf(!existsSync(brexit))('importPolisConversation', () => {
  it('stores a Polis export whose analysis from the database groups people as Polis did', { timeout: 60_000 }, async () => {
    const conv = await readPolisFolder(brexit);
    const s = await importPolisConversation(t.ctx, conv, { title: 'Brexit consensus', lang: 'en' });
    expect(s).toMatchObject({ participants: 204, statements: 50, votes: conv.input.votes.length });
    expect(await count('vote_history')).toBe(conv.input.votes.length);

    // Read back as any stored consultation is, mapped to Polis ids.
    const data = await readConsultationData(t.ctx, s.consultationId);
    const ext = new Map([...data.participants, ...data.statements].map((x) => [x.id, x.externalId!]));
    const analysis = analyzeConsultation({
      statements: data.statements.map((x) => ({ id: x.externalId!, isModeratedOut: x.status === 'rejected' })),
      votes: data.votes.map((v) => ({ participantId: ext.get(v.participantId)!, statementId: ext.get(v.statementId)!, value: v.value })),
    }, { seed: 1, stabilityRuns: 0 });
    expect(compareWithPolis(conv.polisGroups, analysis).adjustedRandIndex).toBeGreaterThan(0.8);
  });

  it('writes nothing when a comment cannot be a statement or a vote points nowhere', async () => {
    const conv = await readPolisFolder(brexit);
    const long: PolisConversation = { ...conv, comments: conv.comments.map((c, i) => (i === 3 ? { ...c, text: 'x'.repeat(501) } : c)) };
    await expect(importPolisConversation(t.ctx, long, { title: 'x', lang: 'en' })).rejects.toMatchObject({ code: 'invalid', fields: { [`statement ${conv.comments[3]!.id}`]: 'validation.too_long:500' } });
    await expect(importPolisConversation(t.ctx, conv, { title: 'x', lang: 'not a language' })).rejects.toMatchObject({ code: 'invalid' });
    // A vote on a comment that is not there fails inside the transaction, after participants and statements were written.
    const dangling: PolisConversation = { ...conv, input: { ...conv.input, votes: [...conv.input.votes, { participantId: '0', statementId: '999999', value: 1 }] } };
    await expect(importPolisConversation(t.ctx, dangling, { title: 'x', lang: 'en' })).rejects.toThrow();
    for (const table of ['consultations', 'consultation_participants', 'statements', 'votes', 'vote_history']) expect(await count(table)).toBe(0);
  });
});
