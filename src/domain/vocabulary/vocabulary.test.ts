import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDGS, TARGET_GROUPS, TECHNOLOGIES, THEMES, WSIS_ACTION_LINES } from '../taxonomy/vocabularies.js';
import { SDG_VOCABULARY } from './sdgs.js';
import { TARGET_GROUP_VOCABULARY } from './target-groups.js';
import { TECHNOLOGY_VOCABULARY } from './technologies.js';
import { THEME_VOCABULARY } from './themes.js';
import { VOCABULARY_LANGS, type ConceptTable } from './types.js';
import { type Facet, conceptLabel, matchConcepts, termsOf } from './vocabulary.js';
import { WSIS_VOCABULARY } from './wsis.js';

const values = (query: string, facet: Facet): string[] =>
  matchConcepts(query).filter((m) => m.facet === facet).map((m) => m.value);

describe('matchConcepts', () => {
  it.each(['paludisme', 'malaria', 'zazzabin cizon sauro', 'ম্যালেরিয়া', 'الملاريا', 'मलेरिया', 'malária', 'chanjo'])(
    '%s names the health theme',
    (query) => {
      expect(matchConcepts(query)).toContainEqual({ facet: 'theme', value: 'health', matched: query });
    },
  );

  it('finds drought in Swahili, Hausa, Bengali and Arabic queries', () => {
    expect(values('Wakulima wanakabiliwa na ukame mkali', 'theme')).toContain('disaster_risk');
    expect(values('yadda za a kare amfanin gona daga fari', 'theme')).toEqual(expect.arrayContaining(['disaster_risk', 'agriculture']));
    expect(values('খরার সময় কৃষকদের সাহায্য', 'theme')).toContain('disaster_risk');
    expect(values('كيف نحمي المحاصيل من الجفاف', 'theme')).toEqual(expect.arrayContaining(['disaster_risk', 'climate', 'agriculture']));
  });

  it('reads the Hausa linker and the Swahili locative', () => {
    expect(values('ruwan sha', 'theme')).toEqual(['water']);
    expect(values('yanayin damina', 'theme')).toEqual(['climate']);
    expect(values('bei sokoni', 'theme')).toEqual(['markets']);
    expect(values('farin ciki', 'theme')).toEqual([]); // joy, not drought
  });

  it('does not take common words of one language for words of another', () => {
    expect(values('jinsi ya kulima', 'theme')).toEqual([]); // Swahili "how", not Hausa "gender"
    expect(values('a pesar de todo', 'theme')).toEqual([]); // Spanish "despite", not Swahili "pesa"
    expect(matchConcepts('former electrons wakati प्रकार')).toEqual([]);
  });

  it('forgives one typo in long words only, and not in the first letter', () => {
    expect(values('agricultre', 'theme')).toEqual(['agriculture']);
    expect(values('palludisme', 'theme')).toEqual(['health']);
    expect(matchConcepts('rafio')).toEqual([]); // "radio" has five letters: too short to guess at
    expect(matchConcepts('Mali')).toEqual([]); // not "maji" (water, Swahili)
    expect(matchConcepts('wealth')).toEqual([]); // not "health"
  });

  it('matches whole words, not pieces of words', () => {
    expect(values('art', 'theme')).toEqual(['culture']);
    expect(values('partnership with partners', 'theme')).toEqual([]);
    expect(values('smart', 'technology')).toEqual([]);
    expect(matchConcepts('radiology')).toEqual([]);
  });

  it('folds case, accents, Arabic diacritics and letter forms, Hausa hooks and non-Latin digits', () => {
    expect(values('SANTÉ MATERNELLE', 'theme')).toEqual(['health']);
    expect(values('الْمَلَارِيَا', 'theme')).toEqual(['health']);
    expect(values('المـــلاريا', 'theme')).toEqual(['health']);
    expect(values('اعصار', 'theme')).toEqual(['disaster_risk']);
    expect(values('ƙananan manoma', 'targetGroup')).toEqual(['farmers']);
    expect(values('ƙungiyoyin mata', 'targetGroup')).toEqual(['women']);
    expect(values('الهدف ٣', 'sdg')).toEqual(['3']);
    expect(values('এসডিজি ৩', 'sdg')).toEqual(['3']);
  });

  it('understands common inflections: plurals, Arabic articles and prefixes, Bengali and Hindi case endings', () => {
    expect(values('radio programmes', 'technology')).toEqual(['radio']);
    expect(values('بالملاريا', 'theme')).toEqual(['health']);
    expect(values('المزارعين', 'targetGroup')).toEqual(['farmers']);
    expect(values('किसानों के लिए', 'targetGroup')).toEqual(['farmers']);
    expect(values('কৃষকদের', 'targetGroup')).toEqual(['farmers']);
  });

  it('reads multi-word phrases and reports the longest phrase, as typed, once per concept', () => {
    const matches = matchConcepts('Santé maternelle : le paludisme et la santé');
    expect(matches.filter((m) => m.value === 'health' && m.facet === 'theme')).toEqual([
      { facet: 'theme', value: 'health', matched: 'Santé maternelle' },
    ]);
    expect(matchConcepts("l'eau potable")).toContainEqual({ facet: 'theme', value: 'water', matched: 'eau potable' });
  });

  it('lets a phrase hide the words inside it that name other concepts', () => {
    expect(values('zaman lafiya', 'theme')).toEqual([]); // peace, not health
    expect(values('zaman lafiya', 'sdg')).toEqual(['16']);
    expect(values('sign language', 'theme')).toEqual([]); // not culture
    expect(values('sign language', 'targetGroup')).toEqual(['persons_with_disabilities']);
  });

  it('reads a mixed-script, right-to-left and left-to-right query', () => {
    const found = matchConcepts('radio الجفاف ফসল noma kilimo टीकाकरण');
    expect(found.map((m) => `${m.facet}:${m.value}`)).toEqual(
      expect.arrayContaining(['technology:radio', 'theme:disaster_risk', 'theme:agriculture', 'theme:health']),
    );
  });

  it('names goals and action lines by number and code', () => {
    expect(values('SDG 3', 'sdg')).toEqual(['3']);
    expect(values('ODD3 et ODS 13', 'sdg')).toEqual(['3', '13']);
    expect(values('WSIS C7 e-health', 'wsis')).toEqual(['C7']);
  });

  it('never names the catch-all technology by its label', () => {
    expect(values('the other day', 'technology')).toEqual([]);
    expect(values('television', 'technology')).toEqual(['other']);
  });

  it('answers empty, punctuation-only, SQL-looking and huge queries quickly without throwing', () => {
    expect(matchConcepts('')).toEqual([]);
    expect(matchConcepts('   ?!… ;; -- ***')).toEqual([]);
    expect(matchConcepts("'; DROP TABLE practices; --")).toEqual([]);
    const huge = 'farmers drought ম্যালেরিয়া xyzzy '.repeat(400).slice(0, 10_000);
    const started = performance.now();
    const found = matchConcepts(huge);
    expect(performance.now() - started).toBeLessThan(250);
    expect(found.length).toBeGreaterThan(2);
    expect(matchConcepts('a'.repeat(10_000))).toEqual([]);
  });

  it('takes well under a millisecond for a 100-character query once the index is built', () => {
    const query = 'Comment les agricultrices du Sahel utilisent la radio communautaire contre la sécheresse et les criquets';
    matchConcepts(query);
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) matchConcepts(query);
    expect((performance.now() - started) / runs).toBeLessThan(1);
  });
});

describe('termsOf', () => {
  it('gives the terms of a concept in every language', () => {
    const terms = termsOf('theme', 'health');
    for (const t of ['paludisme', 'malaria', 'الملاريا', 'zazzabin cizon sauro', 'ম্যালেরিয়া', 'मलेरिया', 'chanjo', 'malária', 'Salud']) {
      expect(terms).toContain(t);
    }
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('puts the labels of every language first, so a truncated list still covers them all', () => {
    expect(termsOf('theme', 'health').slice(0, 9)).toEqual(VOCABULARY_LANGS.map((lang) => conceptLabel('theme', 'health', lang)));
  });

  it('is empty for an unknown concept', () => {
    expect(termsOf('theme', 'astrology')).toEqual([]);
  });
});

describe('conceptLabel', () => {
  it('gives the label in the language, by primary subtag, else in English, else the value', () => {
    expect(conceptLabel('theme', 'health', 'fr')).toBe('Santé');
    expect(conceptLabel('theme', 'health', 'pt-BR')).toBe('Saúde');
    expect(conceptLabel('technology', 'radio', 'ha')).toBe('Rediyo');
    expect(conceptLabel('theme', 'health', 'de')).toBe('Health');
    expect(conceptLabel('sdg', '13', 'sw')).toBe('Kuchukua hatua kuhusu mabadiliko ya tabianchi');
    expect(conceptLabel('theme', 'astrology', 'fr')).toBe('astrology');
    expect(conceptLabel('theme', 'toString', 'fr')).toBe('toString');
  });
});

describe('the vocabulary data', () => {
  const tables: Array<[Facet, string, ConceptTable<string>, readonly string[]]> = [
    ['theme', 'theme', THEME_VOCABULARY, THEMES],
    ['targetGroup', 'target_group', TARGET_GROUP_VOCABULARY, TARGET_GROUPS],
    ['technology', 'technology', TECHNOLOGY_VOCABULARY, TECHNOLOGIES],
    ['sdg', 'sdg', SDG_VOCABULARY, SDGS.map(String)],
    ['wsis', 'wsis', WSIS_VOCABULARY, WSIS_ACTION_LINES],
  ];

  it.each(tables)('covers every %s value in every language with a label and at least three synonyms', (_f, _k, table, expected) => {
    expect(Object.keys(table).sort()).toEqual([...expected].sort());
    for (const langs of Object.values(table)) {
      for (const lang of VOCABULARY_LANGS) {
        expect(langs[lang].label.trim()).not.toBe('');
        expect(langs[lang].synonyms.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it.each(['en', 'fr', 'es', 'ar'])('uses the interface labels of %s', (lang) => {
    const url = new URL(`../../web/i18n/messages/${lang}.json`, import.meta.url);
    const messages = JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
    for (const [facet, prefix, , expected] of tables) {
      for (const value of expected) {
        expect(conceptLabel(facet, value, lang), `${prefix}.${value}`).toBe(messages[`${prefix}.${value}`]);
      }
    }
  });
});
