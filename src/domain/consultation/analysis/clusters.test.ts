import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type AnalysisInput, type AnalysisVote } from './analysis.js';
import { analyzeConsultation } from './analyze.js';
import { clusterParticipants, selectClustered } from './clusters.js';
import { buildVoteMatrix } from './matrix.js';
import { adjustedRandIndex } from './rand-index.js';
import { syntheticConsultation } from './synthetic.js';

/** Participant i has cast votes[i] votes, on the first statements. */
function matrixWithCounts(counts: number[], statements = 10) {
  const votes: AnalysisVote[] = counts.flatMap((n, p) => Array.from({ length: n }, (_, s) => ({ participantId: `p${p}`, statementId: `s${s}`, value: 1 as const })));
  return buildVoteMatrix({ statements: Array.from({ length: statements }, (_, s) => ({ id: `s${s}` })), votes });
}

describe('who is clustered (Polis in-conv)', () => {
  it('takes participants with at least min(7, statements) votes', () => {
    const m = matrixWithCounts([...Array(15).fill(7), 6, 2, 0]);
    expect(selectClustered(m, DEFAULT_OPTIONS).map((r) => m.participantIds[r]).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `p${i}`).sort());
    // with 3 statements, 3 votes are enough
    const small = matrixWithCounts([3, 3, 2, ...Array(14).fill(3)], 3);
    expect(selectClustered(small, DEFAULT_OPTIONS).map((r) => small.participantIds[r])).not.toContain('p2');
    expect(selectClustered(small, DEFAULT_OPTIONS)).toHaveLength(16);
  });

  it('while fewer than 15 qualify, takes in the most active others, ties by id', () => {
    const m = matrixWithCounts([8, 8, 3, 5, 1, 5, 0]);
    const chosen = selectClustered(m, { ...DEFAULT_OPTIONS, greedyParticipants: 5 }).map((r) => m.participantIds[r]);
    expect(chosen).toEqual(['p0', 'p1', 'p2', 'p3', 'p5']);
  });
});

describe('base clusters and opinion groups', () => {
  const camps = [[-5, 0], [5, 0]];
  const n = 60;
  const x = Float64Array.from({ length: n }, (_, i) => camps[i % 2]![0]! + ((i * 7) % 11) / 10);
  const y = Float64Array.from({ length: n }, (_, i) => camps[i % 2]![1]! + ((i * 5) % 13) / 10);
  const m = matrixWithCounts(Array(n).fill(7));

  it('finds two camps and chooses k by silhouette', () => {
    const g = clusterParticipants(m, x, y, DEFAULT_OPTIONS, 1);
    expect(g.k).toBe(2);
    expect(adjustedRandIndex(g.group, Int32Array.from({ length: n }, (_, i) => i % 2))).toBe(1);
    expect(g.silhouettes.map((s) => s.k)).toEqual([2, 3, 4, 5]);
    expect(Math.max(...g.silhouettes.map((s) => s.silhouette))).toBe(g.silhouettes[0]!.silhouette);
  });

  it('numbers the larger group 0', () => {
    // rows are in id order (p0, p1, p10, …); the first 20 rows on the right, the other 40 on the left
    const skewed = Float64Array.from({ length: n }, (_, r) => (r < 20 ? 5 : -5) + ((r * 7) % 11) / 10);
    const g = clusterParticipants(m, skewed, y, DEFAULT_OPTIONS, 1);
    expect(g.k).toBe(2);
    expect(g.centers[0]!.x).toBeLessThan(0);
    expect(g.group[0]).toBe(1);
    expect(g.group[59]).toBe(0);
  });

  it('makes no groups below minClustered participants', () => {
    const g = clusterParticipants(m, x, y, { ...DEFAULT_OPTIONS, minClustered: 61 }, 1);
    expect(g.k).toBe(0);
    expect([...g.group].every((v) => v === -1)).toBe(true);
  });
});

describe("init: 'polis' (Polis's first-k-distinct start, for comparison)", () => {
  // Three noisy camps: base clusters near the camps' borders can fall either way.
  const { input } = syntheticConsultation({ participants: 150, statements: 30, camps: 3, density: 0.7, noise: 0.3, seed: 3 });
  const reversed: AnalysisInput = { ...input, participants: [...input.participants!].reverse(), votes: [...input.votes].reverse() };
  const groups = (i: AnalysisInput, init: 'kmeans++' | 'polis', seed = 1) =>
    analyzeConsultation(i, { init, seed, stabilityRuns: 0 }).participants.map((p) => p.group ?? -1);

  it('gives groups that depend on the order participants are listed in, not on the seed', () => {
    const polis = groups(input, 'polis');
    expect(groups(input, 'polis', 2)).toEqual(polis);
    expect(adjustedRandIndex(polis, groups(reversed, 'polis'))).toBeLessThan(1);
  });

  it('while the default start gives the same groups in any order', () => {
    expect(groups(reversed, 'kmeans++')).toEqual(groups(input, 'kmeans++'));
  });
});
