import type { VoteMatrix } from './matrix.js';
import { createRandom } from './random.js';

export type Pca = {
  /** Column means of the observed votes (Polis's centre after imputing missing votes by them). */
  center: Float64Array;
  /** Two unit vectors over the statements; a zero vector when the data have no variance left. */
  components: [Float64Array, Float64Array];
  /** Statements with at least one vote: Polis's matrix has a column only for those. */
  columnsVoted: number;
};

/**
 * Polis fills each unseen cell with its column's mean and then centres the columns, so an unseen
 * cell is exactly 0 after centring: the centred matrix is as sparse as the votes. We keep it sparse
 * (x_ij − mean_j at voted cells) and never build the dense matrix, which gives the same PCA.
 */
function centredValues(m: VoteMatrix): { center: Float64Array; centred: Float64Array; columnsVoted: number } {
  const sum = new Float64Array(m.statementIds.length);
  const n = new Float64Array(m.statementIds.length);
  for (let e = 0; e < m.cols.length; e++) {
    sum[m.cols[e]!]! += m.values[e]!;
    n[m.cols[e]!]!++;
  }
  const center = sum.map((s, j) => (n[j]! > 0 ? s / n[j]! : 0));
  const centred = Float64Array.from(m.values, (v, e) => v - center[m.cols[e]!]!);
  return { center, centred, columnsVoted: n.filter((c) => c > 0).length };
}

/** W = XᵀX [q1 q2], both in one pass over the sparse rows. */
function multiply(m: VoteMatrix, centred: Float64Array, q1: Float64Array, q2: Float64Array): [Float64Array, Float64Array] {
  const w1 = new Float64Array(q1.length);
  const w2 = new Float64Array(q1.length);
  for (let r = 0; r < m.participantIds.length; r++) {
    let d1 = 0;
    let d2 = 0;
    for (let e = m.rowStart[r]!; e < m.rowStart[r + 1]!; e++) {
      d1 += centred[e]! * q1[m.cols[e]!]!;
      d2 += centred[e]! * q2[m.cols[e]!]!;
    }
    for (let e = m.rowStart[r]!; e < m.rowStart[r + 1]!; e++) {
      w1[m.cols[e]!]! += d1 * centred[e]!;
      w2[m.cols[e]!]! += d2 * centred[e]!;
    }
  }
  return [w1, w2];
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, j) => s + x * b[j]!, 0);
const combine = (a: Float64Array, ca: number, b: Float64Array, cb: number) => a.map((x, j) => ca * x + cb * b[j]!);

/** Gram–Schmidt; a vector with less than `floor` left is zero (no variance in that direction). */
function orthonormalize(w1: Float64Array, w2: Float64Array, floor: number): [Float64Array, Float64Array] {
  const n1 = Math.sqrt(dot(w1, w1));
  if (n1 <= floor) return [new Float64Array(w1.length), new Float64Array(w1.length)];
  const q1 = w1.map((x) => x / n1);
  const r2 = combine(w2, 1, q1, -dot(w2, q1));
  const n2 = Math.sqrt(dot(r2, r2));
  return [q1, n2 <= floor ? new Float64Array(w1.length) : r2.map((x) => x / n2)];
}

/** Eigenvectors of the symmetric 2×2 [[a, b], [b, d]], the larger eigenvalue first. */
function eigen2(a: number, b: number, d: number): [[number, number], [number, number]] {
  if (Math.abs(b) < 1e-300) return a >= d ? [[1, 0], [0, 1]] : [[0, 1], [1, 0]];
  const l1 = (a + d) / 2 + Math.hypot((a - d) / 2, b);
  const n = Math.hypot(l1 - d, b);
  const [c, s] = [(l1 - d) / n, b / n];
  return [[c, s], [-s, c]];
}

/** A component and its opposite are the same axis: the largest entry is made positive. */
function fixSign(v: Float64Array): Float64Array {
  let largest = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(v[largest]!) + 1e-12) largest = j;
  return v[largest]! < 0 ? v.map((x) => -x) : v;
}

/**
 * The first two principal components of the vote matrix, with missing votes handled as Polis does.
 * Polis runs power iteration from a random start for 100 steps, then again on the deflated matrix for
 * the second component. We iterate both at once (block power iteration, with a Rayleigh–Ritz step
 * that orders them by variance) until they settle: the same eigenvectors, found faster when the two
 * largest eigenvalues are close, and independent of the random start. With no variance left (votes
 * on one axis only) the second component is zero rather than normalised rounding noise.
 */
export function computePca(m: VoteMatrix, seed: number, maxIterations: number): Pca {
  const { center, centred, columnsVoted } = centredValues(m);
  const random = createRandom(seed);
  const start = () => Float64Array.from({ length: m.statementIds.length }, () => random() - 0.5);
  // The trace of XᵀX scales what counts as zero: below 1e-12 of the total variance is rounding.
  const floor = 1e-12 * centred.reduce((s, x) => s + x * x, 0);
  let [q1, q2] = orthonormalize(start(), start(), 0);
  let ritz: [Float64Array, Float64Array] = [q1, q2];
  for (let i = 0; i < maxIterations; i++) {
    const [w1, w2] = multiply(m, centred, q1, q2);
    const [[a1, a2], [b1, b2]] = eigen2(dot(q1, w1), dot(q1, w2), dot(q2, w2));
    const next: [Float64Array, Float64Array] = [fixSign(combine(q1, a1, q2, a2)), fixSign(combine(q1, b1, q2, b2))];
    const change = Math.max(...next.flatMap((v, k) => [...v].map((x, j) => Math.abs(x - ritz[k]![j]!))));
    ritz = next;
    [q1, q2] = orthonormalize(w1, w2, floor);
    if (change < 1e-10 || dot(q1, q1) === 0) break;
  }
  if (dot(q2, q2) === 0) ritz = [fixSign(q1), q2];
  return { center, components: ritz, columnsVoted };
}

/**
 * Polis's sparsity-aware projection: only voted cells contribute, and the point is pushed out by
 * sqrt(statements / votes), so that someone who voted on few statements is not pulled to the centre
 * just for having said little. `extraColumns` are statements every participant counts as having
 * answered with 0 (Polis zeroes moderated-out columns); they change only that scale.
 */
export function projectParticipants(m: VoteMatrix, pca: Pca, extraColumns = 0): { x: Float64Array; y: Float64Array } {
  const [c1, c2] = pca.components;
  const x = new Float64Array(m.participantIds.length);
  const y = new Float64Array(m.participantIds.length);
  const nColumns = pca.columnsVoted + extraColumns;
  for (let r = 0; r < m.participantIds.length; r++) {
    let p1 = 0;
    let p2 = 0;
    for (let e = m.rowStart[r]!; e < m.rowStart[r + 1]!; e++) {
      const j = m.cols[e]!;
      const d = m.values[e]! - pca.center[j]!;
      p1 += d * c1[j]!;
      p2 += d * c2[j]!;
    }
    const nVotes = m.rowStart[r + 1]! - m.rowStart[r]! + extraColumns;
    const scale = Math.sqrt(nColumns / Math.max(nVotes, 1));
    x[r] = p1 * scale;
    y[r] = p2 * scale;
  }
  return { x, y };
}
