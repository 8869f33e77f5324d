import type { ConsensusStatement } from './analysis.js';
import type { Counts } from './matrix.js';
import { isSignificant90, proportionTest, pseudoShare } from './stats.js';

/**
 * Polis's consensus statements over everyone who voted: for agreement, statements whose
 * pseudo-counted share agreeing is above 1/2 and significant at 90%, ranked by share × test, at most
 * 5; the same for disagreement. Polis's test is lenient with few votes (2 of 2 already passes), which
 * is why the cross-sector common ground uses Wilson bounds and a minimum count instead.
 */
export function consensusStatements(statementIds: readonly string[], all: Counts): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const top = (successes: Int32Array) => statementIds
    .map((statementId, s) => {
      const [n, ns] = [successes[s]!, all.seen[s]!];
      return { statementId, nSuccess: n, nTrials: ns, pSuccess: pseudoShare(n, ns), pTest: proportionTest(n, ns) };
    })
    .filter((c) => c.pSuccess > 0.5 && isSignificant90(c.pTest))
    .sort((a, b) => b.pSuccess * b.pTest - a.pSuccess * a.pTest)
    .slice(0, 5);
  return { agree: top(all.agree), disagree: top(all.disagree) };
}

/**
 * Polis's group-informed consensus: for each statement, the product over opinion groups of the
 * pseudo-counted share agreeing, (1 + agree) / (2 + seen). High only when every group agrees, however
 * small; sorted from most to least agreed.
 */
export function groupInformedConsensus(statementIds: readonly string[], groups: Counts[]): { statementId: string; value: number }[] {
  if (groups.length === 0) return [];
  return statementIds
    .map((statementId, s) => ({ statementId, value: groups.reduce((product, g) => product * pseudoShare(g.agree[s]!, g.seen[s]!), 1) }))
    .sort((a, b) => b.value - a.value);
}
