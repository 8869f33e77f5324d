import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIatiActivities } from './iati-parse.js';
import { mapIatiResults, summariseImport, type ImportResult } from './iati-summary.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/iati/${name}`, import.meta.url), 'utf8');

function importFile(xml: string): ImportResult[] {
  const parsed = parseIatiActivities(xml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return mapIatiResults(parsed.activities);
}

describe('summariseImport', () => {
  it('counts the demo file as all imported, with what was left out', () => {
    const summary = summariseImport(importFile(fixture('demo-activities.xml')));
    expect(summary).toMatchObject({ total: 6, imported: 6, skipped: 0, skippedActivities: [] });
    expect(summary.notMapped.map((n) => `${n.field} | ${n.value} | ${n.status} | ${n.activities}`).sort()).toEqual([
      'budget | budget in KES | not_mapped | 1',
      'budget | transactions | not_mapped | 1',
      'status | activity-status 3 | partly | 1',
      'themes | sector 99820 (vocabulary 1) | not_mapped | 1',
    ]);
    expect(summary.notInIati).toEqual(['areas', 'targetGroups', 'wsisLines']);
  });

  it('lists each skipped activity with its reasons and keeps file order', () => {
    const summary = summariseImport(importFile(fixture('partly-invalid.xml')));
    expect(summary).toMatchObject({ total: 12, imported: 2, skipped: 10 });
    expect(summary.skippedActivities.map((s) => s.index)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(summary.skippedActivities[0]).toEqual({ index: 2, identifier: null, line: 26, errors: [{ code: 'missing', path: 'iati-identifier', detail: 'The activity has no iati-identifier.', line: 26 }] });
    expect(summary.skippedActivities.find((s) => s.identifier === 'XM-DAC-99999-BAD-DATES')!.errors).toHaveLength(2);
  });

  it('counts a not-mapped value once per activity, most frequent first', () => {
    const activity = (id: string, sectors: string) => `<iati-activity default-currency="EUR"><iati-identifier>${id}</iati-identifier><title><narrative>${id}</narrative></title>
      <activity-status code="2"/><recipient-country code="NE"/>${sectors}</iati-activity>`;
    const xml = `<iati-activities version="2.03">
      ${activity('XM-1', '<sector code="99810"/><sector code="99810" vocabulary="1"/><sector code="21010"/>')}
      ${activity('XM-2', '<sector code="99810"/>')}
      ${activity('XM-3', '<sector code="15110"/>')}
    </iati-activities>`;
    const { notMapped } = summariseImport(importFile(xml));
    expect(notMapped.filter((n) => n.field === 'themes')).toEqual([
      { field: 'themes', value: 'sector 99810 (vocabulary 1)', status: 'not_mapped', activities: 2, example: 'sector 99810 (vocabulary 1) not mapped to any theme.' },
      { field: 'themes', value: 'sector 21010 (vocabulary 1)', status: 'not_mapped', activities: 1, example: 'sector 21010 (vocabulary 1) not mapped to any theme.' },
    ]);
    expect(notMapped[0]).toMatchObject({ value: 'no budget', activities: 3 });
  });

  it('reports activities a caller refused after mapping, with the caller\'s reason', () => {
    const results = importFile(fixture('demo-activities.xml'));
    const first = results[0]!;
    if (!first.ok) throw new Error('expected the first demo activity to map');
    results[0] = { ok: false, index: 1, identifier: first.activity.iatiIdentifier, line: 9, errors: [{ code: 'duplicate_identifier', path: 'iati-identifier', detail: 'Already imported.' }] };
    const summary = summariseImport(results);
    expect(summary).toMatchObject({ total: 6, imported: 5, skipped: 1 });
    // Its notes no longer count: the transactions note came only from that activity.
    expect(summary.notMapped.map((n) => n.value)).not.toContain('transactions');
  });

  it('summarises a file without activities', () => {
    expect(summariseImport(importFile('<iati-activities version="2.03"/>'))).toMatchObject({ total: 0, imported: 0, skipped: 0, notMapped: [] });
  });
});
