import { describe, expect, it } from 'vitest';
import { pickNextStatement, seedOf, statementWeight } from './next-statement.js';

const tally = (id: string, agrees = 0, disagrees = 0, passes = 0) => ({ id, agrees, disagrees, passes });

describe('next statement to vote on', () => {
  it('weighs unseen statements above seen ones, and split ones above one-sided or passed ones', () => {
    expect(statementWeight(tally('new'))).toBeGreaterThan(statementWeight(tally('seen', 5, 5)));
    expect(statementWeight(tally('split', 10, 10))).toBeGreaterThan(statementWeight(tally('agreed', 20, 0)));
    expect(statementWeight(tally('split', 10, 10))).toBeGreaterThan(statementWeight(tally('passed', 3, 3, 14)));
    expect(statementWeight({ ...tally('far', 10, 10), extremity: 1 })).toBeGreaterThan(statementWeight(tally('near', 10, 10)));
  });

  it('is deterministic for a seed, whatever the order of the candidates', () => {
    const candidates = [tally('a', 3, 1), tally('b'), tally('c', 10, 9), tally('d', 0, 0, 7)];
    const first = pickNextStatement(candidates, 42);
    expect(pickNextStatement([...candidates].reverse(), 42)).toBe(first);
    expect(pickNextStatement([], 42)).toBeNull();
    expect(seedOf('p1:3')).toBe(seedOf('p1:3'));
    expect(seedOf('p1:3')).not.toBe(seedOf('p1:4'));
  });

  it('draws in proportion to the weights', () => {
    const candidates = [tally('fresh'), tally('stale', 40, 0)];
    const picks = Array.from({ length: 2000 }, (_, i) => pickNextStatement(candidates, i));
    const share = picks.filter((id) => id === 'fresh').length / picks.length;
    const w = candidates.map(statementWeight);
    expect(share).toBeCloseTo(w[0]! / (w[0]! + w[1]!), 1);
    expect(share).toBeGreaterThan(0.9);
  });
});
