import type { AnalysisOptions } from './analysis.js';
import { compareIds, type VoteMatrix } from './matrix.js';
import { kmeansWithRestarts, type Points } from './kmeans.js';
import { silhouette } from './silhouette.js';
import { deriveSeed } from './random.js';

export type Grouping = {
  /** Rows (participants) taken into clustering. */
  clustered: number[];
  /** Opinion group of each row, −1 when not clustered or when there are no groups. */
  group: Int32Array;
  k: number;
  centers: { x: number; y: number }[];
  silhouettes: { k: number; silhouette: number }[];
};

type ClusterOptions = Pick<AnalysisOptions, 'baseK' | 'maxK' | 'minVotes' | 'greedyParticipants' | 'minClustered' | 'baseRestarts' | 'groupRestarts' | 'init'>;

/**
 * Polis's rule for who is clustered: at least min(7, statements) votes; while fewer than 15 qualify,
 * the most active of the others are taken in too (ties by id, for a result that does not depend on
 * arrival order). Polis also keeps anyone once taken in; without history we apply the rule afresh.
 */
export function selectClustered(m: VoteMatrix, opts: Pick<ClusterOptions, 'minVotes' | 'greedyParticipants'>): number[] {
  const threshold = Math.min(opts.minVotes, m.statementsVoted);
  const rows = [...m.participantIds.keys()].filter((r) => m.voteCounts[r]! > 0);
  const chosen = new Set(rows.filter((r) => m.voteCounts[r]! >= threshold));
  if (chosen.size < opts.greedyParticipants) {
    const rest = rows.filter((r) => !chosen.has(r))
      .sort((a, b) => m.voteCounts[b]! - m.voteCounts[a]! || compareIds(m.participantIds[a]!, m.participantIds[b]!));
    for (const r of rest.slice(0, opts.greedyParticipants - chosen.size)) chosen.add(r);
  }
  return [...chosen].sort((a, b) => a - b);
}

const byPosition = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x - b.x || a.y - b.y;

/**
 * Polis's two levels: about 100 base clusters of the clustered participants' positions, then opinion
 * groups as a k-means of the base-cluster centres weighted by their sizes, for k in 2..min(5, 2 +
 * bases/12), keeping the k with the best silhouette over the base clusters (the smaller k on a tie);
 * each participant takes the group of its base cluster. Every k-means starts from k-means++ seeds
 * instead of Polis's "first k distinct points" (or last run's clusters), which depend on the order
 * of arrival; `init: 'polis'` restores Polis's start, for comparison. Fewer than `minClustered`
 * participants: no groups.
 */
export function clusterParticipants(m: VoteMatrix, x: Float64Array, y: Float64Array, opts: ClusterOptions, seed: number): Grouping {
  const clustered = selectClustered(m, opts);
  const group = new Int32Array(m.participantIds.length).fill(-1);
  const none: Grouping = { clustered, group, k: 0, centers: [], silhouettes: [] };
  if (clustered.length < Math.max(2, opts.minClustered)) return none;

  const isPolis = opts.init === 'polis';
  // Polis meets participants in the order they arrived (its start takes the first ones); we use id order.
  const rows = isPolis ? [...clustered].sort((a, b) => m.arrival[a]! - m.arrival[b]!) : clustered;
  const people: Points = {
    x: Float64Array.from(rows, (r) => x[r]!),
    y: Float64Array.from(rows, (r) => y[r]!),
    weight: new Float64Array(rows.length).fill(1),
  };
  const base = kmeansWithRestarts(people, opts.baseK, opts.baseRestarts, deriveSeed(seed, 1), opts.init);
  // Canonical base ids (by position), so that the groups do not depend on how base ids came out;
  // Polis keeps them in the order they were started, which its group-level start then follows.
  const order = base.centers.map((c, id) => ({ ...c, id }));
  if (!isPolis) order.sort(byPosition);
  const rank = new Int32Array(order.length);
  order.forEach((c, i) => (rank[c.id] = i));
  const sizes = new Float64Array(order.length);
  for (const b of base.assignment) sizes[rank[b]!]!++;
  const bases: Points = { x: Float64Array.from(order, (c) => c.x), y: Float64Array.from(order, (c) => c.y), weight: sizes };
  const maxK = Math.min(opts.maxK, 2 + Math.floor(order.length / 12), order.length);
  if (maxK < 2) return none;

  let best: { k: number; score: number; assignment: Int32Array; centers: { x: number; y: number }[] } | null = null;
  const silhouettes: Grouping['silhouettes'] = [];
  for (let k = 2; k <= maxK; k++) {
    const run = kmeansWithRestarts(bases, k, opts.groupRestarts, deriveSeed(seed, 2), opts.init);
    const score = silhouette(bases, run.assignment);
    silhouettes.push({ k, silhouette: score });
    if (run.centers.length >= 2 && (!best || score > best.score)) best = { k: run.centers.length, score, ...run };
  }
  if (!best) return { ...none, silhouettes };

  // Canonical group ids: the largest group is 0; equal sizes by position.
  const groupSize = new Float64Array(best.centers.length);
  best.assignment.forEach((g, b) => (groupSize[g]! += sizes[b]!));
  const groups = best.centers.map((c, id) => ({ ...c, id, size: groupSize[id]! }))
    .sort((a, b) => b.size - a.size || byPosition(a, b));
  const groupRank = new Int32Array(groups.length);
  groups.forEach((g, i) => (groupRank[g.id] = i));
  rows.forEach((r, i) => (group[r] = groupRank[best.assignment[rank[base.assignment[i]!]!]!]!));
  return { clustered, group, k: groups.length, centers: groups.map(({ x: gx, y: gy }) => ({ x: gx, y: gy })), silhouettes };
}
