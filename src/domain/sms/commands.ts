/**
 * Reads an inbound SMS as a command. The keyword must come first (keywords.ts); what follows is its argument.
 * Never throws: any text, empty, binary-looking or 1,000 characters long, is a command, `unknown` at worst.
 * Pure.
 *
 * Decisions: a keyword without the argument it needs is `unknown` (FIND or SUB alone gets the short help,
 * which shows how to use them), except LANG, INFO and UNSUB, whose replies say what is missing (`code`
 * null; `topic` null is every topic). STOP followed by anything is still STOP: an opt-out is never second-
 * guessed. A keyword later in the text does not count ("please stop" is unknown), nor does a word one slip
 * from a keyword that names a topic (a person who forgot SUB).
 */
import { canonicalLanguageTag } from '../taxonomy/languages.js';
import { tokenise } from '../vocabulary/normalise.js';
import { SMS_LANGS, isNearWord, matchKeyword, normalisedWords, type SmsLang } from './keywords.js';
import { isTopicWord, languageOfTopic, resolveTopic } from './topics.js';

type Lang = { lang: SmsLang | null };
export type Command =
  | ({ kind: 'help' } & Lang)
  | ({ kind: 'find'; words: string[] } & Lang)
  | ({ kind: 'more' } & Lang)
  | ({ kind: 'info'; code: string | null } & Lang)
  | ({ kind: 'sub'; topic: string; place: string | null } & Lang)
  | ({ kind: 'unsub'; topic: string | null } & Lang)
  | ({ kind: 'lang'; code: string | null } & Lang)
  | ({ kind: 'stop' } & Lang)
  | ({ kind: 'start' } & Lang)
  | ({ kind: 'unknown'; text: string } & Lang);

/** Names of the SMS languages as people write them, in each SMS language (normalised on use). */
const LANGUAGE_NAMES: Readonly<Record<SmsLang, readonly string[]>> = {
  en: ['en', 'eng', 'english', 'anglais', 'inglés', 'kiingereza', 'turanci', 'الإنجليزية', 'انجليزي'],
  fr: ['fr', 'fra', 'french', 'français', 'francés', 'kifaransa', 'faransanci', 'الفرنسية', 'فرنسي'],
  es: ['es', 'spa', 'spanish', 'espagnol', 'español', 'kihispania', 'sifaniyanci', 'الإسبانية', 'اسباني'],
  sw: ['sw', 'swa', 'swahili', 'kiswahili', 'souahili', 'suajili', 'suwahili', 'السواحيلية'],
  ha: ['ha', 'hau', 'hausa', 'haoussa', 'kihausa', 'الهوسا', 'هوسا'],
  ar: ['ar', 'ara', 'arabic', 'arabe', 'árabe', 'kiarabu', 'larabci', 'العربية', 'عربي'],
};

/** "UNSUB ALL": every topic. */
const ALL_WORDS = new Set(['all', 'tout', 'tous', 'todo', 'todos', 'zote', 'yote', 'duka', 'الكل', 'كل'].map((w) => normalisedWords(w)[0]!));

let languageByName: Map<string, SmsLang> | undefined;

function languageCode(arg: string): string | null {
  const word = normalisedWords(arg)[0];
  if (!word) return null;
  languageByName ??= new Map(SMS_LANGS.flatMap((code) => LANGUAGE_NAMES[code].map((n) => [normalisedWords(n)[0]!, code] as const)));
  const exact = languageByName.get(word);
  if (exact) return exact;
  const near = new Set([...languageByName].filter(([name]) => isNearWord(word, name)).map(([, code]) => code));
  if (near.size === 1) return [...near][0]!;
  // Another language by its two-letter code ("pt"): the service says whether SMS speaks it.
  return /^[a-z]{2}$/.test(word) ? canonicalLanguageTag(word) : null;
}

/** A practice code is the last 8 hex digits of its uuid (up to 12 when 8 are ambiguous); a whole uuid, dashes and case are accepted. */
function practiceCode(arg: string): string | null {
  const hex = arg.trim().replace(/^#/, '').replace(/[\s-]/g, '').toLowerCase();
  return /^([0-9a-f]{8,12}|[0-9a-f]{32})$/.test(hex) ? hex : null;
}

/** The words of an argument as typed, without the punctuation around them. */
function argumentWords(arg: string): string[] {
  return arg
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

/** Longer than any topic name (theme labels run to seven words): a 1,000-character SUB stays cheap. */
const MAX_TOPIC_WORDS = 8;

/** The longest run of leading words that names a topic, and the rest as the place; else the first word. */
export function splitTopicAndPlace(words: readonly string[]): { topic: string; place: string | null } {
  for (let n = Math.min(words.length, MAX_TOPIC_WORDS); n >= 1; n--) {
    if (resolveTopic(words.slice(0, n).join(' '))) return { topic: words.slice(0, n).join(' '), place: words.slice(n).join(' ') || null };
  }
  return { topic: words[0] ?? '', place: words.slice(1).join(' ') || null };
}

/** Reads an SMS as a command. Never throws. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const tokens = tokenise(trimmed);
  const normalised = tokens.map((t) => t.norm);
  const found = matchKeyword(normalised);
  // A topic word is not a slip: "fari Maradi" (drought) is not KARI (more), "damina" not DAINA (stop).
  const match = found && (found.isExact || !normalised.slice(0, found.wordCount).some(isTopicWord)) ? found : null;
  if (!match) return { kind: 'unknown', text: trimmed, lang: null };
  const { kind, lang } = match.keyword;
  const arg = trimmed.slice(tokens[match.wordCount - 1]!.end);
  const words = argumentWords(arg);
  switch (kind) {
    case 'help':
    case 'more':
    case 'stop':
    case 'start':
      return { kind, lang };
    case 'find':
      return words.length > 0 ? { kind, words, lang } : { kind: 'unknown', text: trimmed, lang };
    case 'info':
      return { kind, code: practiceCode(arg), lang };
    case 'lang':
      return { kind, code: languageCode(arg), lang };
    case 'sub': {
      if (words.length === 0) return { kind: 'unknown', text: trimmed, lang };
      const split = splitTopicAndPlace(words);
      return { kind, ...split, lang: speakerLanguage(lang, split.topic) };
    }
    case 'unsub': {
      if (words.length === 0 || (words.length === 1 && ALL_WORDS.has(normalisedWords(words[0]!)[0] ?? ''))) {
        return { kind, topic: null, lang };
      }
      const { topic } = splitTopicAndPlace(words);
      return { kind, topic, lang: speakerLanguage(lang, topic) };
    }
  }
}

/**
 * English keywords (SUB, STOP, HELP) are used as codes whatever one speaks, so after one a topic named in a
 * single other language tells the person's language better: "SUB sante Maradi" is answered in French.
 */
function speakerLanguage(keywordLang: SmsLang | null, topic: string): SmsLang | null {
  return keywordLang === 'en' ? (languageOfTopic(topic) ?? keywordLang) : keywordLang;
}
