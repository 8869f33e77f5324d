/** Languages the shared vocabulary covers: the four interface languages plus the languages people search in. */
export const VOCABULARY_LANGS = ['en', 'fr', 'es', 'pt', 'ar', 'ha', 'sw', 'bn', 'hi'] as const;
export type VocabularyLang = (typeof VOCABULARY_LANGS)[number];

/** A concept in one language: the label shown to people, and the words they type when they have that need. */
export type Entry = { readonly label: string; readonly synonyms: readonly string[] };

/** Every concept of a facet, in every vocabulary language (the type makes a missing language a compile error). */
export type ConceptTable<V extends string> = Readonly<Record<V, Readonly<Record<VocabularyLang, Entry>>>>;

/** Writes an entry compactly: the label first, then its synonyms. */
export function entry(label: string, ...synonyms: string[]): Entry {
  return { label, synonyms };
}

/** Adds synonyms after a concept's own in every language (numbered forms of goals, codes of action lines). */
export function withSynonyms(
  langs: Readonly<Record<VocabularyLang, Entry>>,
  extra: (lang: VocabularyLang) => readonly string[],
): Record<VocabularyLang, Entry> {
  const out = {} as Record<VocabularyLang, Entry>;
  for (const lang of VOCABULARY_LANGS) out[lang] = { label: langs[lang].label, synonyms: [...langs[lang].synonyms, ...extra(lang)] };
  return out;
}
