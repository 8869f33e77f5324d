import type { AnalysisOptions } from './analysis.js';
import { clusterParticipants, type Grouping } from './clusters.js';
import type { VoteMatrix } from './matrix.js';
import { computePca, projectParticipants, type Pca } from './pca.js';
import { deriveSeed } from './random.js';
import { adjustedRandIndex } from './rand-index.js';

export type OpinionMap = { pca: Pca; x: Float64Array; y: Float64Array; grouping: Grouping };

/**
 * The grouping most like the others (highest summed adjusted Rand index; the first on a tie).
 * Where two groups meet, base clusters can fall either side with almost the same inertia, so one
 * seed's grouping is partly an accident; the most typical of several is not.
 */
function mostTypical(groupings: Grouping[]): Grouping {
  const labels = groupings.map((g) => g.clustered.map((r) => g.group[r]!));
  const scores = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < i; j++) {
      const ari = adjustedRandIndex(labels[i]!, labels[j]!);
      scores[i]! += ari;
      scores[j]! += ari;
    }
  }
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]! + 1e-12) best = i;
  return groupings[best]!;
}

/**
 * The opinion map of a vote matrix: PCA, each participant's position, and the opinion groups — the
 * most typical of `ensembleRuns` clusterings with seeds derived from `seed`.
 */
export function mapOpinions(m: VoteMatrix, opts: AnalysisOptions, seed: number): OpinionMap {
  const pca = computePca(m, deriveSeed(seed, 0), opts.pcaIterations);
  const { x, y } = projectParticipants(m, pca, opts.polisScaling ? m.moderatedOutVoted : 0);
  // Polis's start has no randomness: more runs would repeat the same clustering.
  const count = opts.init === 'polis' ? 1 : Math.max(1, opts.ensembleRuns);
  const runs = Array.from({ length: count }, (_, r) => clusterParticipants(m, x, y, opts, deriveSeed(seed, 1, r)));
  return { pca, x, y, grouping: mostTypical(runs) };
}
