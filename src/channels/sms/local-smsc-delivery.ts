import type smpp from 'smpp';
import { STATUS } from './smpp-status.js';

/** One deliver_sm attempt as the local SMSC saw it: the answer's command_status, or why there was none. */
export type DeliveryRecord = {
  from: string;
  to: string;
  isReceipt: boolean;
  attempt: number;
  status: number | 'no_session' | 'timeout';
};

export type DeliveryQueueOptions = {
  /** Wait between attempts. */
  redeliverMs: number;
  maxAttempts: number;
  responseTimeoutMs: number;
  onRecord(record: DeliveryRecord): void;
};

/** Answers after which an SMSC stops trying: the receiver refused the message for good. */
const FINAL = new Set<number>([0x65 /* ESME_RX_P_APPN */, 0x66 /* ESME_RX_R_APPN */, STATUS.INVALID_COMMAND]);

/**
 * Store and forward, as an SMSC does: each deliver_sm goes to whichever session `target` names at the
 * time, and is tried again after `redeliverMs` when no session can take it, when it is not answered in
 * time, or when the answer is a temporary error (ESME_RX_T_APPN and the like) — up to `maxAttempts`.
 * `send` resolves true once acknowledged, false when given up; it never rejects.
 */
export function createDeliveryQueue(opts: DeliveryQueueOptions) {
  const timers = new Set<NodeJS.Timeout>();
  const unsettled = new Set<(isDelivered: boolean) => void>();
  let isClosed = false;

  function later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  }

  function send(target: () => smpp.Session | undefined, fields: Record<string, unknown>, meta: { from: string; to: string; isReceipt: boolean }): Promise<boolean> {
    return new Promise((settle) => {
      const resolve = (isDelivered: boolean) => {
        unsettled.delete(resolve);
        settle(isDelivered);
      };
      unsettled.add(resolve);
      const attempt = (n: number) => {
        if (isClosed) return resolve(false);
        const retry = () => (n < opts.maxAttempts ? void later(() => attempt(n + 1), opts.redeliverMs) : resolve(false));
        const session = target();
        if (!session) {
          opts.onRecord({ ...meta, attempt: n, status: 'no_session' });
          return retry();
        }
        let isAnswered = false;
        const timeout = later(() => {
          isAnswered = true;
          opts.onRecord({ ...meta, attempt: n, status: 'timeout' });
          retry();
        }, opts.responseTimeoutMs);
        const isSent = session.deliver_sm(fields, (resp) => {
          if (isAnswered) return;
          isAnswered = true;
          clearTimeout(timeout);
          timers.delete(timeout);
          opts.onRecord({ ...meta, attempt: n, status: resp.command_status });
          if (resp.command_status === STATUS.OK) resolve(true);
          else if (FINAL.has(resp.command_status)) resolve(false);
          else retry();
        });
        if (!isSent) {
          isAnswered = true;
          clearTimeout(timeout);
          timers.delete(timeout);
          opts.onRecord({ ...meta, attempt: n, status: 'no_session' });
          retry();
        }
      };
      attempt(1);
    });
  }

  return {
    send,
    later,
    close() {
      isClosed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const resolve of [...unsettled]) resolve(false);
    },
  };
}
