import { sql } from 'drizzle-orm';
import type { AppContext } from '../src/context.js';
import { consultationParticipants, voteHistory, votes } from '../src/db/schema/index.js';
import { VOICES, type Voice } from '../src/domain/consultation/analysis/analysis.js';
import { createRandom } from '../src/lib/random.js';
import { makeConsultation, makeStatement } from './factories.js';

export type VotedConsultation = Awaited<ReturnType<typeof makeVotedConsultation>>;

/**
 * A consultation with `participants` voters (sectors in turn: government, private sector, civil
 * society, international organisation, hub) in two camps, mostly by sector, that split on the second
 * half of the statements and all agree on the first; votes and their history written directly, as an import
 * would, because creating that many accounts would cost seconds of password hashing.
 */
export async function makeVotedConsultation(ctx: AppContext, opts: { participants: number; statements: number; seed?: number; translations?: Record<string, string> }) {
  const c = await makeConsultation(ctx);
  const statements: Awaited<ReturnType<typeof makeStatement>>[] = [];
  for (let i = 0; i < opts.statements; i++) {
    const tr = opts.translations ? Object.fromEntries(Object.entries(opts.translations).map(([l, prefix]) => [l, `${prefix} ${i + 1}`])) : {};
    statements.push(await makeStatement(ctx, c.id, `Statement number ${i + 1}`, 'en', tr));
  }
  const rnd = createRandom(opts.seed ?? 7);
  const participants: { id: string; sector: Voice }[] = [];
  for (let p = 0; p < opts.participants; p++) {
    const sector = VOICES[p % VOICES.length]!;
    const [row] = await ctx.db
      .insert(consultationParticipants)
      .values({ consultationId: c.id, sector, externalId: `p${p}`, createdAt: new Date(Date.UTC(2026, 4, 1, 0, p)) })
      .returning({ id: consultationParticipants.id });
    participants.push({ id: row!.id, sector });
  }
  const rows = participants.flatMap((p, pi) =>
    statements.flatMap((s, si) => {
      if (rnd() < 0.1) return [];
      // Government and the private sector on one side, civil society and international organisations on
      // the other, hubs split: the second half of the statements is then a divergence between sectors.
      const sector = participants[pi]!.sector;
      const camp = sector === 'government' || sector === 'private_sector' || (sector === 'hub' && pi % 2 === 0) ? 1 : -1;
      const lean = si < opts.statements / 2 ? 1 : camp;
      const value = rnd() < 0.85 ? lean : rnd() < 0.5 ? 0 : -lean;
      return [{ participantId: p.id, statementId: s.id, value, lang: 'en' }];
    }),
  );
  await addVotes(ctx, rows);
  return { consultation: c, statements, participants, votes: rows.length };
}

/** Writes current votes and their history rows, as castVote would for each. */
export async function addVotes(ctx: AppContext, rows: { participantId: string; statementId: string; value: number; lang: string }[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await ctx.db.insert(votes).values(chunk).onConflictDoUpdate({ target: [votes.participantId, votes.statementId], set: { value: sql`excluded."value"` } });
    await ctx.db.insert(voteHistory).values(chunk);
  }
}
