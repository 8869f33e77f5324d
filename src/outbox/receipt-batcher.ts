import type { Db } from '../db/database.js';
import { applyReceipts, type PiecesOf, type Receipt } from './receipts.repo.js';

/**
 * Gathers delivery receipts for a few milliseconds and applies them in one transaction: an alert to
 * 100,000 people brings 100,000 receipts, and three statements each would cost more than the sending.
 * `add` resolves once its receipt is stored, so the channel still acknowledges it to the SMSC only then.
 */
export function createReceiptBatcher(db: Db, piecesOf: PiecesOf, opts: { maxBatch?: number; maxWaitMs?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 500;
  const maxWaitMs = opts.maxWaitMs ?? 50;
  let pending: { receipt: Receipt; done: () => void; fail: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    // One batch at a time, in arrival order.
    running = running.then(async () => {
      try {
        const early = await db.transaction((tx) => applyReceipts(tx, batch.map((b) => b.receipt), piecesOf));
        // A receipt ahead of its message's ids: refused, so the SMSC delivers it again (ESME_RX_T_APPN).
        for (const b of batch) {
          if (early.has(b.receipt.smscId)) b.fail(new Error('receipt ahead of its message: deliver again'));
          else b.done();
        }
      } catch (e) {
        for (const b of batch) b.fail(e);
      }
    });
  }

  return {
    add(receipt: Receipt): Promise<void> {
      return new Promise<void>((done, fail) => {
        pending.push({ receipt, done, fail });
        if (pending.length >= maxBatch) flush();
        else timer ??= setTimeout(flush, maxWaitMs);
      });
    },
    /** Applies what is waiting; resolves when every receipt given so far is stored. */
    async drain(): Promise<void> {
      flush();
      await running;
    },
  };
}
