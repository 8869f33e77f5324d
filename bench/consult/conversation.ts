import type { AnalysisInput, AnalysisResult, Stability } from '../../src/domain/consultation/analysis/analysis.js';
import { analyzeConsultation } from '../../src/domain/consultation/analysis/analyze.js';
import { createRandom, deriveSeed } from '../../src/domain/consultation/analysis/random.js';
import { compareWithPolis, type PolisComparison } from '../../src/domain/consultation/polis/polis-compare.js';
import type { PolisConversation } from '../../src/domain/consultation/polis/polis-import.js';
import { agreementBetween, median, summarise, type Summary } from './agreement.js';
import { dropParticipants, inArrivalOrder, reorderInput } from './perturb.js';
import type { Variant } from './variants.js';

export const PLAN = { seed: 1, reorders: 10, drops: 10, dropShare: 0.1, timings: 5 };

/** What one variant of the analysis does on one conversation. */
export type VariantRun = {
  variant: string;
  k: number;
  /** The reference run (participants in the order they joined, seed 1) against Polis's own groups. */
  polis: PolisComparison;
  /** ARI with Polis's groups over the reordered runs: how much the agreement itself depends on luck. */
  polisOverReorders: Summary;
  /** ARI with the reference run, and how often the run found the reference's k. */
  reordered: Summary & { sameK: number };
  dropped: Summary & { sameK: number };
  /** The stability score the analysis publishes (its own 10 re-runs with 10% left out and other seeds). */
  published: Stability | null;
  /** Medians: without the published stability's re-runs, and the full analysis with them. */
  coreMs: number;
  fullMs: number;
};

type Log = (msg: string) => void;

function timeRuns(input: AnalysisInput, options: Variant['options'], runs: number): { ms: number; last: AnalysisResult } {
  const times: number[] = [];
  let last: AnalysisResult | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = analyzeConsultation(input, options);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last: last! };
}

/**
 * Reference run (participants in the order they joined), 10 runs with participants (and votes) in
 * another order and another seed, 10 runs with 10% of the voters left out and another seed, then the
 * timings. Each perturbed input is drawn from the same seeds for every variant, so both variants see
 * the same orders and the same absentees.
 */
export function measureConversation(conversation: PolisConversation, variant: Variant, log: Log): VariantRun {
  const arrived = inArrivalOrder(conversation.input);
  const core = { ...variant.options, seed: PLAN.seed, stabilityRuns: 0 };
  const reference = analyzeConsultation(arrived, core);
  const polis = compareWithPolis(conversation.polisGroups, reference);
  const reorderScores: number[] = [];
  const reorderPolis: number[] = [];
  let reorderSameK = 0;
  for (let i = 0; i < PLAN.reorders; i++) {
    const input = reorderInput(arrived, createRandom(deriveSeed(PLAN.seed, 1, i)));
    const run = analyzeConsultation(input, { ...core, seed: PLAN.seed + 1 + i });
    reorderScores.push(agreementBetween(reference, run));
    reorderPolis.push(compareWithPolis(conversation.polisGroups, run).adjustedRandIndex);
    if (run.k === reference.k) reorderSameK++;
  }
  const dropScores: number[] = [];
  let dropSameK = 0;
  for (let i = 0; i < PLAN.drops; i++) {
    const input = dropParticipants(arrived, PLAN.dropShare, createRandom(deriveSeed(PLAN.seed, 2, i)));
    const run = analyzeConsultation(input, { ...core, seed: PLAN.seed + 1 + i });
    dropScores.push(agreementBetween(reference, run));
    if (run.k === reference.k) dropSameK++;
  }
  log(`${variant.name}: k ${reference.k}, ARI with Polis ${polis.adjustedRandIndex.toFixed(3)}; timing ${PLAN.timings} + ${PLAN.timings} runs`);
  const coreTime = timeRuns(arrived, core, PLAN.timings);
  const full = timeRuns(arrived, { ...variant.options, seed: PLAN.seed }, PLAN.timings);
  return {
    variant: variant.name, k: reference.k, polis,
    polisOverReorders: summarise(reorderPolis),
    reordered: { ...summarise(reorderScores), sameK: reorderSameK / PLAN.reorders },
    dropped: { ...summarise(dropScores), sameK: dropSameK / PLAN.drops },
    published: full.last.stability,
    coreMs: coreTime.ms, fullMs: full.ms,
  };
}
