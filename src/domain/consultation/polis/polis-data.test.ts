import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeConsultation } from '../analysis/analyze.js';
import { createRandom, shuffled } from '../analysis/random.js';
import { compareWithPolis } from './polis-compare.js';
import { readPolisFolder } from './polis-import.js';

// Three real Polis conversations with Polis's own group assignments (workspace data, not in the repository).
const root = path.resolve('..', 'shared', 'data', 'polis');

async function analyse(name: string) {
  const conversation = await readPolisFolder(path.join(root, name));
  const started = performance.now();
  const analysis = analyzeConsultation(conversation.input);
  const ms = performance.now() - started;
  const polis = compareWithPolis(conversation.polisGroups, analysis);
  const votesOf = (id: string) => analysis.participants.find((p) => p.id === id)!.votes;
  console.log(`${name}: k ${analysis.k} (Polis ${polis.k}), ARI ${polis.adjustedRandIndex.toFixed(3)} over ${polis.clusteredByBoth}, stability ${analysis.stability?.meanAdjustedRand.toFixed(3)}, analysis ${ms.toFixed(0)} ms`);
  return { conversation, analysis, polis, votesOf };
}

describe.skipIf(!existsSync(root))('real Polis conversations (../shared/data/polis)', () => {
  it('biodiversity (536 × 316): the same two groups as Polis', { timeout: 60_000 }, async () => {
    const { analysis, polis, votesOf } = await analyse('scoop-hivemind.biodiversity');
    expect(analysis.k).toBe(polis.k);
    expect(polis.adjustedRandIndex).toBeGreaterThan(0.93);
    expect(analysis.stability!.meanAdjustedRand).toBeGreaterThan(0.8);
    // Polis kept two early participants it had once taken in; we take in nobody it left out.
    expect(polis.clusteredOnlyByUs).toEqual([]);
    expect(polis.clusteredOnlyByPolis.sort()).toEqual(['11', '7']);
    for (const id of polis.clusteredOnlyByPolis) expect(votesOf(id)).toBeLessThan(7);
    expect(analysis.groups.every((g) => g.representative.length > 0)).toBe(true);
    expect(analysis.consensus.agree.length).toBe(5);
  });

  it('brexit (204 × 50): two groups close to Polis’s; Polis kept 8 early low-vote participants we leave out', { timeout: 60_000 }, async () => {
    const { analysis, polis, votesOf } = await analyse('brexit-consensus');
    expect(analysis.k).toBe(polis.k);
    expect(polis.adjustedRandIndex).toBeGreaterThan(0.8);
    expect(polis.clusteredOnlyByUs).toEqual([]);
    expect(polis.clusteredOnlyByPolis).toHaveLength(8);
    for (const id of polis.clusteredOnlyByPolis) expect(votesOf(id)).toBeLessThan(7);
  });

  it('ubi (234 × 71): an older export where Polis clustered everyone into 4 groups', { timeout: 60_000 }, async () => {
    const { conversation, analysis, polis, votesOf } = await analyse('scoop-hivemind.ubi');
    // Polis then clustered even one-vote participants; today's rule (and ours) leaves out those under 7.
    expect([...conversation.polisGroups.values()].every((g) => g !== null)).toBe(true);
    expect(polis.k).toBe(4);
    expect(polis.clusteredOnlyByPolis.every((id) => votesOf(id) < 7)).toBe(true);
    expect(polis.clusteredOnlyByPolis).toHaveLength(60);
    // Our groups on the final votes: a clear two-way split, found again on every re-run.
    expect(analysis.k).toBe(2);
    expect(analysis.stability!.meanAdjustedRand).toBeGreaterThan(0.9);
  });

  it('gives the same groups when the votes arrive in another order', { timeout: 60_000 }, async () => {
    const { input } = await readPolisFolder(path.join(root, 'brexit-consensus'));
    const options = { stabilityRuns: 0 };
    const first = analyzeConsultation(input, options);
    const random = createRandom(7);
    const second = analyzeConsultation({ ...input, votes: shuffled(input.votes, random), participants: shuffled(input.participants!, random) }, options);
    expect(second.participants).toEqual(first.participants);
  });
});
