import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../taxonomy/vocabularies.js';
import { termsOf } from '../vocabulary/vocabulary.js';
import { parseCommand } from './commands.js';
import {
  KEYWORDS, KEYWORD_KINDS, KEYWORD_TABLE, MIN_FUZZY_LETTERS, NOT_TYPOS, SMS_LANGS, isOneEditAway, keywordCandidates, matchKeyword,
  normalisedWords,
} from './keywords.js';
import { ALERT_NAMES } from './topics.js';

describe('parseCommand: keywords', () => {
  it.each([
    ['HELP', 'help', 'en'], ['aide', 'help', 'fr'], ['Ayuda', 'help', 'es'], ['MSAADA', 'help', 'sw'], ['taimako', 'help', 'ha'],
    ['مساعدة', 'help', 'ar'], ['MORE', 'more', 'en'], ['plus', 'more', 'fr'], ['MÁS', 'more', 'es'], ['Zaidi', 'more', 'sw'],
    ['ƘARI', 'more', 'ha'], ['المزيد', 'more', 'ar'], ['ARRÊT', 'stop', 'fr'], ['alto', 'stop', 'es'], ['ACHA', 'stop', 'sw'],
    ['TSAYA', 'stop', 'ha'], ['توقف', 'stop', 'ar'], ['START', 'start', 'en'], ['DÉMARRER', 'start', 'fr'], ['ابدأ', 'start', 'ar'],
  ] as const)('%s is %s, in %s', (text, kind, lang) => {
    expect(parseCommand(text)).toEqual({ kind, lang });
  });

  it('tolerates case, accents, spaces and punctuation around the keyword', () => {
    expect(parseCommand('  Aide ! ')).toEqual({ kind: 'help', lang: 'fr' });
    expect(parseCommand('stop.')).toEqual({ kind: 'stop', lang: null });
    expect(parseCommand('"Arrêter"')).toEqual({ kind: 'stop', lang: 'fr' });
    expect(parseCommand('المساعدة؟')).toEqual({ kind: 'help', lang: 'ar' });
  });

  it('forgives one slip in keywords of four letters or more, and none in shorter ones', () => {
    expect(parseCommand('HELPP')).toMatchObject({ kind: 'help' });
    expect(parseCommand('STPO')).toMatchObject({ kind: 'stop' });
    expect(parseCommand('CHERHCER mil')).toEqual({ kind: 'find', words: ['mil'], lang: 'fr' });
    expect(parseCommand('TAFTUA maji')).toMatchObject({ kind: 'find', lang: 'sw' });
    expect(parseCommand('SBU sante')).toMatchObject({ kind: 'unknown' });
    expect(parseCommand('MSA')).toMatchObject({ kind: 'unknown' });
  });

  it('does not take real words near a keyword for slips of it', () => {
    expect(parseCommand('AIDS')).toMatchObject({ kind: 'unknown' });
    expect(parseCommand('Fine thanks')).toMatchObject({ kind: 'unknown' });
    expect(parseCommand('Para mi hijo')).toMatchObject({ kind: 'unknown' }); // not PARAR, stop
    expect(parseCommand('Baba yangu anaumwa')).toMatchObject({ kind: 'unknown' }); // not BAJA, stop
    for (const word of NOT_TYPOS) expect(keywordCandidates([word]), word).toEqual([]);
  });

  it('reads a topic word that starts a text as no keyword, not as a slip of one', () => {
    for (const text of ['fari Maradi', 'damina', "bala'i", 'Noma', 'kazi', 'auto-emploi', 'kwari']) {
      expect(parseCommand(text).kind, text).toBe('unknown');
    }
    const topics = [...Object.values(ALERT_NAMES).flatMap((byLang) => Object.values(byLang).flat()), ...THEMES.flatMap((t) => termsOf('theme', t))];
    const misread = topics.filter((t) => parseCommand(t).kind !== 'unknown' && !keywordCandidates(normalisedWords(t)).some((k) => k.tokens.every((w, i) => normalisedWords(t)[i] === w)));
    expect(misread).toEqual([]);
  });

  it('lists only words that would be read as a slip', () => {
    const nearest = (word: string) => KEYWORD_TABLE.filter((k) => k.tokens.length === 1 && isOneEditAway(word, k.tokens[0]!));
    for (const word of NOT_TYPOS) expect(nearest(word).length, word).toBeGreaterThan(0);
  });

  it('opts in again only on the START keyword itself, never on a slip', () => {
    expect(parseCommand('START')).toEqual({ kind: 'start', lang: 'en' });
    for (const text of ['STRAT', 'smart', 'Stars', 'demarer']) expect(parseCommand(text).kind, text).toBe('unknown');
  });

  it('reads the usual opt-out words as STOP, whatever follows', () => {
    for (const word of ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'BAJA']) {
      expect(parseCommand(word).kind).toBe('stop');
    }
    expect(parseCommand('STOP sending me messages').kind).toBe('stop');
    expect(parseCommand('STOP')).toMatchObject({ lang: null }); // every language's opt-out word
  });

  it('needs the keyword first', () => {
    expect(parseCommand('please stop')).toEqual({ kind: 'unknown', text: 'please stop', lang: null });
  });

  it('reads anything else as unknown, never throwing', () => {
    for (const text of ['', '   ', 'Bonjour', '\u0000\u0001\uFFFD', '😀😀', 'x'.repeat(1000), 'ɓ'.repeat(1000), '12345', '?']) {
      const command = parseCommand(text);
      expect(command.kind).toBe('unknown');
      expect(command).toMatchObject({ text: text.trim(), lang: null });
    }
  });

  it('reads a two-word Arabic keyword whole', () => {
    expect(parseCommand('إلغاء الاشتراك الجفاف')).toEqual({ kind: 'unsub', topic: 'الجفاف', lang: 'ar' });
    expect(parseCommand('إلغاء الجفاف')).toEqual({ kind: 'unsub', topic: 'الجفاف', lang: 'ar' });
  });
});

describe('parseCommand: arguments', () => {
  it('reads FIND words as typed, without punctuation', () => {
    expect(parseCommand('FIND paludisme')).toEqual({ kind: 'find', words: ['paludisme'], lang: 'en' });
    expect(parseCommand('Chercher: santé, enfants.')).toEqual({ kind: 'find', words: ['santé', 'enfants'], lang: 'fr' });
    expect(parseCommand('بحث ملاريا')).toEqual({ kind: 'find', words: ['ملاريا'], lang: 'ar' });
  });

  it('reads FIND alone as unknown, for the short help that shows how to use it', () => {
    expect(parseCommand('FIND')).toEqual({ kind: 'unknown', text: 'FIND', lang: 'en' });
    expect(parseCommand('buscar ?')).toEqual({ kind: 'unknown', text: 'buscar ?', lang: 'es' });
  });

  it('reads a practice code: 8 to 12 hex digits (the end of the id), with or without dashes, any case, or a whole uuid', () => {
    expect(parseCommand('INFO 3F2A9C1E')).toEqual({ kind: 'info', code: '3f2a9c1e', lang: null });
    expect(parseCommand('info 3f2a-9c1e')).toMatchObject({ code: '3f2a9c1e' });
    expect(parseCommand('INFO #3f2a9c1e')).toMatchObject({ code: '3f2a9c1e' });
    expect(parseCommand('INFO 3f2a9c1e-0b1c-4d2e-8f3a-5b6c7d8e9f01')).toMatchObject({ code: '3f2a9c1e0b1c4d2e8f3a5b6c7d8e9f01' });
    expect(parseCommand('INFO 5b6c7d8e9f01')).toMatchObject({ code: '5b6c7d8e9f01' });
    expect(parseCommand('BAYANI 3f2a9c1e')).toEqual({ kind: 'info', code: '3f2a9c1e', lang: 'ha' });
  });

  it('gives a null code when INFO has none or a malformed one', () => {
    for (const text of ['INFO', 'INFO hello', 'INFO 3f2a9c1', 'INFO 3f2a9c1e0b1c4', 'INFO 3g2a9c1e']) {
      expect(parseCommand(text)).toMatchObject({ kind: 'info', code: null });
    }
  });

  it('splits SUB into the longest topic it knows and the place', () => {
    // After an English keyword, a topic named in one other language tells the person's language.
    expect(parseCommand('SUB sante Maradi')).toEqual({ kind: 'sub', topic: 'sante', place: 'Maradi', lang: 'fr' });
    expect(parseCommand('SUB afya')).toMatchObject({ lang: 'sw' });
    expect(parseCommand('UNSUB sécheresse')).toMatchObject({ kind: 'unsub', lang: 'fr' });
    expect(parseCommand('SUB drought Maradi')).toMatchObject({ lang: 'en' });
    // A topic word several languages share says nothing; a keyword in another language is kept.
    expect(parseCommand('SUB radio')).toMatchObject({ lang: 'en' });
    expect(parseCommand('ABONNER drought')).toMatchObject({ lang: 'fr' });
    expect(parseCommand('ABONNER prix du marché Maradi')).toEqual({ kind: 'sub', topic: 'prix du marché', place: 'Maradi', lang: 'fr' });
    expect(parseCommand('abonner criquets Tillabéri Niger')).toMatchObject({ topic: 'criquets', place: 'Tillabéri Niger' });
    expect(parseCommand('JIUNGE ukame')).toEqual({ kind: 'sub', topic: 'ukame', place: null, lang: 'sw' });
    expect(parseCommand('SHIGA fari, Maradi')).toMatchObject({ topic: 'fari', place: 'Maradi' });
  });

  it('takes the first word as the topic when no leading words name one', () => {
    expect(parseCommand('SUB volcans Goma Kivu')).toMatchObject({ kind: 'sub', topic: 'volcans', place: 'Goma Kivu' });
  });

  it('reads a 1,000-character SUB, taking no topic name to be longer than eight words', () => {
    expect(parseCommand(`SUB sécheresse ${'Maradi '.repeat(140)}`)).toMatchObject({ kind: 'sub', topic: 'sécheresse' });
    const topics = [...Object.values(ALERT_NAMES).flatMap((byLang) => Object.values(byLang).flat()), ...THEMES.flatMap((t) => termsOf('theme', t))];
    expect(Math.max(...topics.map((t) => t.split(/\s+/).length))).toBeLessThanOrEqual(8);
  });

  it('reads SUB alone as unknown', () => {
    expect(parseCommand('SUB')).toMatchObject({ kind: 'unknown' });
  });

  it('reads UNSUB with a topic, alone or with ALL as every topic', () => {
    expect(parseCommand('DESABONNER sécheresse')).toEqual({ kind: 'unsub', topic: 'sécheresse', lang: 'fr' });
    expect(parseCommand('UNSUB prix du marché Maradi')).toMatchObject({ topic: 'prix du marché' });
    for (const text of ['UNSUB', 'UNSUB all', 'desabonner TOUT', 'ONDOA zote', 'إلغاء الكل']) {
      expect(parseCommand(text)).toMatchObject({ kind: 'unsub', topic: null });
    }
  });

  it('reads a language by code or by name in any SMS language', () => {
    expect(parseCommand('LANG fr')).toEqual({ kind: 'lang', code: 'fr', lang: 'en' });
    expect(parseCommand('LANGUE Français')).toEqual({ kind: 'lang', code: 'fr', lang: 'fr' });
    expect(parseCommand('LUGHA Kiswahili')).toMatchObject({ code: 'sw' });
    expect(parseCommand('HARSHE Hausa')).toMatchObject({ code: 'ha' });
    expect(parseCommand('IDIOMA ingles')).toMatchObject({ code: 'en' });
    expect(parseCommand('اللغة العربية')).toEqual({ kind: 'lang', code: 'ar', lang: 'ar' });
    expect(parseCommand('LANG franacis')).toMatchObject({ code: 'fr' }); // one slip
    expect(parseCommand('LANG pt')).toMatchObject({ code: 'pt' }); // the service decides whether SMS speaks it
    expect(parseCommand('LANG')).toMatchObject({ kind: 'lang', code: null });
    expect(parseCommand('LANG klingon')).toMatchObject({ kind: 'lang', code: null });
  });
});

describe('the keyword table', () => {
  const alphabet = [...new Set(KEYWORD_TABLE.flatMap((k) => k.tokens.flatMap((t) => [...t]))), '\u0000'];
  /** The word and, when it is long enough to forgive them, every slip of it ('\0' stands for any other letter). */
  function slips(word: string): string[] {
    const c = [...word];
    const out = new Set([word]);
    if (c.length < MIN_FUZZY_LETTERS) return [...out];
    const at = (i: number, ...mid: string[]): string => [...c.slice(0, i), ...mid].join('');
    for (let i = 0; i <= c.length; i++) {
      for (const a of alphabet) out.add(at(i, a, ...c.slice(i)));
      if (i === c.length) continue;
      out.add(at(i, ...c.slice(i + 1)));
      for (const a of alphabet) out.add(at(i, a, ...c.slice(i + 1)));
      if (i + 1 < c.length) out.add(at(i, c[i + 1]!, c[i]!, ...c.slice(i + 2)));
    }
    return [...out];
  }

  it('has no keyword one slip from a keyword of another command', () => {
    const clashes = KEYWORD_TABLE.flatMap((k) => {
      const kinds = new Set(keywordCandidates(k.tokens).map((c) => c.kind));
      return kinds.size > 1 ? [`${k.written}: ${[...kinds].join(', ')}`] : [];
    });
    expect(clashes).toEqual([]);
  });

  it('reads no slip as the wrong command: a slip two commands share is no keyword, and only known pairs share one', () => {
    const shared = new Set<string>();
    for (const k of KEYWORD_TABLE) {
      k.tokens.forEach((token, i) => {
        for (const slip of slips(token)) {
          const words = k.tokens.map((t, j) => (j === i ? slip : t));
          const candidates = keywordCandidates(words);
          if (new Set(candidates.map((c) => c.kind)).size < 2) continue;
          shared.add(candidates.map((c) => c.written).sort().join('/'));
          expect(matchKeyword(words), slip).toBeNull();
        }
      });
    }
    expect([...shared].sort()).toEqual(['AIDE/ZAIDI', 'DESUSCRIBIR/SUSCRIBIR', 'SUBSCRIBE/UNSUBSCRIBE']);
  });

  it('has every command in every language', () => {
    for (const kind of KEYWORD_KINDS) for (const lang of SMS_LANGS) expect(KEYWORDS[kind][lang]?.length, `${kind} ${lang}`).toBeGreaterThan(0);
  });

  it('is listed whole in keywords.md', () => {
    const doc = readFileSync(new URL('./keywords.md', import.meta.url), 'utf8');
    const missing = Object.values(KEYWORDS).flatMap((byLang) => Object.values(byLang).flat()).filter((w) => !doc.includes(w));
    expect(missing).toEqual([]);
  });
});
