import type { AnalysisOptions } from '../../src/domain/consultation/analysis/analysis.js';

/** The two ways of running the same analysis code that the benchmark puts side by side. */
export type Variant = { name: string; options: Partial<AnalysisOptions> };

export const VARIANTS: Variant[] = [
  // The defaults: k-means++ with restarts, the most typical of 15 clusterings, participants in id order.
  { name: 'ours', options: {} },
  // Polis's start: first k distinct points in input order, one clustering, no restarts.
  { name: 'Polis init', options: { init: 'polis' } },
];
