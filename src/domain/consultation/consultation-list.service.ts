import type { Db } from '../../db/database.js';
import type { Actor } from '../accounts/accounts.js';
import { uuid } from '../shared/fields.js';
import type { Consultation, VoteValue } from './consultation.js';
import { findMyParticipant, getConsultation } from './consultation.service.js';
import * as repo from './consultation-list.repo.js';

type Deps = { db: Db };

export type ConsultationSummary = Consultation & { statementCount: number; participantCount: number };

/** Every consultation (anyone may read them), newest first, at most `limit`, with counts of accepted statements and participants. */
export async function listConsultations(ctx: Deps, opts: { limit?: number } = {}): Promise<ConsultationSummary[]> {
  return repo.listConsultations(ctx.db, Math.min(Math.max(opts.limit ?? 200, 1), 500));
}

/** The consultations linked to a process, newest first (anyone may read them). Errors: none — an unknown process has none. */
export async function listConsultationsOfProcess(ctx: Deps, processId: string): Promise<ConsultationSummary[]> {
  return uuid.safeParse(processId).success ? repo.listConsultations(ctx.db, 500, processId) : [];
}

/** The actor's current votes in a consultation by statement id; empty for a reader who has not joined. Errors: not_found. */
export async function listMyVotes(ctx: Deps, actor: Actor, consultationId: unknown): Promise<Map<string, { value: VoteValue; lang: string | null }>> {
  const c = await getConsultation(ctx, consultationId);
  const p = await findMyParticipant(ctx, actor, c.id);
  const rows = p ? await repo.votesOfParticipant(ctx.db, p.id) : [];
  return new Map(rows.map((r) => [r.statementId, { value: r.value, lang: r.lang }]));
}
