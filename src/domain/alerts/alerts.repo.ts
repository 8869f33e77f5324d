import { and, asc, count, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { alertDispatches, alertTexts, alerts, outboxMessages } from '../../db/schema/index.js';
import type { Alert, AlertInput, AlertMsgType, AlertProgress, AlertStatus, AlertText } from './alerts.js';

type Row = typeof alerts.$inferSelect;

export type NewAlert = AlertInput & {
  identifier: string;
  sender: string;
  msgType: AlertMsgType;
  references: string | null;
  source: Alert['source'];
  createdBy: string | null;
  at: Date;
};

export async function insertAlert(db: DbOrTx, a: NewAlert): Promise<string> {
  const [row] = await db
    .insert(alerts)
    .values({
      identifier: a.identifier, sender: a.sender, msgType: a.msgType, references: a.references, category: a.category,
      severity: a.severity, urgency: a.urgency, certainty: a.certainty, countries: a.countries, adminAreas: a.adminAreas,
      hubIds: a.hubIds, effectiveAt: a.effectiveAt, expiresAt: a.expiresAt, originalLanguage: a.originalLanguage,
      status: 'pending', source: a.source, createdBy: a.createdBy, createdAt: a.at, updatedAt: a.at,
    })
    .returning({ id: alerts.id });
  await db.insert(alertTexts).values(Object.entries(a.texts).map(([lang, t]) => ({ alertId: row!.id, lang, ...t })));
  return row!.id;
}

export async function existsIdentifier(db: DbOrTx, sender: string, identifier: string): Promise<boolean> {
  const rows = await db.select({ id: alerts.id }).from(alerts).where(and(eq(alerts.sender, sender), eq(alerts.identifier, identifier)));
  return rows.length > 0;
}

/** Approves or rejects a pending alert; false when it is no longer pending (someone decided first). */
export async function decide(db: DbOrTx, id: string, d: { status: AlertStatus; by: string; note: string; at: Date }): Promise<boolean> {
  const rows = await db
    .update(alerts)
    .set({ status: d.status, approvedBy: d.status === 'approved' ? d.by : null, decidedAt: d.at, decisionNote: d.note || null, updatedAt: d.at })
    .where(and(eq(alerts.id, id), eq(alerts.status, 'pending')))
    .returning({ id: alerts.id });
  return rows.length === 1;
}

export async function insertDispatch(db: DbOrTx, alertId: string, at: Date) {
  await db.insert(alertDispatches).values({ alertId, status: 'subscribers', createdAt: at }).onConflictDoNothing();
}

async function textsOf(db: DbOrTx, ids: string[]) {
  const by = new Map<string, Record<string, AlertText>>();
  if (ids.length === 0) return by;
  const rows = await db.select().from(alertTexts).where(inArray(alertTexts.alertId, ids)).orderBy(asc(alertTexts.lang));
  for (const { alertId, lang, ...t } of rows) by.set(alertId, { ...by.get(alertId), [lang]: t });
  return by;
}

function toAlert(r: Row, texts: Record<string, AlertText>): Alert {
  return {
    id: r.id, identifier: r.identifier, sender: r.sender, msgType: r.msgType as Alert['msgType'], references: r.references,
    category: r.category as Alert['category'], severity: r.severity as Alert['severity'], urgency: r.urgency as Alert['urgency'],
    certainty: r.certainty as Alert['certainty'], countries: r.countries, adminAreas: r.adminAreas, hubIds: r.hubIds,
    effectiveAt: r.effectiveAt, expiresAt: r.expiresAt, originalLanguage: r.originalLanguage, status: r.status as AlertStatus,
    source: r.source as Alert['source'], createdBy: r.createdBy, approvedBy: r.approvedBy, decidedAt: r.decidedAt,
    decisionNote: r.decisionNote, createdAt: r.createdAt, texts,
  };
}

export async function findAlert(db: DbOrTx, id: string): Promise<Alert | null> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row ? toAlert(row, (await textsOf(db, [id])).get(id) ?? {}) : null;
}

export async function findAlertByIdentifier(db: DbOrTx, sender: string, identifier: string): Promise<Alert | null> {
  const [row] = await db.select().from(alerts).where(and(eq(alerts.sender, sender), eq(alerts.identifier, identifier)));
  return row ? toAlert(row, (await textsOf(db, [row.id])).get(row.id) ?? {}) : null;
}

export async function listAlerts(db: DbOrTx, f: { status?: AlertStatus; limit: number; offset: number }) {
  const where = f.status ? eq(alerts.status, f.status) : undefined;
  const rows = await db.select().from(alerts).where(where).orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(f.limit).offset(f.offset);
  const [total] = await db.select({ n: count() }).from(alerts).where(where);
  const texts = await textsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toAlert(r, texts.get(r.id) ?? {})), total: total?.n ?? 0 };
}

/**
 * Approved alerts in force at `now`, newest first: effective, not expired, and not withdrawn by an
 * approved Cancel. An Update stands in for the alert it changes, so only the latest of a chain shows.
 */
export async function activeAlerts(db: DbOrTx, now: Date): Promise<Alert[]> {
  const superseded = sql`exists (select 1 from alerts later where later.references = ${alerts.id} and later.status = 'approved')`;
  const rows = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.status, 'approved'), lte(alerts.effectiveAt, now), gt(alerts.expiresAt, now), sql`${alerts.msgType} <> 'Cancel'`, sql`not ${superseded}`))
    .orderBy(desc(alerts.decidedAt), desc(alerts.id))
    .limit(200);
  const texts = await textsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toAlert(r, texts.get(r.id) ?? {}));
}

/** Whether an approved Update or Cancel already changed this alert: later changes go to that one. */
export async function isSuperseded(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: alerts.id }).from(alerts).where(and(eq(alerts.references, id), eq(alerts.status, 'approved'))).limit(1);
  return rows.length > 0;
}

/** The first alert of a chain of Updates and Cancels: whose recipients they all reach. */
export async function rootOf(db: DbOrTx, id: string): Promise<string> {
  let current = id;
  for (let i = 0; i < 100; i++) {
    const [row] = await db.select({ references: alerts.references }).from(alerts).where(eq(alerts.id, current));
    if (!row?.references) return current;
    current = row.references;
  }
  return current;
}

export async function progressOf(db: DbOrTx, alertId: string): Promise<AlertProgress> {
  const [dispatch] = await db.select({ status: alertDispatches.status }).from(alertDispatches).where(eq(alertDispatches.alertId, alertId));
  const rows = await db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .where(eq(outboxMessages.alertId, alertId))
    .groupBy(outboxMessages.status);
  const counts: AlertProgress['counts'] = { queued: 0, sending: 0, uncertain: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.status as keyof AlertProgress['counts']] = r.n;
  const failures = await db
    .select({ reason: sql<string>`coalesce(${outboxMessages.lastError}, 'unknown')`, count: count() })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.alertId, alertId), inArray(outboxMessages.status, ['failed', 'skipped'])))
    .groupBy(sql`1`)
    .orderBy(desc(count()))
    .limit(20);
  return {
    dispatch: (dispatch?.status as AlertProgress['dispatch']) ?? 'none',
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    failures,
  };
}

/** An alert's fan-out while it is not done; null once done or when there is none. */
export async function findPendingDispatch(db: DbOrTx, alertId: string) {
  const [row] = await db.select().from(alertDispatches).where(and(eq(alertDispatches.alertId, alertId), sql`${alertDispatches.status} <> 'done'`));
  return row ?? null;
}

export async function pendingDispatches(db: DbOrTx) {
  return db.select().from(alertDispatches).where(sql`${alertDispatches.status} <> 'done'`).orderBy(asc(alertDispatches.createdAt)).limit(20);
}

export async function moveDispatch(db: DbOrTx, alertId: string, d: { status: 'subscribers' | 'coordinators' | 'done'; cursor: string | null; queued: number; at: Date }) {
  await db
    .update(alertDispatches)
    .set({ status: d.status, cursor: d.cursor, queued: sql`${alertDispatches.queued} + ${d.queued}`, finishedAt: d.status === 'done' ? d.at : null })
    .where(eq(alertDispatches.alertId, alertId));
}

/** The subscribers an alert of the chain rooted at `rootId` was queued for, in id order after `afterId`. */
export async function earlierRecipients(db: DbOrTx, rootId: string, afterId: string | null, limit: number) {
  const rows = await db.execute(sql`
    select s.id, s.phone, s.language from subscribers s
    where s.id in (select o.subscriber_id from outbox_messages o where o.alert_id = ${rootId} and o.purpose = 'alert')
      ${afterId ? sql`and s.id > ${afterId}::uuid` : sql``}
    order by s.id limit ${limit}`);
  return (rows as unknown as { rows: { id: string; phone: string; language: string }[] }).rows;
}

/** Hubs with a contact number among those named or in the given countries (admin areas are filtered by the caller). */
export async function hubsWithPhones(db: DbOrTx, f: { hubIds: string[]; countries: string[] }) {
  if (f.hubIds.length === 0 && f.countries.length === 0) return [];
  const rows = await db.execute(sql`
    select h.id, h.country, h.admin_area as "adminArea", h.languages, h.contact_phone as "contactPhone" from hubs h
    where h.contact_phone is not null and h.contact_phone <> ''
      and (h.id = any(${`{${f.hubIds.join(',')}}`}::uuid[]) or h.country = any(${`{${f.countries.join(',')}}`}::text[]))
    order by h.id`);
  return (rows as unknown as { rows: { id: string; country: string; adminArea: string | null; languages: string[]; contactPhone: string }[] }).rows;
}
