/**
 * What a revision of a commitment changed, field by field (pure). The change log stores only the fields that
 * differ, before and after, so a reader sees at a glance that a target moved from 120 to 100 and nothing else.
 */

export const CHANGE_FIELDS = ['title', 'indicator', 'partners', 'baseline', 'target', 'unit', 'deadline', 'items'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export type ItemLink = { itemId: string; weight: number };

/** The fields of a commitment that a revision may change; the texts are those of its original language. */
export type EditableCommitment = {
  title: string; indicator: string; partners: string[]; baseline: number; target: number; unit: string; deadline: string; items: ItemLink[];
};

export type FieldDiff = { before: Partial<EditableCommitment>; after: Partial<EditableCommitment> };

/** Links in a stable order (by item id), so the same links given in another order are no change. */
export const sortLinks = (items: readonly ItemLink[]): ItemLink[] => [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0)).map((l) => ({ itemId: l.itemId, weight: l.weight }));

function isSame(field: ChangeField, a: EditableCommitment, b: EditableCommitment): boolean {
  if (field === 'items') return JSON.stringify(sortLinks(a.items)) === JSON.stringify(sortLinks(b.items));
  if (field === 'partners') return a.partners.length === b.partners.length && a.partners.every((p, i) => p === b.partners[i]);
  return a[field] === b[field];
}

/** The fields that differ between two states, each with its old and new value; both empty when nothing changed. */
export function diffCommitment(before: EditableCommitment, after: EditableCommitment): FieldDiff {
  const diff: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const field of CHANGE_FIELDS) {
    if (isSame(field, before, after)) continue;
    diff.before[field] = field === 'items' ? sortLinks(before.items) : before[field];
    diff.after[field] = field === 'items' ? sortLinks(after.items) : after[field];
  }
  return diff as FieldDiff;
}

export const isNoChange = (d: FieldDiff) => Object.keys(d.after).length === 0;

/** Field names in the order a page lists them: those of CHANGE_FIELDS first, then any other (e.g. status). */
export const changedFieldsOf = (change: { before: Record<string, unknown>; after: Record<string, unknown> }): string[] => {
  const keys = new Set([...Object.keys(change.before), ...Object.keys(change.after)]);
  return [...CHANGE_FIELDS.filter((f) => keys.delete(f)), ...keys];
};
