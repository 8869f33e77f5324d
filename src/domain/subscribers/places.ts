import { COUNTRY_CODES, isCountryCode } from '../taxonomy/index.js';

/**
 * Lower case, without Latin accents or Arabic vowel marks, Arabic letter variants merged. Only those marks
 * go: the vowel signs of Bengali or Devanagari are letters' parts, not accents. Pure.
 */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u0622\u0623\u0625]/g, '\u0627') // آ أ إ → ا
    .replace(/\u0649/g, '\u064a') // ى → ي
    .replace(/\u0640/g, ''); // tatweel
}

/** A place name as compared: folded, with spaces, hyphens and apostrophes ignored ("Côte d’Ivoire" = "cote divoire"). */
export function placeMatchKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/**
 * The key of an admin area (the free-text `admin_area` of hubs): the hub's ISO country, a colon, and the
 * name folded to lower-case letters and digits joined by single hyphens — "Tillabéri" in Niger is
 * 'NE:tillaberi', "Dhaka Division" in Bangladesh 'BD:dhaka-division'. Hubs that spell an area with other
 * accents, case or punctuation share the key; the country keeps "Niger" the Nigerian state ('NG:niger')
 * apart from anything in Niger. Null for an empty name. Pure.
 */
export function adminAreaKey(country: string, name: string): string | null {
  const slug = fold(name)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `${country.toUpperCase()}:${slug}` : null;
}

/** The names a country is searched by: English, French, Spanish and Arabic (as Intl names them). */
const NAME_LOCALES = ['en', 'fr', 'es', 'ar'];
let countriesByName: Map<string, Set<string>> | null = null;

function countryIndex() {
  if (countriesByName) return countriesByName;
  const index = new Map<string, Set<string>>();
  for (const locale of NAME_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      if (!name) continue;
      const key = placeMatchKey(name);
      index.set(key, (index.get(key) ?? new Set()).add(code));
      // Arabic names carry the article ("النيجر"); people also write them without it.
      if (locale === 'ar' && key.startsWith('ال') && key.length > 4) index.set(key.slice(2), (index.get(key.slice(2)) ?? new Set()).add(code));
    }
  }
  return (countriesByName = index);
}

/** ISO codes of the countries a text names: a code ("ne", "NE") or a name in en/fr/es/ar ("Níger", "النيجر"). Pure. */
export function countriesNamed(text: string): string[] {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return [trimmed.toUpperCase()];
  return [...(countryIndex().get(placeMatchKey(trimmed)) ?? [])];
}
