import cld from 'cld';

export type DetectedLanguage = { lang: string; isDetected: boolean };

// CLD2 is confident and wrong on single words ("paludisme" → Czech, "malaria" → Uzbek): below two
// words or this many letters, the reader's interface language is a better guess.
const MIN_WORDS = 2;
const MIN_LETTERS = 10;
const MIN_PERCENT = 60;

/**
 * The language a search query is written in, as a BCP 47 primary subtag, or `fallback` (the
 * interface language) when the query is too short or too mixed to tell. Never throws.
 */
export async function detectQueryLanguage(query: string, fallback: string): Promise<DetectedLanguage> {
  const words = query.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const letters = words.join('').replace(/[^\p{L}]/gu, '').length;
  if (words.length < MIN_WORDS || letters < MIN_LETTERS) return { lang: fallback, isDetected: false };
  try {
    const result = await cld.detect(words.join(' '));
    const top = result.languages[0];
    if (!result.reliable || !top || top.percent < MIN_PERCENT) return { lang: fallback, isDetected: false };
    const lang = top.code.split('-')[0]!.toLowerCase();
    if (lang === 'un' || lang === 'xx' || !/^[a-z]{2,3}$/.test(lang)) return { lang: fallback, isDetected: false };
    return { lang, isDetected: true };
  } catch {
    // cld rejects text it cannot identify at all; that is an answer, not a failure.
    return { lang: fallback, isDetected: false };
  }
}
