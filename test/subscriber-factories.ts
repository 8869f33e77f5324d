import { sql } from 'drizzle-orm';
import { beforeEach } from 'vitest';
import type { AppContext } from '../src/context.js';
import { blockedNumbers, subscribers, subscriptions } from '../src/db/schema/index.js';
import { subscribe } from '../src/domain/subscribers/subscribers.service.js';
import type { Area, SubscriberStatus, Topic } from '../src/domain/subscribers/subscribers.js';

let n = 0;

/** A valid Niger mobile number no other call returns in this process ("+2279…"). */
export const nextPhone = () => `+2279${String(++n).padStart(7, '0')}`;

/**
 * The test database's truncate (test/db.ts) empties users, hubs and what hangs from them; subscribers
 * hang from nothing, so files that use them empty these too. Call beside `useTestContext()`.
 */
export function useEmptySubscribers(t: { ctx: AppContext }) {
  beforeEach(async () => {
    await t.ctx.db.execute(sql`truncate subscribers, blocked_numbers restart identity cascade`);
  });
}

/** A subscriber through the service, as a first SUB by text message would make one. */
export async function makeSubscriber(
  ctx: AppContext,
  over: { phone?: string; topic?: Topic; area?: Area; language?: string } = {},
) {
  const phone = over.phone ?? nextPhone();
  const r = await subscribe(ctx, { phone, topic: over.topic ?? 'locusts', area: over.area ?? { kind: 'country', code: 'NE' }, language: over.language ?? 'fr', channel: 'sms' });
  return { phone, ...r };
}

export type BulkSubscriber = {
  phone: string;
  language: string;
  status: SubscriberStatus;
  subscriptions: { topic: Topic; area: Area; areaCountry: string }[];
};

/** Many subscribers stored directly (no consent log), for fan-out tests; returns their ids in input order. */
export async function insertSubscribers(ctx: AppContext, people: BulkSubscriber[], at = ctx.clock.now()): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 200) {
    const chunk = people.slice(i, i + 200);
    const rows = await ctx.db
      .insert(subscribers)
      .values(chunk.map((p) => ({ phone: p.phone, language: p.language, status: p.status, optedOutAt: p.status === 'opted_out' ? at : null, createdAt: at, updatedAt: at })))
      .returning({ id: subscribers.id, phone: subscribers.phone });
    const idOf = new Map(rows.map((r) => [r.phone, r.id]));
    const subs = chunk.flatMap((p) => p.subscriptions.map((s) => ({ subscriberId: idOf.get(p.phone)!, topic: s.topic, areaKind: s.area.kind, areaCode: s.area.code, areaCountry: s.areaCountry, createdAt: at })));
    if (subs.length > 0) await ctx.db.insert(subscriptions).values(subs);
    ids.push(...chunk.map((p) => idOf.get(p.phone)!));
  }
  return ids;
}

export async function insertBlock(ctx: AppContext, phone: string, reason = 'flood') {
  await ctx.db.insert(blockedNumbers).values({ phone, reason });
}
