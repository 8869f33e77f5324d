import { describe, expect, it } from 'vitest';
import { analyzeConsultation } from '../domain/consultation/analysis/analyze.js';
import { syntheticConsultation } from '../domain/consultation/analysis/synthetic.js';
import { analyzeInThread } from './analysis-thread.js';

describe('analyzeInThread', () => {
  it('gives the same result as the analysis on the main thread, and keeps the event loop free meanwhile', { timeout: 60_000 }, async () => {
    const { input } = syntheticConsultation({ participants: 120, statements: 20, camps: 2, density: 0.8, noise: 0.1, seed: 4 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await analyzeInThread(input, { seed: 2, stabilityRuns: 2 });
    clearInterval(timer);
    expect(result).toEqual(analyzeConsultation(input, { seed: 2, stabilityRuns: 2 }));
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with the analysis error', async () => {
    await expect(analyzeInThread({ statements: [{ id: 'a' }, { id: 'a' }], votes: [] })).rejects.toThrow();
  });
});
