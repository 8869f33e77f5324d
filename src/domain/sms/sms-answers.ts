import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../errors.js';
import { publishedPracticesByIds, practiceByCode } from '../practices/practices.service.js';
import type { Practice } from '../practices/practices.js';
import { rankPractices } from '../search/search.service.js';
import { resolvePlace } from '../subscribers/audience.service.js';
import { phoneCountry } from '../subscribers/phone.js';
import { optIn, optOut, setLanguage, subscribe, unsubscribe } from '../subscribers/subscribers.service.js';
import type { Command } from './commands.js';
import { SMS_LANGS, type SmsLang } from './keywords.js';
import { replyText } from './replies.js';
import { resolveTopic, topicName } from './topics.js';

export type AnswerDeps = { db: Db; clock: Clock; cfg: { defaultLocale: string } };
export type Asker = { phone: string; lang: string };

const FIND_RESULTS = 5;

/** A practice's title in the reader's language, else in its original language. */
function textOf(p: Practice, lang: string) {
  return p.texts[lang] ?? p.texts[p.originalLanguage] ?? Object.values(p.texts)[0]!;
}

/** The short code of a practice in text messages: the last 8 hex digits of its id (see practiceByCode). */
export const codeOf = (p: { id: string }) => p.id.slice(-8).toUpperCase();

async function find(ctx: AnswerDeps, words: string[], lang: string): Promise<string> {
  const q = words.join(' ');
  const { items } = await rankPractices(ctx, { q, perPage: FIND_RESULTS }, lang);
  const practices = new Map((await publishedPracticesByIds(ctx, items.map((i) => i.id))).map((p) => [p.id, p]));
  const lines = items.flatMap((item, i) => {
    const p = practices.get(item.id);
    return p ? [replyText(lang, 'find_line', { n: i + 1, title: textOf(p, lang).title, code: codeOf(p) })] : [];
  });
  return lines.length > 0 ? lines.join('\n') : replyText(lang, 'no_results', { query: q.slice(0, 40) });
}

async function info(ctx: AnswerDeps, code: string | null, lang: string): Promise<string> {
  const p = code ? await practiceByCode(ctx, code) : null;
  if (!p) return replyText(lang, 'unknown_code', { code: (code ?? '').slice(0, 12) });
  const t = textOf(p, lang);
  return replyText(lang, 'info_result', { title: t.title, summary: t.summary });
}

async function sub(ctx: AnswerDeps, asker: Asker, topicText: string, placeText: string | null, lang: string): Promise<string> {
  const topic = resolveTopic(topicText);
  if (!topic) return replyText(lang, 'unknown_topic', { topic: topicText.slice(0, 30) });
  const home = phoneCountry(asker.phone);
  // "SUB drought" with no place: the country of the number.
  const places = placeText ? await resolvePlace(ctx, placeText, { preferCountry: home }) : home ? [{ kind: 'country' as const, code: home, country: home, label: home }] : [];
  const place = places[0];
  if (!place) return replyText(lang, 'unknown_place', { place: (placeText ?? '').slice(0, 30) });
  await subscribe(ctx, { phone: asker.phone, topic: topic.code, area: { kind: place.kind, code: place.code }, language: lang, channel: 'sms' });
  return placeText
    ? replyText(lang, 'sub_ok_place', { topic: topicName(topic, lang), place: placeText.slice(0, 30) })
    : replyText(lang, 'sub_ok', { topic: topicName(topic, lang) });
}

async function unsub(ctx: AnswerDeps, asker: Asker, topicText: string | null, lang: string): Promise<string> {
  if (topicText === null) {
    await unsubscribe(ctx, { phone: asker.phone, channel: 'sms' });
    return replyText(lang, 'unsub_all_ok');
  }
  const topic = resolveTopic(topicText);
  if (!topic) return replyText(lang, 'unknown_topic', { topic: topicText.slice(0, 30) });
  const removed = await unsubscribe(ctx, { phone: asker.phone, topic: topic.code, channel: 'sms' });
  return replyText(lang, removed.length > 0 ? 'unsub_ok' : 'not_subscribed', { topic: topicName(topic, lang) });
}

const isSmsLang = (code: string): code is SmsLang => (SMS_LANGS as readonly string[]).includes(code);

/**
 * The answer to one command, in the asker's language (a LANG command answers in the new one), with the
 * language it is written in. Subscription commands go through the subscribers service, which logs consent.
 */
export async function answer(ctx: AnswerDeps, asker: Asker, cmd: Command): Promise<{ text: string; lang: string }> {
  const lang = asker.lang;
  switch (cmd.kind) {
    case 'help': return { text: replyText(lang, 'help'), lang };
    case 'find': return { text: await find(ctx, cmd.words, lang), lang };
    case 'info': return { text: await info(ctx, cmd.code, lang), lang };
    case 'sub': return { text: await sub(ctx, asker, cmd.topic, cmd.place, lang), lang };
    case 'unsub': return { text: await unsub(ctx, asker, cmd.topic, lang), lang };
    case 'stop':
      await optOut(ctx, { phone: asker.phone, channel: 'sms' });
      return { text: replyText(lang, 'stop_ok'), lang };
    case 'start':
      try {
        await optIn(ctx, { phone: asker.phone, channel: 'sms' });
        return { text: replyText(lang, 'start_ok'), lang };
      } catch (e) {
        // Nobody to opt in again: the person never subscribed.
        if (!(e instanceof DomainError)) throw e;
        return { text: replyText(lang, 'help'), lang };
      }
    case 'lang': {
      const code = cmd.code?.toLowerCase() ?? '';
      if (!isSmsLang(code)) return { text: replyText(lang, 'lang_choose'), lang };
      // Someone not subscribed has no stored language; the answer is still in the one asked for.
      await setLanguage(ctx, { phone: asker.phone, language: code, channel: 'sms' }).catch((e: unknown) => {
        if (!(e instanceof DomainError)) throw e;
      });
      return { text: replyText(code, 'lang_ok'), lang: code };
    }
    case 'more': return { text: '', lang };
    case 'unknown': return { text: replyText(lang, 'unknown_text'), lang };
  }
}
