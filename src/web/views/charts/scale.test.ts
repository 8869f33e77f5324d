import { describe, expect, it } from 'vitest';
import { dayOf, isoOfDay, linearScale, niceTicks } from './scale.js';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(10, 40)).toEqual([10, 20, 30, 40]);
    expect(niceTicks(0, 100)).toEqual([0, 50, 100]);
    expect(niceTicks(3, 97)).toEqual([0, 50, 100]);
    expect(niceTicks(0.12, 0.61)).toEqual([0, 0.2, 0.4, 0.6, 0.8]); // no 0.30000000000000004
    expect(niceTicks(-15, 12)).toEqual([-20, -10, 0, 10, 20]);
  });

  it('handles reversed, flat and empty ranges', () => {
    expect(niceTicks(40, 10)).toEqual([10, 20, 30, 40]);
    expect(niceTicks(5, 5)).toEqual([4.5, 5, 5.5]);
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('linearScale and days', () => {
  it('maps a domain onto a range, reversed ranges included', () => {
    const y = linearScale(0, 100, 200, 0);
    expect([y(0), y(25), y(100)]).toEqual([200, 150, 0]);
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });

  it('counts days between ISO dates', () => {
    expect(dayOf('2025-03-01') - dayOf('2025-02-01')).toBe(28);
    expect(isoOfDay(dayOf('2024-02-29'))).toBe('2024-02-29');
  });
});
