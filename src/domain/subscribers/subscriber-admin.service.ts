import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../accounts/accounts.js';
import { forbidden, notFound } from '../errors.js';
import { uuid } from '../shared/fields.js';
import { pagingSchema, type Page } from '../shared/paging.js';
import { parseInput } from '../shared/validation.js';
import { normalisePhone } from './phone.js';
import { adminAreaKey } from './places.js';
import { canManageSubscribers, isSystemActor } from './subscriber-permissions.js';
import { blockSchema, numberSchema, type SubscriberExport, type SubscriberStatus, type SubscriberSummary, type Subscription } from './subscribers.js';
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

export type ForgetResult = { subscriber: number; subscriptions: number; consentEvents: number; block: number; messages: number };

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
    const messages = await repo.deleteMessagesOf(tx, e164);
    return { subscriber: subscriber ? 1 : 0, ...held, block, messages };
  });
  ctx.log.info({ forgotten: result, by: actor!.id }, 'subscriber forgotten');
  return result;
}

/**
 * Everything held about the subscriber with this id: what `exportSubscriber` gives for their number.
 * Errors: forbidden (not an admin), not_found (no such subscriber, or not an id). Reads only.
 */
export async function getSubscriber(ctx: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<SubscriberExport> {
  admin(actor);
  const subscriber = uuid.safeParse(id).success ? await repo.findById(ctx.db, id) : null;
  if (!subscriber) throw notFound();
  return {
    phone: subscriber.phone,
    subscriber,
    subscriptions: await repo.subscriptionsOf(ctx.db, subscriber.id),
    consentEvents: await repo.consentEventsOf(ctx.db, subscriber.id),
    block: await repo.findBlock(ctx.db, subscriber.phone),
  };
}

/** The subscriptions of the subscribers listed on a page, by id, and which of their numbers are blocked. Errors: forbidden. Reads only. */
export async function describeSubscribers(ctx: Pick<Deps, 'db'>, actor: Actor, people: { id: string; phone: string }[]): Promise<{ subscriptions: Map<string, Subscription[]>; blocked: Set<string> }> {
  admin(actor);
  return {
    subscriptions: await repo.subscriptionsOfMany(ctx.db, people.map((p) => p.id)),
    blocked: await repo.blockedAmong(ctx.db, people.map((p) => p.phone)),
  };
}

export type SubscriberCounts = { active: number; optedOut: number; byLanguage: { language: string; active: number; optedOut: number }[] };

/** How many subscribers are active and opted out, in all and per language (most active first). Errors: forbidden. Reads only. */
export async function countSubscribers(ctx: Pick<Deps, 'db'>, actor: Actor): Promise<SubscriberCounts> {
  admin(actor);
  const byLanguage = new Map<string, { language: string; active: number; optedOut: number }>();
  const totals: Record<SubscriberStatus, number> = { active: 0, opted_out: 0 };
  for (const { status, language, n } of await repo.countByStatusAndLanguage(ctx.db)) {
    const row = byLanguage.get(language) ?? { language, active: 0, optedOut: 0 };
    if (status === 'active') row.active += n;
    else row.optedOut += n;
    totals[status] += n;
    byLanguage.set(language, row);
  }
  const ordered = [...byLanguage.values()].sort((a, b) => b.active - a.active || b.optedOut - a.optedOut || (a.language < b.language ? -1 : 1));
  return { active: totals.active, optedOut: totals.opted_out, byLanguage: ordered };
}

export type { BlockedNumber } from './subscribers.repo.js';

/** The block list, newest first, numbers in full. Errors: forbidden (not an admin), invalid paging. */
export async function listBlockedNumbers(ctx: Pick<Deps, 'db'>, actor: Actor, page: unknown): Promise<Page<repo.BlockedNumber>> {
  admin(actor);
  return repo.listBlocks(ctx.db, parseInput(pagingSchema, page ?? {}));
}

/** The admin areas of these keys as hubs spell them ('NE:maradi' → 'Maradi'); keys no hub spells are left out. Reads only. */
export async function adminAreaNames(ctx: Pick<Deps, 'db'>, keys: string[]): Promise<Map<string, string>> {
  const wanted = new Set(keys);
  const names = new Map<string, string>();
  if (wanted.size === 0) return names;
  // Sorted, so that of two spellings of one area the same one is shown every time.
  const spellings = (await repo.adminAreaSpellings(ctx.db)).sort((a, b) => (a.adminArea < b.adminArea ? -1 : a.adminArea > b.adminArea ? 1 : 0));
  for (const { country, adminArea } of spellings) {
    const key = adminAreaKey(country, adminArea);
    if (key && wanted.has(key) && !names.has(key)) names.set(key, adminArea);
  }
  return names;
}
