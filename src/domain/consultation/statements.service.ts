import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canModerateStatements, canSeeUnmoderated, canTranslateStatement } from '../accounts/consultation-permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { moderationInputSchema, pickText, statementInputSchema, type ModerationStatus, type StatementView } from './consultation.js';
import * as consultations from './consultation.repo.js';
import { closedError, getConsultation, signedIn } from './consultation.service.js';
import * as repo from './statements.repo.js';

type Deps = { db: Db; clock: Clock };

export function toView(s: repo.StatementRow, lang: string): StatementView {
  return {
    id: s.id, status: s.status, originalLanguage: s.originalLanguage, text: pickText(s.texts, lang)!,
    languages: s.texts.map((t) => t.lang), texts: s.texts, authorUserId: s.authorUserId, createdAt: s.createdAt,
  };
}

/** A statement the actor may see: accepted ones for everyone, others for moderators and the author. */
export async function findVisibleStatement(ctx: Pick<Deps, 'db'>, actor: Actor, id: unknown) {
  const parsed = uuid.safeParse(id);
  const s = parsed.success ? await repo.findStatement(ctx.db, parsed.data) : null;
  if (!s || (s.status !== 'accepted' && !canSeeUnmoderated(actor, s))) throw notFound();
  return s;
}

/**
 * A participant proposes a statement (pending until moderated); a curator's own statements are
 * accepted at once and need no joining. Errors: unauthenticated, not_found, invalid (empty, over
 * 500 characters, control characters, unknown language), conflict (consultation closed),
 * forbidden (not a participant). Not idempotent.
 */
export async function submitStatement(ctx: Deps, actor: Actor, consultationId: unknown, input: unknown): Promise<StatementView> {
  const me = signedIn(actor);
  const c = await getConsultation(ctx, consultationId);
  const s = parseInput(statementInputSchema, input);
  if (c.status !== 'open') throw closedError();
  const isModerator = canModerateStatements(me);
  const participant = await consultations.findParticipantOfUser(ctx.db, c.id, me.id);
  if (!participant && !isModerator) throw forbidden('error.join_first');
  const status: ModerationStatus = isModerator ? 'accepted' : 'pending';
  const id = await ctx.db.transaction((tx) =>
    repo.insertStatement(tx, { consultationId: c.id, authorId: participant?.id ?? null, createdBy: me.id, status, lang: s.lang, text: s.text, at: ctx.clock.now() }),
  );
  return toView((await repo.findStatement(ctx.db, id))!, s.lang);
}

/**
 * Adds a language version of a statement; votes on it count for the same statement. Errors:
 * unauthenticated, not_found, forbidden (not a curator or the author), invalid, conflict (that
 * language exists already — a version people voted on is not rewritten).
 */
export async function translateStatement(ctx: Deps, actor: Actor, statementId: unknown, input: unknown): Promise<StatementView> {
  const me = signedIn(actor);
  const s = await findVisibleStatement(ctx, me, statementId);
  if (!canTranslateStatement(me, s)) throw forbidden();
  const t = parseInput(statementInputSchema, input);
  if (!(await repo.insertText(ctx.db, { statementId: s.id, lang: t.lang, text: t.text, createdBy: me.id, at: ctx.clock.now() }))) {
    throw new DomainError('conflict', 'error.translation_exists', { lang: 'validation.translation_exists' });
  }
  return toView((await repo.findStatement(ctx.db, s.id))!, t.lang);
}

/** A curator accepts or rejects a statement; deciding again changes the decision. Idempotent. Errors: forbidden, not_found, invalid. */
export async function moderateStatement(ctx: Deps, actor: Actor, statementId: unknown, input: unknown): Promise<StatementView> {
  const me = signedIn(actor);
  if (!canModerateStatements(me)) throw forbidden();
  const s = await findVisibleStatement(ctx, me, statementId);
  const { decision } = parseInput(moderationInputSchema, input);
  await repo.setStatus(ctx.db, s.id, decision === 'accept' ? 'accepted' : 'rejected', me.id, ctx.clock.now());
  return toView((await repo.findStatement(ctx.db, s.id))!, s.originalLanguage);
}

/**
 * Statements of a consultation, each in `lang` when a version exists (else the same primary
 * language, else the original), oldest first. Accepted ones by default; asking for pending or
 * rejected ones gives a curator all of them and anyone else only their own. Errors: not_found.
 */
export async function listStatements(
  ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: unknown, opts: { lang: string; statuses?: ModerationStatus[] },
): Promise<StatementView[]> {
  const c = await getConsultation(ctx, consultationId);
  const rows = await repo.listStatements(ctx.db, c.id, opts.statuses ?? ['accepted']);
  return rows.filter((s) => s.status === 'accepted' || canSeeUnmoderated(actor, s)).map((s) => toView(s, opts.lang));
}
