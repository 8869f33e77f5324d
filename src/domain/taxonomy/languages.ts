/** The interface languages; content may be in any valid BCP 47 language. */
export const UI_LOCALES = ['fr', 'en', 'es', 'ar'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

const knownLanguage = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Canonical BCP 47 tag, or null when the tag is malformed or its primary language is unknown
 * ("xx", "klingon"). Case is normalised ("EN-gb" -> "en-GB").
 */
export function canonicalLanguageTag(tag: string): string | null {
  if (tag.length === 0 || tag.length > 35) return null;
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  const primary = canonical.split('-')[0] ?? '';
  return knownLanguage.of(primary) ? canonical : null;
}

export function isRtl(tag: string): boolean {
  return RTL_LANGUAGES.has(tag.split('-')[0]!.toLowerCase());
}

const languageNames = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale, 'en'], { type: 'language' })));
  return names.of(tag) ?? tag;
}
