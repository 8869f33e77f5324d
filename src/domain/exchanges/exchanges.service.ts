import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canActForHub } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { getHub } from '../hubs/hubs.service.js';
import { getPractice } from '../practices/practices.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { exchangeAnswerSchema, exchangeMessageSchema, exchangeRequestSchema, type Exchange } from './exchanges.js';
import * as repo from './exchanges.repo.js';

type Deps = { db: Db; clock: Clock };

const invalid = (field: string, key: string) => new DomainError('invalid', 'error.invalid', { [field]: key });
const signedIn = (actor: Actor) => {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
};

/** The hub an exchange about a practice goes to when none is named: the practice's first authoring hub. */
async function resolveTarget(ctx: Deps, actor: Actor, toHubId: string | undefined, practiceId: string | undefined) {
  if (practiceId) await getPractice(ctx, actor, practiceId).catch(() => { throw invalid('practiceId', 'validation.unknown_practice'); });
  if (toHubId) return toHubId;
  if (!practiceId) throw invalid('toHubId', 'validation.required');
  const practice = await getPractice(ctx, actor, practiceId);
  if (!practice.hubIds[0]) throw invalid('practiceId', 'validation.practice_without_hub');
  return practice.hubIds[0];
}

/**
 * A coordinator asks a peer hub (or a practice's authors) for an exchange, with a first message.
 * Errors: unauthenticated, forbidden (not a coordinator of the asking hub), invalid (unknown or same
 * hub, unknown practice), conflict (an open exchange between them about it exists). Not idempotent.
 */
export async function requestExchange(ctx: Deps, actor: Actor, input: unknown): Promise<Exchange> {
  const me = signedIn(actor);
  const r = parseInput(exchangeRequestSchema, input);
  if (!canActForHub(me, r.fromHubId)) throw forbidden();
  const toHubId = await resolveTarget(ctx, me, r.toHubId, r.practiceId);
  if (toHubId === r.fromHubId) throw invalid('toHubId', 'validation.exchange_self');
  await getHub(ctx, me, toHubId).catch(() => { throw invalid('toHubId', 'validation.unknown_hub'); });
  const at = ctx.clock.now();
  const practiceId = r.practiceId ?? null;
  const id = await ctx.db.transaction(async (tx) => {
    if (await repo.findOpenDuplicate(tx, r.fromHubId, toHubId, practiceId)) throw new DomainError('conflict', 'error.exchange_duplicate');
    const exchangeId = await repo.insertExchange(tx, { fromHubId: r.fromHubId, toHubId, practiceId, requestedBy: me.id, at });
    await repo.insertMessage(tx, { exchangeId, hubId: r.fromHubId, userId: me.id, body: r.message, at });
    return exchangeId;
  });
  return (await repo.findExchange(ctx.db, id))!;
}

/** Participants (coordinators of either hub) and admins see an exchange; to anyone else it does not exist. */
export async function getExchange(ctx: Pick<Deps, 'db'>, actor: Actor, id: unknown): Promise<Exchange> {
  const parsed = uuid.safeParse(id);
  const e = parsed.success ? await repo.findExchange(ctx.db, parsed.data) : null;
  if (!e || !(canActForHub(actor, e.fromHubId) || canActForHub(actor, e.toHubId))) throw notFound();
  return e;
}

/** The asked hub accepts or declines, with an optional message. Errors: not_found, forbidden, conflict (already answered). */
export async function answerExchange(ctx: Deps, actor: Actor, id: unknown, input: unknown): Promise<Exchange> {
  const e = await getExchange(ctx, actor, id);
  const me = signedIn(actor);
  if (!canActForHub(me, e.toHubId)) throw forbidden();
  const a = parseInput(exchangeAnswerSchema, input);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.answer(tx, e.id, a.answer === 'accept' ? 'accepted' : 'declined', me.id, at))) throw new DomainError('conflict', 'error.exchange_answered');
    if (a.message) await repo.insertMessage(tx, { exchangeId: e.id, hubId: e.toHubId, userId: me.id, body: a.message, at });
  });
  return (await repo.findExchange(ctx.db, e.id))!;
}

/** Either side writes in the thread, until it is declined. Errors: not_found, invalid, conflict (declined). */
export async function postExchangeMessage(ctx: Deps, actor: Actor, id: unknown, input: unknown): Promise<Exchange> {
  const e = await getExchange(ctx, actor, id);
  const me = signedIn(actor);
  const { body } = parseInput(exchangeMessageSchema, input);
  if (e.status === 'declined') throw new DomainError('conflict', 'error.exchange_declined');
  // A message speaks for the side its author coordinates (an admin's, for the asking side).
  const hubId = me.hubIds.includes(e.toHubId) && !me.hubIds.includes(e.fromHubId) ? e.toHubId : e.fromHubId;
  await repo.insertMessage(ctx.db, { exchangeId: e.id, hubId, userId: me.id, body, at: ctx.clock.now() });
  return (await repo.findExchange(ctx.db, e.id))!;
}

/** A hub's record of exchanges, asked and received, newest first. Errors: forbidden (not its coordinator). */
export async function listHubExchanges(ctx: Pick<Deps, 'db'>, actor: Actor, hubId: unknown): Promise<Exchange[]> {
  const hub = await getHub(ctx, actor, hubId);
  if (!canActForHub(actor, hub.id)) throw forbidden();
  return repo.listForHub(ctx.db, hub.id);
}
