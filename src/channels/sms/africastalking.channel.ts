import { z } from 'zod';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { registerWebhooks } from './africastalking-webhooks.js';
import { ACCOUNT_PROBLEMS, errorForHttpStatus, recipientOutcome, refusalWithoutRecipient } from './africastalking-status.js';
import { ChannelError, type ChannelHandlers, type OutboundSms, type SmsChannel, type SubmitResult } from './sms.js';

export { handleDeliveryWebhook, handleInboundWebhook, MAX_WEBHOOK_BODY_BYTES, type WebhookRequest, type WebhookResponse } from './africastalking-webhooks.js';

export const AT_LIVE_URL = 'https://api.africastalking.com';
export const AT_SANDBOX_URL = 'https://api.sandbox.africastalking.com';

export type AtLog = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export type AfricasTalkingOptions = {
  username: string;
  apiKey: string;
  /** Default: the live API, or the sandbox when `username` is "sandbox" (Africa's Talking's rule for sandbox apps). */
  baseUrl?: string;
  /** Short code or sender id shown on phones; Africa's Talking's default sender when absent. */
  from?: string;
  /** The secret the registered callback URLs carry as `?secret=`; at least 16 characters. */
  webhookSecret: string;
  fetch?: typeof fetch;
  log: AtLog;
  clock?: Clock;
  /** Per request, answer included. Default 10 s. */
  timeoutMs?: number;
  /** How long `close` waits for requests and webhook handlers still running. Default 5 s. */
  closeTimeoutMs?: number;
};

/** What `send` resolves with: one id per message (Africa's Talking splits long texts itself), and what it reported. */
export type AtSubmitResult = SubmitResult & { cost?: string; parts?: number };

export type AfricasTalkingChannel = SmsChannel & {
  readonly name: 'http';
  send(message: OutboundSms): Promise<AtSubmitResult>;
};

// The answer of POST /version1/messaging, as the official africastalking-node SDK (lib/sms.js) and the
// API reference describe it: HTTP 201 with {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000",
// "Recipients":[{"statusCode":101,"number":"+2547…","status":"Success","cost":"KES 0.8000",
// "messageId":"ATXid_…","messageParts":1}]}}. A refused recipient has messageId "None".
const sendAnswer = z.object({
  SMSMessageData: z.object({
    Message: z.string().optional(),
    Recipients: z
      .array(
        z.object({
          statusCode: z.coerce.number().int(),
          status: z.string().optional(),
          number: z.string().optional(),
          cost: z.string().optional(),
          messageId: z.string().optional(),
          messageParts: z.coerce.number().int().optional(),
        }),
      )
      .default([]),
  }),
});

/**
 * The HTTP gateway channel through Africa's Talking (africastalking.md in this folder tells the whole
 * story). `send` posts one message to one number and resolves with its message id, or throws ChannelError:
 * retryable for network errors, timeouts, HTTP 408/429/5xx and the recipient codes a later attempt can pass
 * (no credit, Nigeria's DND hours, their server or gateway errors); permanent for bad credentials (HTTP
 * 401/403) and refusals of this message or number. Not idempotent: Africa's Talking has no request key, so
 * an answer lost to a timeout means a retry sends the message again. Inbound messages and delivery reports
 * arrive through `handleInboundWebhook` and `handleDeliveryWebhook`, which the web layer calls.
 */
export function createAfricasTalkingChannel(options: AfricasTalkingOptions): AfricasTalkingChannel {
  if (!options.username || !options.apiKey) throw new Error("Africa's Talking needs a username and an API key");
  if (options.webhookSecret.length < 16) throw new Error("the Africa's Talking webhook secret needs at least 16 characters");
  const { log, apiKey } = options;
  const clock = options.clock ?? systemClock;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const baseUrl = (options.baseUrl ?? (options.username === 'sandbox' ? AT_SANDBOX_URL : AT_LIVE_URL)).replace(/\/+$/, '');
  const endpoint = `${baseUrl}/version1/messaging`;
  new URL(endpoint); // a malformed base URL fails here, at start-up, not on the first message
  const stopAll = new AbortController();
  const running = new Set<Promise<unknown>>();
  let handlers: ChannelHandlers | null = null;
  let closing: Promise<void> | null = null;

  function track<T>(task: Promise<T>): Promise<T> {
    running.add(task);
    void task.then(
      () => running.delete(task),
      () => running.delete(task),
    );
    return task;
  }

  async function post(message: OutboundSms): Promise<{ status: number; body: string }> {
    const form = new URLSearchParams({ username: options.username, to: message.to, message: message.text });
    const from = message.from ?? options.from;
    if (from) form.set('from', from);
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { apiKey, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.any([timeout, stopAll.signal]),
      });
      return { status: res.status, body: await res.text() };
    } catch (e) {
      if (timeout.aborted) throw new ChannelError('timeout', `no answer from Africa's Talking within ${timeoutMs} ms`, true);
      if (stopAll.signal.aborted) throw new ChannelError('closed', 'the SMS channel closed before the answer', true);
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new ChannelError('network', `cannot reach Africa's Talking: ${cause}`, true);
    }
  }

  function interpret(ref: string, status: number, body: string): AtSubmitResult {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const parsed = sendAnswer.safeParse(json);
    const recipient = parsed.success ? parsed.data.SMSMessageData.Recipients[0] : undefined;
    // A refusal may come with a non-2xx status and the usual body (DoNotDisturbRejection is HTTP 409):
    // the recipient line says more than the status does.
    if (!recipient) {
      if (status < 200 || status >= 300) throw errorForHttpStatus(status, body);
      if (!parsed.success) throw new ChannelError('bad_response', `Africa's Talking answered HTTP ${status} with an unreadable body`, true);
      throw refusalWithoutRecipient(parsed.data.SMSMessageData.Message);
    }
    const outcome = recipientOutcome(recipient.statusCode, recipient.status);
    if (!outcome.isAccepted) {
      throw new ChannelError(outcome.name, `Africa's Talking refused the message: ${outcome.name} (${recipient.statusCode})`, outcome.isRetryable);
    }
    const id = recipient.messageId && recipient.messageId !== 'None' ? recipient.messageId : undefined;
    if (!id) log.warn({ ref, statusCode: recipient.statusCode }, "Africa's Talking accepted a message without an id; its delivery reports cannot be matched");
    return { messageIds: id ? [id] : [], cost: recipient.cost, parts: recipient.messageParts };
  }

  async function send(message: OutboundSms): Promise<AtSubmitResult> {
    if (closing) throw new ChannelError('closed', 'the SMS channel is closing', true);
    if (!message.to) throw new ChannelError('invalid_destination', 'a message needs a destination', false);
    if (!message.text) throw new ChannelError('empty_message', 'a message needs a text', false);
    log.debug({ ref: message.ref, to: message.to, chars: message.text.length }, "sending SMS through Africa's Talking");
    try {
      const { status, body } = await track(post(message));
      const result = interpret(message.ref, status, body);
      log.debug({ ref: message.ref, messageIds: result.messageIds, cost: result.cost, parts: result.parts }, "Africa's Talking accepted an SMS");
      return result;
    } catch (e) {
      if (e instanceof ChannelError) {
        const level = ACCOUNT_PROBLEMS.has(e.code) ? 'error' : 'warn';
        log[level]({ ref: message.ref, code: e.code, isRetryable: e.isRetryable }, e.message);
      }
      throw e;
    }
  }

  const channel: AfricasTalkingChannel = {
    name: 'http',
    async start(h: ChannelHandlers) {
      if (closing) throw new ChannelError('closed', 'the SMS channel is closing', true);
      handlers = h;
    },
    send,
    // Africa's Talking splits long texts itself and answers with one id, and one receipt, per message.
    piecesOf: (text) => [text],
    // HTTP keeps no link: the channel is usable from start to close, and each request finds out for itself.
    isConnected: () => handlers !== null && !closing,
    close() {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => (timer = setTimeout(r, closeTimeoutMs)))]);
        clearTimeout(timer);
        stopAll.abort();
        handlers = null;
      })();
      return closing;
    },
  };
  registerWebhooks(channel, {
    secret: options.webhookSecret,
    defaultTo: options.from ?? '',
    clock,
    log,
    handlers: () => (closing ? null : handlers),
    track,
  });
  return channel;
}
