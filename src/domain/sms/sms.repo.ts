import { and, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { inboundMessages, smsContinuations } from '../../db/schema/index.js';

export async function insertInbound(db: DbOrTx, m: { fromNumber: string; toNumber: string; body: string; channel: string; receivedAt: Date; outcome: string }): Promise<string> {
  const [row] = await db.insert(inboundMessages).values(m).returning({ id: inboundMessages.id });
  return row!.id;
}

/**
 * The same message from the same number received since `since` whose handling never finished: the SMSC
 * is delivering it again because the node stopped before acknowledging it.
 */
export async function findUnfinished(db: DbOrTx, fromNumber: string, body: string, since: Date): Promise<string | null> {
  const [row] = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.fromNumber, fromNumber), eq(inboundMessages.body, body), eq(inboundMessages.outcome, 'received'), gte(inboundMessages.receivedAt, since)))
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(1);
  return row?.id ?? null;
}

export async function finishInbound(db: DbOrTx, id: string, command: string, outcome: string) {
  await db.update(inboundMessages).set({ command, outcome }).where(eq(inboundMessages.id, id));
}

export async function continuationOf(db: DbOrTx, phone: string) {
  const [row] = await db.select().from(smsContinuations).where(eq(smsContinuations.phone, phone));
  return row ?? null;
}

/** What MORE sends next; none when `rest` is null. */
export async function saveContinuation(db: DbOrTx, phone: string, lang: string, rest: string | null, at: Date) {
  if (rest === null) {
    await db.delete(smsContinuations).where(eq(smsContinuations.phone, phone));
    return;
  }
  await db
    .insert(smsContinuations)
    .values({ phone, lang, rest, updatedAt: at })
    .onConflictDoUpdate({ target: smsContinuations.phone, set: { lang, rest, updatedAt: at } });
}

/** Erasure: everything received from or waiting to be continued for a number. */
export async function forgetNumber(db: DbOrTx, phone: string): Promise<number> {
  const rows = await db.delete(inboundMessages).where(eq(inboundMessages.fromNumber, phone)).returning({ id: inboundMessages.id });
  await db.delete(smsContinuations).where(eq(smsContinuations.phone, phone));
  return rows.length;
}
