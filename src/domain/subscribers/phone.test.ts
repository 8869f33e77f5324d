import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, phoneCountry } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    // Niger
    ['+227 90 12 34 56', undefined, '+22790123456'],
    ['00227 90-12-34-56', undefined, '+22790123456'],
    ['90 12 34 56', 'NE', '+22790123456'],
    ['90.12.34.56', 'ne', '+22790123456'],
    ['22790123456', undefined, '+22790123456'], // as an SMSC hands it over, without "+"
    ['22790123456', 'NE', '+22790123456'],
    ['(+227) 70 12 34 56', undefined, '+22770123456'],
    // Kenya
    ['0712 345 678', 'KE', '+254712345678'],
    ['+254 712-345-678', undefined, '+254712345678'],
    ['00254712345678', 'NE', '+254712345678'],
    // Bangladesh
    ['01712-345678', 'BD', '+8801712345678'],
    ['+880 1712 345678', undefined, '+8801712345678'],
    ['008801312345678', undefined, '+8801312345678'],
    // France
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', 'NE', '+33612345678'],
    ['0033 6 12 34 56 78', undefined, '+33612345678'],
    ['\u00a0+33\u00a01 23 45 67 89 ', undefined, '+33123456789'],
  ])('%s (%s) → %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toBe(e164);
  });

  it.each([
    ['', undefined],
    ['   ', undefined],
    ['+', undefined],
    ['12', undefined],
    ['hello', undefined],
    ['+227 9O 12 34 56', undefined], // a letter O for a zero
    ['1-800-FLOWERS', 'US'],
    ['+227 90 12 34 56 ext 3', undefined],
    ['+227 00 12 34 56', undefined], // right length, but no Niger number starts with 00 ("min" metadata accepts it)
    ['+227 90 12 34 5', undefined], // one digit short
    ['+227 90 12 34 567', undefined], // one digit long
    ['90 12 34 56', undefined], // national, and no country to read it in
    ['90123456', 'KE'], // not Kenyan, and not tried as international: it does not start with 254
    ['+227+90123456', undefined],
    ['0712 345 678', 'ZZ'],
    ['1'.repeat(41), undefined],
  ])('refuses %j (%s)', (raw, country) => {
    expect(() => normalisePhone(raw, country)).toThrowError(expect.objectContaining({ code: 'invalid', message: 'subscribers.invalid_phone', fields: { phone: 'subscribers.invalid_phone' } }));
  });
});

describe('maskPhone and phoneCountry', () => {
  it('shows the calling code and the last four digits only', () => {
    expect(maskPhone('+22790123456')).toBe('+227 •••• 3456');
    expect(maskPhone('+8801712345678')).toBe('+880 •••• 5678');
    expect(maskPhone('+33612345678')).toBe('+33 •••• 5678');
    expect(maskPhone('not a number')).toBe('••••');
    expect(maskPhone('+22790123456')).not.toContain('9012');
  });

  it('tells the country of a number', () => {
    expect(phoneCountry('+22790123456')).toBe('NE');
    expect(phoneCountry('+254712345678')).toBe('KE');
    expect(phoneCountry('garbage')).toBeNull();
  });
});
