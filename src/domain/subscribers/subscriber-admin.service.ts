import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../accounts/accounts.js';
import { forbidden } from '../errors.js';
import { pagingSchema, type Page } from '../shared/paging.js';
import { parseInput } from '../shared/validation.js';
import { normalisePhone } from './phone.js';
import { canManageSubscribers, isSystemActor } from './subscriber-permissions.js';
import { blockSchema, numberSchema, type SubscriberExport, type SubscriberSummary } from './subscribers.js';
import * as repo from './subscribers.repo.js';

/** What admins (and the node's operator, as SYSTEM_ACTOR) do with numbers: the only readers of them. */
type Deps = { db: Db; clock: Clock };

function admin(actor: Actor) {
  if (!canManageSubscribers(actor)) throw forbidden();
}

/**
 * Puts a number on the block list (or changes the reason): it may no longer subscribe, opt in or change
 * language, and the alert fan-out skips it; it may still unsubscribe and stop. Idempotent.
 * Errors: forbidden (not an admin), invalid.
 */
export async function blockNumber(ctx: Deps, actor: Actor, input: unknown): Promise<void> {
  admin(actor);
  const r = parseInput(blockSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  await repo.upsertBlock(ctx.db, { phone, reason: r.reason, createdBy: isSystemActor(actor) ? null : actor!.id, at: ctx.clock.now() });
}

/** Takes a number off the block list; false when it was not on it. Errors: forbidden, invalid. */
export async function unblockNumber(ctx: Pick<Deps, 'db'>, actor: Actor, input: unknown): Promise<boolean> {
  admin(actor);
  const r = parseInput(numberSchema, input);
  return repo.deleteBlock(ctx.db, normalisePhone(r.phone, r.defaultCountry));
}

/** Subscribers, newest first, with their numbers in full. Errors: forbidden (not an admin), invalid paging. */
export async function listSubscribers(ctx: Pick<Deps, 'db'>, actor: Actor, page: unknown): Promise<Page<SubscriberSummary>> {
  admin(actor);
  return repo.listSubscribers(ctx.db, parseInput(pagingSchema, page ?? {}));
}

/**
 * Everything held about a number, for the person's access request: the subscriber, their subscriptions,
 * every consent event, and a block with its reason. A number we know nothing of gives empty fields.
 * Errors: forbidden (not an admin), invalid (not a phone number). Reads only.
 */
export async function exportSubscriber(ctx: Pick<Deps, 'db'>, actor: Actor, phone: unknown, defaultCountry?: string): Promise<SubscriberExport> {
  admin(actor);
  const r = parseInput(numberSchema, { phone, defaultCountry });
  const e164 = normalisePhone(r.phone, r.defaultCountry);
  const subscriber = await repo.findByPhone(ctx.db, e164);
  return {
    phone: e164,
    subscriber,
    subscriptions: subscriber ? await repo.subscriptionsOf(ctx.db, subscriber.id) : [],
    consentEvents: subscriber ? await repo.consentEventsOf(ctx.db, subscriber.id) : [],
    block: await repo.findBlock(ctx.db, e164),
  };
}

export type ForgetResult = { subscriber: number; subscriptions: number; consentEvents: number; block: number };

/**
 * Erasure on request: deletes the subscriber, their subscriptions, their consent log and any block of
 * the number, in one transaction. Nothing that holds the number is kept — not even the consent log that
 * proved consent, since there is no longer anyone to send to — only the counts, in the log, without the
 * number. A number that comes back later starts afresh. Idempotent (a second call counts zeros).
 * Errors: forbidden (not an admin), invalid (not a phone number).
 */
export async function forgetSubscriber(ctx: Pick<Deps, 'db'> & { log: Logger }, actor: Actor, phone: unknown, defaultCountry?: string): Promise<ForgetResult> {
  admin(actor);
  const r = parseInput(numberSchema, { phone, defaultCountry });
  const e164 = normalisePhone(r.phone, r.defaultCountry);
  const result = await ctx.db.transaction(async (tx) => {
    const subscriber = await repo.findByPhone(tx, e164, { lock: true });
    const held = subscriber ? await repo.deleteSubscriber(tx, subscriber.id) : { subscriptions: 0, consentEvents: 0 };
    const block = (await repo.deleteBlock(tx, e164)) ? 1 : 0;
    return { subscriber: subscriber ? 1 : 0, ...held, block };
  });
  ctx.log.info({ forgotten: result, by: actor!.id }, 'subscriber forgotten');
  return result;
}
