import type { AppContext } from './context.js';
import { startAlertFanout } from './domain/alerts/alert-fanout.js';
import { handleInbound } from './domain/sms/inbound.service.js';
import { startDispatcher, type Dispatcher } from './outbox/dispatcher.js';
import { createReceiptBatcher } from './outbox/receipt-batcher.js';

export type Messaging = {
  dispatcher: Dispatcher | null;
  /** Resolves once the channel has started (at once without a channel); never rejects. */
  started: Promise<void>;
  wakeFanout(): void;
  stop(): Promise<void>;
};

/**
 * Text messages in and out: the channel (when one is configured) hands received messages to the command
 * handler and receipts to the outbox; approved alerts are fanned out into the outbox; the dispatcher sends
 * what the outbox holds. Without a channel, alerts are still fanned out and wait, queued.
 */
export function startMessaging(ctx: AppContext, opts: { fanoutIntervalMs?: number; dispatcherPollMs?: number } = {}): Messaging {
  const channel = ctx.sms;
  const dispatcher = channel ? startDispatcher(ctx, channel, { uncertainGraceMs: ctx.cfg.sms.uncertainGraceMs, pollMs: opts.dispatcherPollMs }) : null;
  const fanout = startAlertFanout(ctx, { intervalMs: opts.fanoutIntervalMs, onQueued: () => dispatcher?.wake() });
  const receipts = createReceiptBatcher(ctx.db, (text) => channel?.piecesOf(text) ?? [text]);
  let started = Promise.resolve();
  if (channel) {
    // Orphaned messages first (see Dispatcher.ready), then the link that brings their receipts.
    started = (dispatcher?.ready ?? Promise.resolve())
      .then(() => channel.start({
        onInbound: async (sms) => {
          await handleInbound(ctx, sms);
          dispatcher?.wake();
        },
        onReceipt: async (r) => {
          await receipts.add({ smscId: r.messageId, state: r.state, errorCode: r.errorCode, phone: r.phone, text: r.text, at: r.at });
        },
      }))
      .catch((e: unknown) => ctx.log.error({ err: e }, 'the text-message channel did not start'));
  }
  return {
    dispatcher,
    started,
    wakeFanout: () => fanout.wake(),
    stop: async () => {
      await fanout.stop();
      await dispatcher?.stop();
      await channel?.close();
      await receipts.drain();
    },
  };
}
