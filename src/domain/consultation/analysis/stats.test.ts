import { describe, expect, it } from 'vitest';
import { isSignificant90, normalCdf, normalQuantile, plainTwoProportionZ, proportionTest, pseudoShare, twoProportionTest, wilsonLower } from './stats.js';

describe("Polis's statistics", () => {
  it('pseudo-counts shares and tests them against one half', () => {
    expect(pseudoShare(0, 0)).toBe(0.5);
    expect(pseudoShare(8, 10)).toBeCloseTo(0.75);
    expect(proportionTest(2, 2)).toBeCloseTo(Math.sqrt(3)); // 2·√3·(3/3 − ½)
    expect(isSignificant90(proportionTest(2, 2))).toBe(true); // why Polis's consensus is lenient
    expect(proportionTest(0, 0)).toBe(1);
    expect(isSignificant90(proportionTest(1, 1))).toBe(true);
    expect(proportionTest(5, 10)).toBeLessThan(1.2816);
  });

  it('compares two groups with one pseudo-count on each number', () => {
    expect(twoProportionTest(10, 0, 10, 10)).toBeCloseTo((1 - 1 / 11) / Math.sqrt((12 / 22) * (10 / 22) * (2 / 11)), 10);
    expect(twoProportionTest(0, 10, 10, 10)).toBeCloseTo(-twoProportionTest(10, 0, 10, 10), 10);
    expect(twoProportionTest(0, 0, 0, 0)).toBe(0); // pooled share 1: no information
    expect(plainTwoProportionZ(5, 10, 5, 10)).toBe(0);
    expect(plainTwoProportionZ(10, 10, 10, 10)).toBe(0);
  });

  it('bounds small counts honestly (Wilson)', () => {
    expect(wilsonLower(2, 2)).toBeCloseTo(0.549, 3);
    expect(wilsonLower(1, 1)).toBeCloseTo(0.378, 3);
    expect(wilsonLower(0, 0)).toBe(0);
    expect(wilsonLower(90, 100)).toBeGreaterThan(0.85);
    expect(wilsonLower(90, 100)).toBeLessThan(0.9);
  });

  it('knows the normal distribution well enough for thresholds', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2816)).toBeCloseTo(0.9, 4);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 3);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.96, 3);
  });
});
