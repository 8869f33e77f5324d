import { IntlMessageFormat } from 'intl-messageformat';
import { UI_LOCALES, type UiLocale } from '../../domain/taxonomy/index.js';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
type Values = Record<string, string | number | Date>;
export type Translate = (key: string, values?: Values) => string;

const CATALOGUES: Record<UiLocale, Record<string, string>> = { en, fr, es, ar };
const cache = new Map<string, IntlMessageFormat>();

/** The order in which catalogues are tried: the chosen locale, the node default, then English. */
export function fallbackChain(locale: UiLocale, nodeDefault: UiLocale): UiLocale[] {
  return [...new Set<UiLocale>([locale, nodeDefault, 'en'])];
}

function format(locale: UiLocale, source: string, values?: Values): string {
  const id = `${locale}\u0000${source}`;
  let f = cache.get(id);
  if (!f) {
    f = new IntlMessageFormat(source, locale);
    cache.set(id, f);
  }
  return String(f.format(values));
}

/**
 * A translator for one request. A missing key falls back along the chain; a key missing everywhere
 * shows as itself, so a forgotten message is visible rather than blank.
 */
export function createTranslator(locale: UiLocale, nodeDefault: UiLocale = 'en'): Translate {
  const chain = fallbackChain(locale, nodeDefault);
  return (key, values) => {
    for (const l of chain) {
      const source = CATALOGUES[l][key];
      if (source !== undefined) return format(l, source, values);
    }
    return key;
  };
}

/** Field errors arrive as "validation.too_long:300"; the part after the colon fills {max}. */
export function translateFieldError(t: Translate, code: string): string {
  const [key = code, arg] = code.split(/:(.*)/s);
  return t(key, { max: arg ?? '', detail: arg ?? '' });
}

export function isUiLocale(v: unknown): v is UiLocale {
  return typeof v === 'string' && (UI_LOCALES as readonly string[]).includes(v);
}

/** Picks the best interface locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(header: string | undefined): UiLocale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return null;
}
