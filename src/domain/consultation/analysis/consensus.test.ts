import { describe, expect, it } from 'vitest';
import { consensusStatements, groupInformedConsensus } from './consensus.js';
import type { Counts } from './matrix.js';

const counts = (...cells: [number, number, number][]): Counts => ({
  agree: Int32Array.from(cells, (c) => c[0]),
  disagree: Int32Array.from(cells, (c) => c[1]),
  seen: Int32Array.from(cells, (c) => c[2]),
});

describe("Polis's consensus statements", () => {
  it('keeps shares above one half that are significant, best first, at most 5 each way', () => {
    const ids = ['all', 'two', 'split', 'no', 'a4', 'a5', 'a6', 'a7'];
    const all = counts([20, 0, 20], [2, 0, 2], [10, 10, 20], [1, 19, 20], [15, 1, 20], [14, 2, 20], [13, 3, 20], [12, 5, 20]);
    const { agree, disagree } = consensusStatements(ids, all);
    // 2 of 2 ("two") outranks 13 of 20: Polis's test is that lenient with few votes
    expect(agree.map((c) => c.statementId)).toEqual(['all', 'a4', 'a5', 'two', 'a6']);
    expect(agree[0]).toMatchObject({ nSuccess: 20, nTrials: 20 });
    expect(agree[0]!.pSuccess).toBeCloseTo(21 / 22, 12);
    expect(disagree.map((c) => c.statementId)).toEqual(['no']);
  });

  it('counts 2 agreeing of 2 as consensus, as Polis does', () => {
    expect(consensusStatements(['two'], counts([2, 0, 2])).agree.map((c) => c.statementId)).toEqual(['two']);
    expect(consensusStatements(['one'], counts([1, 0, 1])).agree).toHaveLength(1);
    expect(consensusStatements(['none'], counts([0, 0, 0])).agree).toHaveLength(0);
  });
});

describe('group-informed consensus', () => {
  it('multiplies the pseudo-counted agree shares of every group', () => {
    const g1 = counts([9, 0, 10], [9, 0, 10]);
    const g2 = counts([1, 8, 2], [9, 1, 10]);
    const result = groupInformedConsensus(['x', 'y'], [g1, g2]);
    expect(result.map((r) => r.statementId)).toEqual(['y', 'x']);
    expect(result[0]!.value).toBeCloseTo((10 / 12) * (10 / 12), 12);
    expect(result[1]!.value).toBeCloseTo((10 / 12) * (2 / 4), 12);
    expect(groupInformedConsensus(['x'], [])).toEqual([]);
  });
});
