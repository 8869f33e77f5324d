import type { Logger } from '../../lib/logger.js';
import * as outbox from '../../outbox/outbox.repo.js';
import type { InboundLimits } from '../subscribers/inbound-limits.js';
import { normalisePhone } from '../subscribers/phone.js';
import { findSubscriber, isBlocked } from '../subscribers/subscribers.service.js';
import { parseCommand } from './commands.js';
import { SMS_LANGS } from './keywords.js';
import { replyText } from './replies.js';
import { fitReply, segmentsOf } from './segments.js';
import { answer, type AnswerDeps } from './sms-answers.js';
import * as repo from './sms.repo.js';

export type InboundDeps = AnswerDeps & {
  log: Logger;
  smsLimits: InboundLimits;
  cfg: { defaultLocale: string; sms: { country: string | null; replyBudget: number } };
};

/** A text message as a channel hands it over (the domain does not know channels). */
export type ReceivedSms = { from: string; to: string; text: string; receivedAt: Date; channel: 'smpp' | 'http' };

export type InboundOutcome = 'answered' | 'invalid_number' | 'blocked' | 'rate_limited' | 'empty';

// What is kept of a message: more is never a command (the longest concatenated SMS people send is ~1,600).
const MAX_BODY = 2000;
// The SMSC delivers a message again if the node stopped before acknowledging it; within this window, the
// same text from the same number whose handling never finished is that message, not a new one.
const REDELIVERY_WINDOW_MS = 15 * 60 * 1000;

const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ').slice(0, MAX_BODY);

/**
 * A text message received: stored first, then read as a command and answered through the outbox, in the
 * sender's language (the command's keyword tells it, else their subscription's, else the node's). A number
 * in no known format, a blocked number, or one over its rate limit is stored and not answered; nothing
 * throws on bad input. The channel acknowledges the message to the SMSC only after this resolves, so a
 * crash before that makes the SMSC deliver it again — recognised, within a window, as the same message.
 * Returns what was done and the id of the queued answer, if any.
 */
export async function handleInbound(ctx: InboundDeps, sms: ReceivedSms): Promise<{ outcome: InboundOutcome; replyId: string | null }> {
  const body = clean(sms.text);
  const at = ctx.clock.now();
  const store = (from: string, outcome: string) =>
    repo.insertInbound(ctx.db, { fromNumber: from.slice(0, 40), toNumber: sms.to.slice(0, 40), body, channel: sms.channel, receivedAt: sms.receivedAt, outcome });

  let phone: string;
  try {
    phone = normalisePhone(sms.from, ctx.cfg.sms.country ?? undefined);
  } catch {
    await store(sms.from, 'invalid_number');
    ctx.log.info({ channel: sms.channel }, 'text message from a number in no known format: not answered');
    return { outcome: 'invalid_number', replyId: null };
  }
  if (await isBlocked(ctx, phone)) {
    await store(phone, 'blocked');
    return { outcome: 'blocked', replyId: null };
  }
  const cmd = parseCommand(body);
  // A flood is not answered; but STOP always takes effect, whatever came before it.
  if (!ctx.smsLimits.isInboundAllowed(phone) && cmd.kind !== 'stop') {
    await store(phone, 'rate_limited');
    return { outcome: 'rate_limited', replyId: null };
  }

  const inboundId = (await repo.findUnfinished(ctx.db, phone, body, new Date(at.getTime() - REDELIVERY_WINDOW_MS))) ?? (await store(phone, 'received'));
  const subscriber = await findSubscriber(ctx, phone);
  const known = (l: string | null | undefined) => (l && (SMS_LANGS as readonly string[]).includes(l.split('-')[0]!) ? l.split('-')[0]! : null);
  const lang = cmd.lang ?? known(subscriber?.language) ?? ctx.cfg.defaultLocale;

  let text: string;
  let replyLang = lang;
  if (cmd.kind === 'more') {
    const previous = await repo.continuationOf(ctx.db, phone);
    replyLang = previous?.lang ?? lang;
    text = previous?.rest ?? replyText(lang, 'nothing_more');
  } else {
    ({ text, lang: replyLang } = await answer(ctx, { phone, lang }, cmd));
  }
  const fitted = fitReply(text, { budget: ctx.cfg.sms.replyBudget, more: replyText(replyLang, 'more') });
  const reply = fitted.rest === null ? fitted.text : `${fitted.text} ${replyText(replyLang, 'more')}`;

  const replyId = await ctx.db.transaction(async (tx) => {
    await outbox.enqueue(tx, [{ dedupeKey: `reply:${inboundId}`, purpose: 'reply', toNumber: phone, lang: replyLang, body: reply, parts: segmentsOf(reply).segments }], at);
    await repo.saveContinuation(tx, phone, replyLang, fitted.rest, at);
    await repo.finishInbound(tx, inboundId, cmd.kind, 'answered');
    return inboundId;
  });
  return { outcome: 'answered', replyId };
}
