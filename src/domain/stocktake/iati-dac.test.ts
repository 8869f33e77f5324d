import { describe, expect, it } from 'vitest';
import { THEMES } from '../taxonomy/index.js';
import { DAC_TABLE, POLICY_MARKER_THEMES, themesOfDacCode } from './iati-dac.js';
import { regionKey, regionName } from './iati-regions.js';

const themes = (code: string, vocabulary = '1') => themesOfDacCode(code, vocabulary)?.themes ?? null;

describe('the DAC → theme table', () => {
  it('maps the sectors community development runs on', () => {
    expect([themes('12110'), themes('12220'), themes('12250'), themes('13020')]).toEqual([['health'], ['health'], ['health'], ['health']]);
    expect([themes('11110'), themes('11220'), themes('11320'), themes('11420')]).toEqual([['education'], ['education'], ['education'], ['education']]);
    expect(themes('31120')).toEqual(['agriculture']);
    expect(themes('31310')).toEqual(['agriculture', 'livelihoods']);
    expect([themes('14030'), themes('14031'), themes('14032')]).toEqual([['water'], ['water'], ['water']]);
    expect([themes('15110'), themes('15150'), themes('15220')]).toEqual([['governance'], ['governance'], ['governance']]);
    expect([themes('22020'), themes('22030'), themes('22040')]).toEqual([['connectivity'], ['connectivity'], ['connectivity']]);
    expect([themes('23231'), themes('23183')]).toEqual([['climate'], ['climate']]);
    expect([themes('41010'), themes('41030'), themes('31210')]).toEqual([['environment'], ['environment'], ['environment']]);
    expect([themes('74020'), themes('43060'), themes('72010')]).toEqual([['disaster_risk'], ['disaster_risk'], ['disaster_risk']]);
    expect([themes('24040'), themes('25030'), themes('33120')]).toEqual([['finance'], ['markets', 'livelihoods'], ['markets']]);
  });

  it('lets a purpose code say more than its category', () => {
    expect(themes('11330')).toEqual(['education', 'youth_employment']);
    expect(themes('12240')).toEqual(['health', 'nutrition']);
    expect(themes('15170')).toEqual(['gender', 'governance']);
    expect(themes('15153')).toEqual(['governance', 'connectivity']);
    expect(themesOfDacCode('11330', '1')!.rule).toBe('purpose');
    expect(themesOfDacCode('11320', '1')!.rule).toBe('category');
  });

  it('maps 3-digit categories under vocabulary 2 only', () => {
    expect(themes('122', '2')).toEqual(['health']);
    expect(themes('122', '1')).toBeNull();
    expect(themes('12220', '2')).toBeNull();
  });

  it('maps nothing where we have no theme, for other vocabularies and for malformed codes', () => {
    for (const code of ['99810', '99820', '21010', '23110', '23630', '51010', '60010', '91010', '16050', '43010', '32310']) expect(themes(code), code).toBeNull();
    for (const [code, vocabulary] of [['15110', '3'], ['15110', '99'], ['1511', '1'], ['151100', '1'], ['15 11', '1']] as const) expect(themes(code, vocabulary)).toBeNull();
  });

  it('is well formed and reaches every theme', () => {
    for (const code of Object.keys(DAC_TABLE.categories)) expect(code).toMatch(/^\d{3}$/);
    for (const code of Object.keys(DAC_TABLE.purposes)) expect(code).toMatch(/^\d{5}$/);
    const rules = [...Object.values(DAC_TABLE.categories), ...Object.values(DAC_TABLE.purposes)];
    for (const rule of rules) for (const theme of rule.themes) expect(THEMES).toContain(theme);
    const reached = new Set([...rules.flatMap((r) => r.themes), ...Object.values(POLICY_MARKER_THEMES).map((m) => m.theme)]);
    expect([...THEMES].filter((t) => !reached.has(t))).toEqual([]);
    // Without the policy markers, only gender and climate would rest on one or two purpose codes.
    expect(new Set(rules.flatMap((r) => r.themes)).size).toBe(THEMES.length);
  });
});

describe('regions', () => {
  it('keys DAC and M49 regions apart and names them', () => {
    expect(regionKey('289', '1')).toBe('289');
    expect(regionKey('202', '2')).toBe('M49:202');
    expect(regionKey('A1', '99')).toBeNull();
    expect(regionKey('AFR', '1')).toBeNull();
    expect(regionName('289')).toBe('South of Sahara, regional');
    expect(regionName('1030')).toBe('Western Africa, regional');
    expect(regionName('M49:419')).toBe('Latin America and the Caribbean');
    expect(regionName('4321')).toBeNull();
  });
});
