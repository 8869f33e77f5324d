import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { exchangeMessages, exchanges, users } from '../../db/schema/index.js';
import type { Exchange, ExchangeMessage, ExchangeStatus } from './exchanges.js';

type Row = typeof exchanges.$inferSelect;

export async function insertExchange(db: DbOrTx, e: { fromHubId: string; toHubId: string; practiceId: string | null; requestedBy: string; at: Date }) {
  const [row] = await db
    .insert(exchanges)
    .values({ fromHubId: e.fromHubId, toHubId: e.toHubId, practiceId: e.practiceId, status: 'requested', requestedBy: e.requestedBy, createdAt: e.at })
    .returning({ id: exchanges.id });
  return row!.id;
}

export async function insertMessage(db: DbOrTx, m: { exchangeId: string; hubId: string; userId: string; body: string; at: Date }) {
  await db.insert(exchangeMessages).values({ exchangeId: m.exchangeId, hubId: m.hubId, userId: m.userId, body: m.body, createdAt: m.at });
}

/** An open exchange (requested or accepted) between the same two hubs about the same practice, if any. */
export async function findOpenDuplicate(db: DbOrTx, fromHubId: string, toHubId: string, practiceId: string | null) {
  const rows = await db
    .select({ id: exchanges.id, practiceId: exchanges.practiceId })
    .from(exchanges)
    .where(and(eq(exchanges.fromHubId, fromHubId), eq(exchanges.toHubId, toHubId), inArray(exchanges.status, ['requested', 'accepted'])));
  return rows.find((r) => r.practiceId === practiceId) ?? null;
}

/** Moves a request to accepted or declined only if it is still a request; false when someone answered first. */
export async function answer(db: DbOrTx, id: string, status: ExchangeStatus, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(exchanges)
    .set({ status, respondedBy: userId, respondedAt: at })
    .where(and(eq(exchanges.id, id), eq(exchanges.status, 'requested')))
    .returning({ id: exchanges.id });
  return rows.length === 1;
}

async function messagesOf(db: DbOrTx, ids: string[]) {
  const by = new Map<string, ExchangeMessage[]>();
  if (ids.length === 0) return by;
  const rows = await db
    .select({ id: exchangeMessages.id, exchangeId: exchangeMessages.exchangeId, hubId: exchangeMessages.hubId, body: exchangeMessages.body, createdAt: exchangeMessages.createdAt, userName: users.displayName })
    .from(exchangeMessages)
    .leftJoin(users, eq(users.id, exchangeMessages.userId))
    .where(inArray(exchangeMessages.exchangeId, ids))
    .orderBy(asc(exchangeMessages.createdAt), asc(exchangeMessages.seq));
  for (const { exchangeId, ...m } of rows) by.set(exchangeId, [...(by.get(exchangeId) ?? []), m]);
  return by;
}

function toExchange(r: Row, messages: ExchangeMessage[]): Exchange {
  return { id: r.id, fromHubId: r.fromHubId, toHubId: r.toHubId, practiceId: r.practiceId, status: r.status as ExchangeStatus, createdAt: r.createdAt, respondedAt: r.respondedAt, messages };
}

export async function findExchange(db: DbOrTx, id: string): Promise<Exchange | null> {
  const [row] = await db.select().from(exchanges).where(eq(exchanges.id, id));
  return row ? toExchange(row, (await messagesOf(db, [id])).get(id) ?? []) : null;
}

export async function listForHub(db: DbOrTx, hubId: string): Promise<Exchange[]> {
  const rows = await db.select().from(exchanges).where(or(eq(exchanges.fromHubId, hubId), eq(exchanges.toHubId, hubId))).orderBy(desc(exchanges.createdAt), asc(exchanges.id));
  const messages = await messagesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toExchange(r, messages.get(r.id) ?? []));
}
