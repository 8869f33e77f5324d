import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../src/context.js';
import type { Tx } from '../../src/db/database.js';
import { consentEvents, subscribers, subscriptions } from '../../src/db/schema/index.js';
import { createUser } from '../../src/domain/accounts/accounts.service.js';
import type { Actor } from '../../src/domain/accounts/accounts.js';
import { createAlert, decideAlert } from '../../src/domain/alerts/alerts.service.js';
import { segmentsOf } from '../../src/domain/sms/segments.js';
import { normalisePhone } from '../../src/domain/subscribers/phone.js';
import { chunks } from '../search-speed/load.js';
import type { BenchDatabase } from './database.js';
import { ALERT_TEXTS, alertInput, subscriberAt, type BenchSubscriber } from './population.js';

// Rows per INSERT: 7 columns × 1,000 stays far below PostgreSQL's 65,535 bind parameters.
const BATCH = 1000;

export type Prepared = {
  alertId: string;
  /** Each subscriber's number without "+" (as the SMSC logs it) → the text they must receive. */
  expected: Map<string, string>;
  segments: number;
  /** Open + migrate, bulk load (with ANALYZE), alert written and approved, close: ms each. */
  phases: { openMs: number; loadMs: number; alertMs: number; closeMs: number };
};

/**
 * Migrates the database, loads `count` subscribers (each subscribed to drought in their country, with
 * the consent event `subscribe` writes) with multi-row INSERTs, then has one curator write the alert and
 * an admin approve it through the services, so that the dispatch job exists as in production. Closes its
 * context before returning (a PGlite folder takes one process at a time).
 */
export async function prepare(db: BenchDatabase, count: number): Promise<Prepared> {
  let at = performance.now();
  const lap = () => -at + (at = performance.now());
  const ctx = await db.open();
  let result: Omit<Prepared, 'phases'>;
  const phases = { openMs: 0, loadMs: 0, alertMs: 0, closeMs: 0 };
  try {
    await ctx.database.migrate();
    phases.openMs = lap();
    const people = Array.from({ length: count }, (_, i) => subscriberAt(i));
    for (const p of people) if (normalisePhone(p.phone) !== p.phone) throw new Error(`not an E.164 number: ${p.phone}`);
    for (const batch of chunks(people, BATCH)) await ctx.db.transaction((tx) => insertSubscribers(tx, batch, ctx.clock.now()));
    await ctx.db.execute(sql`analyze`);
    phases.loadMs = lap();
    const alertId = await approvedAlert(ctx);
    phases.alertMs = lap();
    const expected = new Map(people.map((p) => [p.phone.slice(1), ALERT_TEXTS[p.lang]!.sms]));
    const perLang = new Map(Object.entries(ALERT_TEXTS).map(([lang, t]) => [lang, segmentsOf(t.sms).segments]));
    const segments = people.reduce((n, p) => n + perLang.get(p.lang)!, 0);
    result = { alertId, expected, segments };
  } finally {
    await ctx.close();
  }
  phases.closeMs = lap();
  return { ...result, phases };
}

async function insertSubscribers(tx: Tx, batch: BenchSubscriber[], at: Date) {
  const rows = batch.map((p) => ({ id: randomUUID(), ...p }));
  await tx.insert(subscribers).values(rows.map((r) => ({ id: r.id, phone: r.phone, language: r.lang, status: 'active', createdAt: at, updatedAt: at })));
  const area = (r: (typeof rows)[number]) => ({ kind: 'country' as const, code: r.country });
  await tx.insert(subscriptions).values(rows.map((r) => ({ subscriberId: r.id, topic: 'drought', areaKind: 'country', areaCode: r.country, areaCountry: r.country, createdAt: at })));
  await tx.insert(consentEvents).values(rows.map((r) => ({ subscriberId: r.id, at, channel: 'import', action: 'subscribe', detail: { topic: 'drought', area: area(r), language: r.lang } })));
}

async function actorOf(ctx: AppContext, role: 'curator' | 'admin'): Promise<NonNullable<Actor>> {
  const user = await createUser(ctx, { email: `${role}-${randomUUID()}@bench.example.org`, displayName: `Bench ${role}`, password: 'bench password 1234', role, hubIds: [] });
  return { id: user.id, role, hubIds: [], displayName: user.displayName, locale: null };
}

/** Written by a curator, approved by an admin: the approval commits the dispatch row. */
async function approvedAlert(ctx: AppContext): Promise<string> {
  const author = await actorOf(ctx, 'curator');
  const approver = await actorOf(ctx, 'admin');
  const alert = await createAlert(ctx, author, alertInput(ctx.clock.now()));
  await decideAlert(ctx, approver, alert.id, { decision: 'approve', note: 'bench:sms' });
  return alert.id;
}
