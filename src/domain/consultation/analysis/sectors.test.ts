import { describe, expect, it } from 'vitest';
import type { AnalysisParticipant, AnalysisVote, Voice } from './analysis.js';
import { buildVoteMatrix } from './matrix.js';
import { commonGround, crossSector, divergences, sectorTables } from './sectors.js';

/** Per sector, per statement: [agree, disagree, pass] counts of its participants. */
function consultation(plan: Partial<Record<Voice, Record<string, [number, number, number]>>>) {
  const votes: AnalysisVote[] = [];
  const participants: AnalysisParticipant[] = [];
  const statements = new Set<string>();
  for (const [sector, byStatement] of Object.entries(plan) as [Voice, Record<string, [number, number, number]>][]) {
    const size = Math.max(...Object.values(byStatement).map(([a, d, p]) => a + d + p));
    for (let i = 0; i < size; i++) participants.push({ id: `${sector}-${i}`, sector });
    for (const [statementId, [a, d, p]] of Object.entries(byStatement)) {
      statements.add(statementId);
      const values = [...Array(a).fill(1), ...Array(d).fill(-1), ...Array(p).fill(0)] as AnalysisVote['value'][];
      values.forEach((value, i) => votes.push({ participantId: `${sector}-${i}`, statementId, value }));
    }
  }
  return buildVoteMatrix({ statements: [...statements].map((id) => ({ id })), votes, participants });
}

const m = consultation({
  government: { common: [6, 0, 0], split: [5, 0, 0], early: [3, 0, 0], mixed: [5, 0, 0] },
  civil_society: { common: [5, 0, 1], split: [0, 6, 0], early: [1, 0, 0], mixed: [2, 2, 2] },
  hub: { common: [8, 0, 0], split: [1, 1, 1], early: [0, 0, 0], mixed: [5, 0, 0] },
  private_sector: { common: [2, 0, 0] },
});
const tables = sectorTables(m, 3);
const cross = crossSector(tables, m.statementIds);
const byId = (id: string) => cross.find((c) => c.statementId === id)!;

describe('per-sector tables', () => {
  it('counts each sector on its own, with Wilson bounds and a position', () => {
    expect(tables.map((t) => t.sector)).toEqual(['government', 'private_sector', 'civil_society', 'hub']);
    const civil = tables.find((t) => t.sector === 'civil_society')!;
    const common = civil.statements.find((s) => s.statementId === 'common')!;
    expect(common).toMatchObject({ agree: 5, disagree: 0, pass: 1, seen: 6, position: 'agrees' });
    expect(common.pAgree).toBeCloseTo(5 / 6, 12);
    expect(common.agreeLower).toBeGreaterThan(0.5);
    expect(common.agreeLower).toBeLessThan(5 / 6);
    expect(civil.statements.find((s) => s.statementId === 'split')!.position).toBe('disagrees');
    // 2 agreeing of 2 is not enough votes for a sector (minimum 3)
    expect(tables.find((t) => t.sector === 'private_sector')!.statements.find((s) => s.statementId === 'common')!.position).toBe('not_enough_votes');
  });

  it('gives each sector its representative statements against the others', () => {
    const civil = tables.find((t) => t.sector === 'civil_society')!;
    expect(civil.representative).toContainEqual(expect.objectContaining({ statementId: 'split', repfulFor: 'disagree', isBestAgree: false }));
  });
});

describe('across sectors', () => {
  it('finds common ground only where every sector with enough votes agrees', () => {
    expect(byId('common')).toMatchObject({ status: 'common_ground', agree: ['government', 'civil_society', 'hub'], notEnoughVotes: ['private_sector'] });
    expect(commonGround(tables, cross).map((c) => c.statementId)).toEqual(['common']);
  });

  it('says "not enough votes" rather than calling one sector’s view common ground', () => {
    expect(byId('early').status).toBe('not_enough_votes');
  });

  it('shows which sectors split, and marks the undecided case as mixed', () => {
    expect(byId('split')).toMatchObject({ status: 'divergence', agree: ['government'], disagree: ['civil_society'], undecided: ['hub'] });
    expect(byId('split').agreeGap).toBeCloseTo(1, 12);
    expect(divergences(cross).map((c) => c.statementId)).toEqual(['split']);
    expect(byId('mixed')).toMatchObject({ status: 'mixed', agree: ['government', 'hub'], undecided: ['civil_society'] });
  });
});
