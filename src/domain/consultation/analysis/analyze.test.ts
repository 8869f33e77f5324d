import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import type { AnalysisInput } from './analysis.js';
import { analyzeConsultation } from './analyze.js';
import { createRandom, shuffled } from './random.js';
import { adjustedRandIndex } from './rand-index.js';
import { syntheticConsultation } from './synthetic.js';

const { input, camps, stances } = syntheticConsultation({ participants: 120, statements: 30, camps: 2, density: 0.7, noise: 0.15, seed: 3, languages: ['fr', 'en'] });
const fast = { stabilityRuns: 3 };
const result = analyzeConsultation(input, fast);

describe('analyzeConsultation', () => {
  it('finds the two camps', () => {
    expect(result.status).toBe('ok');
    expect(result.k).toBe(2);
    const clustered = result.participants.filter((p) => p.group !== null);
    expect(clustered.length).toBe(120);
    expect(adjustedRandIndex(clustered.map((p) => p.group!), clustered.map((p) => camps.get(p.id)!))).toBeGreaterThan(0.95);
    expect(result.groups.map((g) => g.size).reduce((a, b) => a + b)).toBe(120);
    expect(result.groups[0]!.size).toBeGreaterThanOrEqual(result.groups[1]!.size);
    for (const g of result.groups) expect(g.representative.length).toBeGreaterThan(0);
    expect(result.stability!.meanAdjustedRand).toBeGreaterThan(0.9);
    expect(result.stability!.sameKShare).toBe(1);
    expect(result.groupInformedConsensus).toHaveLength(30);
  });

  it('gives the same result for the same seed, whatever the order of votes and participants', () => {
    const random = createRandom(99);
    const reordered: AnalysisInput = {
      statements: shuffled(input.statements, random),
      votes: shuffled(input.votes, random),
      participants: shuffled(input.participants!, random),
    };
    expect(analyzeConsultation(reordered, fast)).toEqual(result);
    expect(analyzeConsultation(input, fast)).toEqual(result);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports sectors and language versions', () => {
    expect(result.sectors.map((s) => s.sector)).toEqual(['government', 'private_sector', 'civil_society', 'international_organisation', 'hub']);
    expect(result.crossSector).toHaveLength(30);
    // every sector holds both camps: common ground only where both camps agree (and noise may hide some)
    const both = (stance: number) => input.statements.filter((_, s) => stances.every((c) => c[s] === stance)).map((st) => st.id);
    const common = result.commonGround.map((c) => c.statementId);
    expect(both(1)).toEqual(expect.arrayContaining(common));
    expect(common.length).toBeGreaterThanOrEqual(0.75 * both(1).length);
    expect(both(1).length).toBeGreaterThan(2);
    const rejected = result.crossSector.filter((c) => c.status === 'shared_rejection').map((c) => c.statementId);
    expect(both(-1)).toEqual(expect.arrayContaining(rejected));
    expect(result.divergences).toEqual([]);
    expect(result.languages.length).toBeGreaterThan(0);
    expect(result.languages.every((l) => l.versions.length === 2)).toBe(true);
  });

  it('says "not enough votes" instead of splitting a handful of people', () => {
    const few = syntheticConsultation({ participants: 6, statements: 8, camps: 2, density: 1, noise: 0, seed: 1 }).input;
    const r = analyzeConsultation(few, fast);
    expect(r.status).toBe('not_enough_votes');
    expect(r.k).toBe(0);
    expect(r.groups).toEqual([]);
    expect(r.participants.every((p) => p.group === null && p.x !== null)).toBe(true);
    expect(r.stability).toBeNull();
  });

  it('refuses options out of range', () => {
    expect(() => analyzeConsultation(input, { seed: -1 })).toThrow(DomainError);
    expect(() => analyzeConsultation(input, { maxK: 1 })).toThrow(/at least 2/);
    expect(() => analyzeConsultation(input, { stabilityDropShare: 1 })).toThrow(/stabilityDropShare/);
  });
});
