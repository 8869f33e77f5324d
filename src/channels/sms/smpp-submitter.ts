import type smpp from 'smpp';
import type { ChannelError, SubmitResult } from './sms.js';
import { errorForStatus, linkErrors, STATUS } from './smpp-status.js';

/** One message to submit: its segments' submit_sm fields, and the ids of any already accepted. */
export type SubmitJob = {
  parts: Record<string, unknown>[];
  /** Ids of parts accepted by an earlier attempt (those parts are not sent again); filled in as parts are accepted. */
  ids: (string | undefined)[];
  resolve(result: SubmitResult): void;
  reject(error: ChannelError): void;
};

export type SubmitterOptions = { window: number; tps: number; submitTimeoutMs: number; maxQueue: number };

export type Submitter = {
  attach(session: smpp.Session): void;
  /** The link is gone: every queued and outstanding segment fails with `error`. */
  detach(error: ChannelError): void;
  enqueue(job: SubmitJob): void;
  /** Resolves once nothing is queued or awaiting an answer. */
  idle(): Promise<void>;
};

// `failure`: a part was refused; the job settles with it once its parts still awaiting an answer have one.
type Job = SubmitJob & { remaining: number; isSettled: boolean; inFlight: number; failure: ChannelError | null };
type Part = { job: Job; index: number };
type Outstanding = { part: Part; timer: NodeJS.Timeout };

/**
 * Sends segments as submit_sm over the bound session: at most `window` awaiting their submit_sm_resp,
 * at most `tps` per second (a token bucket holding a twentieth of a second, so bursts stay small), each
 * answered within `submitTimeoutMs` or failed. A message settles when all its parts are accepted, or after
 * its first refused part once its other parts on the wire are answered — so that `ids` tells exactly which
 * parts the SMSC has; its parts still queued are then not sent.
 */
export function createSubmitter(opts: SubmitterOptions): Submitter {
  let session: smpp.Session | null = null;
  let queue: Part[] = [];
  let head = 0;
  const outstanding = new Set<Outstanding>();
  const burst = Math.max(1, Math.ceil(opts.tps / 20));
  let tokens = burst;
  let refilledAt = performance.now();
  let pumpTimer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];

  const queued = () => queue.length - head;

  function settle(job: Job, outcome: { error: ChannelError } | { result: SubmitResult }) {
    if (job.isSettled) return;
    job.isSettled = true;
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.result);
  }

  function notifyIfIdle() {
    if (outstanding.size > 0 || queued() > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function refill() {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * opts.tps) / 1000);
    refilledAt = now;
  }

  function pump() {
    if (pumpTimer) return; // waiting for a token: nothing could go before it fires
    while (session && queued() > 0 && outstanding.size < opts.window) {
      const part = queue[head]!;
      if (part.job.isSettled || part.job.failure) {
        head++;
        continue;
      }
      refill();
      if (tokens < 1) {
        const waitMs = Math.max(1, Math.ceil(((1 - tokens) * 1000) / opts.tps));
        pumpTimer = setTimeout(() => {
          pumpTimer = undefined;
          pump();
        }, waitMs);
        return;
      }
      tokens -= 1;
      head++;
      write(session, part);
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    notifyIfIdle();
  }

  function write(s: smpp.Session, part: Part) {
    const o: Outstanding = { part, timer: setTimeout(() => finish(o, linkErrors.timeout(opts.submitTimeoutMs)), opts.submitTimeoutMs) };
    outstanding.add(o);
    part.job.inFlight++;
    const isSent = s.submit_sm(part.job.parts[part.index]!, (resp) => {
      finish(o, resp.command_status === STATUS.OK ? String(resp.message_id ?? '') : errorForStatus(resp.command_status));
    });
    if (!isSent) {
      outstanding.delete(o);
      part.job.inFlight--;
      clearTimeout(o.timer);
      detach(linkErrors.linkDown());
      settle(part.job, { error: linkErrors.linkDown() });
    }
  }

  function finish(o: Outstanding, outcome: string | ChannelError) {
    if (!outstanding.delete(o)) return; // timed out earlier, or the link went down
    clearTimeout(o.timer);
    const { job, index } = o.part;
    job.inFlight--;
    if (typeof outcome === 'string') {
      job.ids[index] = outcome;
      if (--job.remaining === 0 && !job.failure) settle(job, { result: { messageIds: job.ids as string[] } });
    } else {
      job.failure ??= outcome;
    }
    if (job.failure && job.inFlight === 0) settle(job, { error: job.failure });
    pump();
  }

  function detach(error: ChannelError) {
    session = null;
    clearTimeout(pumpTimer);
    pumpTimer = undefined;
    for (const o of outstanding) {
      clearTimeout(o.timer);
      settle(o.part.job, { error });
    }
    outstanding.clear();
    for (let i = head; i < queue.length; i++) settle(queue[i]!.job, { error });
    queue = [];
    head = 0;
    notifyIfIdle();
  }

  return {
    attach(s) {
      session = s;
      pump();
    },
    detach,
    enqueue(submitJob) {
      const missing = submitJob.parts.map((_, i) => i).filter((i) => submitJob.ids[i] === undefined);
      const job: Job = Object.assign(submitJob, { remaining: missing.length, isSettled: false, inFlight: 0, failure: null });
      if (!session) return settle(job, { error: linkErrors.notBound() });
      if (queued() + missing.length > opts.maxQueue) return settle(job, { error: linkErrors.queueFull() });
      if (missing.length === 0) return settle(job, { result: { messageIds: job.ids as string[] } });
      for (const index of missing) queue.push({ job, index });
      pump();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        notifyIfIdle();
      });
    },
  };
}
