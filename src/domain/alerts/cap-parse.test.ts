import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAP_MAX_BYTES, type CapResult } from './cap.js';
import { parseCap } from './cap-parse.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/cap/${name}`, import.meta.url), 'utf8');
const drought = fixture('valid/drought-niger-fr-ha.xml');

/** The drought alert with one piece of text replaced; fails loudly if the piece is not there. */
function droughtWith(from: string | RegExp, to: string) {
  const changed = drought.replace(from, to);
  expect(changed, `fixture must contain ${String(from)}`).not.toBe(drought);
  return changed;
}

function errorsOf(result: CapResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

/** "path:code" of each error, sorted: the order errors come in is not part of the contract. */
const codes = (result: CapResult) => errorsOf(result).map((e) => `${e.path}:${e.code}`).sort();

describe('parseCap on valid alerts', () => {
  it('reads the Niger drought warning with its French and Hausa info blocks', () => {
    const result = parseCap(drought);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { alert } = result;
    expect(alert).toMatchObject({ identifier: 'NE-DMN-2026-0042', sent: '2026-07-14T08:00:00+01:00', status: 'Actual', msgType: 'Alert', scope: 'Public', code: ['profile:CAP-NE:0.1'] });
    expect(alert.info.map((i) => i.language)).toEqual(['fr-NE', 'ha']);
    const [fr, ha] = alert.info;
    expect(fr!.category).toEqual(['Met', 'Env']);
    expect(fr!.responseType).toEqual(['Prepare', 'Monitor']);
    expect(fr!.eventCode).toEqual([{ valueName: 'passerelle:category', value: 'drought' }]);
    expect(fr!.area[0]!.geocode).toEqual([{ valueName: 'ISO3166-2', value: 'NE-4' }, { valueName: 'ISO3166-2', value: 'NE-7' }]);
    expect(ha!.headline).toBe('Gargaɗin fari ga yankunan Maradi da Zinder');
    expect(ha!.description).toContain('ƙarancin');
    expect(ha!.instruction).toContain('ɓata');
    expect(ha!.contact).toBeUndefined();
  });

  it('reads polygons and circles as numbers', () => {
    const result = parseCap(fixture('valid/flood-polygon-circle.xml'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [riverside, say] = result.alert.info[0]!.area;
    expect(riverside!.polygon[0]).toHaveLength(6);
    expect(riverside!.polygon[0]![0]).toEqual({ lat: 13.4912, lon: 2.0885 });
    expect(riverside!.circle).toEqual([{ center: { lat: 13.5116, lon: 2.1254 }, radiusKm: 2.5 }]);
    expect(say!.circle[0]!.radiusKm).toBe(5);
    expect(result.alert.info[0]!.resource[0]).toEqual({ resourceDesc: 'Carte des zones inondées', mimeType: 'image/png', size: 48213, uri: 'https://protection-civile.example.ne/cartes/crue-2026-09-02.png' });
  });

  it('reads an Update: its references as triples, incidents and Arabic text', () => {
    const result = parseCap(fixture('valid/epidemic-update-fr-ar.xml'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.alert.references).toEqual([
      { sender: 'veille-sanitaire@sante.example.ne', identifier: 'NE-MSP-2026-0007', sent: '2026-03-02T11:00:00+01:00' },
      { sender: 'veille-sanitaire@sante.example.ne', identifier: 'NE-MSP-2026-0007-U1', sent: '2026-03-10T10:00:00+01:00' },
    ]);
    expect(result.alert.incidents).toEqual(['meningite-zinder-2026']);
    expect(result.alert.info[1]!.headline).toBe('التهاب السحايا في زندر: ١٢٠ حالة مؤكدة، والتطعيم مجاني');
  });

  it('reads a Cancel with no info block', () => {
    const result = parseCap(fixture('valid/cancel-drought.xml'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.alert.msgType).toBe('Cancel');
    expect(result.alert.info).toEqual([]);
    expect(result.alert.references[0]!.identifier).toBe('NE-DMN-2026-0042');
  });

  it('reads prefixed elements, comments, CDATA, references and quoted addresses, and skips an XML signature', () => {
    const result = parseCap(fixture('valid/prefixed-cdata-exercise.xml'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { alert } = result;
    expect(alert.sent).toBe('2026-11-28T09:00:00-00:00');
    expect(alert.addresses).toEqual(['Radio Gaskiya Maradi', 'relais-zinder@example.ne', 'Radio Anfani Niamey']);
    expect(alert.incidents).toEqual(['exercice novembre', 'ex-2026-11']);
    expect(alert.note).toBe('Exercice & test de relais — ne pas diffuser au public');
    expect(alert.info[0]!.headline).toBe('Gwaji <ba gaskiya ba> & horo');
    expect(alert.info[0]!.description).toBe('Wannan gwaji ne kawai: <b>kada</b> ku yaɗa shi. Ƙungiyoyin rediyo su tabbatar da karɓa.');
    expect(alert.info[0]!.area[0]).toMatchObject({ altitude: 1000, ceiling: 12000.5 });
  });

  it('fills in the implicit language en-US, normalises line ends and keeps a comment out of the text', () => {
    const xml = droughtWith('<language>fr-NE</language>\n', '').replace('<event>Sécheresse</event>', '<event>Séche<!-- x -->resse</event>').replace(/\n/g, '\r\n');
    const result = parseCap(xml.replace('40 à 60 %', '40&#13;\r\n60 %'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.alert.info[0]!.language).toBe('en-US');
    expect(result.alert.info[0]!.event).toBe('Sécheresse');
    expect(result.alert.info[0]!.description).toContain('40\r\n60 %');
  });

  it('accepts "<!DOCTYPE" inside CDATA: only a real declaration is refused', () => {
    const result = parseCap(droughtWith('</code>', '</code>\n  <note><![CDATA[<!DOCTYPE html>]]></note>'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.alert.note).toBe('<!DOCTYPE html>');
  });
});

describe('parseCap refuses what is not XML', () => {
  it('JSON, with line and column', () => {
    expect(errorsOf(parseCap(fixture('invalid/not-xml.json')))).toEqual([{ path: '', code: 'not_xml', detail: expect.any(String), line: 1, column: 1 }]);
  });

  it('a file cut short, naming the unclosed elements', () => {
    const [error] = errorsOf(parseCap(fixture('invalid/truncated.xml')));
    expect(error).toMatchObject({ code: 'not_xml', detail: expect.stringContaining('<alert>, <info>') });
  });

  it('mismatched tags, with the line of the error', () => {
    const [error] = errorsOf(parseCap(droughtWith('<event>Fari</event>', '<event>Fari</evnt>')));
    expect(error).toMatchObject({ code: 'not_xml', line: drought.split('\n').findIndex((l) => l.includes('<event>Fari')) + 1 });
  });

  it.each([
    ['an empty file', ''],
    ['an unknown entity', droughtWith('Sécheresse</event>', 'S&eacute;cheresse</event>')],
    ['a reference to a character XML forbids', droughtWith('Sécheresse</event>', 'S&#1;cheresse</event>')],
    ['a raw control character', droughtWith('Sécheresse</event>', 'S\u0001cheresse</event>')],
    ['two root elements', `${drought}<alert/>`],
    ['a bare ampersand', droughtWith('Sécheresse</event>', 'Sécheresse & sol</event>')],
    ['nesting deeper than any CAP file', droughtWith('</alert>', `${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</alert>`)],
  ])('%s', (_, xml) => {
    expect(errorsOf(parseCap(xml)).map((e) => e.code)).toEqual(['not_xml']);
  });

  it('gives the position of a forbidden character', () => {
    const [error] = errorsOf(parseCap('<a>\n  ok\u0002</a>'));
    expect(error).toMatchObject({ line: 2, column: 5, detail: expect.stringContaining('U+0002') });
  });
});

describe('parseCap refuses DOCTYPEs and entity declarations', () => {
  it.each(['invalid/billion-laughs.xml', 'invalid/external-entity.xml'])('%s', (name) => {
    expect(errorsOf(parseCap(fixture(name)))).toEqual([{ path: '', code: 'doctype', detail: expect.any(String), line: 2, column: 1 }]);
  });

  it('a DOCTYPE hidden inside an element, which the XML parser would silently drop', () => {
    expect(codes(parseCap(droughtWith('<code>', '<!DOCTYPE x [<!ENTITY e "e">]><code>')))).toEqual([':doctype']);
  });
});

describe('parseCap refuses what is not CAP 1.2', () => {
  it.each([
    ['an RSS feed', fixture('invalid/rss-feed.xml'), 'news feed'],
    ['CAP 1.1', fixture('invalid/cap-1.1.xml'), 'CAP 1.1'],
    ['an <alert> in no namespace', droughtWith(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', ''), '(none)'],
    ['an undeclared prefix', droughtWith(/<(\/?)alert/g, '<$1cap:alert'), '(none)'],
    ['another namespace', droughtWith('cap:1.2"', 'cap:1.3"'), 'cap:1.3'],
  ])('%s', (_, xml, said) => {
    expect(errorsOf(parseCap(xml))).toEqual([{ path: '', code: 'not_cap', detail: expect.stringContaining(said) }]);
  });
});

describe('parseCap refuses large files', () => {
  it('one byte past 1 MB', () => {
    const padded = drought.replace('</alert>', `<!--${'x'.repeat(CAP_MAX_BYTES - drought.length)}--></alert>`);
    expect(codes(parseCap(padded))).toEqual([':too_large']);
  });

  it('counts bytes, not characters: Hausa hooks take two bytes each', () => {
    const padded = drought.replace('</alert>', `<!--${'ɗ'.repeat(CAP_MAX_BYTES / 2)}--></alert>`);
    expect(padded.length).toBeLessThan(CAP_MAX_BYTES);
    expect(codes(parseCap(padded))).toEqual([':too_large']);
  });

  it('10 MB quickly, without parsing it', () => {
    const huge = drought.replace('</alert>', `<note>${'a'.repeat(10 * 1024 * 1024)}</note></alert>`);
    const started = performance.now();
    const result = parseCap(huge);
    const ms = performance.now() - started;
    expect(codes(result)).toEqual([':too_large']);
    expect(ms).toBeLessThan(100); // validating and parsing 10 MB would take over a second
  });
});

describe('parseCap checks the structure of the schema', () => {
  it('elements it does not know, in CAP or another namespace', () => {
    const xml = droughtWith('<code>', '<codes>x</codes><code>').replace('<audience>Manoma', '<x:audience xmlns:x="urn:x">a</x:audience><audience>Manoma');
    expect(codes(parseCap(xml))).toEqual(['codes:unknown_element', 'info[1].audience:unknown_element']);
  });

  it('an element redeclaring the default namespace is not CAP', () => {
    expect(codes(parseCap(droughtWith('<info>', '<info xmlns="urn:other">')))).toEqual(['info:unknown_element']);
  });

  it('repeated single elements, elements out of order, text and elements where they do not belong', () => {
    const xml = droughtWith('<scope>Public</scope>', '<scope>Public</scope><scope>Private</scope>')
      .replace('<event>Fari</event>', '<event>Fari<b>!</b></event>')
      .replace('<severity>Severe</severity>\n    <certainty>Likely</certainty>\n    <audience>Manoma', '<certainty>Likely</certainty>\n    <severity>Severe</severity>\n    <audience>Manoma')
      .replace('<area>\n      <areaDesc>Yankunan', '<area>stray text<areaDesc>Yankunan');
    expect(codes(parseCap(xml))).toEqual(['info[1].area[0]:unexpected_text', 'info[1].event.b:unknown_element', 'info[1].severity:out_of_order', 'scope:duplicate']);
  });
});
