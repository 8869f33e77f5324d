import { describe, expect, it } from 'vitest';
import type { AnalysisVote } from './analysis.js';
import { buildVoteMatrix } from './matrix.js';
import { computePca, projectParticipants } from './pca.js';

type Cell = 1 | 0 | -1 | null;
function matrixOf(rows: Cell[][]) {
  const votes: AnalysisVote[] = rows.flatMap((row, p) => row.flatMap((v, s) => (v === null ? [] : [{ participantId: String(p), statementId: String(s), value: v }])));
  return buildVoteMatrix({ statements: rows[0]!.map((_, s) => ({ id: String(s) })), votes });
}

/** The dense matrix Polis builds: unseen cells filled with the column mean, then centred. */
function denseCentred(rows: Cell[][]): number[][] {
  const means = rows[0]!.map((_, j) => {
    const seen = rows.map((r) => r[j]).filter((v): v is 1 | 0 | -1 => v !== null);
    return seen.reduce((a: number, b) => a + b, 0) / seen.length;
  });
  return rows.map((r) => r.map((v, j) => (v === null ? means[j]! : v) - means[j]!));
}

const covarianceTimes = (x: number[][], v: ArrayLike<number>) => {
  const out = new Array<number>(v.length).fill(0);
  for (const row of x) {
    const dot = row.reduce((s, xi, j) => s + xi * v[j]!, 0);
    row.forEach((xi, j) => (out[j]! += dot * xi));
  }
  return out;
};

const rows: Cell[][] = [
  [1, 1, -1, null, 1],
  [1, null, -1, -1, 1],
  [-1, -1, 1, 1, null],
  [-1, -1, null, 1, -1],
  [1, 0, -1, null, null],
  [null, -1, 1, 0, -1],
  [0, 1, null, -1, 1],
];

describe('PCA as Polis does it', () => {
  it('finds the leading eigenvectors of the mean-imputed, centred matrix', () => {
    const pca = computePca(matrixOf(rows), 7, 1000);
    const dense = denseCentred(rows);
    const [c1, c2] = pca.components;
    const l1 = covarianceTimes(dense, c1);
    const lambda1 = l1.reduce((s, y, j) => s + y * c1[j]!, 0);
    l1.forEach((y, j) => expect(y).toBeCloseTo(lambda1 * c1[j]!, 6));
    const l2 = covarianceTimes(dense, c2);
    const lambda2 = l2.reduce((s, y, j) => s + y * c2[j]!, 0);
    l2.forEach((y, j) => expect(y).toBeCloseTo(lambda2 * c2[j]!, 6));
    expect(lambda1).toBeGreaterThan(lambda2);
    expect(c1.reduce((s, x, j) => s + x * c2[j]!, 0)).toBeCloseTo(0, 8);
    // no other direction carries more variance than the first
    for (const probe of [[1, 0, 0, 0, 0], [1, 1, -1, -1, 1], [0, 1, 0, 1, 0]]) {
      const n = Math.hypot(...probe);
      const unit = probe.map((x) => x / n);
      expect(covarianceTimes(dense, unit).reduce((s, y, j) => s + y * unit[j]!, 0)).toBeLessThanOrEqual(lambda1 + 1e-9);
    }
  });

  it('does not depend on the random start, and fixes the sign', () => {
    const a = computePca(matrixOf(rows), 1, 1000);
    const b = computePca(matrixOf(rows), 99, 1000);
    a.components.forEach((c, k) => c.forEach((x, j) => expect(x).toBeCloseTo(b.components[k]![j]!, 7)));
    const largest = [...a.components[0]].reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    expect(largest).toBeGreaterThan(0);
  });

  it('projects only voted cells and pushes sparse voters out by √(statements / votes)', () => {
    const m = matrixOf(rows);
    const pca = computePca(m, 1, 1000);
    const { x } = projectParticipants(m, pca);
    const dense = denseCentred(rows);
    const row = 4; // voted on 3 of 5
    const raw = dense[row]!.reduce((s, v, j) => s + v * pca.components[0][j]!, 0);
    expect(x[row]).toBeCloseTo(raw * Math.sqrt(5 / 3), 10);
    // Polis's zeroed moderated-out columns count as answered: 2 such columns give √(7 / 5)
    expect(projectParticipants(m, pca, 2).x[row]).toBeCloseTo(raw * Math.sqrt(7 / 5), 10);
  });

  it('finds the one axis of a two-camp matrix and nothing on the second', () => {
    const pca = computePca(matrixOf([[1, 1, -1], [1, 1, -1], [-1, -1, 1], [-1, -1, 1]]), 3, 1000);
    [1, 1, -1].forEach((v, j) => expect(pca.components[0][j]).toBeCloseTo(v / Math.sqrt(3), 8));
    expect(Math.hypot(...pca.components[1])).toBeLessThan(1e-6);
  });
});
