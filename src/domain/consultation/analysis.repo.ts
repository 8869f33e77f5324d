import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { consultationAnalyses, consultationParticipants, consultations, statements, statementTexts, voteHistory, votes } from '../../db/schema/index.js';
import type { AnalysisResult } from './analysis/analysis.js';
import type { ModerationStatus, VoteValue } from './consultation.js';

export type StoredAnalysis = { consultationId: string; voteCount: number; computedAt: Date; durationMs: number; result: AnalysisResult };

/** Votes ever cast or changed in the consultation: the marker an analysis is measured against. */
export async function countHistory(db: DbOrTx, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(voteHistory)
    .innerJoin(statements, eq(statements.id, voteHistory.statementId))
    .where(eq(statements.consultationId, consultationId));
  return row?.n ?? 0;
}

export async function findAnalysis(db: DbOrTx, consultationId: string): Promise<StoredAnalysis | null> {
  const [row] = await db.select().from(consultationAnalyses).where(eq(consultationAnalyses.consultationId, consultationId));
  return row ? { ...row, result: row.result as AnalysisResult } : null;
}

/**
 * Stores an analysis unless one that saw more votes is already there (two refreshes may race: the
 * one that read the later snapshot wins, whichever finishes last). Returns whether it was stored.
 */
export async function storeAnalysis(db: DbOrTx, a: StoredAnalysis): Promise<boolean> {
  const stored = await db
    .insert(consultationAnalyses)
    .values(a)
    .onConflictDoUpdate({
      target: consultationAnalyses.consultationId,
      set: { voteCount: sql`excluded."vote_count"`, computedAt: sql`excluded."computed_at"`, durationMs: sql`excluded."duration_ms"`, result: sql`excluded."result"` },
      setWhere: sql`excluded."vote_count" >= ${consultationAnalyses.voteCount}`,
    })
    .returning({ id: consultationAnalyses.consultationId });
  return stored.length > 0;
}

/** Consultations with votes the stored analysis has not seen (or with no analysis), oldest analysis first. */
export async function staleConsultations(db: DbOrTx, limit: number, skip: string[] = []): Promise<string[]> {
  const history = db
    .select({ consultationId: statements.consultationId, n: sql<number>`count(*)`.as('n') })
    .from(voteHistory)
    .innerJoin(statements, eq(statements.id, voteHistory.statementId))
    .groupBy(statements.consultationId)
    .as('h');
  const rows = await db
    .select({ id: consultations.id })
    .from(consultations)
    .leftJoin(history, eq(history.consultationId, consultations.id))
    .leftJoin(consultationAnalyses, eq(consultationAnalyses.consultationId, consultations.id))
    .where(and(
      sql`(${consultationAnalyses.consultationId} is null or coalesce(${history.n}, 0) > ${consultationAnalyses.voteCount})`,
      skip.length ? notInArray(consultations.id, skip) : undefined,
    ))
    .orderBy(sql`${consultationAnalyses.computedAt} asc nulls first`, asc(consultations.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Participants in the order they joined: their position is their Polis-style number, stable as others join. */
export async function participantOrder(db: DbOrTx, consultationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: consultationParticipants.id })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.consultationId, consultationId))
    .orderBy(asc(consultationParticipants.createdAt), asc(consultationParticipants.id));
  return rows.map((r) => r.id);
}

/**
 * What the Polis export needs: participants and statements in order of arrival, current votes with their time.
 */
export async function exportRows(db: DbOrTx, consultationId: string) {
  const voteRows = await db
    .select({ participantId: votes.participantId, statementId: votes.statementId, value: votes.value, at: votes.updatedAt })
    .from(votes)
    .innerJoin(statements, eq(statements.id, votes.statementId))
    .where(eq(statements.consultationId, consultationId));
  return {
    participants: await participantOrder(db, consultationId),
    statements: await statementOrder(db, consultationId),
    votes: voteRows.map((v) => ({ ...v, value: v.value as VoteValue })),
  };
}

/** Every statement in the order it was submitted (its Polis-style number), with its original text. */
export async function statementOrder(db: DbOrTx, consultationId: string) {
  const rows = await db
    .select({ id: statements.id, authorId: statements.authorId, createdAt: statements.createdAt, status: statements.status, text: statementTexts.text })
    .from(statements)
    .innerJoin(statementTexts, and(eq(statementTexts.statementId, statements.id), eq(statementTexts.isOriginal, true)))
    .where(eq(statements.consultationId, consultationId))
    .orderBy(asc(statements.createdAt), asc(statements.id));
  return rows.map((s) => ({ ...s, status: s.status as ModerationStatus }));
}
