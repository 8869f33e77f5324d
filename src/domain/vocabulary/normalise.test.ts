import { describe, expect, it } from 'vitest';
import { normaliseText, queryVariants, tokenise } from './normalise.js';

describe('normaliseText', () => {
  it('folds what people type differently', () => {
    expect(normaliseText('Éducation')).toBe('education');
    expect(normaliseText('أإآٱ')).toBe('اااا');
    expect(normaliseText('مستشفى مدرسة')).toBe('مستشفي مدرسه');
    expect(normaliseText('الصِّحَّة')).toBe('الصحه');
    expect(normaliseText('ɓɗƙƴ ƁƊƘƳ')).toBe('bdky bdky');
    expect(normaliseText('১২৩ ٤٥٦ ७८९')).toBe('123 456 789');
    expect(normaliseText('क़ीमत')).toBe(normaliseText('कीमत'));
  });

  it('keeps the vowel signs of Indic scripts', () => {
    expect(normaliseText('কৃষি')).toBe('কৃষি');
    expect(normaliseText('स्वास्थ्य')).toBe('स्वास्थ्य');
  });
});

describe('tokenise', () => {
  it('splits on apostrophes and keeps each word\'s span in the original text', () => {
    const text = "L'Éducation des 'yan mata";
    expect(tokenise(text).map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['l', 'L'], ['education', 'Éducation'], ['des', 'des'], ['yan', 'yan'], ['mata', 'mata'],
    ]);
  });

  it('strips the Arabic article and clinging prefixes, keeping short words whole', () => {
    expect(tokenise('والملاريا بالمياه ولد').map((t) => t.norm)).toEqual(['ملاريا', 'مياه', 'ولد']);
  });

  it('keeps Bengali words joined by invisible joiners whole', () => {
    expect(tokenise('র‍্যাব ম্যালেরিয়া')).toHaveLength(2);
  });
});

describe('queryVariants', () => {
  it('offers the word without one inflectional ending', () => {
    expect(queryVariants('farmers')).toContain('farmer');
    expect(queryVariants('খরার')).toContain(normaliseText('খরা'));
    expect(queryVariants(normaliseText('किसानों'))).toContain('किसान');
    expect(queryVariants('مزارعين')).toContain('مزارع');
    expect(queryVariants('sokoni')).toContain('soko');
  });

  it('leaves short words alone', () => {
    expect(queryVariants('bus')).toEqual(['bus']);
    expect(queryVariants('رحلات')).toEqual(['رحلات']);
  });
});
