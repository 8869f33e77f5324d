import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { consultations, consultationTexts, votes } from '../../db/schema/index.js';
import type { Consultation, ConsultationStatus, VoteValue } from './consultation.js';

/**
 * Consultations (all, or those of one process), newest first, with their texts and how many accepted statements and participants each
 * has. The correlated subqueries are written out: Drizzle leaves columns unqualified inside `sql`, which
 * would bind them to the subquery's own table.
 */
export async function listConsultations(db: DbOrTx, limit: number, processId?: string) {
  const rows = await db
    .select({
      row: consultations,
      statementCount: sql<number>`(select count(*) from "statements" s where s."consultation_id" = "consultations"."id" and s."status" = 'accepted')`.mapWith(Number),
      participantCount: sql<number>`(select count(*) from "consultation_participants" p where p."consultation_id" = "consultations"."id")`.mapWith(Number),
    })
    .from(consultations)
    .where(processId ? eq(consultations.processId, processId) : undefined)
    .orderBy(desc(consultations.createdAt), desc(consultations.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const texts = await db.select().from(consultationTexts).where(inArray(consultationTexts.consultationId, rows.map((r) => r.row.id)));
  return rows.map(({ row: c, statementCount, participantCount }) => {
    const consultation: Consultation = {
      id: c.id, process: c.process, processId: c.processId, status: c.status as ConsultationStatus, originalLanguage: c.originalLanguage,
      texts: Object.fromEntries(texts.filter((t) => t.consultationId === c.id).map((t) => [t.lang, { title: t.title, description: t.description }])),
      createdBy: c.createdBy, createdAt: c.createdAt, closedAt: c.closedAt,
    };
    return { ...consultation, statementCount, participantCount };
  });
}

/** A participant's current votes (a participant belongs to one consultation). */
export async function votesOfParticipant(db: DbOrTx, participantId: string) {
  const rows = await db
    .select({ statementId: votes.statementId, value: votes.value, lang: votes.lang })
    .from(votes)
    .where(eq(votes.participantId, participantId));
  return rows.map((r) => ({ ...r, value: r.value as VoteValue }));
}
