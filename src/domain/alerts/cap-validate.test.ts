import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapAlert } from './cap.js';
import { parseCap } from './cap-parse.js';
import { validateCapAlert } from './cap-validate.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/cap/${name}`, import.meta.url), 'utf8');
const drought = fixture('valid/drought-niger-fr-ha.xml');
const flood = fixture('valid/flood-polygon-circle.xml');

function replaced(xml: string, from: string | RegExp, to: string) {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`fixture does not contain ${String(from)}`);
  return changed;
}

/** "path:code" of each error parseCap reports, sorted. */
function codes(xml: string) {
  const result = parseCap(xml);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`).sort();
}

describe('parseCap refuses values CAP does not allow', () => {
  it.each([
    ['identifier', '<identifier>NE-DMN-2026-0042</identifier>\n'],
    ['sender', '<sender>alertes@meteo-niger.example.ne</sender>\n'],
    ['sent', '<sent>2026-07-14T08:00:00+01:00</sent>\n'],
    ['status', '<status>Actual</status>\n'],
    ['msgType', '<msgType>Alert</msgType>\n'],
    ['scope', '<scope>Public</scope>\n'],
    ['info[1].event', '<event>Fari</event>\n'],
    ['info[1].category', /<category>Met<\/category>\s*<category>Env<\/category>\s*(?=<event>Fari)/],
    ['info[1].urgency', /<urgency>Expected<\/urgency>\s*(?=<severity>Severe<\/severity>\s*<certainty>Likely<\/certainty>\s*<audience>Manoma)/],
    ['info[1].area[0].areaDesc', '<areaDesc>Yankunan Maradi da Zinder</areaDesc>'],
    ['info[0].parameter[0].value', '<value>40-60</value>'],
  ])('missing %s', (path, element) => {
    expect(codes(replaced(drought, element, ''))).toEqual([`${path}:missing`]);
  });

  it('an element present but empty is missing too', () => {
    expect(codes(replaced(drought, '<event>Fari</event>', '<event>  </event>'))).toEqual(['info[1].event:missing']);
  });

  it.each([
    ['status', '<status>Actual</status>', '<status>actual</status>'],
    ['msgType', '<msgType>Alert</msgType>', '<msgType>Warning</msgType>'],
    ['scope', '<scope>Public</scope>', '<scope>Everyone</scope>'],
    ['info[1].category[1]', '<category>Env</category>\n    <event>Fari', '<category>Drought</category>\n    <event>Fari'],
    ['info[1].responseType[0]', '<responseType>Prepare</responseType>\n    <responseType>Monitor</responseType>\n    <urgency>Expected</urgency>\n    <severity>Severe</severity>\n    <certainty>Likely</certainty>\n    <audience>Manoma',
      '<responseType>Flee</responseType>\n    <responseType>Monitor</responseType>\n    <urgency>Expected</urgency>\n    <severity>Severe</severity>\n    <certainty>Likely</certainty>\n    <audience>Manoma'],
    ['info[0].urgency', '<urgency>Expected</urgency>', '<urgency>Soon</urgency>'],
    ['info[0].severity', '<severity>Severe</severity>', '<severity>High</severity>'],
    ['info[0].certainty', '<certainty>Likely</certainty>', '<certainty>Probable</certainty>'],
  ])('%s outside its enumeration', (path, from, to) => {
    expect(codes(replaced(drought, from, to))).toEqual([`${path}:invalid_enum`]);
  });

  it.each([
    ['with Z, saying to write -00:00', '2026-07-14T07:00:00Z', 'write UTC as -00:00'],
    ['with fractions of a second', '2026-07-14T08:00:00.000+01:00', 'fractions'],
    ['without an offset', '2026-07-14T08:00:00', 'expected the form'],
    ['a date alone', '2026-07-14', 'expected the form'],
    ['an impossible date', '2026-02-30T08:00:00+01:00', 'expected the form'],
    ['an offset past 14 hours', '2026-07-14T08:00:00+15:00', 'expected the form'],
  ])('sent %s', (_, value, said) => {
    const result = parseCap(replaced(drought, '<sent>2026-07-14T08:00:00+01:00</sent>', `<sent>${value}</sent>`));
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'sent', code: 'invalid_datetime', detail: expect.stringContaining(said) }]);
  });

  it('checks effective, onset and expires like sent', () => {
    const xml = replaced(drought, /<onset>2026-07-20T00:00:00\+01:00<\/onset>/g, '<onset>2026-07-20</onset>');
    expect(codes(xml)).toEqual(['info[0].onset:invalid_datetime', 'info[1].onset:invalid_datetime']);
  });

  it.each([
    ['a space', 'NE DMN-2026'],
    ['a comma', 'NE,DMN-2026'],
    ['a "<"', 'NE&lt;DMN'],
    ['an "&"', 'NE&amp;DMN'],
  ])('an identifier or sender with %s', (_, value) => {
    expect(codes(replaced(drought, 'NE-DMN-2026-0042', value))).toEqual(['identifier:invalid_characters']);
    expect(codes(replaced(drought, '<sender>alertes@meteo-niger.example.ne', `<sender>${value}`))).toEqual(['sender:invalid_characters']);
  });

  it.each([
    ['not a triple', 'veille-sanitaire@sante.example.ne,NE-MSP-2026-0007'],
    ['four parts', 'a,b,2026-03-02T11:00:00+01:00,d'],
    ['a sent that is not a CAP date', 'veille-sanitaire@sante.example.ne,NE-MSP-2026-0007,2026-03-02T10:00:00Z'],
  ])('a reference %s', (_, triple) => {
    const xml = replaced(fixture('valid/epidemic-update-fr-ar.xml'), 'veille-sanitaire@sante.example.ne,NE-MSP-2026-0007,2026-03-02T11:00:00+01:00', triple);
    expect(codes(xml)).toEqual(['references[0]:invalid_reference']);
  });

  it.each(['Update', 'Cancel', 'Ack', 'Error'])('a message of type %s without references', (msgType) => {
    expect(codes(replaced(drought, '<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>`))).toEqual(['references:missing']);
  });

  it.each([
    ['three points', '13.4912,2.0885 13.5021,2.0942 13.4912,2.0885', 'at least 4'],
    ['an open ring', '13.4912,2.0885 13.5021,2.0942 13.5003,2.1227 13.4795,2.1301', 'not closed'],
    ['a latitude past 90', '93.4912,2.0885 13.5021,2.0942 13.5003,2.1227 93.4912,2.0885', 'Point 1'],
    ['a longitude past 180', '13.4912,2.0885 13.5021,182.0942 13.5003,2.1227 13.4912,2.0885', 'Point 2'],
    ['pairs in "lat lon" form', '13.4912 2.0885 13.5021 2.0942 13.5003 2.1227 13.4912 2.0885', 'Pair 1'],
    ['a word for a number', '13.4912,2.0885 13.5021,east 13.5003,2.1227 13.4912,2.0885', 'Pair 2'],
    ['semicolons', '13.4912;2.0885 13.5021;2.0942 13.5003;2.1227 13.4912;2.0885', 'Pair 1'],
  ])('a polygon with %s', (_, polygon, said) => {
    const result = parseCap(replaced(flood, /<polygon>.*<\/polygon>/, `<polygon>${polygon}</polygon>`));
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'info[0].area[0].polygon[0]', code: 'invalid_polygon', detail: expect.stringContaining(said) }]);
  });

  it.each([
    ['no radius', '13.5116,2.1254'],
    ['a negative radius', '13.5116,2.1254 -1'],
    ['a centre out of range', '13.5116,200 2.5'],
    ['a comma before the radius', '13.5116,2.1254,2.5'],
  ])('a circle with %s', (_, circle) => {
    expect(codes(replaced(flood, '<circle>13.5116,2.1254 2.5</circle>', `<circle>${circle}</circle>`))).toEqual(['info[0].area[0].circle[0]:invalid_circle']);
  });

  it('restriction when the scope is Restricted, addresses when Private', () => {
    expect(codes(replaced(drought, '<scope>Public</scope>', '<scope>Restricted</scope>'))).toEqual(['restriction:missing']);
    expect(codes(replaced(drought, '<scope>Public</scope>', '<scope>Private</scope>'))).toEqual(['addresses:missing']);
    expect(parseCap(replaced(drought, '<scope>Public</scope>', '<scope>Restricted</scope>\n  <restriction>Radios relais</restriction>')).ok).toBe(true);
  });

  it('a language tag, altitude and size that are not what CAP says', () => {
    const xml = replaced(flood, '<language>fr</language>', '<language>français</language>')
      .replace('<size>48213</size>', '<size>48.5</size>')
      .replace('<circle>13.1009,2.3653 5</circle>', '<circle>13.1009,2.3653 5</circle><altitude>high</altitude>');
    expect(codes(xml)).toEqual(['info[0].area[1].altitude:invalid_number', 'info[0].language:invalid_language', 'info[0].resource[0].size:invalid_number']);
  });

  it('reports every error of a file at once', () => {
    expect(codes(fixture('invalid/many-errors.xml'))).toEqual([
      'identifier:invalid_characters',
      'info[0].area[0].circle[0]:invalid_circle',
      'info[0].area[0].polygon[0]:invalid_polygon',
      'info[0].category[0]:invalid_enum',
      'info[0].event:missing',
      'info[0].expires:invalid_datetime',
      'references:missing',
      'restriction:missing',
      'sent:invalid_datetime',
      'status:invalid_enum',
    ]);
  });
});

describe('validateCapAlert on a model built in code', () => {
  const alert: CapAlert = {
    identifier: 'passerelle-42',
    sender: 'alerts@hub.example.ne',
    sent: '2026-11-28T10:00:00+01:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    addresses: [],
    code: [],
    references: [],
    incidents: [],
    info: [{
      language: 'ha', category: ['Met'], event: 'Fari', responseType: [], urgency: 'Expected', severity: 'Severe', certainty: 'Likely',
      eventCode: [], parameter: [], resource: [],
      area: [{ areaDesc: 'Maradi', polygon: [], circle: [], geocode: [{ valueName: 'ISO3166-2', value: 'NE-4' }], altitude: 100, ceiling: 50 }],
    }],
  };

  it('finds nothing wrong in a valid model, and what is wrong in another', () => {
    const valid = { ...alert, info: [{ ...alert.info[0]!, area: [{ ...alert.info[0]!.area[0]!, ceiling: 500 }] }] };
    expect(validateCapAlert(valid)).toEqual([]);
    expect(validateCapAlert({ ...alert, sent: new Date().toISOString() }).map((e) => `${e.path}:${e.code}`)).toEqual([
      'sent:invalid_datetime',
      'info[0].area[0].ceiling:invalid_number',
    ]);
  });

  it('wants an altitude with a ceiling', () => {
    const area = { ...alert.info[0]!.area[0]!, altitude: undefined };
    expect(validateCapAlert({ ...alert, info: [{ ...alert.info[0]!, area: [area] }] }).map((e) => `${e.path}:${e.code}`)).toEqual(['info[0].area[0].altitude:missing']);
  });
});
