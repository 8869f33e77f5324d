import type { Points } from './kmeans.js';

/**
 * Polis's silhouette: the unweighted mean over points of (b − a) / max(a, b), where a is the mean
 * distance to the rest of the own cluster and b the smallest mean distance to another cluster;
 * a point alone in its cluster scores 0. Fewer than two clusters score −1 (never preferred).
 */
export function silhouette(p: Points, assignment: Int32Array): number {
  const n = p.x.length;
  const k = Math.max(-1, ...assignment) + 1;
  if (k < 2) return -1;
  const size = new Int32Array(k);
  for (const c of assignment) size[c]!++;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const own = assignment[i]!;
    if (size[own] === 1) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[assignment[j]!]! += Math.hypot(p.x[i]! - p.x[j]!, p.y[i]! - p.y[j]!);
    const a = sums[own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[c]! / size[c]!);
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
