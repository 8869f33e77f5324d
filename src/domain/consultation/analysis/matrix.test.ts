import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import type { AnalysisInput } from './analysis.js';
import { buildVoteMatrix, compareIds, countVotes, selectRows } from './matrix.js';

const input: AnalysisInput = {
  statements: [{ id: '10' }, { id: '9' }, { id: 'b' }, { id: 'out', isModeratedOut: true }],
  votes: [
    { participantId: 'p2', statementId: 'b', value: -1, language: 'fr' },
    { participantId: 'p1', statementId: '10', value: 1 },
    { participantId: 'p1', statementId: '9', value: 0, language: 'en' },
    { participantId: 'p1', statementId: 'out', value: 1 },
    { participantId: 'p2', statementId: '10', value: 1 },
  ],
  participants: [{ id: 'p3', sector: 'hub' }, { id: 'p1', sector: 'government' }],
};

const expectInvalid = (change: Partial<AnalysisInput>, message: RegExp) => {
  const run = () => buildVoteMatrix({ ...input, ...change });
  expect(run).toThrow(DomainError);
  expect(run).toThrow(message);
};

describe('vote matrix', () => {
  it('orders ids canonically: numbers by value, then the rest', () => {
    expect(['b', '10', '9', '010', 'a'].sort(compareIds)).toEqual(['9', '10', '010', 'a', 'b']);
  });

  it('keeps moderated-out statements out of the columns but in the participation count', () => {
    const m = buildVoteMatrix(input);
    expect(m.participantIds).toEqual(['p1', 'p2', 'p3']);
    expect(m.statementIds).toEqual(['9', '10', 'b']);
    expect([...m.voteCounts]).toEqual([3, 2, 0]);
    expect(m.statementsVoted).toBe(4);
    expect(m.moderatedOutVoted).toBe(1);
    expect(m.sectors).toEqual(['government', null, 'hub']);
    expect(m.languageTags).toEqual(['en', 'fr']);
    // row p1: columns 0 ('9', pass, en) and 1 ('10', agree)
    expect([...m.cols.subarray(m.rowStart[0], m.rowStart[1])]).toEqual([0, 1]);
    expect([...m.values.subarray(m.rowStart[0], m.rowStart[1])]).toEqual([0, 1]);
    expect([...m.languages.subarray(m.rowStart[0], m.rowStart[1])]).toEqual([0, -1]);
    const all = countVotes(m);
    expect([...all.agree]).toEqual([0, 2, 0]);
    expect([...all.disagree]).toEqual([0, 0, 1]);
    expect([...all.seen]).toEqual([1, 2, 1]);
  });

  it('selects rows without mixing them up', () => {
    const m = selectRows(buildVoteMatrix(input), [1]);
    expect(m.participantIds).toEqual(['p2']);
    expect([...m.cols]).toEqual([1, 2]);
    expect([...m.values]).toEqual([1, -1]);
  });

  it('refuses inconsistent input with a clear message', () => {
    expectInvalid({ statements: [...input.statements, { id: '9' }] }, /Statement 9 is listed twice/);
    expectInvalid({ votes: [...input.votes, { participantId: 'p1', statementId: 'zz', value: 1 }] }, /unknown statement zz/);
    expectInvalid({ votes: [...input.votes, { participantId: 'p2', statementId: '10', value: -1 }] }, /p2 has two votes on statement 10/);
    expectInvalid({ votes: [...input.votes, { participantId: 'p2', statementId: 'out', value: 1 }, { participantId: 'p2', statementId: 'out', value: 0 }] }, /p2 has two votes/);
    expectInvalid({ votes: [{ participantId: 'p1', statementId: '9', value: 2 as never }] }, /value 2/);
    expectInvalid({ participants: [{ id: 'p1', sector: 'press' as never }] }, /unknown sector "press"/);
    expectInvalid({ participants: [{ id: 'p1' }, { id: 'p1' }] }, /p1 is listed twice/);
  });
});
