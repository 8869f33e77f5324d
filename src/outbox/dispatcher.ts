import { setTimeout as sleep } from 'node:timers/promises';
import type { AcceptedPart, SmsChannel } from '../channels/sms/sms.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import * as repo from './outbox.repo.js';
import { outcomeOfError, retryDelayMs } from './retry.js';

export type DispatcherOptions = {
  /** Messages handed to the channel at once; the channel's own window paces the SMSC. */
  maxInFlight?: number;
  /** How often to look for due messages when there were none. */
  pollMs?: number;
  /** How long an uncertain message waits for a delivery receipt before it is sent again. */
  uncertainGraceMs?: number;
  /** Results are written at least this often, and at once when this many wait. */
  flushMs?: number;
  flushSize?: number;
};

export type Dispatcher = {
  /**
   * Resolves once messages left `sending` by a previous process are marked `uncertain`: start the channel
   * after it, or a receipt for one of them could arrive first, find no uncertain message to settle, and be
   * acknowledged and lost — and the message sent again.
   */
  ready: Promise<void>;
  /** Look for due messages now (after an enqueue) rather than at the next poll. */
  wake(): void;
  /** Resolves when no message is due or in flight (for tests and the benchmark). */
  drained(): Promise<void>;
  /** Stops claiming, waits for messages in flight, writes their results. */
  stop(): Promise<void>;
};

/**
 * Sends what the outbox holds through the channel, at least once and at most once per message:
 * a message is claimed (`sending`) before the channel sees it and settled after; one whose fate is
 * unknown — the link or this process died before the SMSC answered — is `uncertain`, and is sent again
 * only if no delivery receipt claims it within `uncertainGraceMs` (see receipts.repo).
 * Opt-outs and blocks are checked when a message is sent, not only when it was queued.
 */
export function startDispatcher(ctx: { db: Db; clock: Clock; log: Logger }, channel: SmsChannel, options: DispatcherOptions = {}): Dispatcher {
  const maxInFlight = options.maxInFlight ?? 100;
  const pollMs = options.pollMs ?? 250;
  const graceMs = options.uncertainGraceMs ?? 120_000;
  const flushMs = options.flushMs ?? 100;
  const flushSize = options.flushSize ?? 200;

  let isRunning = true;
  let inFlight = 0;
  let settled: repo.Settled[] = [];
  let signal: (() => void) | null = null;
  const notify = () => {
    signal?.();
    signal = null;
  };
  const nextSignal = (ms: number) => Promise.race([new Promise<void>((r) => (signal = r)), sleep(ms)]);

  async function flush() {
    if (settled.length === 0) return;
    const batch = settled;
    settled = [];
    try {
      await ctx.db.transaction((tx) => repo.settle(tx, batch, ctx.clock.now()));
    } catch (e) {
      // Not written (a deadlock, the database away): keep the results for the next flush; dropping them
      // would leave their messages `sending` with their SMSC ids unknown.
      settled = batch.concat(settled);
      throw e;
    }
  }

  async function sendOne(m: repo.OutboxMessage, accepted: AcceptedPart[]): Promise<repo.Settled> {
    try {
      const result = await channel.send({ ref: m.id, to: m.toNumber, text: m.body, accepted });
      return { id: m.id, kind: 'sent', smscIds: result.messageIds };
    } catch (e) {
      const error = e as Error & { code?: string; isRetryable?: boolean; accepted?: AcceptedPart[] };
      const outcome = outcomeOfError(error, m.attempts);
      const parts = { accepted: error.accepted ?? [] };
      if (outcome.kind === 'retry') return { id: m.id, kind: 'retry', error: outcome.error, nextAttemptAt: new Date(ctx.clock.now().getTime() + retryDelayMs(m.attempts)), ...parts };
      if (outcome.kind === 'sent') return { id: m.id, ...outcome };
      return { id: m.id, kind: outcome.kind, error: outcome.error, ...parts };
    }
  }

  function launch(m: repo.OutboxMessage, accepted: AcceptedPart[]) {
    inFlight++;
    void sendOne(m, accepted).then((r) => {
      settled.push(r);
      inFlight--;
      notify();
    });
  }

  let lastRequeue = 0;
  async function requeueUnconfirmed() {
    const now = ctx.clock.now();
    if (now.getTime() - lastRequeue < Math.min(graceMs, 1000)) return;
    lastRequeue = now.getTime();
    const n = await repo.requeueUnconfirmed(ctx.db, new Date(now.getTime() - graceMs), now);
    if (n > 0) ctx.log.warn({ messages: n }, 'uncertain messages had no delivery receipt: queued again');
  }

  let idleWaiters: (() => void)[] = [];
  async function step(): Promise<void> {
    if (settled.length >= flushSize) await flush();
    if (!channel.isConnected()) {
      await flush();
      await nextSignal(pollMs);
      return;
    }
    await requeueUnconfirmed();
    const room = maxInFlight - inFlight;
    const batch = room > 0 ? await repo.claimDue(ctx.db, ctx.clock.now(), room) : [];
    if (batch.length === 0) {
      await flush();
      if (inFlight === 0) {
        for (const w of idleWaiters) w();
        idleWaiters = [];
      }
      await nextSignal(inFlight > 0 ? flushMs : pollMs);
      return;
    }
    const subscriberIds = [...new Set(batch.flatMap((m) => (m.subscriberId ? [m.subscriberId] : [])))];
    const unreachable = await repo.unreachableSubscribers(ctx.db, subscriberIds);
    // A message tried before may have parts the SMSC already has: only the others are sent.
    const accepted = await repo.acceptedParts(ctx.db, batch.filter((m) => m.attempts > 1).map((m) => m.id));
    for (const m of batch) {
      if (m.subscriberId && unreachable.has(m.subscriberId)) settled.push({ id: m.id, kind: 'skipped', error: 'opted out or blocked before sending' });
      else launch(m, accepted.get(m.id) ?? []);
    }
  }

  const ready = (async () => {
    const orphans = await repo.markOrphansUncertain(ctx.db, ctx.clock.now());
    if (orphans > 0) ctx.log.warn({ messages: orphans }, 'messages were being sent when the node stopped: waiting for their receipts');
  })();
  const loop = (async () => {
    // A database that failed here fails again at the first claim, which logs and retries.
    await ready.catch((e: unknown) => ctx.log.error({ err: e }, 'outbox dispatcher: could not mark interrupted messages'));
    let lastFlush = Date.now();
    while (isRunning) {
      try {
        await step();
        if (Date.now() - lastFlush >= flushMs) {
          await flush();
          lastFlush = Date.now();
        }
      } catch (e) {
        ctx.log.error({ err: e }, 'outbox dispatcher: step failed; retrying');
        await sleep(pollMs);
      }
    }
    while (inFlight > 0) await nextSignal(flushMs);
    await flush();
  })();

  return {
    ready,
    wake: notify,
    drained: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notify();
      }),
    stop: async () => {
      isRunning = false;
      notify();
      await loop;
    },
  };
}
