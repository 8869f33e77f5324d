/**
 * How many SMS a text costs, and how to cut a reply to a budget of segments. GSM 03.38 (data_coding 0) when
 * every character is in its alphabet: 160 septets in one message, 153 per part of a concatenated one (a
 * 6-octet UDH), an extension character (^{}\[~]|€ and form feed) costs two septets and its escape pair is
 * never split. Otherwise UCS-2 (data_coding 8): 70 UTF-16 units, 67 per part, a surrogate pair never split.
 * Pure.
 *
 * Encoding and GSM counts come from Twilio's `sms-segments-calculator`, checked against the whole BMP in the
 * tests. Its UCS-2 split is not used: it never cuts inside a grapheme cluster, so vocalised Arabic, Bengali
 * or Devanagari (a letter and its marks are one cluster of 2–4 units) and ZWJ emoji count more parts than
 * an SMSC sends — 67 "بَ" are 134 units, two parts, where it counts three. Phones join the parts before
 * drawing them, so only a surrogate pair must stay whole.
 */
import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsEncoding = 'gsm7' | 'ucs2';
/** `units`: septets in GSM 03.38 (an extension character counts two), UTF-16 code units in UCS-2. */
export type SegmentCount = { encoding: SmsEncoding; segments: number; units: number };

const UCS2_SINGLE = 70;
const UCS2_PART = 67;

function measure(text: string): SegmentedMessage {
  return new SegmentedMessage(text);
}

/** GSM 03.38 when every character is in its default alphabet or extension table, else UCS-2. */
export function encodingOf(text: string): SmsEncoding {
  return measure(text).encodingName === 'GSM-7' ? 'gsm7' : 'ucs2';
}

/** UCS-2 parts: 70 units alone, else 67 per part, cut between code points (never inside a surrogate pair). */
function ucs2Parts(text: string): string[] {
  if (text.length <= UCS2_SINGLE) return [text];
  const parts: string[] = [];
  let part = '';
  for (const cp of text) {
    if (part.length + cp.length > UCS2_PART) {
      parts.push(part);
      part = '';
    }
    part += cp;
  }
  parts.push(part);
  return parts;
}

/**
 * The parts a text is sent as, in order: what an SMPP channel puts in each concatenated `submit_sm` (with a
 * 6-octet UDH) so that it sends exactly `segmentsOf(text).segments` messages. [] for the empty text.
 */
export function partsOf(text: string): string[] {
  if (text === '') return [];
  const m = measure(text);
  if (m.encodingName === 'UCS-2') return ucs2Parts(text);
  const parts: string[] = [];
  for (const segment of m.segments) {
    let part = '';
    // A segment holds its header octets and characters; a character keeps its escape pair together.
    for (const item of segment as Iterable<{ raw?: string }>) part += item.raw ?? '';
    parts.push(part);
  }
  return parts;
}

/** The encoding, number of SMS and units of a text. The empty text costs nothing: 0 segments. */
export function segmentsOf(text: string): SegmentCount {
  if (text === '') return { encoding: 'gsm7', segments: 0, units: 0 };
  const m = measure(text);
  if (m.encodingName === 'GSM-7') return { encoding: 'gsm7', segments: m.segmentsCount, units: m.numberOfCharacters };
  return { encoding: 'ucs2', segments: ucs2Parts(text).length, units: text.length };
}

function fits(text: string, budget: number): boolean {
  return segmentsOf(text).segments <= budget;
}

/** The last index in `[lo, hi]` for which `ok` holds, `ok` being true up to some point and false after. */
function lastTrue(lo: number, hi: number, ok: (i: number) => boolean): number {
  let best = lo - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export type FitOptions = { budget?: number; more: string };
export type Fitted = { text: string; rest: string | null };

/**
 * The text if it fits in `budget` segments (rest null); otherwise its longest head, cut at a word, such that
 * `head + ' ' + more` fits — the caller sends that — and the rest, trimmed, to send when the person answers
 * MORE. A head ending at a line break is preferred when it keeps at least half the length, so that a list
 * is not cut mid-line. A word is cut only when it alone is too long. The whole string is counted, so a
 * `more` in Arabic makes the head UCS-2. The head always holds at least one character, so a caller looping
 * on `rest` ends even with a `more` that does not fit.
 */
export function fitReply(text: string, { budget = 2, more }: FitOptions): Fitted {
  if (fits(text, budget)) return { text, rest: null };
  const withMore = (head: string): boolean => fits(`${head} ${more}`, budget);
  // Candidate cuts: the end of each word, i.e. just before each run of white space.
  const ends = [...text.matchAll(/\S(?=\s)/gu)].map((m) => m.index + m[0].length);
  const i = lastTrue(0, ends.length - 1, (k) => withMore(text.slice(0, ends[k])));
  let cut: number;
  if (i >= 0) {
    cut = ends[i]!;
    const atLine = ends.slice(0, i + 1).filter((e) => /^[^\S\n]*\n/.test(text.slice(e)));
    const lastLine = atLine.at(-1);
    if (lastLine !== undefined && lastLine !== cut && lastLine * 2 >= cut) cut = lastLine;
  } else {
    // Not even the first word fits: cut inside it, between code points.
    const cps = [...text.trimStart()];
    const offset = text.length - text.trimStart().length;
    const n = Math.max(1, lastTrue(1, cps.length, (k) => withMore(cps.slice(0, k).join(''))));
    cut = offset + cps.slice(0, n).join('').length;
  }
  const rest = text.slice(cut).trim();
  return { text: text.slice(0, cut).trimEnd(), rest: rest === '' ? null : rest };
}

const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': '"', '\u201d': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u00a0': ' ', '\u202f': ' ',
};
const gsmChars = new Map<string, boolean>();
function isGsmChar(ch: string): boolean {
  let is = gsmChars.get(ch);
  if (is === undefined) gsmChars.set(ch, (is = encodingOf(ch) === 'gsm7'));
  return is;
}
const HOOKED: Readonly<Record<string, string>> = { 'ɓ': 'b', 'ɗ': 'd', 'ƙ': 'k', 'ƴ': 'y', 'Ɓ': 'B', 'Ɗ': 'D', 'Ƙ': 'K', 'Ƴ': 'Y' };

/**
 * The nearest spelling in GSM 03.38, for texts where 160 characters a segment matter more than every
 * accent (SMS custom in French, Spanish and Hausa): typographic quotes, dashes and spaces become plain ones,
 * a Latin letter outside the alphabet loses its marks ("ç" → "c", "ó" → "o", "ɗ" → "d") while "é", "è",
 * "à", "ù", "Ç" and "ñ" stay. Other scripts are left alone, so Arabic stays UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isGsmChar(ch)) out += ch;
    else if (PUNCTUATION[ch] ?? HOOKED[ch]) out += PUNCTUATION[ch] ?? HOOKED[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base !== ch && /^\p{Script=Latin}$/u.test(base) && isGsmChar(base) ? base : ch;
    }
  }
  return out;
}
