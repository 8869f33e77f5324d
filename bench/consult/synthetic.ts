import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Stability } from '../../src/domain/consultation/analysis/analysis.js';
import type { SyntheticOptions } from '../../src/domain/consultation/analysis/synthetic.js';
import { median } from './agreement.js';
import type { Variant } from './variants.js';

/** 10,000 participants × 2,000 statements, each seen with chance 0.05: about a million votes. */
export const SYNTHETIC: SyntheticOptions = { participants: 10_000, statements: 2_000, camps: 3, density: 0.05, noise: 0.2, seed: 1 };

/** What the child process reports (sizes in MiB). */
export type SyntheticSample = {
  votes: number;
  generateMs: number;
  analysisMs: number;
  /** RSS once the input is built and garbage collected, before the analysis starts. */
  inputRss: number;
  /** Peak RSS before the analysis (building the input): the analysis set the peak if peakRss is higher. */
  inputPeakRss: number;
  /** The process's peak RSS (getrusage), input and analysis together. */
  peakRss: number;
  k: number;
  /** Against the camps the generator drew: how well the groups recover the truth. */
  ariWithCamps: number;
  stability: Stability | null;
};

export type SyntheticRun = { variant: string; stabilityRuns: number; samples: SyntheticSample[] };

export const summariseSynthetic = (run: SyntheticRun) => ({
  analysisMs: median(run.samples.map((s) => s.analysisMs)),
  peakRss: Math.max(...run.samples.map((s) => s.peakRss)),
  inputRss: median(run.samples.map((s) => s.inputRss)),
  first: run.samples[0]!,
});

const child = fileURLToPath(new URL('./synthetic-run.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Each sample in a fresh Node process, so that its peak RSS is this analysis's alone (plus the input
 * and Node itself) and not a previous run's high-water mark.
 */
export function measureSynthetic(variant: Variant, stabilityRuns: number, repeats: number): SyntheticRun {
  const samples: SyntheticSample[] = [];
  for (let i = 0; i < repeats; i++) {
    const options = JSON.stringify({ ...variant.options, stabilityRuns });
    const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, options], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (out.status !== 0) throw new Error(`synthetic run failed (${out.status}): ${out.stderr}`);
    samples.push(JSON.parse(out.stdout) as SyntheticSample);
  }
  return { variant: variant.name, stabilityRuns, samples };
}
