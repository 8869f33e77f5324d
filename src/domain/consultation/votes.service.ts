import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { VOTE_VALUES, voteInputSchema, type StatementView, type VoteValue } from './consultation.js';
import * as consultations from './consultation.repo.js';
import { closedError, getConsultation, signedIn } from './consultation.service.js';
import { pickNextStatement, seedOf } from './next-statement.js';
import * as statements from './statements.repo.js';
import { toView } from './statements.service.js';
import * as repo from './votes.repo.js';

type Deps = { db: Db; clock: Clock };

async function myParticipant(ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: string) {
  const p = await consultations.findParticipantOfUser(ctx.db, consultationId, signedIn(actor).id);
  if (!p) throw forbidden('error.join_first');
  return p;
}

/**
 * Agree, disagree or pass on an accepted statement of an open consultation, in one of its language
 * versions. Idempotent: repeating the current vote changes nothing; a different vote (or the same in
 * another language version) replaces it and is appended to the history, in one transaction.
 * Errors: unauthenticated, not_found (consultation or statement), invalid (bad input, no such
 * language version), forbidden (not a participant), conflict (consultation closed, statement not accepted).
 */
export async function castVote(ctx: Deps, actor: Actor, consultationId: unknown, input: unknown) {
  signedIn(actor);
  const c = await getConsultation(ctx, consultationId);
  const v = parseInput(voteInputSchema, input);
  const s = await statements.findStatement(ctx.db, v.statementId);
  if (!s || s.consultationId !== c.id) throw notFound('error.statement_not_found');
  const participant = await myParticipant(ctx, actor, c.id);
  if (s.status !== 'accepted') throw new DomainError('conflict', 'error.statement_not_accepted');
  if (!s.texts.some((t) => t.lang === v.lang)) throw new DomainError('invalid', 'error.invalid', { lang: 'validation.unknown_version' });
  const value: VoteValue = VOTE_VALUES[v.vote];
  const isChanged = await ctx.db.transaction(async (tx) => {
    const locked = await consultations.findConsultation(tx, c.id, { lock: true });
    if (locked?.status !== 'open') throw closedError();
    return repo.recordVote(tx, { participantId: participant.id, statementId: s.id, value, lang: v.lang, at: ctx.clock.now() });
  });
  return { statementId: s.id, value, lang: v.lang, isChanged };
}

/** The actor's current vote on a statement and its history, oldest first. Errors: unauthenticated, forbidden, not_found. */
export async function getMyVote(ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: unknown, statementId: unknown) {
  const c = await getConsultation(ctx, consultationId);
  const participant = await myParticipant(ctx, actor, c.id);
  const sid = uuid.safeParse(statementId);
  if (!sid.success) throw notFound('error.statement_not_found');
  const current = await repo.findVote(ctx.db, participant.id, sid.data);
  return { current, history: await repo.voteHistoryOf(ctx.db, participant.id, sid.data) };
}

/**
 * The next statement for the actor to vote on, in `lang` where a version exists, or null when they
 * have voted on every accepted statement. The rule is in next-statement.ts; without a seed, the
 * participant's id and number of votes seed the draw, so the answer is stable until they vote.
 * Errors: unauthenticated, not_found, forbidden (not a participant), conflict (closed).
 */
export async function nextStatement(
  ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: unknown, opts: { lang: string; seed?: number },
): Promise<StatementView | null> {
  const c = await getConsultation(ctx, consultationId);
  const participant = await myParticipant(ctx, actor, c.id);
  if (c.status !== 'open') throw closedError();
  const candidates = await repo.unvotedTallies(ctx.db, c.id, participant.id);
  const seed = opts.seed ?? seedOf(`${participant.id}:${await repo.countVotesOf(ctx.db, participant.id)}`);
  const id = pickNextStatement(candidates, seed);
  return id ? toView((await statements.findStatement(ctx.db, id))!, opts.lang) : null;
}

export type ConsultationData = Awaited<ReturnType<typeof repo.analysisRows>>;

/**
 * Everything the opinion analysis reads — participants (id, external id, sector), statements (id,
 * external id, moderation status), current votes (participant, statement, value, language version) —
 * read in one snapshot so a vote arriving meanwhile never refers to a statement missing from the list.
 * For the analysis job and the report; no actor (the rows are pseudonymous). Errors: not_found.
 */
export async function readConsultationData(ctx: Pick<Deps, 'db'>, consultationId: unknown): Promise<ConsultationData> {
  const c = await getConsultation(ctx, consultationId);
  return ctx.db.transaction((tx) => repo.analysisRows(tx, c.id), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
