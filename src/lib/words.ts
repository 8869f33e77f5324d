// A word: letters, digits and the marks that combine with them (Devanagari, Bengali and Arabic vowels are
// marks), with inner apostrophes, hyphens and underscores; what a reader would call a word in any script.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** The distinct words of a text in the order typed, at most `max` of them. */
export function wordsOf(text: string, max = Infinity): string[] {
  return [...new Set(text.match(WORD) ?? [])].slice(0, max);
}
