import { describe, expect, it } from 'vitest';
import { kmeansWithRestarts, runKmeans, type Points } from './kmeans.js';
import { silhouette } from './silhouette.js';
import { createRandom } from './random.js';
import { adjustedRandIndex } from './rand-index.js';

const points = (xy: [number, number][], weights?: number[]): Points => ({
  x: Float64Array.from(xy, (p) => p[0]),
  y: Float64Array.from(xy, (p) => p[1]),
  weight: Float64Array.from(weights ?? xy.map(() => 1)),
});

function blobs(seed: number) {
  const random = createRandom(seed);
  const centres: [number, number][] = [[0, 0], [10, 0], [0, 10]];
  const xy: [number, number][] = [];
  const truth: number[] = [];
  for (let i = 0; i < 90; i++) {
    const c = centres[i % 3]!;
    xy.push([c[0] + random() * 2 - 1, c[1] + random() * 2 - 1]);
    truth.push(i % 3);
  }
  return { p: points(xy), truth };
}

describe('k-means++', () => {
  it('finds well separated blobs', () => {
    const { p, truth } = blobs(4);
    const result = kmeansWithRestarts(p, 3, 5, 11);
    expect(adjustedRandIndex(result.assignment, truth)).toBe(1);
    expect(result.centers).toHaveLength(3);
  });

  it('gives the same clustering for the same seed', () => {
    const { p } = blobs(5);
    expect(kmeansWithRestarts(p, 7, 3, 42)).toEqual(kmeansWithRestarts(p, 7, 3, 42));
  });

  it('stops at the number of distinct points', () => {
    const p = points([[0, 0], [0, 0], [1, 1], [1, 1]]);
    const result = runKmeans(p, 100, createRandom(1));
    expect(result.centers).toHaveLength(2);
    expect(result.inertia).toBe(0);
  });

  it('weighs points in the centres (base clusters weighted by size)', () => {
    const result = runKmeans(points([[0, 0], [4, 0], [100, 0]], [3, 1, 1]), 2, createRandom(2));
    const left = result.centers.find((c) => c.x < 50)!;
    expect(left.x).toBeCloseTo(1); // (3·0 + 1·4) / 4
  });
});

describe("Polis's start (init: 'polis')", () => {
  // Two points at each of 0, 10, 20 on a line, but listed so that the first three distinct ones are 0, 1, 10.
  const line = points([[0, 0], [0, 0], [1, 0], [10, 0], [11, 0], [20, 0], [21, 0]]);

  it('starts from the first k distinct points in the order given, whatever the seed', () => {
    const a = runKmeans(line, 3, createRandom(1), 100, 'polis');
    expect(runKmeans(line, 3, createRandom(2), 100, 'polis')).toEqual(a);
    expect(kmeansWithRestarts(line, 3, 10, 7, 'polis')).toEqual(a);
    // from (0, 1, 10) Lloyd's algorithm gets stuck with 10..21 in one cluster; k-means++ with restarts does not
    expect(a.centers).toEqual([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 15.5, y: 0 }]);
    expect(kmeansWithRestarts(line, 3, 10, 7).inertia).toBeLessThan(a.inertia);
  });

  it('depends on the order of the points', () => {
    const reversed = points([...line.x].map((x, i) => [x, line.y[i]!] as [number, number]).reverse());
    const forward = runKmeans(line, 3, createRandom(1), 100, 'polis').assignment;
    const backward = [...runKmeans(reversed, 3, createRandom(1), 100, 'polis').assignment].reverse();
    expect(adjustedRandIndex(forward, backward)).toBeLessThan(1);
  });
});

describe("Polis's silhouette", () => {
  it('matches a hand computation', () => {
    const p = points([[0, 0], [1, 0], [10, 0], [11, 0]]);
    const expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
    expect(silhouette(p, Int32Array.from([0, 0, 1, 1]))).toBeCloseTo(expected, 12);
  });

  it('scores a point alone in its cluster 0, and one cluster −1', () => {
    const p = points([[0, 0], [1, 0], [10, 0]]);
    expect(silhouette(p, Int32Array.from([0, 0, 1]))).toBeCloseTo((9 / 10 + 8 / 9 + 0) / 3, 12);
    expect(silhouette(p, Int32Array.from([0, 0, 0]))).toBe(-1);
  });
});
