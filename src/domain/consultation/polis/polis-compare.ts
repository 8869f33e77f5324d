import type { AnalysisResult } from '../analysis/analysis.js';
import { adjustedRandIndex } from '../analysis/rand-index.js';

export type PolisComparison = {
  /** Number of opinion groups in Polis's own export. */
  k: number;
  /** Adjusted Rand index between Polis's groups and ours, over participants both clustered. */
  adjustedRandIndex: number;
  clusteredByBoth: number;
  /** Participants clustered by one side only (Polis keeps whoever it once took in; we start afresh). */
  clusteredOnlyByPolis: string[];
  clusteredOnlyByUs: string[];
};

/** How our grouping of a Polis conversation agrees with the groups in Polis's own export. Pure. */
export function compareWithPolis(polisGroups: Map<string, number | null>, analysis: Pick<AnalysisResult, 'participants'>): PolisComparison {
  const ours: number[] = [];
  const theirs: number[] = [];
  const onlyPolis: string[] = [];
  const onlyUs: string[] = [];
  for (const p of analysis.participants) {
    const polis = polisGroups.get(p.id) ?? null;
    if (polis !== null && p.group !== null) {
      theirs.push(polis);
      ours.push(p.group);
    } else if (polis !== null) onlyPolis.push(p.id);
    else if (p.group !== null) onlyUs.push(p.id);
  }
  return {
    k: new Set([...polisGroups.values()].filter((g) => g !== null)).size,
    adjustedRandIndex: adjustedRandIndex(theirs, ours),
    clusteredByBoth: ours.length,
    clusteredOnlyByPolis: onlyPolis,
    clusteredOnlyByUs: onlyUs,
  };
}
