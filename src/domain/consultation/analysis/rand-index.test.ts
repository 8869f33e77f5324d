import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './rand-index.js';

describe('adjusted Rand index', () => {
  it('is 1 for the same partition under other labels', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // pairs together in both: 2; expected 6·3/15 = 1.2; maximum 4.5
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 10);
  });

  it('is below zero for crossed partitions, and handles trivial ones', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
    expect(adjustedRandIndex([0, 0, 0], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [0, 0, 0])).toBe(0);
  });
});
