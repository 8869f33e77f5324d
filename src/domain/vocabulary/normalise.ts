/**
 * Text normalisation for matching typed queries against the vocabulary: case, accents, Arabic diacritics and
 * letter variants, Indic nukta and invisible joiners, Hausa hooked letters, and non-ASCII digits all fold away,
 * so "Santé", "sante" and "SANTE" — or "الصحّة" and "الصحة" — compare equal. Pure.
 */

const HAUSA_HOOKS: Readonly<Record<string, string>> = { 'ɓ': 'b', 'ɗ': 'd', 'ƙ': 'k', 'ƴ': 'y' };
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك', 'ې': 'ي',
};
/** Zero-based code points of the digit zero in scripts people type numbers in ("هدف ٣", "এসডিজি ৩"). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6];

const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const INDIC_NUKTA = /[\u093c\u09bc]/g;
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const TOKEN = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
/** Apostrophes and modifier letters that separate words ("l'eau", "'yan mata", "al'ada"). */
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc\u02bd\u0060\u00b4]/g;
const ARABIC_SCRIPT = /^\p{Script=Arabic}/u;
/** Light Arabic prefix stripping (after Lucene's ArabicNormalizer/Stemmer): "والملاريا" → "ملاريا". */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];

/** Normalises a whole string for comparison (no tokenising, no stemming). */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(LATIN_WITH_MARKS, '$1')
    .replace(/[ɓɗƙƴ]/g, (c) => HAUSA_HOOKS[c] ?? c)
    .replace(ARABIC_MARKS, '')
    .replace(/[ٱىةیکې]/g, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(INDIC_NUKTA, '')
    .replace(/\u0901/g, '\u0902')
    .replace(INVISIBLES, '')
    .replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g, (d) => {
      const code = d.codePointAt(0)!;
      const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
      return String(code - zero);
    })
    .replace(APOSTROPHES, ' ');
}

function stripArabicPrefix(token: string): string {
  if (!ARABIC_SCRIPT.test(token)) return token;
  for (const prefix of ARABIC_PREFIXES) {
    // Keep at least three letters so short words are not eaten ("ولد" stays).
    if (token.startsWith(prefix) && token.length - prefix.length >= 3) return token.slice(prefix.length);
  }
  return token;
}

export type Token = { readonly norm: string; readonly start: number; readonly end: number };

/** Splits text into normalised word tokens, keeping each one's span in the original text. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // Apostrophes split words; replacing them one-for-one keeps offsets aligned with the original text.
  const spaced = text.replace(APOSTROPHES, ' ');
  for (const m of spaced.matchAll(TOKEN)) {
    const start = m.index;
    for (const part of normaliseText(m[0]).split(/[^\p{L}\p{M}\p{N}]+/u)) {
      if (part) tokens.push({ norm: stripArabicPrefix(part), start, end: start + m[0].length });
    }
  }
  return tokens;
}

/** Normalised tokens of a term, as the matcher stores them. */
export function termTokens(term: string): string[] {
  return tokenise(term).map((t) => t.norm);
}

/**
 * Inflections a query word may carry that the vocabulary lists without: plural -s; the Hausa linker -n
 * ("ruwan sha", "yanayin"; not -r, which would read Spanish "matar", to kill, as Hausa "mata", women); the Swahili locative -ni ("sokoni", "shuleni"); Bengali and Hindi
 * case endings; Arabic plural endings. Tried only on the query side, so a listed word is never cut down,
 * and a variant counts only when it is itself a vocabulary word.
 */
const SUFFIXES: ReadonlyArray<readonly [RegExp, readonly RegExp[], number]> = [
  [/^\p{Script=Latin}+$/u, [/s$/, /(?<=[aeiou])n$/, /ni$/], 3],
  [/^\p{Script=Bengali}+$/u, suffixPatterns(['গুলো', 'গুলি', 'দের', 'েরা', 'রা', 'ের', 'এর', 'র', 'তে', 'কে', 'টি', 'টা', 'য়', 'ে']), 2],
  [/^\p{Script=Devanagari}+$/u, suffixPatterns(['ियों', 'ियां', 'ाओं', 'ाएं', 'ों', 'ें']), 2],
  [/^\p{Script=Arabic}+$/u, suffixPatterns(['ات', 'ون', 'ين', 'ان', 'ها', 'هم']), 4],
];

function suffixPatterns(suffixes: readonly string[]): RegExp[] {
  return suffixes.map((suffix) => new RegExp(`${normaliseText(suffix)}$`, 'u'));
}

/** Words whose ending only looks like an inflection: Hausa "farin" (white, as in "farin ciki", joy) is not
 * "fari" (drought) with a linker. */
const NOT_INFLECTED = new Set(['farin']);

/** The token itself, then forms without one common inflectional ending. */
export function queryVariants(token: string): string[] {
  const variants = [token];
  if (NOT_INFLECTED.has(token)) return variants;
  for (const [script, patterns, keep] of SUFFIXES) {
    if (!script.test(token)) continue;
    for (const pattern of patterns) {
      const stem = token.replace(pattern, '');
      if (stem !== token && [...stem].length >= keep) variants.push(stem);
    }
  }
  return variants;
}
