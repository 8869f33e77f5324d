import { describe, expect, it } from 'vitest';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { createTranslator, negotiateLocale, translateFieldError } from './i18n.js';

describe('interface languages', () => {
  it('negotiates Accept-Language with q-values and regional tags', () => {
    expect(negotiateLocale('de-DE, es-MX;q=0.8, en;q=0.5')).toBe('es');
    expect(negotiateLocale('ar-NE;q=0.9, fr;q=0.95')).toBe('fr');
    expect(negotiateLocale('de, ja')).toBeNull();
    expect(negotiateLocale(undefined)).toBeNull();
  });

  it('formats plurals and numbers per language', () => {
    expect(createTranslator('en')('practices.count', { count: 1 })).toBe('1 practice');
    expect(createTranslator('fr')('practices.count', { count: 1200 })).toMatch(/1\u202f200|1 200/);
    expect(createTranslator('ar')('practices.count', { count: 3 })).toMatch(/[\u0600-\u06FF]/);
  });

  it('falls back to the node default, then English, then shows the key', () => {
    const t = createTranslator('fr', 'es');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(translateFieldError(createTranslator('en'), 'validation.too_long:300')).toBe('Too long: at most 300 characters.');
  });

  it('has every English message in French, Spanish and Arabic', () => {
    const keys = Object.keys(en).sort();
    for (const cat of [fr, es, ar]) expect(Object.keys(cat).sort()).toEqual(keys);
  });
});
