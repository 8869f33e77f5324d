import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import type { Page } from '../shared/paging.js';
import { pagingSchema, offsetOf } from '../shared/paging.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { segmentsOf, type SmsEncoding } from '../sms/segments.js';
import { audienceSize } from '../subscribers/audience.service.js';
import { readersPerText } from './alert-fanout.js';
import { canApproveAlert, canAuthorAlert, canSeeAlertProgress } from './alert-permissions.js';
import { alertChangeSchema, alertDecisionSchema, alertInputSchema, type Alert, type AlertInput, type AlertMsgType, type AlertProgress } from './alerts.js';
import * as repo from './alerts.repo.js';

type Deps = { db: Db; clock: Clock; cfg: { baseUrl: string } };
type Price = { amount: number; currency: string } | null;

const signedIn = (actor: Actor) => {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
};

/** CAP's sender for alerts written on this node: a name at the node's host. */
export const senderOf = (cfg: { baseUrl: string }) => `passerelle@${new URL(cfg.baseUrl).host}`;

/** Written by a node: the sender plus a random id, unique as CAP requires. */
const newIdentifier = () => `passerelle-${randomUUID()}`;

type Origin = { msgType?: AlertMsgType; references?: string | null; source?: Alert['source']; identifier?: string; sender?: string };

/** Stores a new alert, pending approval; nothing is sent yet. Used by the form, the API and CAP import. */
export async function storeAlert(ctx: Deps, author: { id: string } | null, input: AlertInput, origin: Origin = {}): Promise<Alert> {
  const sender = origin.sender ?? senderOf(ctx.cfg);
  const identifier = origin.identifier ?? newIdentifier();
  if (await repo.existsIdentifier(ctx.db, sender, identifier)) throw new DomainError('conflict', 'alerts.duplicate_identifier');
  const id = await repo.insertAlert(ctx.db, {
    ...input, identifier, sender, msgType: origin.msgType ?? 'Alert', references: origin.references ?? null,
    source: origin.source ?? 'web', createdBy: author?.id ?? null, at: ctx.clock.now(),
  });
  return (await repo.findAlert(ctx.db, id))!;
}

/**
 * An alert authority writes an alert: category, CAP severity/urgency/certainty, area, validity window,
 * texts per language. It waits for a second person's approval. Errors: unauthenticated, forbidden, invalid.
 */
export async function createAlert(ctx: Deps, actor: Actor, input: unknown, source: Alert['source'] = 'web'): Promise<Alert> {
  const me = signedIn(actor);
  if (!canAuthorAlert(me)) throw forbidden();
  return storeAlert(ctx, me, parseInput(alertInputSchema, input), { source });
}

/**
 * An Update (new wording, area or window) or a Cancel of an approved alert; it too waits for approval
 * and then reaches the people the first alert reached. Errors: unauthenticated, forbidden, not_found,
 * conflict (the alert is not approved, was cancelled, or was already changed by an approved Update), invalid.
 */
export async function changeAlert(ctx: Deps, actor: Actor, id: string, input: unknown, source: Alert['source'] = 'web'): Promise<Alert> {
  const me = signedIn(actor);
  if (!canAuthorAlert(me)) throw forbidden();
  const previous = await repo.findAlert(ctx.db, parseInput(uuid, id));
  if (!previous) throw notFound();
  if (previous.status !== 'approved') throw new DomainError('conflict', 'alerts.not_approved');
  if (previous.msgType === 'Cancel') throw new DomainError('conflict', 'alerts.already_cancelled');
  // One chain, no forks: an alert already updated is changed through its latest Update.
  if (await repo.isSuperseded(ctx.db, previous.id)) throw new DomainError('conflict', 'alerts.superseded');
  const change = parseInput(alertChangeSchema, input);
  return storeAlert(ctx, me, change.alert, { msgType: change.msgType, references: previous.id, source });
}

/**
 * A second person approves or rejects a pending alert. Approval and the alert's dispatch job commit in
 * one transaction: once approved, the alert is sent even if the node stops now. Errors:
 * unauthenticated, forbidden (not an approver, or the author), not_found, conflict (already decided).
 */
export async function decideAlert(ctx: Deps, actor: Actor, id: string, input: unknown): Promise<Alert> {
  const me = signedIn(actor);
  const alert = await repo.findAlert(ctx.db, parseInput(uuid, id));
  if (!alert) throw notFound();
  if (!canApproveAlert(me, alert)) throw forbidden(alert.createdBy === me.id ? 'alerts.author_cannot_approve' : 'error.forbidden');
  const d = parseInput(alertDecisionSchema, input);
  const at = ctx.clock.now();
  const isDone = await ctx.db.transaction(async (tx) => {
    const ok = await repo.decide(tx, alert.id, { status: d.decision === 'approve' ? 'approved' : 'rejected', by: me.id, note: d.note, at });
    if (ok && d.decision === 'approve') await repo.insertDispatch(tx, alert.id, at);
    return ok;
  });
  if (!isDone) throw new DomainError('conflict', 'alerts.already_decided');
  return (await repo.findAlert(ctx.db, alert.id))!;
}

/** Approved alerts are public (they are warnings); pending and rejected ones only for alert authorities. */
export async function getAlert(ctx: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<Alert> {
  const alert = await repo.findAlert(ctx.db, parseInput(uuid, id));
  if (!alert || (alert.status !== 'approved' && !canAuthorAlert(actor))) throw notFound();
  return alert;
}

/** Newest first; alert authorities see pending and rejected alerts too. */
export async function listAlerts(ctx: Pick<Deps, 'db'>, actor: Actor, query: unknown = {}): Promise<Page<Alert>> {
  const p = parseInput(pagingSchema, query);
  const status = canAuthorAlert(actor) ? undefined : 'approved';
  const { items, total } = await repo.listAlerts(ctx.db, { status, limit: p.perPage, offset: offsetOf(p) });
  return { items, page: p.page, perPage: p.perPage, total };
}

/** Alerts in force now: approved, effective, not expired, not cancelled or superseded. Public. */
export async function activeAlerts(ctx: Pick<Deps, 'db' | 'clock'>): Promise<Alert[]> {
  return repo.activeAlerts(ctx.db, ctx.clock.now());
}

/** Queued, sent, delivered, failed (with reasons) — counts only, never numbers. Alert authorities only. */
export async function alertProgress(ctx: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<AlertProgress> {
  if (!canSeeAlertProgress(actor)) throw forbidden();
  const alert = await repo.findAlert(ctx.db, parseInput(uuid, id));
  if (!alert) throw notFound();
  return repo.progressOf(ctx.db, alert.id);
}

export type AlertEstimate = {
  recipients: number;
  texts: { lang: string; encoding: SmsEncoding; characters: number; segments: number; recipients: number }[];
  segments: number;
  /** Segments × the operator's price per segment; null when no price is configured. */
  cost: { amount: number; currency: string } | null;
};

/**
 * What sending this alert would take, before it is stored: how many subscribers it reaches, which text
 * each language group gets (a reader's language, else its primary language, else the original — as the
 * fan-out chooses), each text's encoding and segments, and the cost. Hub coordinators are not counted.
 * Errors: unauthenticated, forbidden, invalid. Reads only.
 */
export async function estimateAlert(ctx: Pick<Deps, 'db'> & { cfg: { sms: { pricePerSegment: Price } } }, actor: Actor, input: unknown): Promise<AlertEstimate> {
  const me = signedIn(actor);
  if (!canAuthorAlert(me)) throw forbidden();
  const a = parseInput(alertInputSchema, input);
  const size = await audienceSize(ctx, { topics: [a.category], countries: a.countries, adminAreas: a.adminAreas, hubIds: a.hubIds });
  const texts = [...readersPerText(a, size.byLanguage)].map(([lang, recipients]) => {
    const sms = a.texts[lang]!.sms;
    const count = segmentsOf(sms);
    return { lang, encoding: count.encoding, characters: [...sms].length, segments: count.segments, recipients };
  });
  const segments = texts.reduce((sum, x) => sum + x.segments * x.recipients, 0);
  const price = ctx.cfg.sms.pricePerSegment;
  return { recipients: size.total, texts, segments, cost: price ? { amount: Math.round(segments * price.amount * 100) / 100, currency: price.currency } : null };
}
