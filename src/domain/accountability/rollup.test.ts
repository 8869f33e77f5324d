import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { type CommitmentProgressInput, commitmentProgress, isOverdue, planProgress, rollUpItems } from './rollup.js';

const commitment = (over: Partial<CommitmentProgressInput> & Pick<CommitmentProgressInput, 'id'>): CommitmentProgressInput => ({
  baseline: 0, target: 100, latest: null, deadline: '2030-12-31', links: [], ...over,
});

const fieldsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, fields: e.fields };
  }
  return null;
};

describe('commitmentProgress', () => {
  it('measures from baseline towards a higher target', () => {
    expect(commitmentProgress({ baseline: 20, target: 60, latest: 30 })).toBe(0.25);
    expect(commitmentProgress({ baseline: 20, target: 60, latest: 20 })).toBe(0);
    expect(commitmentProgress({ baseline: 20, target: 60, latest: 60 })).toBe(1);
  });

  it('measures towards a lower target ("reduce from 40 % to 10 %")', () => {
    expect(commitmentProgress({ baseline: 40, target: 10, latest: 25 })).toBe(0.5);
    expect(commitmentProgress({ baseline: 40, target: 10, latest: 34 })).toBe(0.2);
    expect(commitmentProgress({ baseline: 40, target: 10, latest: 10 })).toBe(1);
  });

  it('clamps: past the target is met, the wrong way is 0', () => {
    expect(commitmentProgress({ baseline: 20, target: 60, latest: 90 })).toBe(1);
    expect(commitmentProgress({ baseline: 20, target: 60, latest: 5 })).toBe(0);
    expect(commitmentProgress({ baseline: 40, target: 10, latest: 2 })).toBe(1);
    expect(commitmentProgress({ baseline: 40, target: 10, latest: 55 })).toBe(0);
    expect(commitmentProgress({ baseline: -10, target: 10, latest: 0 })).toBe(0.5);
  });

  it('counts no update as 0, and a kept level as met only while it holds', () => {
    expect(commitmentProgress({ baseline: 20, target: 60, latest: null })).toBe(0);
    expect(commitmentProgress({ baseline: 100, target: 100, latest: 100 })).toBe(1);
    expect(commitmentProgress({ baseline: 100, target: 100, latest: 99 })).toBe(0);
  });

  it('refuses values that are not finite numbers', () => {
    expect(fieldsOf(() => commitmentProgress({ baseline: Number.NaN, target: 1, latest: 0 }))).toEqual({ code: 'invalid', fields: { baseline: 'validation.number' } });
    expect(fieldsOf(() => commitmentProgress({ baseline: 0, target: 1, latest: Infinity }))).toEqual({ code: 'invalid', fields: { latest: 'validation.number' } });
  });
});

describe('isOverdue', () => {
  const c = { baseline: 0, target: 10, latest: 5, deadline: '2025-06-30' };

  it('is overdue only after the deadline day and while the target is not met', () => {
    expect(isOverdue(c, '2025-06-30')).toBe(false);
    expect(isOverdue(c, '2025-07-01')).toBe(true);
    expect(isOverdue({ ...c, latest: 10 }, '2026-01-01')).toBe(false);
    expect(isOverdue({ ...c, latest: null }, '2026-01-01')).toBe(true);
    expect(isOverdue({ ...c, deadline: '2025-12-31' }, '2026-01-01')).toBe(true); // years compare as dates, not numbers
  });

  it('refuses dates that are not calendar dates written YYYY-MM-DD', () => {
    expect(fieldsOf(() => isOverdue({ ...c, deadline: '30/06/2025' }, '2025-07-01'))?.fields).toEqual({ deadline: 'validation.iso_date' });
    expect(fieldsOf(() => isOverdue({ ...c, deadline: '2025-02-30' }, '2025-07-01'))?.fields).toEqual({ deadline: 'validation.iso_date' });
    expect(fieldsOf(() => isOverdue(c, '2025-7-1'))?.fields).toEqual({ today: 'validation.iso_date' });
  });
});

describe('rollUpItems', () => {
  it('weighs each commitment by its link to the item', () => {
    const items = rollUpItems(['a', 'b'], [
      commitment({ id: 'c1', latest: 50, links: [{ itemId: 'a', weight: 1 }, { itemId: 'b', weight: 2 }] }), // 0.5
      commitment({ id: 'c2', latest: 100, links: [{ itemId: 'a', weight: 3 }] }), // 1
      commitment({ id: 'c3', baseline: 40, target: 10, latest: 34, links: [{ itemId: 'b', weight: 2 }] }), // 0.2
    ]);
    expect(items).toEqual([
      { itemId: 'a', progress: 0.875, commitments: 2, totalWeight: 4 }, // (1·0.5 + 3·1) / 4
      { itemId: 'b', progress: 0.35, commitments: 2, totalWeight: 4 }, // (2·0.5 + 2·0.2) / 4 = 1.4 / 4
    ]);
  });

  it('gives items without commitments no progress (null), not 0, in the order asked', () => {
    const items = rollUpItems(['x', 'a', 'y'], [commitment({ id: 'c1', latest: 0, links: [{ itemId: 'a', weight: 1 }] })]);
    expect(items.map((i) => [i.itemId, i.progress, i.commitments])).toEqual([['x', null, 0], ['a', 0, 1], ['y', null, 0]]);
    expect(rollUpItems(['x', 'y'], []).map((i) => i.progress)).toEqual([null, null]);
    expect(rollUpItems([], [commitment({ id: 'c1', links: [{ itemId: 'a', weight: 1 }] })])).toEqual([]);
  });

  it('lets a link of weight 0 count for nothing; an item with only such links has no progress', () => {
    const items = rollUpItems(['a', 'b'], [
      commitment({ id: 'c1', latest: 100, links: [{ itemId: 'a', weight: 0 }, { itemId: 'b', weight: 0 }] }),
      commitment({ id: 'c2', latest: 25, links: [{ itemId: 'a', weight: 1 }] }),
    ]);
    expect(items).toEqual([
      { itemId: 'a', progress: 0.25, commitments: 2, totalWeight: 1 },
      { itemId: 'b', progress: null, commitments: 1, totalWeight: 0 },
    ]);
  });

  it('adds the weights of two links from one commitment to one item, counting the commitment once', () => {
    expect(rollUpItems(['a'], [
      commitment({ id: 'c1', latest: 100, links: [{ itemId: 'a', weight: 1 }, { itemId: 'a', weight: 2 }] }),
      commitment({ id: 'c2', latest: 0, links: [{ itemId: 'a', weight: 1 }] }),
    ])).toEqual([{ itemId: 'a', progress: 0.75, commitments: 2, totalWeight: 4 }]);
  });

  it('ignores links to items not in the plan', () => {
    expect(rollUpItems(['a'], [commitment({ id: 'c1', latest: 50, links: [{ itemId: 'a', weight: 1 }, { itemId: 'gone', weight: 5 }] })]))
      .toEqual([{ itemId: 'a', progress: 0.5, commitments: 1, totalWeight: 1 }]);
  });

  it('refuses negative and non-finite weights', () => {
    const negative = () => rollUpItems(['a'], [commitment({ id: 'c1', links: [{ itemId: 'a', weight: -1 }] })]);
    expect(fieldsOf(negative)).toEqual({ code: 'invalid', fields: { 'c1.links.a.weight': 'validation.negative_weight' } });
    const nan = () => rollUpItems(['a'], [commitment({ id: 'c1', links: [{ itemId: 'a', weight: Number.NaN }] })]);
    expect(fieldsOf(nan)?.fields).toEqual({ 'c1.links.a.weight': 'validation.number' });
  });
});

describe('planProgress', () => {
  it('averages items equally by default, leaving out and counting those without progress', () => {
    expect(planProgress([{ itemId: 'a', progress: 0.5 }, { itemId: 'b', progress: 1 }, { itemId: 'c', progress: null }]))
      .toEqual({ progress: 0.75, counted: 2, unmeasured: 1 });
    expect(planProgress([{ itemId: 'a', progress: 0.25 }])).toEqual({ progress: 0.25, counted: 1, unmeasured: 0 });
  });

  it('uses the weights given, 1 for an item not named', () => {
    const weights = new Map([['a', 3], ['c', 0]]);
    expect(planProgress([{ itemId: 'a', progress: 1 }, { itemId: 'b', progress: 0.5 }, { itemId: 'c', progress: 0 }], weights))
      .toEqual({ progress: 0.875, counted: 3, unmeasured: 0 }); // (3·1 + 1·0.5 + 0·0) / 4
  });

  it('has no progress when no item has any', () => {
    expect(planProgress([{ itemId: 'a', progress: null }, { itemId: 'b', progress: null }])).toEqual({ progress: null, counted: 0, unmeasured: 2 });
    expect(planProgress([])).toEqual({ progress: null, counted: 0, unmeasured: 0 });
  });

  it('refuses a negative weight', () => {
    expect(fieldsOf(() => planProgress([{ itemId: 'a', progress: 1 }], new Map([['a', -2]])))?.fields).toEqual({ 'a.weight': 'validation.negative_weight' });
  });

  it('rolls up from commitments to items to the plan', () => {
    const items = rollUpItems(['a', 'b', 'c'], [
      commitment({ id: 'c1', baseline: 40, target: 10, latest: 25, links: [{ itemId: 'a', weight: 1 }] }), // 0.5
      commitment({ id: 'c2', baseline: 0, target: 200, latest: 250, links: [{ itemId: 'b', weight: 1 }] }), // 1
    ]);
    expect(planProgress(items)).toEqual({ progress: 0.75, counted: 2, unmeasured: 1 });
  });
});
