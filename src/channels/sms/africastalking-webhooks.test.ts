import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { createAfricasTalkingChannel, handleDeliveryWebhook, handleInboundWebhook, MAX_WEBHOOK_BODY_BYTES, type WebhookRequest } from './africastalking.channel.js';
import type { DeliveryReport, InboundSms, SmsChannel } from './sms.js';

// The webhooks need no network: the web layer hands them a parsed request, as Africa's Talking posted it.
const SECRET = 'callback-secret-7f3a9c1e5b2d4a60';
const NOW = new Date('2026-03-02T08:00:00Z');

function setup() {
  const inbound: InboundSms[] = [];
  const receipts: DeliveryReport[] = [];
  const behaviour = { fail: 0, gate: null as Promise<void> | null };
  const channel = createAfricasTalkingChannel({
    username: 'hub-niamey',
    apiKey: 'atsk_unused',
    baseUrl: 'http://127.0.0.1:9', // never called here
    from: '20880',
    webhookSecret: SECRET,
    log: pino({ level: 'silent' }),
    clock: fixedClock(NOW),
  });
  const handlers = {
    async onInbound(sms: InboundSms) {
      if (behaviour.gate) await behaviour.gate;
      if (behaviour.fail > 0 && behaviour.fail--) throw new Error('database unavailable');
      inbound.push(sms);
    },
    async onReceipt(report: DeliveryReport) {
      if (behaviour.fail > 0 && behaviour.fail--) throw new Error('database unavailable');
      receipts.push(report);
    },
  };
  return { channel, handlers, inbound, receipts, behaviour };
}

async function started() {
  const s = setup();
  await s.channel.start(s.handlers);
  return s;
}

const inboundForm = (extra: Record<string, string> = {}) => ({
  from: '+22790000001',
  to: '20880',
  text: 'FIND paludisme',
  date: '2026-03-02T07:59:58.123Z',
  id: 'c7e9a2b4-0001',
  linkId: 'f1b2c3',
  networkCode: '61402',
  ...extra,
});

const request = (form: Record<string, string>, query: Record<string, string> = { secret: SECRET }, headers: Record<string, string | undefined> = {}): WebhookRequest => ({
  headers,
  form,
  query,
});

describe('inbound messages', () => {
  it('hands a 1,000-character Unicode message to onInbound as it was written, then answers 200', async () => {
    const { channel, inbound } = await started();
    const text = 'Ƙasa ta bushe, ruwa ya ƙare. জল নেই। الماء نفد 🌾 '.repeat(40).slice(0, 1000);
    expect([...text].length).toBeGreaterThan(900);
    const res = await handleInboundWebhook(channel, request(inboundForm({ text })));
    expect(res).toEqual({ status: 200, body: 'ok' });
    expect(inbound).toEqual([{ from: '+22790000001', to: '20880', text, receivedAt: new Date('2026-03-02T07:59:58.123Z'), channel: 'http' }]);
  });

  it.each([
    ['missing', {}],
    ['wrong', { secret: 'callback-secret-7f3a9c1e5b2d4a61' }],
    ['a prefix of it', { secret: SECRET.slice(0, -1) }],
    ['longer', { secret: `${SECRET}0` }],
    ['empty', { secret: '' }],
  ])('answers 401 and calls nothing when the secret is %s', async (_case, query) => {
    const { channel, inbound } = await started();
    expect(await handleInboundWebhook(channel, request(inboundForm(), query))).toEqual({ status: 401, body: 'unauthorized' });
    expect(inbound).toEqual([]);
  });

  it.each(['from', 'text'])('answers 400 naming the field when %s is missing', async (field) => {
    const { channel, inbound } = await started();
    const form: Record<string, string> = inboundForm();
    delete form[field];
    const res = await handleInboundWebhook(channel, request(form));
    expect(res.status).toBe(400);
    expect(res.body).toContain(field);
    expect(inbound).toEqual([]);
  });

  it('passes on an empty text, a number in no known format, and a form without `to` or date', async () => {
    const { channel, inbound } = await started();
    const res = await handleInboundWebhook(channel, request({ from: '00-not a number', text: '' }));
    expect(res.status).toBe(200);
    expect(inbound).toEqual([{ from: '00-not a number', to: '20880', text: '', receivedAt: NOW, channel: 'http' }]);
  });

  it('uses our clock for a date without a time zone, and drops NUL characters', async () => {
    const { channel, inbound } = await started();
    await handleInboundWebhook(channel, request(inboundForm({ date: '2026-03-02 10:59:58', text: 'STOP\u0000\u0000' })));
    expect(inbound[0]).toMatchObject({ text: 'STOP', receivedAt: NOW });
  });

  it('answers only once onInbound has resolved', async () => {
    const { channel, inbound, behaviour } = await started();
    let open!: () => void;
    behaviour.gate = new Promise<void>((r) => (open = r));
    let answered = false;
    const pending = handleInboundWebhook(channel, request(inboundForm())).then((res) => ((answered = true), res));
    await new Promise((r) => setTimeout(r, 30));
    expect(answered).toBe(false);
    open();
    expect(await pending).toEqual({ status: 200, body: 'ok' });
    expect(inbound).toHaveLength(1);
  });

  it('answers 500 when onInbound rejects, so that the retried callback runs it again', async () => {
    const { channel, inbound, behaviour } = await started();
    behaviour.fail = 1;
    expect(await handleInboundWebhook(channel, request(inboundForm()))).toEqual({ status: 500, body: 'handler failed' });
    expect(inbound).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await handleInboundWebhook(channel, request(inboundForm()))).status).toBe(200);
    expect(inbound).toHaveLength(1);
  });

  it('answers a repeated callback of a handled message without running it twice', async () => {
    const { channel, inbound } = await started();
    const [a, b] = await Promise.all([handleInboundWebhook(channel, request(inboundForm())), handleInboundWebhook(channel, request(inboundForm()))]);
    const c = await handleInboundWebhook(channel, request(inboundForm()));
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(inbound).toHaveLength(1);
    await handleInboundWebhook(channel, request(inboundForm({ id: 'c7e9a2b4-0002' })));
    expect(inbound).toHaveLength(2);
  });

  it('answers 413 past 16 KB, by Content-Length or by the form itself, without calling onInbound', async () => {
    const { channel, inbound } = await started();
    const byHeader = await handleInboundWebhook(channel, request(inboundForm(), { secret: SECRET }, { 'Content-Length': String(MAX_WEBHOOK_BODY_BYTES + 1) }));
    const byForm = await handleInboundWebhook(channel, request(inboundForm({ text: 'ক'.repeat(6_000) })));
    expect([byHeader.status, byForm.status]).toEqual([413, 413]);
    expect(inbound).toEqual([]);
    expect((await handleInboundWebhook(channel, request(inboundForm(), { secret: SECRET }, { 'content-length': '300' }))).status).toBe(200);
  });

  it('answers 503 before start and after close, so that Africa’s Talking calls again later', async () => {
    const { channel, handlers, inbound } = setup();
    expect((await handleInboundWebhook(channel, request(inboundForm()))).status).toBe(503);
    await channel.start(handlers);
    await channel.close();
    expect((await handleInboundWebhook(channel, request(inboundForm()))).status).toBe(503);
    expect(inbound).toEqual([]);
  });

  it('close waits for a handler still running', async () => {
    const { channel, behaviour } = await started();
    let open!: () => void;
    behaviour.gate = new Promise<void>((r) => (open = r));
    const pending = handleInboundWebhook(channel, request(inboundForm()));
    let closed = false;
    const closing = channel.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(closed).toBe(false);
    open();
    await closing;
    expect((await pending).status).toBe(200);
  });

  it('refuses a channel that is not an Africa’s Talking channel', async () => {
    const other = { name: 'smpp' } as SmsChannel;
    await expect(handleInboundWebhook(other, request(inboundForm()))).rejects.toThrow(/not an Africa's Talking channel/);
  });
});

describe('delivery reports', () => {
  const report = (status: string, extra: Record<string, string> = {}) => ({
    id: 'ATXid_1f2e3d',
    status,
    phoneNumber: '+22790000001',
    networkCode: '61402',
    retryCount: '0',
    ...extra,
  });

  it.each([
    ['Success', {}, { state: 'delivered' }],
    ['Sent', {}, { state: 'accepted' }],
    ['Submitted', {}, { state: 'accepted' }],
    ['Buffered', {}, { state: 'accepted' }],
    ['Failed', { failureReason: 'UserDoesNotExist' }, { state: 'failed', errorCode: 'UserDoesNotExist' }],
    ['Rejected', { failureReason: 'DeliveryFailure' }, { state: 'rejected', errorCode: 'DeliveryFailure' }],
    ['Failed', {}, { state: 'failed' }],
    ['AbsentSubscriber', {}, { state: 'failed', errorCode: 'AbsentSubscriber' }],
    ['Expired', {}, { state: 'expired' }],
    ['Teleported', {}, { state: 'unknown', errorCode: 'Teleported' }],
  ])('maps status %s %j to %j', async (status, extra, expected) => {
    const { channel, receipts } = await started();
    expect(await handleDeliveryWebhook(channel, request(report(status, extra)))).toEqual({ status: 200, body: 'ok' });
    expect(receipts).toEqual([{ messageId: 'ATXid_1f2e3d', at: NOW, ...expected }]);
  });

  it('checks the secret and the fields, and answers 500 when onReceipt rejects', async () => {
    const { channel, receipts, behaviour } = await started();
    expect((await handleDeliveryWebhook(channel, request(report('Success'), { secret: 'nope' }))).status).toBe(401);
    expect((await handleDeliveryWebhook(channel, request({ status: 'Success' }))).status).toBe(400);
    expect((await handleDeliveryWebhook(channel, request({ id: 'ATXid_1' }))).status).toBe(400);
    behaviour.fail = 1;
    expect(await handleDeliveryWebhook(channel, request(report('Success')))).toEqual({ status: 500, body: 'handler failed' });
    expect(receipts).toEqual([]);
  });
});
