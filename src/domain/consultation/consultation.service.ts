import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canCloseConsultation, canCreateConsultation, canJoinForHub, canJoinForOrganisation } from '../accounts/consultation-permissions.js';
import { canLinkConsultation } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { processExists } from '../process/process.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { consultationInputSchema, consultationLinkSchema, joinInputSchema, type Consultation, type Participant, type ParticipantSector } from './consultation.js';
import * as repo from './consultation.repo.js';

type Deps = { db: Db; clock: Clock };

export const signedIn = (actor: Actor) => {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
};

export const closedError = () => new DomainError('conflict', 'error.consultation_closed');

/** A process a consultation is to be linked to must exist: else a field error, as for any other bad value. */
async function assertProcessExists(tx: DbOrTx, processId: string | null) {
  if (processId && !(await processExists(tx, processId))) throw new DomainError('invalid', 'error.invalid', { processId: 'validation.unknown_process' });
}

/**
 * Opens a consultation with its title in the original language, linked to a process if `processId` is given.
 * Errors: unauthenticated, forbidden, invalid (`validation.unknown_process` among others). Not idempotent.
 */
export async function createConsultation(ctx: Deps, actor: Actor, input: unknown, opts: { isDemo?: boolean } = {}): Promise<Consultation> {
  const me = signedIn(actor);
  if (!canCreateConsultation(me)) throw forbidden();
  const c = parseInput(consultationInputSchema, input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertProcessExists(tx, c.processId);
    return repo.insertConsultation(tx, { process: c.process, processId: c.processId, originalLanguage: c.originalLanguage, ...c.text, createdBy: me.id, at: ctx.clock.now(), isDemo: opts.isDemo });
  });
  return (await repo.findConsultation(ctx.db, id))!;
}

/**
 * Links a consultation to a process (`{ processId }`), or unlinks it (`{ processId: null }`); its statements and
 * votes are untouched. Errors: unauthenticated, forbidden (`consultation.link_admins_only`), not_found, invalid
 * (`validation.unknown_process`). Idempotent.
 */
export async function linkConsultation(ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: unknown, input: unknown): Promise<Consultation> {
  if (!canLinkConsultation(signedIn(actor))) throw forbidden('consultation.link_admins_only');
  const c = await getConsultation(ctx, consultationId);
  const { processId } = parseInput(consultationLinkSchema, input);
  await ctx.db.transaction(async (tx) => {
    await assertProcessExists(tx, processId);
    await repo.setConsultationProcess(tx, c.id, processId);
  });
  return (await repo.findConsultation(ctx.db, c.id))!;
}

/** Anyone may read a consultation. Errors: not_found (unknown or malformed id). */
export async function getConsultation(ctx: Pick<Deps, 'db'>, id: unknown): Promise<Consultation> {
  const parsed = uuid.safeParse(id);
  const c = parsed.success ? await repo.findConsultation(ctx.db, parsed.data) : null;
  if (!c) throw notFound();
  return c;
}

/** Closes voting and submissions. Errors: not_found, forbidden, conflict (already closed). */
export async function closeConsultation(ctx: Deps, actor: Actor, id: unknown): Promise<Consultation> {
  const c = await getConsultation(ctx, id);
  if (!canCloseConsultation(signedIn(actor), c)) throw forbidden();
  if (!(await repo.closeConsultation(ctx.db, c.id, ctx.clock.now()))) throw closedError();
  return (await repo.findConsultation(ctx.db, c.id))!;
}

/** What the actor would speak for: their organisation (delegates) or the named hub (coordinators). */
async function voiceOf(ctx: Deps, me: NonNullable<Actor>, hubId: string | undefined) {
  if (hubId) {
    if (!canJoinForHub(me, hubId)) throw forbidden('error.not_your_hub');
    return { organisationId: null, hubId, sector: 'hub' as ParticipantSector };
  }
  const user = await repo.findUserRole(ctx.db, me.id);
  const org = user?.organisationId ? await repo.findOrganisation(ctx.db, user.organisationId) : null;
  if (!org || !canJoinForOrganisation(me, user!.organisationId, org.id)) throw forbidden('error.no_voice');
  return { organisationId: org.id, hubId: null, sector: org.sector as ParticipantSector };
}

/**
 * Joins an open consultation as one voter: a delegate for their organisation (its sector), a
 * coordinator for a hub they coordinate (sector 'hub'). Idempotent: joining again with the same
 * voice returns the same participant. Errors: unauthenticated, not_found, forbidden (no organisation,
 * not their hub), conflict (closed; already joined with another voice).
 */
export async function joinConsultation(ctx: Deps, actor: Actor, consultationId: unknown, input: unknown = {}): Promise<Participant> {
  const me = signedIn(actor);
  const c = await getConsultation(ctx, consultationId);
  const { hubId } = parseInput(joinInputSchema, input);
  const voice = await voiceOf(ctx, me, hubId);
  if (c.status !== 'open') throw closedError();
  const p = await repo.insertParticipant(ctx.db, { consultationId: c.id, userId: me.id, ...voice, at: ctx.clock.now() });
  if (p.hubId !== voice.hubId || p.organisationId !== voice.organisationId) throw new DomainError('conflict', 'error.already_participant');
  return p;
}

/** The actor's participant in a consultation, or null when they have not joined. */
export async function findMyParticipant(ctx: Pick<Deps, 'db'>, actor: Actor, consultationId: string) {
  return actor ? repo.findParticipantOfUser(ctx.db, consultationId, actor.id) : null;
}
