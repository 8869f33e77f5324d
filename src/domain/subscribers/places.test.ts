import { describe, expect, it } from 'vitest';
import { adminAreaKey, countriesNamed, placeMatchKey } from './places.js';
import { isAdminAreaKey } from './subscribers.js';

describe('admin-area keys', () => {
  it('fold case, accents and punctuation under the country', () => {
    expect(adminAreaKey('NE', 'Maradi')).toBe('NE:maradi');
    expect(adminAreaKey('ne', ' Tillabéri ')).toBe('NE:tillaberi');
    expect(adminAreaKey('BD', 'Dhaka  Division')).toBe('BD:dhaka-division');
    expect(adminAreaKey('CI', 'Vallée du Bandama')).toBe('CI:vallee-du-bandama');
    expect(adminAreaKey('NG', 'Niger')).not.toBe(adminAreaKey('NE', 'Niger'));
    expect(adminAreaKey('NE', ' -- ')).toBeNull();
  });

  it('keep the vowel signs of Bengali and the letters of Arabic', () => {
    expect(adminAreaKey('BD', 'ঢাকা বিভাগ')).toBe('BD:ঢাকা-বিভাগ');
    expect(adminAreaKey('EG', 'الإسكندرية')).toBe('EG:الاسكندرية');
    expect(isAdminAreaKey('BD:ঢাকা-বিভাগ')).toBe(true);
  });

  it('are recognised only in canonical form', () => {
    expect(isAdminAreaKey('NE:maradi')).toBe(true);
    expect(isAdminAreaKey('NE:Maradi')).toBe(false);
    expect(isAdminAreaKey('ZZ:maradi')).toBe(false);
    expect(isAdminAreaKey('NE:')).toBe(false);
    expect(isAdminAreaKey('maradi')).toBe(false);
  });

  it('match names written differently', () => {
    expect(placeMatchKey('Côte d’Ivoire')).toBe(placeMatchKey("cote d'ivoire"));
    expect(placeMatchKey('TILLABERI')).toBe(placeMatchKey('Tillabéri'));
  });
});

describe('countriesNamed', () => {
  it.each([
    ['NE', ['NE']],
    ['ne', ['NE']],
    ['Niger', ['NE']],
    ['níger', ['NE']],
    ['النيجر', ['NE']],
    ['نيجر', ['NE']],
    ['Kenya', ['KE']],
    ['bangladesh', ['BD']],
    ['Côte d’Ivoire', ['CI']],
    ['cote divoire', ['CI']],
    ['Tchad', ['TD']],
    ['Estados Unidos', ['US']],
    ['Allemagne', ['DE']],
    ['Maradi', []],
    ['ZZ', []],
    ['', []],
  ])('%s → %j', (text, codes) => {
    expect(countriesNamed(text)).toEqual(codes);
  });
});
