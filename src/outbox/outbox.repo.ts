import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { AcceptedPart } from '../channels/sms/sms.js';
import type { DbOrTx } from '../db/database.js';
import { outboxMessages, smsSubmissions } from '../db/schema/index.js';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = {
  dedupeKey: string;
  purpose: 'alert' | 'coordinator' | 'reply';
  alertId?: string | null;
  subscriberId?: string | null;
  toNumber: string;
  lang: string;
  body: string;
  parts: number;
};

/** Queues messages; one whose dedupe key exists is left as it is. Returns how many were new. */
export async function enqueue(db: DbOrTx, messages: NewOutboxMessage[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .insert(outboxMessages)
    .values(messages.map((m) => ({ ...m, status: 'queued', nextAttemptAt: at, createdAt: at })))
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** Takes up to `limit` due messages, oldest first, marking them `sending` (another dispatcher skips them). */
export async function claimDue(db: DbOrTx, now: Date, limit: number): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'queued'), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(asc(outboxMessages.seq))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${outboxMessages.attempts} + 1` })
    .where(inArray(outboxMessages.id, due))
    .returning();
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The subscribers among `ids` who must not receive anything now: opted out, or their number blocked. */
export async function unreachableSubscribers(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute(sql`
    select s.id from subscribers s
    where s.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
      and (s.status <> 'active' or exists (select 1 from blocked_numbers b where b.phone = s.phone))`);
  return new Set((rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/** What became of a message handed to the channel. `accepted`: parts the SMSC took before an error. */
export type Settled =
  | { id: string; kind: 'sent'; smscIds: string[] }
  | { id: string; kind: 'retry'; error: string; nextAttemptAt: Date; accepted?: AcceptedPart[] }
  | { id: string; kind: 'uncertain'; error: string; accepted?: AcceptedPart[] }
  | { id: string; kind: 'failed' | 'skipped'; error: string; accepted?: AcceptedPart[] };

/**
 * Locks messages in one order (by id) before a batch changes them, so that two batches touching the same
 * messages — results being written, receipts being applied — wait for each other instead of deadlocking.
 */
export async function lockMessages(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.id, [...new Set(ids)])).orderBy(asc(outboxMessages.id)).for('update');
}

/**
 * Records what became of sent messages, in one transaction per batch, with the SMSC id of every part the
 * SMSC accepted. Only a message still `sending` (or `uncertain`, for a late answer) changes, so a receipt
 * that already marked it delivered stands.
 */
export async function settle(db: DbOrTx, results: Settled[], at: Date): Promise<void> {
  await lockMessages(db, results.map((r) => r.id));
  const submissions = results.flatMap((r) =>
    r.kind === 'sent' ? r.smscIds.map((smscId, i) => ({ smscId, messageId: r.id, part: i + 1, at })) : (r.accepted ?? []).map((a) => ({ ...a, messageId: r.id, at })),
  );
  if (submissions.length > 0) await db.insert(smsSubmissions).values(submissions).onConflictDoNothing();
  const sent = results.filter((r) => r.kind === 'sent');
  const open = inArray(outboxMessages.status, ['sending', 'uncertain']);
  if (sent.length > 0) {
    await db.update(outboxMessages).set({ status: 'sent', sentAt: at, lastError: null }).where(and(inArray(outboxMessages.id, sent.map((r) => r.id)), open));
  }
  for (const r of results) {
    if (r.kind === 'retry') await db.update(outboxMessages).set({ status: 'queued', lastError: r.error, nextAttemptAt: r.nextAttemptAt }).where(and(eq(outboxMessages.id, r.id), open));
    else if (r.kind === 'uncertain') await db.update(outboxMessages).set({ status: 'uncertain', lastError: r.error, claimedAt: at }).where(and(eq(outboxMessages.id, r.id), open));
    else if (r.kind === 'failed' || r.kind === 'skipped') await db.update(outboxMessages).set({ status: r.kind, lastError: r.error }).where(and(eq(outboxMessages.id, r.id), open));
  }
}

/** The parts of these messages the SMSC already has, by message: a new attempt sends only the others. */
export async function acceptedParts(db: DbOrTx, ids: string[]): Promise<Map<string, AcceptedPart[]>> {
  const byMessage = new Map<string, AcceptedPart[]>();
  if (ids.length === 0) return byMessage;
  const rows = await db
    .select({ messageId: smsSubmissions.messageId, part: smsSubmissions.part, smscId: smsSubmissions.smscId })
    .from(smsSubmissions)
    .where(and(inArray(smsSubmissions.messageId, ids), isNotNull(smsSubmissions.part)));
  for (const r of rows) byMessage.set(r.messageId, [...(byMessage.get(r.messageId) ?? []), { part: r.part!, smscId: r.smscId }]);
  return byMessage;
}

/** Messages claimed by a process that is gone: the SMSC may have them. Run once at start, before claiming. */
export async function markOrphansUncertain(db: DbOrTx, at: Date): Promise<number> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'uncertain', claimedAt: at, lastError: 'interrupted while sending' })
    .where(eq(outboxMessages.status, 'sending'))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** Uncertain messages no receipt has claimed since `before`: the SMSC did not take them; queue them again. */
export async function requeueUnconfirmed(db: DbOrTx, before: Date, at: Date): Promise<number> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'queued', nextAttemptAt: at })
    .where(and(eq(outboxMessages.status, 'uncertain'), lte(outboxMessages.claimedAt, before)))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

