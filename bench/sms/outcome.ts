import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';

/** What the node's outbox says became of the alert's messages. */
export type Outbox = {
  byStatus: Record<string, number>;
  /** attempts → messages. */
  byAttempts: Record<string, number>;
  submissions: number;
};

export type OutboxRow = {
  to_number: string; status: string; attempts: number; last_error: string | null; parts: number;
  claimed_at: string | null; sent_at: string | null; delivered_at: string | null; smsc_ids: string[] | null;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

function tally(rows: { k: string | number | null; n: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r.k ?? ''), Number(r.n)]));
}

export async function readOutbox(db: Db, alertId: string): Promise<Outbox> {
  const byStatus = await db.execute(sql`select status as k, count(*)::int as n from outbox_messages where alert_id = ${alertId} group by 1 order by 1`);
  const byAttempts = await db.execute(sql`select attempts as k, count(*)::int as n from outbox_messages where alert_id = ${alertId} group by 1 order by 1`);
  const [subs] = rowsOf<{ n: number }>(await db.execute(sql`
    select count(*)::int as n from sms_submissions s join outbox_messages m on m.id = s.message_id where m.alert_id = ${alertId}`));
  return {
    byStatus: tally(rowsOf(byStatus)),
    byAttempts: tally(rowsOf(byAttempts)),
    submissions: Number(subs?.n ?? 0),
  };
}

/** Every SMSC message id the node recorded (sent, or matched to a receipt). */
export async function recordedSmscIds(db: Db): Promise<Set<string>> {
  return new Set(rowsOf<{ smsc_id: string }>(await db.execute(sql`select smsc_id from sms_submissions`)).map((r) => r.smsc_id));
}

/** The outbox rows of some numbers, with the SMSC ids recorded for them, for the diagnosis of a defect. */
export async function outboxRowsOf(db: Db, alertId: string, numbers: string[]): Promise<OutboxRow[]> {
  if (numbers.length === 0) return [];
  const phones = numbers.map((n) => `+${n}`);
  return rowsOf<OutboxRow>(await db.execute(sql`
    select m.to_number, m.status, m.attempts, m.last_error, m.parts, m.claimed_at::text, m.sent_at::text, m.delivered_at::text,
      (select array_agg(s.smsc_id order by s.at) from sms_submissions s where s.message_id = m.id) as smsc_ids
    from outbox_messages m where m.alert_id = ${alertId} and m.to_number in (${sql.join(phones.map((p) => sql`${p}`), sql`, `)})`));
}

/** A message the node had claimed (`sending`) or whose fate was unknown (`uncertain`) when it was killed. */
export type InFlight = { id: string; to_number: string; status: string; attempts: number; parts: number };

/** The alert's messages `sending` or `uncertain` now. */
export async function readInFlight(db: Db, alertId: string): Promise<InFlight[]> {
  return rowsOf<InFlight>(await db.execute(sql`
    select id::text, to_number, status, attempts, parts from outbox_messages
    where alert_id = ${alertId} and status in ('sending', 'uncertain')`));
}

/** The status and attempts of some messages now. */
export async function readMessages(db: Db, ids: string[]): Promise<Map<string, { status: string; attempts: number }>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; status: string; attempts: number }>(await db.execute(sql`
    select id::text, status, attempts from outbox_messages where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return new Map(rows.map((r) => [r.id, { status: r.status, attempts: Number(r.attempts) }]));
}
