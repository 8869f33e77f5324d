import type { Clock } from './clock.js';

/**
 * Fixed-window counter per key, in memory (one node is one process). `hit` records an attempt and
 * says whether it is still within the limit; `reset` forgets a key (after a successful login).
 */
export type RateLimiter = {
  hit(key: string): { allowed: boolean; retryAfterSeconds: number };
  isBlocked(key: string): boolean;
  reset(key: string): void;
};

export function createRateLimiter(opts: { limit: number; windowMs: number; clock: Clock; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = opts.maxKeys ?? 100_000;

  function current(key: string) {
    const now = opts.clock.now().getTime();
    let w = windows.get(key);
    if (!w || now - w.start >= opts.windowMs) {
      if (windows.size >= maxKeys) prune(now);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    return { w, now };
  }

  function prune(now: number) {
    for (const [k, w] of windows) if (now - w.start >= opts.windowMs) windows.delete(k);
    // Still full: drop the oldest entries rather than grow without bound under attack.
    for (const k of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(k);
    }
  }

  return {
    hit(key) {
      const { w, now } = current(key);
      w.count += 1;
      const retryAfterSeconds = Math.ceil((w.start + opts.windowMs - now) / 1000);
      return { allowed: w.count <= opts.limit, retryAfterSeconds };
    },
    isBlocked(key) {
      return current(key).w.count >= opts.limit;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
