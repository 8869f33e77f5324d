import { describe, expect, it } from 'vitest';
import { parseCapDateTime, toCapDateTime } from './cap.js';

describe('CAP dates and times', () => {
  it('reads the offset the author wrote', () => {
    expect(parseCapDateTime('2026-11-28T10:00:00+01:00')?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(parseCapDateTime('2026-11-28T10:00:00-00:00')?.toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(parseCapDateTime('2026-11-28T00:30:00-05:30')?.toISOString()).toBe('2026-11-28T06:00:00.000Z');
  });

  it.each(['2026-11-28T10:00:00Z', '2026-11-28T10:00:00.5+01:00', '2026-11-28 10:00:00+01:00', '2026-13-01T10:00:00+01:00', '2027-02-29T10:00:00+01:00', '2026-11-28T24:00:00+01:00', ''])(
    'refuses %j',
    (text) => expect(parseCapDateTime(text)).toBeNull(),
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseCapDateTime('2028-02-29T10:00:00+01:00')).not.toBeNull();
  });

  it('writes UTC as -00:00, never Z, and reads it back', () => {
    const date = new Date('2026-11-28T09:00:00.750Z');
    expect(toCapDateTime(date)).toBe('2026-11-28T09:00:00-00:00');
    expect(parseCapDateTime(toCapDateTime(date))?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
  });
});
