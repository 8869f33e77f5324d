import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { consultationParticipants, statements, voteHistory, votes } from '../../db/schema/index.js';
import type { ModerationStatus, ParticipantSector, VoteValue } from './consultation.js';
import type { Tally } from './next-statement.js';

type Vote = { participantId: string; statementId: string; value: VoteValue; lang: string | null; at: Date };

/**
 * Makes this the current vote and, when it differs from the one before (value or language version),
 * appends it to the history. Both happen in the caller's transaction; the upsert holds the row lock,
 * so concurrent votes of one participant on one statement are applied one after the other.
 * Returns false for a repeat of the current vote.
 */
export async function recordVote(tx: DbOrTx, v: Vote): Promise<boolean> {
  const changed = await tx
    .insert(votes)
    .values({ participantId: v.participantId, statementId: v.statementId, value: v.value, lang: v.lang, updatedAt: v.at })
    .onConflictDoUpdate({
      target: [votes.participantId, votes.statementId],
      set: { value: sql`excluded."value"`, lang: sql`excluded."lang"`, updatedAt: sql`excluded."updated_at"` },
      setWhere: sql`("votes"."value", "votes"."lang") is distinct from (excluded."value", excluded."lang")`,
    })
    .returning({ statementId: votes.statementId });
  if (changed.length === 0) return false;
  await tx.insert(voteHistory).values({ participantId: v.participantId, statementId: v.statementId, value: v.value, lang: v.lang, castAt: v.at });
  return true;
}

export async function findVote(db: DbOrTx, participantId: string, statementId: string) {
  const [row] = await db
    .select({ value: votes.value, lang: votes.lang, updatedAt: votes.updatedAt })
    .from(votes)
    .where(and(eq(votes.participantId, participantId), eq(votes.statementId, statementId)));
  return row ? { ...row, value: row.value as VoteValue } : null;
}

export async function voteHistoryOf(db: DbOrTx, participantId: string, statementId: string) {
  const rows = await db
    .select({ value: voteHistory.value, lang: voteHistory.lang, castAt: voteHistory.castAt })
    .from(voteHistory)
    .where(and(eq(voteHistory.participantId, participantId), eq(voteHistory.statementId, statementId)))
    .orderBy(asc(voteHistory.seq));
  return rows.map((r) => ({ ...r, value: r.value as VoteValue }));
}

/** Accepted statements the participant has not voted on, with the votes each has so far. */
export async function unvotedTallies(db: DbOrTx, consultationId: string, participantId: string): Promise<Tally[]> {
  const rows = await db
    .select({
      id: statements.id,
      agrees: sql<number>`count(*) filter (where ${votes.value} = 1)`.mapWith(Number),
      disagrees: sql<number>`count(*) filter (where ${votes.value} = -1)`.mapWith(Number),
      passes: sql<number>`count(*) filter (where ${votes.value} = 0)`.mapWith(Number),
      isMine: sql<boolean>`coalesce(bool_or(${votes.participantId} = ${participantId}), false)`,
    })
    .from(statements)
    .leftJoin(votes, eq(votes.statementId, statements.id))
    .where(and(eq(statements.consultationId, consultationId), eq(statements.status, 'accepted')))
    .groupBy(statements.id);
  return rows.filter((r) => !r.isMine).map(({ isMine: _, ...t }) => t);
}

export async function countVotesOf(db: DbOrTx, participantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(votes).where(eq(votes.participantId, participantId));
  return row?.n ?? 0;
}

/** Everything the opinion analysis reads, for one consultation, as plain rows. */
export async function analysisRows(db: DbOrTx, consultationId: string) {
  const participants = await db
    .select({ id: consultationParticipants.id, externalId: consultationParticipants.externalId, sector: consultationParticipants.sector })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.consultationId, consultationId))
    .orderBy(asc(consultationParticipants.id));
  const statementRows = await db
    .select({ id: statements.id, externalId: statements.externalId, status: statements.status })
    .from(statements)
    .where(eq(statements.consultationId, consultationId))
    .orderBy(asc(statements.id));
  const voteRows = await db
    .select({ participantId: votes.participantId, statementId: votes.statementId, value: votes.value, lang: votes.lang })
    .from(votes)
    .innerJoin(statements, eq(statements.id, votes.statementId))
    .where(eq(statements.consultationId, consultationId))
    .orderBy(asc(votes.participantId), asc(votes.statementId));
  return {
    participants: participants.map((p) => ({ ...p, sector: p.sector as ParticipantSector | null })),
    statements: statementRows.map((s) => ({ ...s, status: s.status as ModerationStatus })),
    votes: voteRows.map((v) => ({ ...v, value: v.value as VoteValue })),
  };
}

/** Current votes of an import, each also its one history row; in batches, in the caller's transaction. */
export async function insertImportedVotes(tx: DbOrTx, rows: { participantId: string; statementId: string; value: VoteValue; lang: string | null; at: Date }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await tx.insert(votes).values(batch.map((v) => ({ participantId: v.participantId, statementId: v.statementId, value: v.value, lang: v.lang, updatedAt: v.at })));
    await tx.insert(voteHistory).values(batch.map((v) => ({ participantId: v.participantId, statementId: v.statementId, value: v.value, lang: v.lang, castAt: v.at })));
  }
}
