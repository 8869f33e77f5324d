import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { deliveryState } from './africastalking-status.js';
import type { ChannelHandlers, InboundSms, SmsChannel } from './sms.js';

/** Larger callbacks are refused with 413; the web layer should apply the same limit before parsing the form. */
export const MAX_WEBHOOK_BODY_BYTES = 16 * 1024;

/** A callback as the web layer parsed it: header names in any case, form and query already decoded. */
export type WebhookRequest = {
  headers: Record<string, string | undefined>;
  form: Record<string, string>;
  query: Record<string, string>;
};
export type WebhookResponse = { status: number; body: string };

export type WebhookState = {
  secret: string;
  /** The number people write to, for an inbound form without `to`. */
  defaultTo: string;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** The handlers while the channel is started and not closing. */
  handlers(): ChannelHandlers | null;
  /** Lets `close` wait for handlers still running. */
  track<T>(task: Promise<T>): Promise<T>;
};

type Internal = WebhookState & { secretDigest: Buffer; recent: Map<string, Promise<void>> };

const states = new WeakMap<SmsChannel, Internal>();

/** Inbound ids remembered to answer a repeated callback without running its command twice. */
const MAX_RECENT = 1_000;

/** Called once by createAfricasTalkingChannel: ties the channel to what its webhooks need. */
export function registerWebhooks(channel: SmsChannel, state: WebhookState): void {
  states.set(channel, { ...state, secretDigest: digest(state.secret), recent: new Map() });
}

// Africa's Talking's incoming-message callback (SMS notifications page): date, from, id, linkId, text, to,
// networkCode, all form fields. Only from and text are required here; `to` falls back to our sender.
const inboundForm = z.object({
  from: z.string().min(1),
  text: z.string(),
  to: z.string().optional(),
  id: z.string().optional(),
  date: z.string().optional(),
});

// Delivery-report callback: id (the messageId `send` returned), status, phoneNumber, networkCode,
// failureReason (with Failed and Rejected), retryCount.
const deliveryForm = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  failureReason: z.string().optional(),
});

/**
 * Africa's Talking's incoming-message callback. Answers 401 without the right `?secret=`, 413 past
 * MAX_WEBHOOK_BODY_BYTES, 400 without `from` or `text`, 503 while the channel is not started or is
 * closing, 500 when `onInbound` rejects (Africa's Talking then calls again) and 200 once it resolved.
 * Idempotent per Africa's Talking message id while the id is among the last 1,000 seen: a repeated callback
 * is answered with the first one's outcome and does not run the command again. Throws only when `channel`
 * was not made by createAfricasTalkingChannel.
 */
export async function handleInboundWebhook(channel: SmsChannel, request: WebhookRequest): Promise<WebhookResponse> {
  const s = stateOf(channel);
  const refused = refuse(s, request);
  if (refused) return refused;
  const parsed = inboundForm.safeParse(request.form);
  if (!parsed.success) return { status: 400, body: `missing or invalid field: ${fieldsOf(parsed.error)}` };
  const handlers = s.handlers();
  if (!handlers) return { status: 503, body: 'not accepting messages now' };

  const form = parsed.data;
  const sms: InboundSms = {
    from: form.from,
    to: form.to || s.defaultTo,
    // PostgreSQL text cannot hold NUL; a binary message would otherwise fail in every retry.
    text: form.text.replaceAll('\u0000', ''),
    receivedAt: receivedAt(form.date, s.clock),
    channel: 'http',
  };
  const key = form.id ? `${form.id}\n${form.from}` : null;
  const earlier = key ? s.recent.get(key) : undefined;
  const task = earlier ?? s.track(Promise.resolve().then(() => handlers.onInbound(sms)));
  if (key && !earlier) remember(s.recent, key, task);
  return answer(s, 'inbound message', task);
}

/**
 * Africa's Talking's delivery-report callback: the same checks and answers as handleInboundWebhook, then
 * `onReceipt` with the report's state (see africastalking-status.ts). Reports are idempotent by nature
 * (a state set twice is the same state), so repeats are passed on.
 */
export async function handleDeliveryWebhook(channel: SmsChannel, request: WebhookRequest): Promise<WebhookResponse> {
  const s = stateOf(channel);
  const refused = refuse(s, request);
  if (refused) return refused;
  const parsed = deliveryForm.safeParse(request.form);
  if (!parsed.success) return { status: 400, body: `missing or invalid field: ${fieldsOf(parsed.error)}` };
  const handlers = s.handlers();
  if (!handlers) return { status: 503, body: 'not accepting reports now' };
  const { state: delivery, errorCode } = deliveryState(parsed.data.status, parsed.data.failureReason);
  const report = { messageId: parsed.data.id, state: delivery, ...(errorCode ? { errorCode } : {}), at: s.clock.now() };
  return answer(s, 'delivery report', s.track(Promise.resolve().then(() => handlers.onReceipt(report))));
}

function stateOf(channel: SmsChannel): Internal {
  const state = states.get(channel);
  if (!state) throw new Error(`the ${channel.name} channel is not an Africa's Talking channel`);
  return state;
}

function refuse(state: Internal, request: WebhookRequest): WebhookResponse | null {
  if (bodySize(request) > MAX_WEBHOOK_BODY_BYTES) return { status: 413, body: 'body too large' };
  if (!isSecretRight(state, request.query.secret)) {
    state.log.warn("Africa's Talking callback without the right secret");
    return { status: 401, body: 'unauthorized' };
  }
  return null;
}

/**
 * Africa's Talking signs nothing, so the callback URL registered on its dashboard carries a shared secret
 * in its query (`?secret=`): the query stays out of our request log, which records the path. Both sides
 * are hashed first so the comparison takes the same time whatever the length of the guess.
 */
function isSecretRight(state: Internal, given: string | undefined): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), state.secretDigest);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Content-Length when sent; otherwise the decoded form's size, which is never more than what was sent. */
function bodySize(request: WebhookRequest): number {
  const header = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  const declared = header === undefined ? NaN : Number(header);
  if (Number.isFinite(declared)) return declared;
  return Object.entries(request.form).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v) + 2, 0);
}

async function answer(state: Internal, what: string, task: Promise<void>): Promise<WebhookResponse> {
  try {
    await task;
    return { status: 200, body: 'ok' };
  } catch (e) {
    state.log.warn({ err: e instanceof Error ? e.message : String(e) }, `${what} handler failed; Africa's Talking will call again`);
    return { status: 500, body: 'handler failed' };
  }
}

/** Keeps a handled id; a failed one is forgotten so that Africa's Talking's next call runs it again. */
function remember(recent: Map<string, Promise<void>>, key: string, task: Promise<void>) {
  recent.set(key, task);
  task.catch(() => recent.get(key) === task && recent.delete(key));
  if (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value!);
}

/**
 * The callback's `date` when it names its time zone (ISO 8601 with Z or an offset); a date without one
 * cannot be placed in time, so the time we received it is used, which a retried callback delays by at
 * most the minutes Africa's Talking keeps retrying.
 */
function receivedAt(date: string | undefined, clock: Clock): Date {
  if (date && /(?:Z|[+-]\d{2}:?\d{2})$/i.test(date.trim())) {
    const parsed = new Date(date.trim());
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return clock.now();
}

function fieldsOf(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => String(i.path[0] ?? '?')))].join(', ');
}
