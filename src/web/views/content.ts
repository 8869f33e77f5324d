import { isRtl } from '../../domain/taxonomy/index.js';

/**
 * Which language version of a record to show: the interface language if it exists, else the
 * original. `isFallback` drives the visible notice — not shown when the reader chose the version
 * themselves; `dir` goes on the element with `lang`.
 */
export function pickText<T>(texts: Record<string, T>, locale: string, original: string, requested?: string) {
  const candidates = [requested, locale, ...Object.keys(texts).filter((k) => k.split('-')[0] === locale), original];
  const lang = candidates.find((l): l is string => !!l && texts[l] !== undefined) ?? Object.keys(texts)[0]!;
  return { lang, text: texts[lang]!, isFallback: lang !== requested && lang.split('-')[0] !== locale, dir: isRtl(lang) ? 'rtl' : 'ltr' };
}
