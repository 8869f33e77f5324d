import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { normalisePhone } from './phone.js';
import {
  consentSchema, languageChangeSchema, subscribeSchema, unsubscribeSchema, type Area, type Subscriber, type Subscription,
} from './subscribers.js';
import * as repo from './subscribers.repo.js';

/**
 * What people do with their own number, by text message or on a page: subscribe, unsubscribe, stop,
 * start again, change language. Each change that is made is written to the consent log in the same
 * transaction; a request that changes nothing writes nothing.
 */
type Deps = { db: Db; clock: Clock };

const refs = (subs: Subscription[]) => subs.map((s) => ({ topic: s.topic, area: s.area }));
const blocked = () => forbidden('subscribers.blocked');

/** The country an area lies in; a hub must exist. */
async function countryOf(db: DbOrTx, area: Area): Promise<string> {
  if (area.kind === 'country') return area.code;
  if (area.kind === 'admin_area') return area.code.slice(0, 2);
  const [hub] = await repo.hubLocations(db, { ids: [area.code] });
  if (!hub) throw new DomainError('invalid', 'error.invalid', { 'area.code': 'subscribers.unknown_hub' });
  return hub.country;
}

export type SubscribeResult = { subscriber: Subscriber; subscription: Subscription; isNewSubscription: boolean; isOptIn: boolean };

/**
 * Subscribes a number to a topic in an area, creating the subscriber (in `language`, else the node's
 * default) on their first subscription; an existing subscriber's language is changed only by
 * `setLanguage`. A subscriber who had opted out and subscribes again has opted in by doing so: the log
 * gets an opt_in (with the subscriptions that resume) before the subscribe. Idempotent: the same
 * subscription twice is stored and logged once. Errors: invalid (phone, topic, area, unknown hub),
 * forbidden ('subscribers.blocked').
 */
export async function subscribe(ctx: Deps & { cfg: { defaultLocale: string } }, input: unknown): Promise<SubscribeResult> {
  const r = parseInput(subscribeSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  const areaCountry = await countryOf(ctx.db, r.area);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (await repo.findBlock(tx, phone)) throw blocked();
    await repo.insertSubscriber(tx, { phone, language: r.language ?? ctx.cfg.defaultLocale, at });
    const subscriber = (await repo.findByPhone(tx, phone, { lock: true }))!;
    const isOptIn = subscriber.status === 'opted_out';
    if (isOptIn) {
      await repo.setStatus(tx, subscriber.id, 'active', at);
      const resumed = refs(await repo.subscriptionsOf(tx, subscriber.id));
      await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'opt_in', detail: { reason: 'subscribe', resumed } });
    }
    const created = await repo.insertSubscription(tx, { subscriberId: subscriber.id, topic: r.topic, area: r.area, areaCountry, at });
    if (created) {
      const detail = { topic: r.topic, area: r.area, language: subscriber.language };
      await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'subscribe', detail });
    }
    const subscription = created ?? (await repo.subscriptionsOf(tx, subscriber.id)).find((s) => s.topic === r.topic && s.area.kind === r.area.kind && s.area.code === r.area.code)!;
    return { subscriber: (await repo.findByPhone(tx, phone))!, subscription, isNewSubscription: created !== null, isOptIn };
  });
}

/**
 * Ends subscriptions: one topic (in one area, or everywhere), or every topic when none is given. Always
 * honoured, blocked numbers included; an unknown number or nothing to remove is a no-op. Returns what
 * was removed. Errors: invalid.
 */
export async function unsubscribe(ctx: Deps, input: unknown): Promise<Subscription[]> {
  const r = parseInput(unsubscribeSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const subscriber = await repo.findByPhone(tx, phone, { lock: true });
    if (!subscriber) return [];
    const removed = await repo.deleteSubscriptions(tx, subscriber.id, { topic: r.topic, area: r.area });
    if (removed.length > 0) {
      const detail = { topic: r.topic ?? null, removed: refs(removed) };
      await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'unsubscribe', detail });
    }
    return removed;
  });
}

/**
 * STOP: the number receives nothing from now on, until the person opts in again (`optIn`, or a new
 * subscription). Subscriptions are kept, paused, and listed in the log. Always honoured; idempotent; an
 * unknown number gives null and stores nothing. Errors: invalid.
 */
export async function optOut(ctx: Deps, input: unknown): Promise<Subscriber | null> {
  const r = parseInput(consentSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const subscriber = await repo.findByPhone(tx, phone, { lock: true });
    if (!subscriber || subscriber.status === 'opted_out') return subscriber;
    await repo.setStatus(tx, subscriber.id, 'opted_out', at);
    const paused = refs(await repo.subscriptionsOf(tx, subscriber.id));
    await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'opt_out', detail: { paused } });
    return repo.findByPhone(tx, phone);
  });
}

/** Locks a known, unblocked subscriber for a change they asked for. */
async function lockAllowed(tx: DbOrTx, phone: string): Promise<Subscriber> {
  if (await repo.findBlock(tx, phone)) throw blocked();
  const subscriber = await repo.findByPhone(tx, phone, { lock: true });
  if (!subscriber) throw notFound('subscribers.unknown_number');
  return subscriber;
}

/**
 * The person asks to receive messages again: their kept subscriptions resume (listed in the log).
 * Idempotent. Errors: invalid, not_found ('subscribers.unknown_number'), forbidden ('subscribers.blocked').
 */
export async function optIn(ctx: Deps, input: unknown): Promise<Subscriber> {
  const r = parseInput(consentSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const subscriber = await lockAllowed(tx, phone);
    if (subscriber.status === 'active') return subscriber;
    await repo.setStatus(tx, subscriber.id, 'active', at);
    const resumed = refs(await repo.subscriptionsOf(tx, subscriber.id));
    await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'opt_in', detail: { reason: 'explicit', resumed } });
    return (await repo.findByPhone(tx, phone))!;
  });
}

/**
 * The language messages are sent in. Does not opt anyone in. Idempotent.
 * Errors: invalid, not_found ('subscribers.unknown_number'), forbidden ('subscribers.blocked').
 */
export async function setLanguage(ctx: Deps, input: unknown): Promise<Subscriber> {
  const r = parseInput(languageChangeSchema, input);
  const phone = normalisePhone(r.phone, r.defaultCountry);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const subscriber = await lockAllowed(tx, phone);
    if (subscriber.language === r.language) return subscriber;
    await repo.setLanguage(tx, subscriber.id, r.language, at);
    await repo.insertConsentEvent(tx, { subscriberId: subscriber.id, at, channel: r.channel, action: 'language', detail: { from: subscriber.language, to: r.language } });
    return (await repo.findByPhone(tx, phone))!;
  });
}

/**
 * Whether a number is on the block list (its messages are ignored and it receives nothing). A string
 * that is no phone number cannot be on the list: false. Never throws for bad input.
 */
export async function isBlocked(ctx: { db: Db }, phone: string, defaultCountry?: string): Promise<boolean> {
  let e164: string;
  try {
    e164 = normalisePhone(phone, defaultCountry);
  } catch {
    return false;
  }
  return (await repo.findBlock(ctx.db, e164)) !== null;
}

/** The subscriber behind an E.164 number, or null; for answering a text message in their language. */
export async function findSubscriber(ctx: { db: Db }, phone: string): Promise<Subscriber | null> {
  return repo.findByPhone(ctx.db, phone);
}
