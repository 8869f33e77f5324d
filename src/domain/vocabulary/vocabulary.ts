/**
 * The shared multilingual vocabulary: themes, target groups, technologies, SDGs and WSIS Action Lines with
 * labels and synonyms in every vocabulary language, so that a query in one language reaches records tagged
 * with the concept in any other ("paludisme", "malaria", "zazzabin cizon sauro" → theme health). Pure; the
 * index is built once, on first use.
 */
import { queryVariants, termTokens, tokenise } from './normalise.js';
import { MIN_TYPO_LENGTH, deletions, isTypoOf } from './typos.js';
import { SDG_VOCABULARY } from './sdgs.js';
import { TARGET_GROUP_VOCABULARY } from './target-groups.js';
import { TECHNOLOGY_VOCABULARY } from './technologies.js';
import { THEME_VOCABULARY } from './themes.js';
import type { ConceptTable, Entry, VocabularyLang } from './types.js';
import { WSIS_VOCABULARY } from './wsis.js';

export type Facet = 'theme' | 'targetGroup' | 'technology' | 'sdg' | 'wsis';
export type ConceptMatch = { facet: Facet; value: string; matched: string };

const TABLES: Readonly<Record<Facet, ConceptTable<string>>> = {
  theme: THEME_VOCABULARY,
  targetGroup: TARGET_GROUP_VOCABULARY,
  technology: TECHNOLOGY_VOCABULARY,
  sdg: SDG_VOCABULARY,
  wsis: WSIS_VOCABULARY,
};

/** No vocabulary word is longer; longer query "words" are noise and are not worth a fuzzy look-up. */
const MAX_FUZZY_LENGTH = 40;
/** Longer than any phrase in the vocabulary (the longest are WSIS Action Line titles). */
const MAX_PHRASE_WORDS = 40;

type Concept = { readonly facet: Facet; readonly value: string };
type Term = { readonly tokens: readonly string[]; readonly concepts: Concept[] };
type Index = {
  readonly byFirstToken: ReadonlyMap<string, readonly Term[]>;
  readonly words: ReadonlySet<string>;
  /** Every vocabulary word of MIN_TYPO_LENGTH or more, under each form with one letter deleted. */
  readonly byDeletion: ReadonlyMap<string, readonly string[]>;
  readonly termsByConcept: ReadonlyMap<string, readonly string[]>;
};

let index: Index | undefined;

const conceptKey = (facet: Facet, value: string): string => `${facet}\u0000${value}`;

/** The label of technology "other" is not a search term: every query saying "other" would name it. */
function matchableTerms(value: string, e: Entry): readonly string[] {
  return value === 'other' ? e.synonyms : [e.label, ...e.synonyms];
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Labels first, then synonyms taken in turn from each language, so that any prefix covers every language. */
function interleave(entries: readonly Entry[]): string[] {
  const all = new Set(entries.map((e) => e.label));
  const longest = Math.max(...entries.map((e) => e.synonyms.length));
  for (let i = 0; i < longest; i++) for (const e of entries) if (i < e.synonyms.length) all.add(e.synonyms[i]!);
  return [...all];
}

function buildIndex(): Index {
  const terms = new Map<string, Term>();
  const termsByConcept = new Map<string, string[]>();
  for (const [facet, table] of Object.entries(TABLES) as Array<[Facet, ConceptTable<string>]>) {
    for (const [value, langs] of Object.entries(table)) {
      const entries = Object.values(langs) as Entry[];
      for (const e of entries) {
        for (const term of matchableTerms(value, e)) {
          const tokens = termTokens(term);
          if (tokens.length === 0) continue;
          const key = tokens.join(' ');
          const t = terms.get(key) ?? { tokens, concepts: [] };
          if (!t.concepts.some((c) => c.facet === facet && c.value === value)) t.concepts.push({ facet, value });
          terms.set(key, t);
        }
      }
      termsByConcept.set(conceptKey(facet, value), interleave(entries));
    }
  }
  const byFirstToken = new Map<string, Term[]>();
  const words = new Set<string>();
  for (const t of terms.values()) {
    pushTo(byFirstToken, t.tokens[0]!, t);
    for (const w of t.tokens) words.add(w);
  }
  const byDeletion = new Map<string, string[]>();
  for (const w of words) {
    if ([...w].length >= MIN_TYPO_LENGTH) for (const d of new Set([w, ...deletions(w)])) pushTo(byDeletion, d, w);
  }
  return { byFirstToken, words, byDeletion, termsByConcept };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

/** The vocabulary words a query word can stand for: itself or an inflected form, else one typo away. */
function wordsFor(token: string, idx: Index): ReadonlySet<string> {
  const exact = new Set(queryVariants(token).filter((v) => idx.words.has(v)));
  if (exact.size > 0) return exact;
  const length = [...token].length;
  if (length < MIN_TYPO_LENGTH || length > MAX_FUZZY_LENGTH) return exact;
  const fuzzy = new Set<string>();
  for (const d of [token, ...deletions(token)]) {
    for (const w of idx.byDeletion.get(d) ?? []) {
      if (isTypoOf(token, w)) fuzzy.add(w);
    }
  }
  return fuzzy;
}

type Hit = { readonly concept: Concept; readonly start: number; readonly length: number; readonly matched: string };

/** Every (concept, phrase) occurrence in the query, phrases of any length. */
function findHits(query: string, idx: Index): Hit[] {
  const tokens = tokenise(query);
  const cache = new Map<string, ReadonlySet<string>>();
  const candidates = tokens.map((t) => {
    let words = cache.get(t.norm);
    if (!words) cache.set(t.norm, (words = wordsFor(t.norm, idx)));
    return words;
  });
  const hits: Hit[] = [];
  candidates.forEach((words, i) => {
    for (const w of words) {
      for (const term of idx.byFirstToken.get(w) ?? []) {
        const n = term.tokens.length;
        if (i + n > tokens.length || !term.tokens.every((tk, k) => k === 0 || candidates[i + k]!.has(tk))) continue;
        const matched = query.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
        for (const concept of term.concepts) hits.push({ concept, start: i, length: n, matched });
      }
    }
  });
  return hits;
}

/**
 * Concepts named in a free-text query in any vocabulary language: whole words and phrases after
 * normalisation, common inflections read (normalise.ts), one typo forgiven in long words (typos.ts). A phrase
 * hides the words inside it that name other concepts ("zaman lafiya", peace, is not also "lafiya", health;
 * "sign language" is not culture). Each concept appears once, with the longest phrase that named it, as
 * typed, in order of first appearance. Never throws.
 */
export function matchConcepts(query: string): ConceptMatch[] {
  const hits = findHits(query, getIndex());
  const longestAt = new Map<number, number>();
  for (const h of hits) longestAt.set(h.start, Math.max(longestAt.get(h.start) ?? 0, h.length));
  const isHidden = (h: Hit): boolean => {
    for (let j = h.start - MAX_PHRASE_WORDS; j <= h.start; j++) {
      const longest = longestAt.get(j) ?? 0;
      if (longest > h.length && j + longest >= h.start + h.length) return true;
    }
    return false;
  };
  const best = new Map<string, { hit: Hit; first: number }>();
  for (const h of hits) {
    if (isHidden(h)) continue;
    const key = conceptKey(h.concept.facet, h.concept.value);
    const prev = best.get(key);
    const isLonger =
      !prev || h.length > prev.hit.length || (h.length === prev.hit.length && h.matched.length > prev.hit.matched.length);
    if (isLonger) best.set(key, { hit: h, first: Math.min(prev?.first ?? h.start, h.start) });
  }
  return [...best.values()]
    .sort((a, b) => a.first - b.first)
    .map(({ hit }) => ({ facet: hit.concept.facet, value: hit.concept.value, matched: hit.matched }));
}

/**
 * Every label and synonym of a concept across languages, as written (accents, apostrophes and punctuation
 * kept), without duplicates: labels first, then synonyms in turn from each language, so that the first N
 * cover every language. [] for an unknown concept.
 */
export function termsOf(facet: Facet, value: string): string[] {
  return [...(getIndex().termsByConcept.get(conceptKey(facet, value)) ?? [])];
}

/** A concept's search terms in each vocabulary language (those of `termsOf`, by language). */
export function termsByLanguage(facet: Facet, value: string): Partial<Record<VocabularyLang, string[]>> {
  const langs = Object.hasOwn(TABLES[facet] ?? {}, value) ? TABLES[facet][value] : undefined;
  if (!langs) return {};
  return Object.fromEntries((Object.entries(langs) as Array<[VocabularyLang, Entry]>).map(([lang, e]) => [lang, [...matchableTerms(value, e)]]));
}

/** The label of a concept in a language ("pt-BR" uses "pt"), falling back to English, then to the value. */
export function conceptLabel(facet: Facet, value: string, lang: string): string {
  const langs = Object.hasOwn(TABLES[facet] ?? {}, value) ? TABLES[facet][value] : undefined;
  if (!langs) return value;
  const primary = lang.split(/[-_]/)[0]!.toLowerCase() as VocabularyLang;
  return (Object.hasOwn(langs, primary) ? langs[primary] : langs.en).label;
}
