import type { AnalysisResult } from '../../src/domain/consultation/analysis/analysis.js';
import { adjustedRandIndex } from '../../src/domain/consultation/analysis/rand-index.js';

/** Mean, worst and best of a list of scores. */
export type Summary = { mean: number; min: number; max: number; runs: number };

export function summarise(scores: number[]): Summary {
  return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, min: Math.min(...scores), max: Math.max(...scores), runs: scores.length };
}

/**
 * Adjusted Rand index between two analyses' groupings on the participants clustered in both (a run
 * with some participants dropped is compared on those it kept). A run that found no groups scores 0,
 * as in the analysis's own stability score: no groups is no agreement.
 */
export function agreementBetween(reference: Pick<AnalysisResult, 'participants'>, run: Pick<AnalysisResult, 'participants' | 'k'>): number {
  if (run.k < 2) return 0;
  const theirs = new Map(run.participants.map((p) => [p.id, p.group]));
  const a: number[] = [];
  const b: number[] = [];
  for (const p of reference.participants) {
    const other = theirs.get(p.id) ?? null;
    if (p.group === null || other === null) continue;
    a.push(p.group);
    b.push(other);
  }
  return adjustedRandIndex(a, b);
}

/** Median of a list of durations (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
