import type { AnalysisOptions } from '../../src/domain/consultation/analysis/analysis.js';
import { analyzeConsultation } from '../../src/domain/consultation/analysis/analyze.js';
import { adjustedRandIndex } from '../../src/domain/consultation/analysis/rand-index.js';
import { syntheticConsultation } from '../../src/domain/consultation/analysis/synthetic.js';
import { SYNTHETIC, type SyntheticSample } from './synthetic.js';

/**
 * Child process of bench:consult (run with `node --expose-gc --import tsx`): builds the synthetic
 * consultation, runs one analysis with the options given as JSON in argv[2], prints a SyntheticSample.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Partial<AnalysisOptions>;
const mib = (bytes: number) => bytes / 2 ** 20;

let t0 = performance.now();
const { input, camps } = syntheticConsultation(SYNTHETIC);
const generateMs = performance.now() - t0;
const inputPeakRss = mib(process.resourceUsage().maxRSS * 1024); // maxRSS is in KiB
globalThis.gc?.();
const inputRss = mib(process.memoryUsage().rss);

t0 = performance.now();
const result = analyzeConsultation(input, options);
const analysisMs = performance.now() - t0;

const clustered = result.participants.filter((p) => p.group !== null);
const sample: SyntheticSample = {
  votes: input.votes.length, generateMs, analysisMs, inputRss, inputPeakRss,
  peakRss: mib(process.resourceUsage().maxRSS * 1024),
  k: result.k,
  ariWithCamps: adjustedRandIndex(clustered.map((p) => p.group!), clustered.map((p) => camps.get(p.id)!)),
  stability: result.stability,
};
console.log(JSON.stringify(sample));
