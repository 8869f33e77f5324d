import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IATI_MAX_BYTES, type IatiActivity, type IatiActivityResult, type IatiParseResult } from './iati.js';
import { parseIatiActivities } from './iati-parse.js';

const iatiFixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/iati/${name}`, import.meta.url), 'utf8');

/** A file around `activities` (each the inside of an <iati-activity>, or a whole element when it starts with "<iati-activity"). */
function iatiFile(activities: string[], rootAttrs = 'version="2.03"') {
  const wrap = (a: string) => (a.trimStart().startsWith('<iati-activity') ? a : `<iati-activity default-currency="EUR">${a}</iati-activity>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities ${rootAttrs}>\n${activities.map(wrap).join('\n')}\n</iati-activities>\n`;
}

const minimal = (id: string, more = '') => `<iati-identifier>${id}</iati-identifier><title><narrative>Activity ${id}</narrative></title>${more}`;

function refusal(result: IatiParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

function results(xml: string): IatiActivityResult[] {
  const result = parseIatiActivities(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.activities;
}

function only(xml: string): IatiActivity {
  const [first] = results(xml);
  if (!first?.ok) throw new Error(JSON.stringify(first));
  return first.activity;
}

/** "path:code" of each reason an activity was skipped, sorted. */
function skipped(inner: string): string[] {
  const [first] = results(iatiFile([inner]));
  if (!first || first.ok) throw new Error('expected the activity to be skipped');
  return first.errors.map((e) => `${e.path}:${e.code}`).sort();
}

describe('parseIatiActivities refuses whole files', () => {
  it('refuses text that is not XML, with line and column', () => {
    const error = refusal(parseIatiActivities('{\n  "activities": []\n}'));
    expect(error).toMatchObject({ code: 'not_xml', path: '', line: 1, column: 1 });
    const bad = refusal(parseIatiActivities('<iati-activities version="2.03">\n  <iati-activity>\n  </iati-actvity>\n</iati-activities>'));
    expect(bad).toMatchObject({ code: 'not_xml', line: 3 });
    expect(bad.detail).toContain('iati-actvity');
  });

  it('refuses an empty file, a control character and an entity XML does not define', () => {
    expect(refusal(parseIatiActivities('  \n')).code).toBe('not_xml');
    expect(refusal(parseIatiActivities('<iati-activities version="2.03">\u0007</iati-activities>'))).toMatchObject({ code: 'not_xml', line: 1, column: 33 });
    const nbsp = refusal(parseIatiActivities(iatiFile([minimal('XM-1').replace('Activity', 'Activity&nbsp;')])));
    expect(nbsp.detail).toContain('&nbsp;');
  });

  it('refuses a cut-short file and says so', () => {
    const error = refusal(parseIatiActivities(iatiFixture('truncated.xml')));
    expect(error.code).toBe('not_xml');
    expect(error.detail).toMatch(/<iati-activities>.*cut short/);
  });

  it('refuses a DOCTYPE before expanding anything (billion laughs, external entities)', () => {
    const started = performance.now();
    expect(refusal(parseIatiActivities(iatiFixture('billion-laughs.xml')))).toMatchObject({ code: 'doctype', line: 2, column: 1 });
    expect(performance.now() - started).toBeLessThan(500);
    const external = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<iati-activities version="2.03"/>';
    expect(refusal(parseIatiActivities(external)).code).toBe('doctype');
    // A declaration inside a comment is only text.
    expect(parseIatiActivities('<!-- <!DOCTYPE x> --><iati-activities version="2.03"/>').ok).toBe(true);
  });

  it('refuses XML that is not an IATI activity file, saying what it is', () => {
    expect(refusal(parseIatiActivities(iatiFixture('not-iati.xml')))).toMatchObject({ code: 'not_iati', detail: expect.stringContaining('<projects>') });
    expect(refusal(parseIatiActivities('<iati-organisations version="2.03"/>')).detail).toContain('organisation file');
    expect(refusal(parseIatiActivities(`<iati-activity>${minimal('XM-1')}</iati-activity>`)).detail).toContain('single <iati-activity>');
  });

  it('refuses other versions than 2.0x and names the version', () => {
    const old = refusal(parseIatiActivities(iatiFixture('iati-1.05.xml')));
    expect(old.code).toBe('unsupported_version');
    expect(old.detail).toContain('1.05');
    expect(old.detail).toContain('retired');
    expect(refusal(parseIatiActivities(iatiFile([], 'version="3.0"'))).detail).toContain('version 3.0');
    expect(refusal(parseIatiActivities(iatiFile([], 'generated-datetime="2026-01-01T00:00:00Z"'))).detail).toContain('no version attribute');
    for (const version of ['2.01', '2.02', '2.03']) expect(parseIatiActivities(iatiFile([minimal('XM-1')], `version="${version}"`)).ok).toBe(true);
  });

  it('refuses a file over 20 MB at once, and reads one of exactly 20 MB', () => {
    const head = '<iati-activities version="2.03"><!-- ';
    const tail = ' --></iati-activities>';
    const exact = head + 'x'.repeat(IATI_MAX_BYTES - head.length - tail.length) + tail;
    expect(parseIatiActivities(exact)).toEqual({ ok: true, version: '2.03', activities: [] });

    const started = performance.now();
    expect(refusal(parseIatiActivities(exact + ' '))).toMatchObject({ code: 'too_large', detail: 'The file is larger than 20 MB.' });
    // Fewer UTF-16 units than the limit, more UTF-8 bytes: "é" is one unit and two bytes.
    const accented = head + 'é'.repeat(IATI_MAX_BYTES / 2) + tail;
    expect(accented.length).toBeLessThan(IATI_MAX_BYTES);
    expect(refusal(parseIatiActivities(accented)).code).toBe('too_large');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses nesting deeper than any IATI element', () => {
    const deep = `${'<x>'.repeat(40)}${'</x>'.repeat(40)}`;
    expect(refusal(parseIatiActivities(`<iati-activities version="2.03"><iati-activity>${deep}</iati-activity></iati-activities>`)).code).toBe('not_xml');
  });

  it('refuses a file whose xml:lang is not a language', () => {
    expect(refusal(parseIatiActivities(iatiFile([minimal('XM-1')], 'version="2.03" xml:lang="français"'))).code).toBe('invalid_language');
  });
});

describe('parseIatiActivities reads activities', () => {
  const demo = parseIatiActivities(iatiFixture('demo-activities.xml'));

  it('reads the six demo activities', () => {
    if (!demo.ok) throw new Error(JSON.stringify(demo.errors));
    expect(demo.version).toBe('2.03');
    expect(demo.activities.map((r) => (r.ok ? r.activity.identifier : r.errors))).toEqual([
      'XM-DAC-99999-NE-2024-01', 'XM-DAC-99999-NE-2025-02', 'XM-DAC-99999-KE-2023-01',
      'XM-DAC-99999-BD-2025-01', 'XM-DAC-99999-BO-2027-01', 'XM-DAC-99999-REG-2024-03',
    ]);
  });

  it('reads every field of an activity', () => {
    const first = demo.ok ? demo.activities[0] : undefined;
    if (!first?.ok) throw new Error('demo not read');
    const a = first.activity;
    expect(a).toMatchObject({ index: 1, line: 9, lang: 'en', defaultCurrency: 'EUR', lastUpdated: '2026-10-15T14:00:00Z', status: '2' });
    expect(a.reportingOrg).toEqual({ ref: 'XM-DAC-99999', type: '21', name: { en: 'Solidarity Airwaves Fund', fr: 'Fonds Ondes Solidaires' } });
    expect(a.dates).toEqual({ '1': '2024-03-01', '2': '2024-04-15', '3': '2027-03-31' });
    expect(a.recipientCountries).toEqual([{ code: 'NE', percentage: 100 }]);
    expect(a.sectors).toEqual([
      { code: '22030', vocabulary: '1', percentage: 40 },
      { code: '31166', vocabulary: '1', percentage: 30 },
      { code: '43060', vocabulary: '1', percentage: 30 },
    ]);
    expect(a.tags.map((t) => `${t.vocabulary}:${t.code}`)).toEqual(['2:2', '2:13', '3:13.3']);
    expect(a.policyMarkers).toContainEqual({ code: '7', vocabulary: '1', significance: '2' });
    expect(a.participatingOrgs.map((o) => [o.role, o.type, o.ref])).toEqual([['1', '21', 'XM-DAC-99999'], ['2', '24', null], ['4', '24', null]]);
    expect(a.budgets).toHaveLength(4);
    expect(a.budgets[2]).toEqual({ type: '2', status: '2', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 142750.5, currency: 'EUR', valueDate: '2025-06-30' });
    expect(a.transactionTotals).toEqual([{ type: '2', currency: 'EUR', value: 420000 }, { type: '3', currency: 'EUR', value: 261250.5 }]);
    expect(a.descriptions.map((d) => d.type)).toEqual(['1', '2']);
    // Narratives indented with the XML are tidied: no line breaks or runs of spaces inside a paragraph.
    expect(a.descriptions[0]!.text['en']).toMatch(/^Twelve community radio stations .* choose the topics\.$/);
    expect(a.descriptions[0]!.text['en']).not.toMatch(/\s{2}|\n/);
  });

  it('labels each narrative with its language, else the activity\'s, else the file\'s, else English', () => {
    if (!demo.ok) throw new Error('demo not read');
    const [, maradi, kitui, kurigram, bolivia] = demo.activities.map((r) => (r.ok ? r.activity : null));
    expect(Object.keys(maradi!.title)).toEqual(['fr', 'en']); // activity in French, English named
    expect(kitui!.title['sw']).toBe('Taarifa za ukame kupitia redio na SMS katika Kaunti ya Kitui');
    expect(kurigram!.title['bn']).toContain('ব্রহ্মপুত্র');
    expect(bolivia!.title['es']).toBe('Radios comunitarias en quechua para las tejedoras y productores de Chuquisaca');
    expect(bolivia!.lang).toBe('es');

    const file = iatiFile([`<iati-activity>${minimal('XM-1')}</iati-activity>`, `<iati-activity xml:lang="PT-br">${minimal('XM-2')}</iati-activity>`], 'version="2.03" xml:lang="fr"');
    const [fromFile, fromActivity] = results(file).map((r) => (r.ok ? r.activity : null));
    expect(fromFile!.title).toEqual({ fr: 'Activity XM-1' });
    expect(fromActivity!.title).toEqual({ 'pt-BR': 'Activity XM-2' });
    expect(only(iatiFile([minimal('XM-3')])).title).toEqual({ en: 'Activity XM-3' });
  });

  it('joins two narratives in one language and keeps the bare text of a 1.0x-style element', () => {
    const a = only(iatiFile([`<iati-identifier>XM-1</iati-identifier><title>Radio &amp; SMS</title>
      <description><narrative>First part.</narrative><narrative xml:lang="en">Second part.</narrative></description>`]));
    expect(a.title).toEqual({ en: 'Radio & SMS' });
    expect(a.descriptions[0]!.text['en']).toBe('First part.\n\nSecond part.');
  });

  it('fills in IATI defaults: vocabulary 1, budget type and status 1, the default currency', () => {
    const a = only(iatiFile([minimal('XM-1', `<sector code="15110"/><recipient-region code="289"/>
      <budget><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value value-date="2025-01-01">10</value></budget>`)]));
    expect(a.sectors[0]!.vocabulary).toBe('1');
    expect(a.recipientRegions[0]).toEqual({ code: '289', vocabulary: '1', percentage: null });
    expect(a.budgets[0]).toMatchObject({ type: '1', status: '1', currency: 'EUR' });
  });

  it('accepts dates with a time zone and drops it, and ignores extension elements', () => {
    const a = only(iatiFile([minimal('XM-1', '<activity-date type="2" iso-date="2025-03-01Z"/><activity-date type="4" iso-date="2025-09-30+03:00"/><ext:rating xmlns:ext="http://example.org/ext" value="5"/>')]));
    expect(a.dates).toEqual({ '2': '2025-03-01', '4': '2025-09-30' });
  });

  it('sums transactions per type and currency without floating-point residue', () => {
    const tx = (type: string, value: string, currency = '') => `<transaction><transaction-type code="${type}"/><transaction-date iso-date="2025-01-01"/><value${currency && ` currency="${currency}"`} value-date="2025-01-01">${value}</value></transaction>`;
    const a = only(iatiFile([minimal('XM-1', tx('3', '0.1') + tx('3', '0.2') + tx('3', '1000', 'USD') + tx('2', '-50.25') + tx('2', '100'))]));
    expect(a.transactionTotals).toEqual([
      { type: '3', currency: 'EUR', value: 0.3 },
      { type: '3', currency: 'USD', value: 1000 },
      { type: '2', currency: 'EUR', value: 49.75 },
    ]);
  });
});

describe('parseIatiActivities skips broken activities, each with its reasons', () => {
  it('imports the valid activities of a partly invalid file and says why each other one was skipped', () => {
    const all = results(iatiFixture('partly-invalid.xml'));
    expect(all).toHaveLength(12);
    expect(all.filter((r) => r.ok).map((r) => r.ok && r.activity.identifier)).toEqual(['XM-DAC-99999-OK-1', 'XM-DAC-99999-OK-2']);
    const reasons = all.filter((r) => !r.ok).map((r) => !r.ok && [r.index, r.identifier, r.errors.map((e) => `${e.path}:${e.code}`).sort().join(' ')]);
    expect(reasons).toEqual([
      [2, null, 'iati-identifier:missing'],
      [3, 'XM-DAC-99999-NO-TITLE', 'title:missing'],
      [4, 'XM-DAC-99999-BAD-DATES', 'activity-date[1]/@iso-date:invalid_date activity-date[2]/@iso-date:invalid_date'],
      [5, 'XM-DAC-99999-BAD-VALUE', 'budget[1]/value:invalid_number'],
      [6, 'XM-DAC-99999-OK-1', 'iati-identifier:duplicate_identifier'],
      [7, 'XM-DAC-99999-NO-CURRENCY', 'budget[1]/value/@currency:missing_currency'],
      [8, 'XM-DAC-99999-BAD-CODES', 'activity-status/@code:invalid_code participating-org[1]/@role:invalid_code'],
      [9, 'XM-DAC-99999-BAD-PERCENT', 'recipient-country[1]/@percentage:invalid_number'],
      [10, 'XM-DAC-99999-BACKWARDS', 'activity-date:invalid_period'],
      [12, 'XM-DAC-99999-BAD-LANG', '@xml:lang:invalid_language'],
    ]);
  });

  it('gives the line of the activity and of each problem', () => {
    const bad = results(iatiFixture('partly-invalid.xml')).find((r) => !r.ok && r.identifier === 'XM-DAC-99999-BAD-VALUE');
    if (!bad || bad.ok) throw new Error('not found');
    const lines = iatiFixture('partly-invalid.xml').split('\n');
    expect(lines[bad.line - 1]).toContain('<iati-activity');
    expect(lines[bad.errors[0]!.line! - 1]).toContain('1,500,000');
    expect(bad.errors[0]!.detail).toContain('"1,500,000" is not a number');
  });

  it('skips for dates that are not dates', () => {
    expect(skipped(minimal('XM-1', '<activity-date type="1" iso-date="2025-13-01"/>'))).toEqual(['activity-date[1]/@iso-date:invalid_date']);
    expect(skipped(minimal('XM-1', '<activity-date type="1" iso-date="2025-01-01T00:00:00"/>'))).toEqual(['activity-date[1]/@iso-date:invalid_date']);
    expect(skipped(minimal('XM-1', '<activity-date type="1"/>'))).toEqual(['activity-date[1]/@iso-date:invalid_date']);
    expect(skipped(minimal('XM-1', '<activity-date type="start-planned" iso-date="2025-01-01"/>'))).toEqual(['activity-date[1]/@type:invalid_code']);
    expect(skipped(minimal('XM-1', '<activity-date type="1" iso-date="2026-01-01"/><activity-date type="3" iso-date="2025-12-31"/>'))).toEqual(['activity-date:invalid_period']);
  });

  it('skips for budgets that are incomplete, negative, backwards or in no currency', () => {
    const budget = (inner: string) => minimal('XM-1', `<budget>${inner}</budget>`);
    const period = '<period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>';
    expect(skipped(budget('<value value-date="2025-01-01">10</value>'))).toEqual(['budget[1]:missing']);
    expect(skipped(budget(`${period}<value value-date="2025-01-01">-10</value>`))).toEqual(['budget[1]/value:invalid_number']);
    expect(skipped(budget(`${period}<value value-date="2025-01-01">1.5e6</value>`))).toEqual(['budget[1]/value:invalid_number']);
    expect(skipped(budget(`${period}<value value-date="2025-01-01"> </value>`))).toEqual(['budget[1]/value:invalid_number']);
    expect(skipped(budget(`${period}<value currency="euro" value-date="2025-01-01">10</value>`))).toEqual(['budget[1]/value/@currency:invalid_code']);
    expect(skipped(budget(`${period}<value value-date="2025-02-29">10</value>`))).toEqual(['budget[1]/value/@value-date:invalid_date']);
    expect(skipped(budget('<period-start iso-date="2025-12-31"/><period-end iso-date="2025-01-01"/><value value-date="2025-01-01">10</value>'))).toEqual(['budget[1]:invalid_period']);
    expect(skipped(minimal('XM-1', `<budget type="3">${period}<value value-date="2025-01-01">10</value></budget>`))).toEqual(['budget[1]/@type:invalid_code']);
  });

  it('skips for codes and numbers the standard does not allow, and reports them all at once', () => {
    expect(skipped(minimal('XM-1', '<recipient-country/>'))).toEqual(['recipient-country[1]/@code:missing']);
    expect(skipped(minimal('XM-1', '<sector code="15110" percentage="abc"/><participating-org type="21"/>'))).toEqual(['participating-org[1]/@role:missing', 'sector[1]/@percentage:invalid_number']);
    expect(skipped(minimal('XM-1', '<transaction><transaction-type code="3"/><value>ten</value></transaction>'))).toEqual(['transaction[1]/value:invalid_number']);
    expect(skipped('<iati-activity default-currency="EU">' + minimal('XM-1') + '</iati-activity>')).toEqual(['@default-currency:invalid_code']);
    expect(skipped(minimal('XM-1').replace('<narrative>', '<narrative xml:lang="zz-not-a-language">'))).toEqual(['title/narrative[1]/@xml:lang:invalid_language', 'title:missing']);
    expect(skipped('<iati-identifier>  </iati-identifier><title/>')).toEqual(['iati-identifier:missing', 'title:missing']);
  });
});
