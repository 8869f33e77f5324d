import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import * as outbox from '../../outbox/outbox.repo.js';
import { segmentsOf } from '../sms/segments.js';
import { matchingSubscribers } from '../subscribers/audience.service.js';
import { normalisePhone } from '../subscribers/phone.js';
import { adminAreaKey } from '../subscribers/places.js';
import type { Alert, AlertText } from './alerts.js';
import * as repo from './alerts.repo.js';

type Deps = { db: Db; clock: Clock; log: Logger };

const BATCH = 1000;

/** The alert's text for a reader of `lang`: that language, else its primary language, else the original. */
export function textFor(alert: Pick<Alert, 'texts' | 'originalLanguage'>, lang: string): { lang: string; text: AlertText } {
  const primary = lang.split('-')[0]!.toLowerCase();
  const langs = Object.keys(alert.texts);
  const chosen = langs.find((l) => l === lang) ?? langs.find((l) => l.toLowerCase() === primary) ?? langs.find((l) => l.split('-')[0]!.toLowerCase() === primary) ?? alert.originalLanguage;
  return { lang: chosen, text: alert.texts[chosen] ?? Object.values(alert.texts)[0]! };
}

/** How many readers each of the alert's texts has, given readers counted by their language (textFor's choice). */
export function readersPerText(alert: Pick<Alert, 'texts' | 'originalLanguage'>, groups: { language: string; count: number }[]): Map<string, number> {
  const byText = new Map<string, number>(Object.keys(alert.texts).map((lang) => [lang, 0]));
  for (const group of groups) {
    const { lang } = textFor(alert, group.language);
    byText.set(lang, (byText.get(lang) ?? 0) + group.count);
  }
  return byText;
}

function messageFor(alert: Alert, purpose: 'alert' | 'coordinator', to: { id: string; phone: string; language: string }): outbox.NewOutboxMessage {
  const { lang, text } = textFor(alert, to.language);
  return {
    dedupeKey: `alert:${alert.id}:${purpose === 'alert' ? 'subscriber' : 'hub'}:${to.id}`,
    purpose,
    alertId: alert.id,
    subscriberId: purpose === 'alert' ? to.id : null,
    toNumber: to.phone,
    lang,
    body: text.sms,
    parts: segmentsOf(text.sms).segments,
  };
}

/**
 * One step of an approved alert's fan-out: up to BATCH subscribers queued in the outbox, and the
 * dispatch's cursor moved past them, in one transaction — so a restart resumes where it stopped, and
 * the dedupe keys make a repeated step harmless. A first alert goes to matching subscribers (topic =
 * its category, overlapping area); an Update or Cancel to whoever the first alert of its chain was
 * queued for. Then the coordinators of hubs in the area (their contact number), so radio stations can
 * relay. Returns how many messages were queued; 0 and `done` at the end.
 */
export async function fanOutStep(ctx: Deps, alertId: string): Promise<{ queued: number; isDone: boolean }> {
  const dispatch = await repo.findPendingDispatch(ctx.db, alertId);
  const alert = await repo.findAlert(ctx.db, alertId);
  if (!dispatch || !alert) return { queued: 0, isDone: true };
  const at = ctx.clock.now();

  if (dispatch.status === 'subscribers') {
    const recipients =
      alert.msgType === 'Alert'
        ? await matchingSubscribers(ctx, { topics: [alert.category], countries: alert.countries, adminAreas: alert.adminAreas, hubIds: alert.hubIds }, { afterId: dispatch.cursor, limit: BATCH })
        : await repo.earlierRecipients(ctx.db, await repo.rootOf(ctx.db, alert.id), dispatch.cursor, BATCH);
    const isLast = recipients.length < BATCH;
    const queued = await ctx.db.transaction(async (tx) => {
      const n = await outbox.enqueue(tx, recipients.map((r) => messageFor(alert, 'alert', r)), at);
      await repo.moveDispatch(tx, alert.id, { status: isLast ? 'coordinators' : 'subscribers', cursor: recipients.at(-1)?.id ?? dispatch.cursor, queued: n, at });
      return n;
    });
    return { queued, isDone: false };
  }

  const hubs = await repo.hubsWithPhones(ctx.db, { hubIds: alert.hubIds, countries: [...new Set([...alert.countries, ...alert.adminAreas.map((k) => k.slice(0, 2))])] });
  const inArea = hubs.filter((h) => alert.hubIds.includes(h.id) || alert.countries.includes(h.country) || (h.adminArea && alert.adminAreas.includes(adminAreaKey(h.country, h.adminArea) ?? '')));
  const messages = inArea.flatMap((h) => {
    try {
      return [messageFor(alert, 'coordinator', { id: h.id, phone: normalisePhone(h.contactPhone, h.country), language: h.languages[0] ?? alert.originalLanguage })];
    } catch {
      ctx.log.warn({ hub: h.id }, 'hub contact number is not a phone number: coordinator not told');
      return [];
    }
  });
  const queued = await ctx.db.transaction(async (tx) => {
    const n = await outbox.enqueue(tx, messages, at);
    await repo.moveDispatch(tx, alert.id, { status: 'done', cursor: dispatch.cursor, queued: n, at });
    return n;
  });
  return { queued, isDone: true };
}

/**
 * Runs every unfinished fan-out until it is done, then waits `intervalMs` for newly approved alerts.
 * `onQueued` is told when messages were queued (the dispatcher wakes up).
 */
export function startAlertFanout(ctx: Deps, opts: { intervalMs?: number; onQueued?: () => void } = {}) {
  let isRunning = true;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (isRunning) {
      try {
        const pending = await repo.pendingDispatches(ctx.db);
        for (const d of pending) {
          let step = { queued: 0, isDone: false };
          while (isRunning && !step.isDone) {
            step = await fanOutStep(ctx, d.alertId);
            if (step.queued > 0) opts.onQueued?.();
            // PGlite answers without yielding to the event loop: let the channel, receipts and requests in
            // between steps, or a fan-out to 100,000 people holds them all up until it ends.
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        }
      } catch (e) {
        ctx.log.error({ err: e }, 'alert fan-out failed; retrying');
      }
      await Promise.race([sleep(opts.intervalMs ?? 1000), new Promise<void>((r) => (wake = r))]);
    }
  })();
  return {
    wake: () => wake?.(),
    stop: async () => {
      isRunning = false;
      wake?.();
      await loop;
    },
  };
}
