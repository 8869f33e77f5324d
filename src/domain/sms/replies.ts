/**
 * Every SMS reply text, in each SMS language (messages/*.json, ICU MessageFormat). Replies are short: one
 * segment where the language allows, and French, Spanish, Swahili and Hausa texts stay inside GSM 03.38
 * (no "ç", "ê", "ó", no hooked letters) so a segment holds 160 characters, not 70. Pure.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { SmsLang } from './keywords.js';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ha from './messages/ha.json' with { type: 'json' };
import sw from './messages/sw.json' with { type: 'json' };

export type ReplyKey = keyof typeof en;
export type ReplyValues = Record<string, string | number>;

export const REPLY_CATALOGUES: Readonly<Record<SmsLang, Readonly<Partial<Record<ReplyKey, string>>>>> = { en, fr, es, sw, ha, ar };

const cache = new Map<string, IntlMessageFormat>();

function catalogueOf(lang: string | null): SmsLang {
  const primary = (lang ?? 'en').split(/[-_]/)[0]!.toLowerCase();
  return Object.hasOwn(REPLY_CATALOGUES, primary) ? (primary as SmsLang) : 'en';
}

/**
 * The reply `key` in `lang` ("fr", "fr-NE"; null for not known yet), filled with `values`. A language or a
 * key it lacks falls back to English; a key English lacks too is returned as is. A value a message needs but
 * is not given throws (a programming error).
 */
export function replyText(lang: string | null, key: ReplyKey, values?: ReplyValues): string {
  let l = catalogueOf(lang);
  let source = REPLY_CATALOGUES[l][key];
  if (source === undefined) {
    l = 'en';
    source = REPLY_CATALOGUES.en[key];
  }
  // Missing everywhere (a key from outside the type): show the key rather than nothing.
  if (source === undefined) return key;
  const id = `${l}\u0000${key}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new IntlMessageFormat(source, l)));
  return String(f.format(values));
}
