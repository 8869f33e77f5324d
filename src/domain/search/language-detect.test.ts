import { describe, expect, it } from 'vitest';
import { detectQueryLanguage } from './language-detect.js';

describe('detectQueryLanguage', () => {
  it.each([
    ['vaccination des enfants dans les villages', 'fr'],
    ['water harvesting for farmers', 'en'],
    ['agua potable para las comunidades rurales', 'es'],
    ['zazzabin cizon sauro a kauye', 'ha'],
    ['maji safi kwa jamii ya vijijini', 'sw'],
    ['كيف نحمي الأطفال من الملاريا', 'ar'],
  ])('recognises %s as %s', async (q, lang) => {
    expect(await detectQueryLanguage(q, 'en')).toEqual({ lang, isDetected: true });
  });

  it.each(['paludisme', 'malaria', 'x', '', "'; -- !!! ???", '12345 67890'])('falls back to the interface language for %j', async (q) => {
    expect(await detectQueryLanguage(q, 'fr')).toEqual({ lang: 'fr', isDetected: false });
  });

  it('falls back on a query mixing scripts without a clear majority', async () => {
    expect((await detectQueryLanguage('شبكة radio community', 'es')).lang).toMatch(/^(es|ar|en)$/);
  });
});
