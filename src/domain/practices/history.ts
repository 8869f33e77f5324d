import type { FieldChange, PracticeFacts, PracticeText } from './practices.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Pure: the fields that differ between two versions of the language-independent facts. */
export function diffFacts(before: PracticeFacts, after: PracticeFacts): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(after) as (keyof PracticeFacts)[]) {
    if (!same(before[key], after[key])) changes.push({ field: key, before: before[key], after: after[key] });
  }
  return changes;
}

/** Pure: the fields that differ in one language; a new translation lists every non-empty field. */
export function diffText(lang: string, before: PracticeText | undefined, after: PracticeText): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(after) as (keyof PracticeText)[]) {
    const old = before?.[key];
    if (!same(old ?? null, after[key]) && !(old === undefined && (after[key] === '' || same(after[key], [])))) {
      changes.push({ field: key, lang, before: old ?? null, after: after[key] });
    }
  }
  return changes;
}
