import { describe, expect, it } from 'vitest';
import { canInPhase, nextPhase, phaseDateProblems } from './phases.js';

describe('canInPhase', () => {
  it('allows only the activities the phase lists', () => {
    const meeting = { activities: ['statements', 'voting'] };
    expect(canInPhase(meeting, 'voting')).toBe(true);
    expect(canInPhase(meeting, 'statements')).toBe(true);
    expect(canInPhase(meeting, 'amendments')).toBe(false);
    expect(canInPhase({ activities: [] }, 'stocktaking')).toBe(false);
  });
});

describe('phaseDateProblems', () => {
  it('accepts ordered phases, a shared boundary day and an open-ended last phase', () => {
    expect(phaseDateProblems([
      { startsOn: '2002-07-01', endsOn: '2002-07-05' },
      { startsOn: '2002-07-05', endsOn: '2003-02-16' },
      { startsOn: '2003-12-10', endsOn: null },
    ]).size).toBe(0);
  });

  it('names the phase and the field: an end before the start, an overlap, an open-ended phase before the last', () => {
    const problems = phaseDateProblems([
      { startsOn: '2002-07-05', endsOn: '2002-07-01' },
      { startsOn: '2002-07-02', endsOn: '2002-08-01' },
      { startsOn: '2002-07-31', endsOn: null },
      { startsOn: '2002-09-01', endsOn: '2002-09-02' },
    ]);
    expect(problems.get(0)).toEqual({ field: 'endsOn', key: 'process.ends_before_start' });
    expect(problems.get(1)).toBeUndefined();
    expect(problems.get(2)).toEqual({ field: 'endsOn', key: 'process.open_phase_not_last' });
    expect(phaseDateProblems([{ startsOn: '2002-07-01', endsOn: '2002-07-10' }, { startsOn: '2002-07-09', endsOn: null }]).get(1))
      .toEqual({ field: 'startsOn', key: 'process.starts_before_previous_ends' });
  });
});

describe('nextPhase', () => {
  const phases = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('is the phase after the active one, none after the last', () => {
    expect(nextPhase(phases, 'a')?.id).toBe('b');
    expect(nextPhase(phases, 'c')).toBeNull();
    expect(nextPhase(phases, null)).toBeNull();
  });
});
