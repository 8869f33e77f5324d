import { and, asc, count, desc, eq, exists, gt, inArray, isNotNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { blockedNumbers, consentEvents, hubs, hubTexts, subscribers, subscriptions } from '../../db/schema/index.js';
import { offsetOf, type Page, type Paging } from '../shared/paging.js';
import type {
  Area, ConsentAction, ConsentChannel, ConsentDetails, ConsentEvent, Recipient, Subscriber, SubscriberStatus, SubscriberSummary, Subscription, Topic,
} from './subscribers.js';

type SubscriberRow = typeof subscribers.$inferSelect;
type SubscriptionRow = typeof subscriptions.$inferSelect;

const toSubscriber = (r: SubscriberRow): Subscriber => ({ ...r, status: r.status as SubscriberStatus });
const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id, topic: r.topic as Topic, area: { kind: r.areaKind, code: r.areaCode } as Area, areaCountry: r.areaCountry, createdAt: r.createdAt,
});

/** The subscriber holding a number; `lock` takes a row lock until the transaction ends. */
export async function findByPhone(db: DbOrTx, phone: string, opts: { lock?: boolean } = {}): Promise<Subscriber | null> {
  const query = db.select().from(subscribers).where(eq(subscribers.phone, phone));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ? toSubscriber(row) : null;
}

/** Inserts an active subscriber unless the number exists (two first messages racing); true when inserted. */
export async function insertSubscriber(db: DbOrTx, s: { phone: string; language: string; at: Date }): Promise<boolean> {
  const rows = await db
    .insert(subscribers)
    .values({ phone: s.phone, language: s.language, status: 'active', createdAt: s.at, updatedAt: s.at })
    .onConflictDoNothing({ target: subscribers.phone })
    .returning({ id: subscribers.id });
  return rows.length === 1;
}

export async function setStatus(db: DbOrTx, id: string, status: SubscriberStatus, at: Date) {
  await db.update(subscribers).set({ status, optedOutAt: status === 'opted_out' ? at : null, updatedAt: at }).where(eq(subscribers.id, id));
}

export async function setLanguage(db: DbOrTx, id: string, language: string, at: Date) {
  await db.update(subscribers).set({ language, updatedAt: at }).where(eq(subscribers.id, id));
}

/** Adds a subscription unless the same topic and area exist; the new one, or null. */
export async function insertSubscription(db: DbOrTx, s: { subscriberId: string; topic: Topic; area: Area; areaCountry: string; at: Date }): Promise<Subscription | null> {
  const [row] = await db
    .insert(subscriptions)
    .values({ subscriberId: s.subscriberId, topic: s.topic, areaKind: s.area.kind, areaCode: s.area.code, areaCountry: s.areaCountry, createdAt: s.at })
    .onConflictDoNothing()
    .returning();
  return row ? toSubscription(row) : null;
}

/** Deletes a subscriber's subscriptions — all, one topic's, or one topic in one area — and returns them. */
export async function deleteSubscriptions(db: DbOrTx, subscriberId: string, which: { topic?: Topic; area?: Area }): Promise<Subscription[]> {
  const rows = await db
    .delete(subscriptions)
    .where(and(
      eq(subscriptions.subscriberId, subscriberId),
      which.topic ? eq(subscriptions.topic, which.topic) : undefined,
      which.area ? and(eq(subscriptions.areaKind, which.area.kind), eq(subscriptions.areaCode, which.area.code)) : undefined,
    ))
    .returning();
  return rows.map(toSubscription).sort(bySubscription);
}

// Oldest first; those made in the same instant by topic and area, so that logs and exports are stable.
const sortKey = (s: Subscription) => `${s.topic}\u0000${s.area.kind}\u0000${s.area.code}`;
const bySubscription = (a: Subscription, b: Subscription) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

export async function subscriptionsOf(db: DbOrTx, subscriberId: string): Promise<Subscription[]> {
  const rows = await db.select().from(subscriptions).where(eq(subscriptions.subscriberId, subscriberId));
  return rows.map(toSubscription).sort(bySubscription);
}

export async function insertConsentEvent<A extends ConsentAction>(
  db: DbOrTx,
  e: { subscriberId: string; at: Date; channel: ConsentChannel; action: A; detail: ConsentDetails[A] },
) {
  await db.insert(consentEvents).values(e);
}

export async function consentEventsOf(db: DbOrTx, subscriberId: string): Promise<ConsentEvent[]> {
  const rows = await db
    .select({ at: consentEvents.at, channel: consentEvents.channel, action: consentEvents.action, detail: consentEvents.detail })
    .from(consentEvents)
    .where(eq(consentEvents.subscriberId, subscriberId))
    .orderBy(asc(consentEvents.seq));
  return rows as ConsentEvent[];
}

export async function findBlock(db: DbOrTx, phone: string) {
  const [row] = await db.select({ reason: blockedNumbers.reason, createdAt: blockedNumbers.createdAt }).from(blockedNumbers).where(eq(blockedNumbers.phone, phone));
  return row ?? null;
}

/** Blocks a number, or updates the reason of an existing block. */
export async function upsertBlock(db: DbOrTx, b: { phone: string; reason: string; createdBy: string | null; at: Date }) {
  await db
    .insert(blockedNumbers)
    .values({ phone: b.phone, reason: b.reason, createdBy: b.createdBy, createdAt: b.at })
    .onConflictDoUpdate({ target: blockedNumbers.phone, set: { reason: b.reason } });
}

export async function deleteBlock(db: DbOrTx, phone: string): Promise<boolean> {
  return (await db.delete(blockedNumbers).where(eq(blockedNumbers.phone, phone)).returning({ phone: blockedNumbers.phone })).length === 1;
}

export async function listSubscribers(db: DbOrTx, paging: Paging): Promise<Page<SubscriberSummary>> {
  const subscriptionCount = db.$count(subscriptions, eq(subscriptions.subscriberId, subscribers.id));
  const rows = await db
    .select({ subscriber: subscribers, subscriptionCount })
    .from(subscribers)
    .orderBy(desc(subscribers.createdAt), asc(subscribers.id))
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  const [total] = await db.select({ n: count() }).from(subscribers);
  return { items: rows.map((r) => ({ ...toSubscriber(r.subscriber), subscriptionCount: Number(r.subscriptionCount) })), ...paging, total: total!.n };
}

/** Deletes a subscriber; subscriptions and consent events go with it (foreign keys cascade). Counts first. */
export async function deleteSubscriber(db: DbOrTx, id: string) {
  const [subs] = await db.select({ n: count() }).from(subscriptions).where(eq(subscriptions.subscriberId, id));
  const [events] = await db.select({ n: count() }).from(consentEvents).where(eq(consentEvents.subscriberId, id));
  await db.delete(subscribers).where(eq(subscribers.id, id));
  return { subscriptions: subs!.n, consentEvents: events!.n };
}

/**
 * The text messages exchanged with a number: received ones, answers and alerts still in the outbox (sent
 * ones too: they hold the number), and what MORE would continue. Erasure removes them with the subscriber.
 */
export async function deleteMessagesOf(db: DbOrTx, phone: string): Promise<number> {
  const received = await db.execute(sql`delete from inbound_messages where from_number = ${phone}`);
  const sent = await db.execute(sql`delete from outbox_messages where to_number = ${phone}`);
  await db.execute(sql`delete from sms_continuations where phone = ${phone}`);
  const n = (r: unknown) => (r as { affectedRows?: number; rowCount?: number }).affectedRows ?? (r as { rowCount?: number }).rowCount ?? 0;
  return n(received) + n(sent);
}

/** An alert's areas, widened by the service so that a subscription matches when its area overlaps them. */
export type AudienceAreas = { countries: string[]; containingCountries: string[]; adminAreas: string[]; hubIds: string[] };

type AudienceQuery = { topics: string[]; areas: AudienceAreas; languages?: string[] };

/** Active, unblocked subscribers with at least one subscription to one of `topics` in an overlapping area. */
function audienceFilters(db: DbOrTx, q: AudienceQuery): (SQL | undefined)[] {
  const { countries, containingCountries, adminAreas, hubIds } = q.areas;
  const inArea = or(
    inArray(subscriptions.areaCountry, countries),
    and(eq(subscriptions.areaKind, 'country'), inArray(subscriptions.areaCode, containingCountries)),
    and(eq(subscriptions.areaKind, 'admin_area'), inArray(subscriptions.areaCode, adminAreas)),
    and(eq(subscriptions.areaKind, 'hub'), inArray(subscriptions.areaCode, hubIds)),
  );
  const filters: (SQL | undefined)[] = [
    eq(subscribers.status, 'active'),
    exists(db.select({ one: sql`1` }).from(subscriptions).where(and(eq(subscriptions.subscriberId, subscribers.id), inArray(subscriptions.topic, q.topics), inArea))),
    notExists(db.select({ one: sql`1` }).from(blockedNumbers).where(eq(blockedNumbers.phone, subscribers.phone))),
  ];
  if (q.languages) filters.push(or(inArray(subscribers.language, q.languages), inArray(sql`split_part(${subscribers.language}, '-', 1)`, q.languages)));
  return filters;
}

/**
 * The audience in id order after `afterId`. EXISTS, not a join: two matching subscriptions yield one row.
 */
export async function matchingSubscribers(db: DbOrTx, q: AudienceQuery, page: { afterId: string | null; limit: number }): Promise<Recipient[]> {
  return db
    .select({ id: subscribers.id, phone: subscribers.phone, language: subscribers.language })
    .from(subscribers)
    .where(and(...audienceFilters(db, q), page.afterId ? gt(subscribers.id, page.afterId) : undefined))
    .orderBy(asc(subscribers.id))
    .limit(page.limit);
}

/** How many of the audience read each language. */
export async function countAudienceByLanguage(db: DbOrTx, q: AudienceQuery): Promise<{ language: string; n: number }[]> {
  return db
    .select({ language: subscribers.language, n: count() })
    .from(subscribers)
    .where(and(...audienceFilters(db, q)))
    .groupBy(subscribers.language)
    .orderBy(asc(subscribers.language));
}

/** Hubs by id, or lying in given countries, with their country and admin area (for area overlap). */
export async function hubLocations(db: DbOrTx, where: { ids?: string[]; countries?: string[] }) {
  return db
    .select({ id: hubs.id, country: hubs.country, adminArea: hubs.adminArea })
    .from(hubs)
    .where(or(inArray(hubs.id, where.ids ?? []), inArray(hubs.country, where.countries ?? [])));
}

/** Hubs whose name in some language is `name`, ignoring case and accents. */
export async function hubsNamed(db: DbOrTx, name: string) {
  const folded = sql`lower(immutable_unaccent(${name}))`;
  return db
    .selectDistinctOn([hubs.id], { id: hubs.id, country: hubs.country, name: hubTexts.name })
    .from(hubTexts)
    .innerJoin(hubs, eq(hubs.id, hubTexts.hubId))
    .where(sql`lower(immutable_unaccent(${hubTexts.name})) = ${folded}`)
    .orderBy(asc(hubs.id), asc(hubTexts.lang));
}

/** Every admin area hubs name, once per spelling and country. */
export async function adminAreaSpellings(db: DbOrTx) {
  const rows = await db.selectDistinct({ country: hubs.country, adminArea: hubs.adminArea }).from(hubs).where(isNotNull(hubs.adminArea));
  return rows as { country: string; adminArea: string }[];
}

// Reads for the admin pages (subscriber-admin.service.ts).

export async function findById(db: DbOrTx, id: string): Promise<Subscriber | null> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  return row ? toSubscriber(row) : null;
}

/** The subscriptions of several subscribers, by subscriber id, each list in `subscriptionsOf` order. */
export async function subscriptionsOfMany(db: DbOrTx, subscriberIds: string[]): Promise<Map<string, Subscription[]>> {
  const out = new Map<string, Subscription[]>(subscriberIds.map((id) => [id, []]));
  if (subscriberIds.length === 0) return out;
  const rows = await db.select().from(subscriptions).where(inArray(subscriptions.subscriberId, subscriberIds));
  for (const r of rows) out.get(r.subscriberId)?.push(toSubscription(r));
  for (const list of out.values()) list.sort(bySubscription);
  return out;
}

/** Which of these numbers are on the block list. */
export async function blockedAmong(db: DbOrTx, phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.select({ phone: blockedNumbers.phone }).from(blockedNumbers).where(inArray(blockedNumbers.phone, phones));
  return new Set(rows.map((r) => r.phone));
}

/** How many subscribers there are per status and language. */
export async function countByStatusAndLanguage(db: DbOrTx): Promise<{ status: SubscriberStatus; language: string; n: number }[]> {
  const rows = await db
    .select({ status: subscribers.status, language: subscribers.language, n: count() })
    .from(subscribers)
    .groupBy(subscribers.status, subscribers.language);
  return rows.map((r) => ({ status: r.status as SubscriberStatus, language: r.language, n: Number(r.n) }));
}

export type BlockedNumber = { phone: string; reason: string; createdAt: Date };

/** Blocked numbers, newest first. */
export async function listBlocks(db: DbOrTx, paging: Paging): Promise<Page<BlockedNumber>> {
  const items = await db
    .select({ phone: blockedNumbers.phone, reason: blockedNumbers.reason, createdAt: blockedNumbers.createdAt })
    .from(blockedNumbers)
    .orderBy(desc(blockedNumbers.createdAt), asc(blockedNumbers.phone))
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  const [total] = await db.select({ n: count() }).from(blockedNumbers);
  return { items, ...paging, total: total!.n };
}
