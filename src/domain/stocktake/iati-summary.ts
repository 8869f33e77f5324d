import type { IatiActivityResult, IatiError } from './iati.js';
import { mapIatiActivity, type MappedActivity, type MappingNote } from './iati-map.js';

/**
 * The import report: how many activities came in, each one skipped with its reasons, and the values we
 * could not place, counted across activities ("sector 99810 (vocabulary 1)": 3 activities) so a publisher
 * sees what to fix once rather than per activity.
 */
export type SkippedActivity = Extract<IatiActivityResult, { ok: false }>;
export type ImportResult = { ok: true; activity: MappedActivity; report: MappingNote[] } | SkippedActivity;

export type ImportSummary = {
  total: number;
  imported: number;
  skipped: number;
  skippedActivities: { index: number; identifier: string | null; line: number; errors: IatiError[] }[];
  /** Most frequent first; `activities` counts activities, not notes (a value twice in one activity counts once). */
  notMapped: { field: string; value: string; status: 'not_mapped' | 'partly'; activities: number; example: string }[];
  /** Stocktake fields an IATI file does not carry: the organisation fills them in after the import. */
  notInIati: readonly string[];
};

export const FIELDS_NOT_IN_IATI = ['areas', 'targetGroups', 'wsisLines'] as const;

/** Maps every parsed activity, keeping skipped ones as they are, in file order. */
export function mapIatiResults(results: IatiActivityResult[]): ImportResult[] {
  return results.map((r) => (r.ok ? { ok: true, ...mapIatiActivity(r.activity) } : r));
}

/**
 * Summarises an import. A caller that refuses a mapped activity later (already imported, outside the
 * organisation's remit) passes it as skipped, with its own error, so the report covers it too.
 */
export function summariseImport(results: ImportResult[]): ImportSummary {
  const skippedActivities = results.filter((r): r is SkippedActivity => !r.ok).map(({ index, identifier, line, errors }) => ({ index, identifier, line, errors }));
  const counts = new Map<string, ImportSummary['notMapped'][number]>();
  for (const r of results) {
    if (!r.ok) continue;
    const seen = new Set<string>();
    for (const note of r.report) {
      if (note.status === 'mapped' || note.value === undefined) continue;
      const key = `${note.field}\u0000${note.value}\u0000${note.status}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { field: note.field, value: note.value, status: note.status, activities: 0, example: note.detail };
      entry.activities += 1;
      counts.set(key, entry);
    }
  }
  const notMapped = [...counts.values()].sort((x, y) => y.activities - x.activities || x.field.localeCompare(y.field) || x.value.localeCompare(y.value));
  return {
    total: results.length,
    imported: results.length - skippedActivities.length,
    skipped: skippedActivities.length,
    skippedActivities,
    notMapped,
    notInIati: FIELDS_NOT_IN_IATI,
  };
}
