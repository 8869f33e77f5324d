import { describe, expect, it } from 'vitest';
import { ALERT_CATEGORIES } from '../subscribers/subscribers.js';
import { THEMES } from '../taxonomy/vocabularies.js';
import { ALERT_NAMES, resolveTopic, topicName } from './topics.js';

describe('resolveTopic', () => {
  it.each([
    ['drought', 'sécheresse', 'SECHERESSE', 'sequía', 'ukame', 'fari', 'الجفاف', 'جفاف'],
    ['flood', 'inondations', 'crue', 'mafuriko', 'ambaliya', 'فيضان'],
    ['locusts', 'criquets', 'locustes', 'langostas', 'nzige', 'fara', 'جراد'],
    ['epidemic', 'épidémie', 'choléra', 'kipindupindu', 'annoba', 'وباء'],
    ['market_prices', 'prix du marché', 'Prix', 'precios', 'bei', 'sokoni', 'farashi', 'أسعار السوق'],
  ])('names the %s alert in every language', (code, ...names) => {
    for (const name of names) expect(resolveTopic(name), name).toEqual({ kind: 'alert', code });
  });

  it('names practice themes through the shared vocabulary', () => {
    for (const name of ['sante', 'Santé', 'health', 'afya', 'lafiya', 'salud', 'الصحة', 'paludisme', 'disaster_risk']) {
      expect(resolveTopic(name)?.kind, name).toBe('theme');
    }
    expect(resolveTopic('santé')).toEqual({ kind: 'theme', code: 'health' });
    expect(resolveTopic('ilimi')).toEqual({ kind: 'theme', code: 'education' });
    expect(resolveTopic('Eau et assainissement')).toEqual({ kind: 'theme', code: 'water' });
  });

  it('puts alert categories before the themes that list the same word', () => {
    expect(resolveTopic('sécheresse')).toEqual({ kind: 'alert', code: 'drought' }); // also climate and disaster_risk
    expect(resolveTopic('marché')).toEqual({ kind: 'alert', code: 'market_prices' }); // also markets
  });

  it('forgives one slip in names of four letters or more', () => {
    expect(resolveTopic('secheresee')).toEqual({ kind: 'alert', code: 'drought' });
    expect(resolveTopic('inondatoin')).toEqual({ kind: 'alert', code: 'flood' });
    expect(resolveTopic('snate')).toEqual({ kind: 'theme', code: 'health' });
    expect(resolveTopic('helth')).toEqual({ kind: 'theme', code: 'health' });
    expect(resolveTopic('bie')).toBeNull(); // "bei" is too short to guess at
  });

  it('gives null for a slip that could be two topics', () => {
    expect(resolveTopic('fare')).toBeNull(); // Hausa "fari" (drought) or "fara" (locusts)
  });

  it('names nothing with a place, a whole phrase with a place in it, or nothing at all', () => {
    for (const text of ['Maradi', 'Zinder', 'Tahoua', 'Niamey', 'Agadez', 'Dosso', 'Mali', 'Kano', 'Nairobi', 'Mombasa', 'Kisumu', 'Dakar']) {
      expect(resolveTopic(text), text).toBeNull();
    }
    expect(resolveTopic('prix du marché Maradi')).toBeNull();
    expect(resolveTopic('')).toBeNull();
    expect(resolveTopic('?!')).toBeNull();
  });
});

describe('topicName', () => {
  it('names a topic in the language asked, falling back to English', () => {
    expect(topicName({ kind: 'alert', code: 'locusts' }, 'fr')).toBe('Criquets');
    expect(topicName({ kind: 'alert', code: 'market_prices' }, 'fr-NE')).toBe('Prix du marché');
    expect(topicName({ kind: 'alert', code: 'drought' }, 'pt')).toBe('Drought');
    expect(topicName({ kind: 'theme', code: 'health' }, 'ha')).toBe('Lafiya');
  });

  it('has a name for every alert category in every SMS language, and each name resolves to its category', () => {
    for (const code of ALERT_CATEGORIES) {
      for (const names of Object.values(ALERT_NAMES[code])) {
        for (const name of names) expect(resolveTopic(name), name).toEqual({ kind: 'alert', code });
      }
    }
  });

  it('resolves every theme by its code and its label in each SMS language', () => {
    for (const code of THEMES) {
      for (const lang of ['en', 'fr', 'es', 'sw', 'ha', 'ar']) {
        const label = topicName({ kind: 'theme', code }, lang);
        expect(resolveTopic(label), `${code} ${lang}: ${label}`).toEqual({ kind: 'theme', code });
      }
    }
  });
});
