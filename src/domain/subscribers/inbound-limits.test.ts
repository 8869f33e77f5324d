import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { createInboundLimits } from './inbound-limits.js';

describe('per-number limits on inbound messages', () => {
  it('lets a burst through, then refuses until the minute is over, per number in any format', () => {
    const clock = fixedClock(new Date('2026-06-01T10:00:00Z'));
    const limits = createInboundLimits({ clock }, { perMinute: 3, perHour: 100 });
    const sent = ['+227 90 12 34 56', '0022790123456', '22790123456', '+22790123456'].map((p) => limits.isInboundAllowed(p));
    expect(sent).toEqual([true, true, true, false]);
    expect(limits.isInboundAllowed('+254712345678')).toBe(true);
    clock.advance(60_000);
    expect(limits.isInboundAllowed('+22790123456')).toBe(true);
  });

  it('caps a steady trickle by the hour', () => {
    const clock = fixedClock(new Date('2026-06-01T10:00:00Z'));
    const limits = createInboundLimits({ clock }, { perMinute: 5, perHour: 12 });
    let allowed = 0;
    for (let i = 0; i < 30; i++) {
      if (limits.isInboundAllowed('+22790123456')) allowed++;
      clock.advance(60_000);
    }
    expect(allowed).toBe(12);
  });

  it('limits a flood from something that is no phone number, and keeps instances apart', () => {
    const clock = fixedClock(new Date('2026-06-01T10:00:00Z'));
    const limits = createInboundLimits({ clock }, { perMinute: 2 });
    expect(['GARBAGE', 'GARBAGE', 'GARBAGE'].map((p) => limits.isInboundAllowed(p))).toEqual([true, true, false]);
    expect(createInboundLimits({ clock }, { perMinute: 2 }).isInboundAllowed('GARBAGE')).toBe(true);
  });
});
