import type { AnalysisOptions, Stability } from './analysis.js';
import type { Grouping } from './clusters.js';
import { selectRows, type VoteMatrix } from './matrix.js';
import { mapOpinions } from './opinion-map.js';
import { createRandom, deriveSeed, shuffled } from './random.js';
import { adjustedRandIndex } from './rand-index.js';

/**
 * How much the opinion groups would change if the analysis were run again with another seed and a
 * tenth (`stabilityDropShare`) of the voters had not taken part: each re-run's grouping is compared
 * with the published one on the participants clustered in both, by adjusted Rand index. A mean near
 * 1 means the groups are a property of the votes; near 0, an accident of who voted and of the seed.
 * Null when there are no groups to compare or `stabilityRuns` is 0.
 */
export function measureStability(m: VoteMatrix, reference: Grouping, opts: AnalysisOptions): Stability | null {
  if (opts.stabilityRuns <= 0 || reference.k < 2) return null;
  const voters = [...m.participantIds.keys()].filter((r) => m.voteCounts[r]! > 0);
  const keepCount = voters.length - Math.floor(voters.length * opts.stabilityDropShare);
  const scores: number[] = [];
  let sameK = 0;
  for (let run = 0; run < opts.stabilityRuns; run++) {
    const kept = shuffled(voters, createRandom(deriveSeed(opts.seed, 100, run))).slice(0, keepCount).sort((a, b) => a - b);
    const { grouping } = mapOpinions(selectRows(m, kept), opts, deriveSeed(opts.seed, 200, run));
    const ours: number[] = [];
    const theirs: number[] = [];
    kept.forEach((row, i) => {
      if (reference.group[row]! >= 0 && grouping.group[i]! >= 0) {
        ours.push(reference.group[row]!);
        theirs.push(grouping.group[i]!);
      }
    });
    scores.push(grouping.k < 2 ? 0 : adjustedRandIndex(ours, theirs)); // no groups at all is no agreement
    if (grouping.k === reference.k) sameK++;
  }
  return {
    runs: opts.stabilityRuns, dropShare: opts.stabilityDropShare,
    meanAdjustedRand: scores.reduce((a, b) => a + b, 0) / scores.length, minAdjustedRand: Math.min(...scores),
    sameKShare: sameK / opts.stabilityRuns,
  };
}
