import { describe, expect, it } from 'vitest';
import type { RepresentativeStatement } from './analysis.js';
import type { Counts } from './matrix.js';
import { representativeStatements } from './repness.js';

/** Counts of one group: [agree, disagree, seen] per statement. */
const group = (...cells: [number, number, number][]): Counts => ({
  agree: Int32Array.from(cells, (c) => c[0]),
  disagree: Int32Array.from(cells, (c) => c[1]),
  seen: Int32Array.from(cells, (c) => c[2]),
});

describe("representative statements (Polis's select-rep-comments)", () => {
  const ids = ['s0', 's1', 's2'];
  // s0 splits the groups; s1 splits everyone evenly; s2 is agreed by both.
  const a = group([10, 0, 10], [5, 5, 10], [9, 0, 10]);
  const b = group([0, 10, 10], [5, 5, 10], [8, 2, 10]);
  const [forA, forB] = representativeStatements(ids, [a, b]);

  it('keeps what is significant on both tests, with Polis’s numbers', () => {
    expect(forA).toHaveLength(1);
    const s0 = forA![0]!;
    expect(s0).toMatchObject({ statementId: 's0', repfulFor: 'agree', nSuccess: 10, nTrials: 10, isBestAgree: true });
    expect(s0.pSuccess).toBeCloseTo(11 / 12, 12);
    expect(s0.pTest).toBeCloseTo(Math.sqrt(11), 12);
    expect(s0.repness).toBeCloseTo(11 / 12 / (1 / 12), 12);
    expect(s0.repnessTest).toBeCloseTo((1 - 1 / 11) / Math.sqrt((12 / 22) * (10 / 22) * (2 / 11)), 10);
  });

  it('puts the best "agree" statement first, finalised as Polis does (here by disagreement)', () => {
    // For B, s2 (8 of 10 agree) is the best-agree candidate, but its disagreement is the more
    // representative side (2 of 10 against 0 of 10), so Polis reports it as a disagree statement.
    expect(forB!.map((r) => [r.statementId, r.repfulFor, r.isBestAgree])).toEqual([['s2', 'disagree', true], ['s0', 'disagree', false]]);
    expect(forA!.concat(forB!).some((r) => r.statementId === 's1')).toBe(false);
  });

  it('falls back to the single best statement when nothing is significant', () => {
    const [weakA] = representativeStatements(['w'], [group([6, 4, 10]), group([4, 6, 10])]);
    expect(weakA).toEqual([expect.objectContaining({ statementId: 'w', repfulFor: 'agree', isBestAgree: true })]);
    const [none] = representativeStatements(['z'], [group([0, 0, 0]), group([0, 0, 0])]);
    expect(none).toEqual([expect.objectContaining({ statementId: 'z', isBestAgree: false })]);
  });

  it('keeps at most 5, ranked by repness × test × share × test, agrees before disagrees', () => {
    const strengths = [10, 9, 8, 7, 6, 5, 4];
    const ids7 = strengths.map((_, i) => `t${i}`).concat('d');
    const inGroup = group(...strengths.map((n): [number, number, number] => [n, 0, 10]), [0, 10, 10]);
    const rest = group(...strengths.map((): [number, number, number] => [0, 10, 10]), [10, 0, 10]);
    const [list] = representativeStatements(ids7, [inGroup, rest]);
    expect(list).toHaveLength(5);
    expect(list!.map((r) => r.statementId)).toEqual(['t0', 't1', 't2', 't3', 'd']);
    expect(list![4]!.repfulFor).toBe('disagree');
    const metric = (r: RepresentativeStatement) => r.repness * r.repnessTest * r.pSuccess * r.pTest;
    expect(metric(list![1]!)).toBeGreaterThan(metric(list![2]!));
  });
});
