import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
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

export type Settled =
  | { id: string; kind: 'sent'; smscIds: string[] }
  | { id: string; kind: 'retry'; error: string; nextAttemptAt: Date }
  | { id: string; kind: 'uncertain'; error: string }
  | { id: string; kind: 'failed' | 'skipped'; error: string };

/**
 * Records what became of sent messages, in one transaction per batch. Only a message still `sending`
 * (or `uncertain`, for a late answer) changes, so a receipt that already marked it delivered stands.
 */
export async function settle(db: DbOrTx, results: Settled[], at: Date): Promise<void> {
  const sent = results.filter((r) => r.kind === 'sent');
  const open = inArray(outboxMessages.status, ['sending', 'uncertain']);
  if (sent.length > 0) {
    await db.update(outboxMessages).set({ status: 'sent', sentAt: at, lastError: null }).where(and(inArray(outboxMessages.id, sent.map((r) => r.id)), open));
    const submissions = sent.flatMap((r) => r.smscIds.map((smscId) => ({ smscId, messageId: r.id, at })));
    if (submissions.length > 0) await db.insert(smsSubmissions).values(submissions).onConflictDoNothing();
  }
  for (const r of results) {
    if (r.kind === 'retry') await db.update(outboxMessages).set({ status: 'queued', lastError: r.error, nextAttemptAt: r.nextAttemptAt }).where(and(eq(outboxMessages.id, r.id), open));
    else if (r.kind === 'uncertain') await db.update(outboxMessages).set({ status: 'uncertain', lastError: r.error, claimedAt: at }).where(and(eq(outboxMessages.id, r.id), open));
    else if (r.kind === 'failed' || r.kind === 'skipped') await db.update(outboxMessages).set({ status: r.kind, lastError: r.error }).where(and(eq(outboxMessages.id, r.id), open));
  }
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

export type Receipt = { smscId: string; state: string; errorCode?: string; phone?: string; text?: string; at: Date };

const FINAL: Record<string, 'delivered' | 'failed' | undefined> = { delivered: 'delivered', failed: 'failed', expired: 'failed', rejected: 'failed' };

/**
 * Applies a delivery receipt. A known SMSC id updates its message. An unknown one is the answer to a
 * message whose submission was not recorded (the node or the link died first): it is matched to an
 * uncertain message to the same number — the one whose text starts like the receipt's, else the oldest —
 * which is thereby known to be sent, and is not sent again. Returns the message id, or null.
 */
export async function applyReceipt(db: DbOrTx, r: Receipt): Promise<string | null> {
  let [known] = await db.select({ messageId: smsSubmissions.messageId }).from(smsSubmissions).where(eq(smsSubmissions.smscId, r.smscId));
  if (!known && r.phone) {
    const candidates = await db
      .select({ id: outboxMessages.id, body: outboxMessages.body, parts: outboxMessages.parts, n: sql<number>`(select count(*)::int from sms_submissions s where s.message_id = ${outboxMessages.id})` })
      .from(outboxMessages)
      // or(), not a raw "a or b": and() does not parenthesise its parts, and the OR would escape the number.
      .where(and(eq(outboxMessages.toNumber, r.phone), inArray(outboxMessages.status, ['uncertain', 'sending', 'queued', 'sent', 'delivered']), or(isNotNull(outboxMessages.lastError), eq(outboxMessages.status, 'uncertain'))))
      .orderBy(asc(outboxMessages.seq));
    // A message with parts still unaccounted for; uncertain ones first.
    const open = candidates.filter((c) => c.n < c.parts);
    const prefix = (r.text ?? '').trim();
    const match = (prefix && open.find((c) => isEchoOf(prefix, c.body))) || open[0];
    if (!match) return null;
    await db.insert(smsSubmissions).values({ smscId: r.smscId, messageId: match.id, at: r.at }).onConflictDoNothing();
    await db.update(outboxMessages).set({ status: 'sent', sentAt: r.at }).where(and(eq(outboxMessages.id, match.id), inArray(outboxMessages.status, ['uncertain', 'sending', 'queued'])));
    known = { messageId: match.id };
  }
  if (!known) return null;
  await db.update(smsSubmissions).set({ state: r.state, errorCode: r.errorCode ?? null }).where(eq(smsSubmissions.smscId, r.smscId));
  const final = FINAL[r.state];
  if (final === 'delivered') {
    await db.update(outboxMessages).set({ status: 'delivered', deliveredAt: r.at }).where(and(eq(outboxMessages.id, known.messageId), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  } else if (final === 'failed') {
    await db.update(outboxMessages).set({ status: 'failed', lastError: `receipt: ${r.state}${r.errorCode ? ` (${r.errorCode})` : ''}` }).where(and(eq(outboxMessages.id, known.messageId), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  }
  return known.messageId;
}

/** Whether a message to this number is being sent now: its SMSC ids may not be recorded yet. */
async function isSending(db: DbOrTx, phone: string): Promise<boolean> {
  const rows = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(and(eq(outboxMessages.toNumber, phone), eq(outboxMessages.status, 'sending'))).limit(1);
  return rows.length > 0;
}

/**
 * Applies many receipts at once: those whose SMSC id is known in a few statements (the common case: one
 * receipt per segment sent, so as many as messages), the others one by one through `applyReceipt`. Same
 * rules as `applyReceipt`. Returns the SMSC ids of receipts that came too early — unknown, while a message to
 * their number is still being sent (its ids are written with the next batch of results): the caller should
 * have the SMSC deliver them again rather than acknowledge and lose them.
 */
export async function applyReceipts(db: DbOrTx, receipts: Receipt[]): Promise<Set<string>> {
  const early = new Set<string>();
  if (receipts.length === 0) return early;
  const known = new Map(
    (await db.select({ smscId: smsSubmissions.smscId, messageId: smsSubmissions.messageId }).from(smsSubmissions).where(inArray(smsSubmissions.smscId, receipts.map((r) => r.smscId)))).map((r) => [r.smscId, r.messageId]),
  );
  const batch = receipts.filter((r) => known.has(r.smscId));
  for (const r of receipts.filter((x) => !known.has(x.smscId))) {
    if ((await applyReceipt(db, r)) === null && r.phone && (await isSending(db, r.phone))) early.add(r.smscId);
  }
  if (batch.length === 0) return early;
  const rows = sql.join(batch.map((r) => sql`(${r.smscId}::text, ${r.state}::text, ${r.errorCode ?? null}::text)`), sql`, `);
  await db.execute(sql`update sms_submissions s set state = v.state, error_code = v.error_code from (values ${rows}) v(smsc_id, state, error_code) where s.smsc_id = v.smsc_id`);
  const delivered = [...new Set(batch.filter((r) => FINAL[r.state] === 'delivered').map((r) => known.get(r.smscId)!))];
  if (delivered.length > 0) {
    const at = batch.reduce((latest, r) => (r.at > latest ? r.at : latest), batch[0]!.at);
    await db.update(outboxMessages).set({ status: 'delivered', deliveredAt: at }).where(and(inArray(outboxMessages.id, delivered), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  }
  for (const r of batch.filter((x) => FINAL[x.state] === 'failed')) {
    await db.update(outboxMessages).set({ status: 'failed', lastError: `receipt: ${r.state}${r.errorCode ? ` (${r.errorCode})` : ''}` }).where(and(eq(outboxMessages.id, known.get(r.smscId)!), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  }
  return early;
}

/**
 * Whether a receipt's "text:" is the start of `body`. SMSCs echo about 20 characters and often only in
 * ASCII, writing something else ('.', '?') for the rest: those positions match any character.
 */
export function isEchoOf(echo: string, body: string): boolean {
  const chars = [...echo];
  const original = [...body];
  if (chars.length > original.length) return false;
  return chars.every((ch, i) => !/[A-Za-z0-9 ]/.test(ch) || ch === original[i]);
}
