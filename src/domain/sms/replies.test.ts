import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';
import { SMS_LANGS } from './keywords.js';
import { REPLY_CATALOGUES, replyText, type ReplyKey } from './replies.js';
import { encodingOf, segmentsOf } from './segments.js';

const KEYS = Object.keys(REPLY_CATALOGUES.en) as ReplyKey[];
/** Short ASCII values, as a reply would carry for a short topic, place or title. */
const SAMPLE = { n: 3, title: 'Radio for farmers', code: '3f2a9c1e', query: 'malaria', summary: 'Weekly radio show.', topic: 'Drought', place: 'Maradi' };
const placeholders = (source: string): string[] => [...source.matchAll(/\{(\w+)/g)].map((m) => m[1]!).sort();

/** The commands a text's words (and pairs of words, for two-word keywords) parse as. */
function commandsNamed(text: string): Set<string> {
  const words = text.split(/[\s.,;:()!?"،+/]+/).filter(Boolean);
  const kinds = words.flatMap((w, i) => [parseCommand(w).kind, parseCommand(`${w} ${words[i + 1] ?? ''}`).kind]);
  return new Set(kinds.filter((k) => k !== 'unknown'));
}

describe('SMS reply catalogues', () => {
  it('have every key in every language, with the same placeholders as English', () => {
    for (const lang of SMS_LANGS) {
      expect(Object.keys(REPLY_CATALOGUES[lang]).sort(), lang).toEqual([...KEYS].sort());
      for (const key of KEYS) expect(placeholders(REPLY_CATALOGUES[lang][key]!), `${lang} ${key}`).toEqual(placeholders(REPLY_CATALOGUES.en[key]!));
    }
  });

  it('format every message in every language', () => {
    for (const lang of SMS_LANGS) {
      for (const key of KEYS) {
        const text = replyText(lang, key, SAMPLE);
        expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
        expect(text.length).toBeGreaterThan(0);
      }
    }
    expect(replyText('fr', 'no_results', { query: 'mil' })).toBe('Rien trouvé pour "mil". Essayez d\'autres mots ou envoyez AIDE.');
    expect(replyText('ha', 'unknown_text')).toContain("'yan kalmomi");
  });

  it('stay inside GSM 03.38 in English, French, Spanish, Swahili and Hausa', () => {
    for (const lang of ['en', 'fr', 'es', 'sw', 'ha'] as const) {
      for (const key of KEYS) expect(encodingOf(replyText(lang, key, SAMPLE)), `${lang} ${key}`).toBe('gsm7');
    }
  });

  it('fit one SMS, or two in Arabic', () => {
    for (const lang of SMS_LANGS) {
      for (const key of KEYS) {
        expect(segmentsOf(replyText(lang, key, SAMPLE)).segments, `${lang} ${key}`).toBeLessThanOrEqual(lang === 'ar' ? 2 : 1);
      }
    }
  });

  it('list the commands in the help, with keywords that work', () => {
    for (const lang of SMS_LANGS) {
      expect(commandsNamed(replyText(lang, 'help')), lang).toEqual(new Set(['find', 'info', 'sub', 'unsub', 'lang', 'stop']));
      expect(commandsNamed(replyText(lang, 'unknown_text')), lang).toEqual(new Set(['help', 'find']));
    }
  });

  it('tell how to opt in again when confirming STOP, and how to ask for more', () => {
    for (const lang of SMS_LANGS) {
      expect(commandsNamed(replyText(lang, 'stop_ok')), lang).toContain('start');
      expect(commandsNamed(replyText(lang, 'more')), lang).toEqual(new Set(['more']));
    }
  });
});

describe('replyText', () => {
  it('speaks the language asked, by its primary tag', () => {
    expect(replyText('fr-NE', 'rate_limited')).toBe(replyText('fr', 'rate_limited'));
    expect(replyText('SW', 'more')).toBe('Tuma ZAIDI');
  });

  it('falls back to English for an unknown language or none', () => {
    expect(replyText('pt', 'more')).toBe('Send MORE');
    expect(replyText(null, 'more')).toBe('Send MORE');
    expect(replyText('', 'more')).toBe('Send MORE');
  });

  it('shows a key no catalogue has as itself', () => {
    expect(replyText('fr', 'no_such_key' as ReplyKey)).toBe('no_such_key');
  });
});
