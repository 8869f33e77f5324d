import { describe, expect, it } from 'vitest';
import { changedFieldsOf, diffCommitment, isNoChange, type EditableCommitment } from './commitment-changes.js';

const base: EditableCommitment = {
  title: 'Radios', indicator: 'Hubs with a radio', partners: ['A', 'B'], baseline: 0, target: 120, unit: 'hubs', deadline: '2026-12-31',
  items: [{ itemId: 'b', weight: 1 }, { itemId: 'a', weight: 3 }],
};

describe('diffCommitment', () => {
  it('keeps only the fields that changed, old and new', () => {
    expect(diffCommitment(base, { ...base, target: 100, deadline: '2027-06-30' })).toEqual({ before: { target: 120, deadline: '2026-12-31' }, after: { target: 100, deadline: '2027-06-30' } });
  });

  it('sees no change in the same links given in another order, and a change in a weight', () => {
    expect(isNoChange(diffCommitment(base, { ...base, items: [{ itemId: 'a', weight: 3 }, { itemId: 'b', weight: 1 }] }))).toBe(true);
    expect(diffCommitment(base, { ...base, items: [{ itemId: 'a', weight: 2 }, { itemId: 'b', weight: 1 }] })).toEqual({
      before: { items: [{ itemId: 'a', weight: 3 }, { itemId: 'b', weight: 1 }] }, after: { items: [{ itemId: 'a', weight: 2 }, { itemId: 'b', weight: 1 }] },
    });
  });

  it('compares partners as a list and numbers exactly', () => {
    expect(Object.keys(diffCommitment(base, { ...base, partners: ['A'] }).after)).toEqual(['partners']);
    expect(isNoChange(diffCommitment(base, { ...base, partners: ['A', 'B'], baseline: 0 }))).toBe(true);
    expect(Object.keys(diffCommitment(base, { ...base, baseline: 0.5 }).after)).toEqual(['baseline']);
  });

  it('lists changed fields in the page order, unknown ones last', () => {
    expect(changedFieldsOf({ before: { status: 'active', target: 1, title: 'x' }, after: { status: 'withdrawn', target: 2, title: 'y' } })).toEqual(['title', 'target', 'status']);
  });
});
