import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { createRateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('blocks after the limit and forgets after the window', () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const rl = createRateLimiter({ limit: 3, windowMs: 60_000, clock });
    expect([1, 2, 3].map(() => rl.hit('k').allowed)).toEqual([true, true, true]);
    expect(rl.isBlocked('k')).toBe(true);
    expect(rl.hit('k')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(rl.isBlocked('other')).toBe(false);
    clock.advance(60_000);
    expect(rl.isBlocked('k')).toBe(false);
  });

  it('stays bounded in memory when many keys arrive', () => {
    const clock = fixedClock(new Date());
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000, clock, maxKeys: 10 });
    for (let i = 0; i < 100; i++) rl.hit(`k${i}`);
    expect(rl.isBlocked('k99')).toBe(true);
  });
});
