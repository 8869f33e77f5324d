/**
 * SMS command keywords in the languages people text in, and the tolerant matcher that reads them: case,
 * accents, Arabic letter forms and the article, Hausa hooks, punctuation and one slip (Damerau-Levenshtein
 * distance 1) in keywords of four letters or more are forgiven. The table is listed, with who must review
 * it, in keywords.md beside this file (a test keeps the two in step). Pure.
 */
import { tokenise } from '../vocabulary/normalise.js';

export const SMS_LANGS = ['en', 'fr', 'es', 'sw', 'ha', 'ar'] as const;
export type SmsLang = (typeof SMS_LANGS)[number];

export const KEYWORD_KINDS = ['help', 'find', 'more', 'info', 'sub', 'unsub', 'lang', 'stop', 'start'] as const;
export type KeywordKind = (typeof KEYWORD_KINDS)[number];

/**
 * A word listed under several languages tells none of them (INFO, STOP). No keyword is one slip from a keyword
 * of another command, and words that would share a slip with one are left out where another word does as
 * well (keywords.md lists them); a test checks the whole table. The few pairs kept two slips apart (AIDE and
 * ZAIDI, SUBSCRIBE and UNSUBSCRIBE, SUSCRIBIR and DESUSCRIBIR) read their shared slips as no keyword.
 */
export const KEYWORDS: Readonly<Record<KeywordKind, Readonly<Partial<Record<SmsLang, readonly string[]>>>>> = {
  help: {
    en: ['HELP', 'MENU'], fr: ['AIDE'], es: ['AYUDA'], sw: ['MSAADA'], ha: ['TAIMAKO'], ar: ['مساعدة'],
  },
  find: {
    en: ['FIND', 'SEARCH'], fr: ['CHERCHER', 'CHERCHE', 'RECHERCHE'], es: ['BUSCAR', 'BUSCA'], sw: ['TAFUTA'],
    ha: ['NEMA'], ar: ['بحث'],
  },
  more: { en: ['MORE'], fr: ['PLUS'], es: ['MAS'], sw: ['ZAIDI'], ha: ['KARI'], ar: ['المزيد', 'أكثر'] },
  info: { en: ['INFO'], fr: ['INFO'], es: ['INFO'], sw: ['INFO', 'TAARIFA'], ha: ['INFO', 'BAYANI'], ar: ['معلومات'] },
  sub: {
    en: ['SUB', 'SUBSCRIBE', 'JOIN'], fr: ['ABONNER', 'ABONNEMENT', 'ABO'], es: ['SUSCRIBIR', 'SUSCRIPCION'],
    sw: ['JIUNGE'], ha: ['SHIGA'], ar: ['اشتراك', 'اشترك'],
  },
  unsub: {
    en: ['UNSUB'], fr: ['DESABONNER', 'DESABO', 'DESINSCRIRE'], es: ['DESUSCRIBIR', 'ANULAR'], sw: ['ONDOA'],
    ha: ['JANYE'], ar: ['إلغاء الاشتراك', 'إلغاء'],
  },
  lang: {
    en: ['LANG', 'LANGUAGE'], fr: ['LANGUE'], es: ['IDIOMA', 'LENGUA'], sw: ['LUGHA'], ha: ['HARSHE'], ar: ['اللغة'],
  },
  // The usual opt-out words (CTIA's list and France's STOP) stop everything, whatever follows them.
  stop: {
    en: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'], fr: ['STOP', 'ARRET', 'ARRETER'],
    es: ['STOP', 'ALTO', 'PARAR', 'BAJA'], sw: ['STOP', 'ACHA', 'SITISHA'], ha: ['STOP', 'TSAYA', 'DAINA'],
    ar: ['STOP', 'توقف', 'إيقاف'],
  },
  start: {
    en: ['START'], fr: ['DEMARRER', 'REPRENDRE'], es: ['INICIAR', 'REANUDAR'], sw: ['ANZISHA', 'REJEA'],
    ha: ['DAWO'], ar: ['ابدأ', 'استئناف'],
  },
};

/** Keywords shorter than this match only exactly: too many short words are one slip from another. */
export const MIN_FUZZY_LETTERS = 4;

/** Real words one slip from a keyword that people start messages with: not typos. Spanish "para" (for) and
 * "algo", Swahili "baba" (father) and "daima" (always) would otherwise opt people out. */
export const NOT_TYPOS: ReadonlySet<string> = new Set(['aids', 'fine', 'step', 'shop', 'land', 'long', 'para', 'algo', 'baba', 'daima', 'quite', 'quiet']);

/** Opting in again is consent: only the keyword itself counts, never a slip ("SMART" is not START). */
const EXACT_ONLY: ReadonlySet<KeywordKind> = new Set(['start']);

export type Keyword = { readonly kind: KeywordKind; readonly tokens: readonly string[]; readonly lang: SmsLang | null; readonly written: string };

/** Normalised words of a text, as the matcher compares them ("ARRÊT" → "arret", "اللغة" → "لغه"). */
export function normalisedWords(text: string): string[] {
  return tokenise(text).map((t) => t.norm);
}

function buildTable(): Keyword[] {
  const byWritten = new Map<string, { kind: KeywordKind; langs: SmsLang[]; written: string }>();
  for (const kind of KEYWORD_KINDS) {
    for (const [lang, words] of Object.entries(KEYWORDS[kind]) as Array<[SmsLang, readonly string[]]>) {
      for (const written of words) {
        const key = `${kind}\u0000${normalisedWords(written).join(' ')}`;
        const found = byWritten.get(key);
        if (found) found.langs.push(lang);
        else byWritten.set(key, { kind, langs: [lang], written });
      }
    }
  }
  return [...byWritten.values()].map(({ kind, langs, written }) => ({
    kind,
    tokens: normalisedWords(written),
    lang: langs.length === 1 ? langs[0]! : null,
    written,
  }));
}

/** Every keyword once, with the language it tells (null when listed under several). */
export const KEYWORD_TABLE: readonly Keyword[] = buildTable();

/** True when `b` is `a` with one letter inserted, deleted, changed, or two neighbours swapped (by code point). */
export function isOneEditAway(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return false;
  const rest = (p: number, q: number): boolean => x.length - p === y.length - q && x.slice(p).every((c, k) => c === y[q + k]);
  if (x.length !== y.length) return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
  return rest(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2));
}

/** True when a typed (normalised) word is `word`, or one slip from it and `word` is long enough to tell. */
export function isNearWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if ([...word].length < MIN_FUZZY_LETTERS || NOT_TYPOS.has(typed)) return false;
  return isOneEditAway(typed, word);
}

function matchesKeyword(words: readonly string[], k: Keyword): boolean {
  if (k.tokens.length > words.length) return false;
  return EXACT_ONLY.has(k.kind) ? k.tokens.every((t, i) => words[i] === t) : k.tokens.every((t, i) => isNearWord(words[i]!, t));
}

export type KeywordMatch = { readonly keyword: Keyword; readonly wordCount: number; readonly isExact: boolean };

/** Every keyword a text's first words could be, exact or with a slip (the table test wants at most one kind). */
export function keywordCandidates(words: readonly string[]): Keyword[] {
  return KEYWORD_TABLE.filter((k) => matchesKeyword(words, k));
}

/**
 * The keyword a text starts with, given its normalised words: an exact match before a slip, the longest phrase
 * before a shorter one. Null when there is none, or when a slip could be two different commands.
 */
export function matchKeyword(words: readonly string[]): KeywordMatch | null {
  const candidates = keywordCandidates(words);
  if (candidates.length === 0) return null;
  const isExact = (k: Keyword): boolean => k.tokens.every((t, i) => words[i] === t);
  const exact = candidates.filter(isExact);
  const pool = exact.length > 0 ? exact : candidates;
  const longest = Math.max(...pool.map((k) => k.tokens.length));
  const best = pool.filter((k) => k.tokens.length === longest);
  if (new Set(best.map((k) => k.kind)).size > 1) return null;
  // Several keywords of one command (a slip from two spellings) tell a language only if they agree on it.
  const lang = best.every((k) => k.lang === best[0]!.lang) ? best[0]!.lang : null;
  return { keyword: { ...best[0]!, lang }, wordCount: longest, isExact: exact.length > 0 };
}
