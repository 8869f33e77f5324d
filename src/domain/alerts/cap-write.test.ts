import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapAlert } from './cap.js';
import { parseCap } from './cap-parse.js';
import { validateCapAlert } from './cap-validate.js';
import { escapeXml, toCapXml } from './cap-write.js';

const dir = new URL('../../../test/fixtures/cap/valid/', import.meta.url);
const valid = readdirSync(dir).filter((f) => f.endsWith('.xml'));

function parsed(xml: string): CapAlert {
  const result = parseCap(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.alert;
}

/** Every element and field CAP 1.2 has, with text that needs escaping and scripts beyond Latin. */
const full: CapAlert = {
  identifier: 'passerelle-2026-0001',
  sender: 'alertes@hub.example.ne',
  sent: '2026-11-28T10:00:00+01:00',
  status: 'Test',
  msgType: 'Update',
  source: 'Formulaire <Passerelle> & "amis"',
  scope: 'Restricted',
  restriction: 'Radios relais seulement',
  addresses: ['Radio Gaskiya Maradi', 'relais@example.ne'],
  code: ['profile:CAP-NE:0.1', 'ǝ'],
  note: 'Ligne 1\r\nLigne 2 ]]> fin',
  references: [{ sender: 'alertes@hub.example.ne', identifier: 'passerelle-2026-0000', sent: '2026-11-27T10:00:00+01:00' }],
  incidents: ['crue 2026', 'x'],
  info: [{
    language: 'ar-TD', category: ['Geo', 'CBRNE'], event: 'فيضان', responseType: ['Evacuate', 'AllClear'], urgency: 'Past', severity: 'Minor', certainty: 'Unknown',
    audience: 'الجميع', eventCode: [{ valueName: 'SAME', value: 'FLW' }], effective: '2026-11-28T10:00:00+01:00', onset: '2026-11-28T11:00:00+01:00',
    expires: '2026-11-29T10:00:00-00:00', senderName: 'وزارة الداخلية', headline: 'فيضان <عاجل>', description: 'ارتفاع منسوب المياه 🌊', instruction: 'غادروا فورًا',
    web: 'https://example.td/a?b=1&c=2', contact: '+235 00 00 00 00', parameter: [{ valueName: 'level', value: '6.2 m' }],
    resource: [{ resourceDesc: 'Carte', mimeType: 'image/png', size: 0, uri: 'https://example.td/c.png', derefUri: 'iVBORw0KGgo=', digest: 'abc' }],
    area: [{
      areaDesc: "N'Djamena — ƙauye ɓ ɗ", polygon: [[{ lat: 12.1, lon: 15.0 }, { lat: 12.2, lon: 15.0 }, { lat: 12.2, lon: 15.1 }, { lat: 12.1, lon: 15.0 }]],
      circle: [{ center: { lat: -0.0000001, lon: 179.99 }, radiusKm: 0.25 }], geocode: [{ valueName: 'ISO3166-1', value: 'TD' }], altitude: -10.5, ceiling: 3000,
    }],
  }],
};

describe('toCapXml', () => {
  it.each(valid)('round-trips %s: parse, write, parse gives the same model', (file) => {
    const alert = parsed(readFileSync(new URL(file, dir), 'utf8'));
    const xml = toCapXml(alert);
    expect(parsed(xml)).toEqual(alert);
    expect(toCapXml(parsed(xml))).toBe(xml);
  });

  it('writes every field of a model in schema order (parseCap checks the order) and reads it back', () => {
    expect(validateCapAlert(full)).toEqual([]);
    const xml = toCapXml(full);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')).toBe(true);
    expect(parsed(xml)).toEqual(full);
  });

  it('keeps Arabic and Hausa letters as they are, and escapes markup', () => {
    const xml = toCapXml(full);
    expect(xml).toContain('<headline>فيضان &lt;عاجل&gt;</headline>');
    expect(xml).toContain('ƙauye ɓ ɗ');
    expect(xml).toContain('<source>Formulaire &lt;Passerelle&gt; &amp; "amis"</source>');
    expect(xml).toContain('<note>Ligne 1&#13;\nLigne 2 ]]&gt; fin</note>');
    expect(xml).toContain('<addresses>"Radio Gaskiya Maradi" relais@example.ne</addresses>');
    expect(xml).toContain('<circle>-0.0000001,179.99 0.25</circle>');
  });

  it('drops characters XML cannot carry instead of writing a file no one can read', () => {
    const xml = toCapXml({ ...full, note: 'bip\u0007 \uD800fin' });
    expect(parsed(xml).note).toBe('bip \uFFFDfin');
  });
});

describe('escapeXml', () => {
  it('escapes quotes only in attributes', () => {
    expect(escapeXml('a "b" & <c>')).toBe('a "b" &amp; &lt;c&gt;');
    expect(escapeXml('a "b" & <c>', true)).toBe('a &quot;b&quot; &amp; &lt;c&gt;');
  });
});
