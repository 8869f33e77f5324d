import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { outboxMessages, smsSubmissions } from '../db/schema/index.js';
import { lockMessages } from './outbox.repo.js';

export type Receipt = { smscId: string; state: string; errorCode?: string; phone?: string; text?: string; at: Date };

/** How the channel cuts a text into pieces that each get an SMSC id and a receipt (SmsChannel.piecesOf). */
export type PiecesOf = (text: string) => string[];

const FINAL: Record<string, 'delivered' | 'failed' | undefined> = { delivered: 'delivered', failed: 'failed', expired: 'failed', rejected: 'failed' };

/**
 * Applies delivery receipts: those whose SMSC id is known in a few statements (the common case: one
 * receipt per piece sent), the others one by one through `matchByNumber`. A message is delivered by a
 * receipt only once every piece of it is accounted for, so the receipt of the first half of a message cut
 * short does not settle it. Returns the SMSC ids of receipts that came too early — unknown, while a message to
 * their number is still being sent (its ids are written with the next batch of results): the caller should
 * have the SMSC deliver them again rather than acknowledge and lose them.
 */
export async function applyReceipts(db: DbOrTx, receipts: Receipt[], piecesOf: PiecesOf): Promise<Set<string>> {
  const early = new Set<string>();
  if (receipts.length === 0) return early;
  const known = new Map(
    (await db.select({ smscId: smsSubmissions.smscId, messageId: smsSubmissions.messageId }).from(smsSubmissions).where(inArray(smsSubmissions.smscId, receipts.map((r) => r.smscId)))).map((r) => [r.smscId, r.messageId]),
  );
  for (const r of receipts.filter((x) => !known.has(x.smscId))) {
    const matched = await matchByNumber(db, r, piecesOf);
    if (matched) known.set(r.smscId, matched);
    else if ((r.phone && (await isSending(db, r.phone))) || (await isRecorded(db, r.smscId))) early.add(r.smscId);
  }
  const batch = receipts.filter((r) => known.has(r.smscId));
  if (batch.length === 0) return early;
  await lockMessages(db, batch.map((r) => known.get(r.smscId)!));
  const rows = sql.join(batch.map((r) => sql`(${r.smscId}::text, ${r.state}::text, ${r.errorCode ?? null}::text)`), sql`, `);
  await db.execute(sql`update sms_submissions s set state = v.state, error_code = v.error_code from (values ${rows}) v(smsc_id, state, error_code) where s.smsc_id = v.smsc_id`);
  const delivered = [...new Set(batch.filter((r) => FINAL[r.state] === 'delivered').map((r) => known.get(r.smscId)!))];
  if (delivered.length > 0) {
    const at = batch.reduce((latest, r) => (r.at > latest ? r.at : latest), batch[0]!.at);
    await markDelivered(db, delivered, at, piecesOf);
  }
  for (const r of batch.filter((x) => FINAL[x.state] === 'failed')) {
    await db.update(outboxMessages).set({ status: 'failed', lastError: `receipt: ${r.state}${r.errorCode ? ` (${r.errorCode})` : ''}` }).where(and(eq(outboxMessages.id, known.get(r.smscId)!), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  }
  return early;
}

/** Sent messages become delivered; uncertain or resending ones only when every piece has its SMSC id. */
async function markDelivered(db: DbOrTx, ids: string[], at: Date, piecesOf: PiecesOf) {
  const rows = await db
    .select({ id: outboxMessages.id, status: outboxMessages.status, body: outboxMessages.body, n: sql<number>`(select count(*)::int from sms_submissions s where s.message_id = ${outboxMessages.id})` })
    .from(outboxMessages)
    .where(and(inArray(outboxMessages.id, ids), inArray(outboxMessages.status, ['sent', 'uncertain', 'sending'])));
  const done = rows.filter((m) => m.status === 'sent' || m.n >= piecesOf(m.body).length).map((m) => m.id);
  if (done.length > 0) await db.update(outboxMessages).set({ status: 'delivered', deliveredAt: at }).where(inArray(outboxMessages.id, done));
}

/**
 * A receipt whose SMSC id is not recorded answers a message whose submission was not (the node or the
 * link died first). It is matched to a message to the same number that may have gone — uncertain, or
 * retried after an error — with a piece still unaccounted for: the one whose piece begins like the receipt's
 * echoed text, else the oldest. The piece is recorded; the message is sent once all its pieces are, and is
 * not sent again. Returns the message id, or null.
 */
async function matchByNumber(db: DbOrTx, r: Receipt, piecesOf: PiecesOf): Promise<string | null> {
  if (!r.phone) return null;
  const candidates = await db
    .select({ id: outboxMessages.id, body: outboxMessages.body, parts: sql<(number | null)[]>`(select coalesce(array_agg(s.part), '{}') from sms_submissions s where s.message_id = ${outboxMessages.id})` })
    .from(outboxMessages)
    // or(), not a raw "a or b": and() does not parenthesise its parts, and the OR would escape the number.
    .where(and(eq(outboxMessages.toNumber, r.phone), inArray(outboxMessages.status, ['uncertain', 'sending', 'queued', 'sent', 'delivered']), or(isNotNull(outboxMessages.lastError), eq(outboxMessages.status, 'uncertain'))))
    .orderBy(asc(outboxMessages.seq));
  const echo = (r.text ?? '').trim();
  const open = candidates.flatMap((c) => {
    const pieces = piecesOf(c.body);
    const part = echo ? partOfEcho(echo, pieces) : null;
    const isOpen = part !== null ? !c.parts.includes(part) : c.parts.length < pieces.length;
    return isOpen ? [{ ...c, pieces, part }] : [];
  });
  const match = open.find((c) => c.part !== null) ?? open[0];
  if (!match) return null;
  await db.insert(smsSubmissions).values({ smscId: r.smscId, messageId: match.id, part: match.part, at: r.at }).onConflictDoNothing();
  const parts = [...match.parts, match.part];
  const isComplete = new Set(parts.filter((x) => x !== null)).size + parts.filter((x) => x === null).length >= match.pieces.length;
  if (isComplete) {
    await db.update(outboxMessages).set({ status: 'sent', sentAt: r.at }).where(and(eq(outboxMessages.id, match.id), inArray(outboxMessages.status, ['uncertain', 'sending', 'queued'])));
  }
  return match.id;
}

/**
 * Whether this id has been recorded since the batch looked: results committed in between (PostgreSQL runs
 * them side by side). Delivered again, the receipt then finds its message.
 */
async function isRecorded(db: DbOrTx, smscId: string): Promise<boolean> {
  const rows = await db.select({ id: smsSubmissions.smscId }).from(smsSubmissions).where(eq(smsSubmissions.smscId, smscId)).limit(1);
  return rows.length > 0;
}

/** Whether a message to this number is being sent now: its SMSC ids may not be recorded yet. */
async function isSending(db: DbOrTx, phone: string): Promise<boolean> {
  const rows = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(and(eq(outboxMessages.toNumber, phone), eq(outboxMessages.status, 'sending'))).limit(1);
  return rows.length > 0;
}

/** Which piece (from 1) an echoed text starts, or null. A piece cut at a space loses it in the echo. */
export function partOfEcho(echo: string, pieces: string[]): number | null {
  const i = pieces.findIndex((p) => isEchoOf(echo, p) || isEchoOf(echo, p.trimStart()));
  return i < 0 ? null : i + 1;
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
