import type { Clock } from '../../lib/clock.js';
import { createRateLimiter } from '../../lib/rate-limiter.js';
import { normalisePhone } from './phone.js';

export type InboundLimits = { isInboundAllowed(phone: string): boolean };

/**
 * Per-number limits on inbound text messages, in memory: a burst limit and an hourly one, so that one
 * phone (or a looping modem) cannot drive the node to answer — and pay for — hundreds of replies. Each
 * call counts as one message. A number in no known format is limited by what was received, so a flood of
 * garbage is stopped too. Create one per node, from its context: `createInboundLimits(ctx)`.
 */
export function createInboundLimits(
  ctx: { clock: Clock },
  opts: { perMinute?: number; perHour?: number; maxNumbers?: number } = {},
): InboundLimits {
  const maxKeys = opts.maxNumbers ?? 100_000;
  const minute = createRateLimiter({ limit: opts.perMinute ?? 5, windowMs: 60_000, clock: ctx.clock, maxKeys });
  const hour = createRateLimiter({ limit: opts.perHour ?? 30, windowMs: 3_600_000, clock: ctx.clock, maxKeys });
  return {
    isInboundAllowed(phone) {
      const key = keyOf(phone);
      // Both windows count every message, so a steady trickle under the burst limit still meets the hourly one.
      const burst = minute.hit(key).allowed;
      const sustained = hour.hit(key).allowed;
      return burst && sustained;
    },
  };
}

function keyOf(phone: string): string {
  try {
    return normalisePhone(phone);
  } catch {
    return phone.trim().slice(0, 64);
  }
}
