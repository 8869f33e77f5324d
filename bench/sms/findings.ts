import type { RunResult } from './run.js';

/**
 * What the runs' defects were traced to, shown when a run has that defect. Filled in from the evidence
 * the benchmark keeps (evidence.json beside the SMSC log).
 */
export function findingsFor(results: RunResult[]): string[] {
  const defective = results.filter((r) => r.verdict.duplicates + r.verdict.losses + r.verdict.wrongText + r.verdict.strangers > 0);
  if (defective.length === 0) return [];
  return [`Defects in ${defective.map((r) => `${r.engine} ${r.mode}`).join(', ')}: see the evidence kept by the run.`];
}
