/**
 * When to try a message again after a transient failure (throttled, queue full, link down): doubling
 * from `baseMs` up to `maxMs`, with up to half of it at random so that messages that failed together
 * do not all come back together. Pure; `random` is injected for tests.
 */
export function retryDelayMs(attempt: number, opts: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 5 * 60 * 1000;
  const full = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (full / 2) * (opts.random ?? Math.random)());
}

/** After this many attempts a message that still fails transiently is given up as failed. */
export const MAX_ATTEMPTS = 10;

export type SendOutcome =
  | { kind: 'sent'; smscIds: string[] }
  | { kind: 'retry'; error: string }
  | { kind: 'uncertain'; error: string }
  | { kind: 'failed'; error: string };

/**
 * What a channel error means for the message. Errors raised before anything was written to the SMSC
 * (not connected, throttled, queue full: the SMSC refused it) are safe to retry; a timeout or a link lost
 * while waiting for the answer leaves it unknown whether the SMSC took the message, so it must not simply
 * be sent again (see the dispatcher's reconciliation); anything else is permanent.
 */
export function outcomeOfError(e: { code?: string; isRetryable?: boolean; message: string }, attempt: number): SendOutcome {
  const error = e.code ? `${e.code}: ${e.message}` : e.message;
  if (e.code && UNCERTAIN_CODES.has(e.code)) return { kind: 'uncertain', error };
  if (e.isRetryable) return attempt >= MAX_ATTEMPTS ? { kind: 'failed', error: `gave up after ${attempt} attempts: ${error}` } : { kind: 'retry', error };
  return { kind: 'failed', error };
}

/** Channel error codes after which the SMSC may or may not have the message. */
export const UNCERTAIN_CODES = new Set(['timeout', 'link_down', 'closed']);
