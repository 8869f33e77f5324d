import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AT_LIVE_URL, AT_SANDBOX_URL, createAfricasTalkingChannel, type AfricasTalkingOptions } from './africastalking.channel.js';
import { ChannelError, type OutboundSms } from './sms.js';

// A local HTTP server stands in for Africa's Talking: it records each request and answers as told.
type Recorded = { method: string; url: string; headers: http.IncomingHttpHeaders; form: URLSearchParams };
type Reply = { status: number; body: string | object } | 'hang' | 'drop';
let reply: (req: Recorded) => Reply = () => ({ status: 201, body: accepted() });
const requests: Recorded[] = [];
const hanging = new Set<http.ServerResponse>();
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
      requests.push(recorded);
      const r = reply(recorded);
      if (r === 'hang') return void hanging.add(res);
      if (r === 'drop') return void req.socket.destroy();
      const isText = typeof r.body === 'string';
      res.writeHead(r.status, { 'Content-Type': isText ? 'text/plain' : 'application/json' });
      res.end(isText ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const res of hanging) res.destroy();
  hanging.clear();
  requests.length = 0;
  reply = () => ({ status: 201, body: accepted() });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SECRET = 'a-long-webhook-secret-0123456789';
const silent = pino({ level: 'silent' });

function channel(options: Partial<AfricasTalkingOptions> = {}) {
  return createAfricasTalkingChannel({ username: 'hub-niamey', apiKey: 'atsk_test_key', baseUrl, from: 'PASSERELLE', webhookSecret: SECRET, log: silent, ...options });
}

function recipient(statusCode: number, status: string, extra: object = {}) {
  return { statusCode, number: '+22790000001', status, cost: statusCode < 200 ? 'XOF 25.0000' : '0', messageId: statusCode < 200 ? 'ATXid_1f2e3d' : 'None', ...extra };
}

function accepted(statusCode = 101, extra: object = {}) {
  return { SMSMessageData: { Message: 'Sent to 1/1 Total Cost: XOF 25.0000', Recipients: [recipient(statusCode, 'Success', extra)] } };
}

const sms = (text = 'Alerte : criquets signalés près de Maradi.', extra: Partial<OutboundSms> = {}): OutboundSms => ({ ref: 'outbox-42', to: '+22790000001', text, ...extra });

async function refusal(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ChannelError)) throw new Error(`expected a ChannelError, got ${String(error)}`);
  return error;
}

describe('send: the request', () => {
  it("posts the form Africa's Talking documents, with the API key in a header", async () => {
    const text = 'Ƙungiyar manoma: ruwan sama zai iso gobe. বৃষ্টি আসছে। 🌧';
    await channel().send(sms(text));
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/version1/messaging');
    expect(req!.headers.apikey).toBe('atsk_test_key');
    expect(req!.headers.accept).toBe('application/json');
    expect(req!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(req!.form)).toEqual({ username: 'hub-niamey', to: '+22790000001', message: text, from: 'PASSERELLE' });
  });

  it("uses the message's own sender over the default, and leaves `from` out when there is neither", async () => {
    await channel().send(sms('a', { from: '20880' }));
    await channel({ from: undefined }).send(sms('b'));
    expect(requests[0]!.form.get('from')).toBe('20880');
    expect(requests[1]!.form.has('from')).toBe(false);
  });

  it('keeps a path in the base URL and ignores a trailing slash', async () => {
    reply = (req) => (req.url === '/proxy/version1/messaging' ? { status: 201, body: accepted() } : { status: 404, body: 'no' });
    await expect(channel({ baseUrl: `${baseUrl}/proxy/` }).send(sms())).resolves.toMatchObject({ messageIds: ['ATXid_1f2e3d'] });
  });

  it('refuses an empty text or destination without asking anyone (permanent)', async () => {
    for (const bad of [sms(''), sms('x', { to: '' })]) {
      const error = await refusal(channel().send(bad));
      expect(error.isRetryable).toBe(false);
    }
    expect(requests).toHaveLength(0);
  });

  it('defaults to the live API, or the sandbox for the sandbox username, and checks its options', async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify(accepted()), { status: 201 });
    };
    await channel({ baseUrl: undefined, fetch: recordingFetch }).send(sms());
    await channel({ baseUrl: undefined, username: 'sandbox', fetch: recordingFetch }).send(sms());
    expect(urls).toEqual([`${AT_LIVE_URL}/version1/messaging`, `${AT_SANDBOX_URL}/version1/messaging`]);
    expect(AT_SANDBOX_URL).toBe('https://api.sandbox.africastalking.com');
    expect(() => channel({ webhookSecret: 'short' })).toThrow(/16 characters/);
    expect(() => channel({ apiKey: '' })).toThrow(/API key/);
    expect(() => channel({ baseUrl: 'not a url' })).toThrow();
  });
});

describe('send: the answer', () => {
  it('resolves with one message id, the cost and the parts Africa’s Talking reported', async () => {
    reply = () => ({ status: 201, body: accepted(101, { messageParts: 3 }) });
    await expect(channel().send(sms('x'.repeat(400)))).resolves.toEqual({ messageIds: ['ATXid_1f2e3d'], cost: 'XOF 25.0000', parts: 3 });
  });

  it.each([100, 101, 102])('accepts recipient status %i', async (code) => {
    reply = () => ({ status: 201, body: accepted(code) });
    await expect(channel().send(sms())).resolves.toMatchObject({ messageIds: ['ATXid_1f2e3d'] });
  });

  it.each([
    [401, 'RiskHold', false],
    [402, 'InvalidSenderId', false],
    [403, 'InvalidPhoneNumber', false],
    [404, 'UnsupportedNumberType', false],
    [405, 'InsufficientBalance', true],
    [406, 'UserInBlacklist', false],
    [407, 'CouldNotRoute', false],
    [409, 'DoNotDisturbRejection', true],
    [500, 'InternalServerError', true],
    [501, 'GatewayError', true],
    [502, 'RejectedByGateway', false],
    [408, 'SomethingNew', false],
    [503, 'SomethingElseNew', true],
  ] as const)('refuses recipient status %i (%s), retryable: %s', async (code, name, isRetryable) => {
    reply = () => ({ status: 201, body: { SMSMessageData: { Message: 'Sent to 0/1 Total Cost: 0', Recipients: [recipient(code, name)] } } });
    const error = await refusal(channel().send(sms()));
    expect(error.code).toBe(name);
    expect(error.isRetryable).toBe(isRetryable);
  });

  it('reads the recipient line of a non-2xx answer (Nigeria’s DND hours come as HTTP 409)', async () => {
    reply = () => ({ status: 409, body: { SMSMessageData: { Message: 'Sent to 0/1 Total Cost: 0', Recipients: [recipient(409, 'DoNotDisturbRejection')] } } });
    const error = await refusal(channel().send(sms()));
    expect(error).toMatchObject({ code: 'DoNotDisturbRejection', isRetryable: true });
  });

  it('names the refusal given in Message when no recipient is listed', async () => {
    reply = () => ({ status: 201, body: { SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } } });
    expect(await refusal(channel().send(sms()))).toMatchObject({ code: 'InvalidSenderId', isRetryable: false });
    reply = () => ({ status: 201, body: { SMSMessageData: { Message: 'Something unheard of', Recipients: [] } } });
    expect(await refusal(channel().send(sms()))).toMatchObject({ code: 'no_recipient', isRetryable: false });
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'unauthorized', false],
    [400, 'bad_request', false],
    [408, 'timeout', true],
    [429, 'throttled', true],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'server_error', true],
  ] as const)('maps HTTP %i to %s (retryable: %s)', async (status, code, isRetryable) => {
    reply = () => ({ status, body: status === 401 ? 'The supplied authentication is invalid' : 'Request failed' });
    const error = await refusal(channel().send(sms()));
    expect(error).toMatchObject({ code, isRetryable });
  });

  it('treats an unreadable 2xx body as retryable (the message may not have been taken)', async () => {
    reply = () => ({ status: 201, body: '<html>maintenance</html>' });
    expect(await refusal(channel().send(sms()))).toMatchObject({ code: 'bad_response', isRetryable: true });
  });

  it('returns no id, rather than "None", for an acceptance without one', async () => {
    reply = () => ({ status: 201, body: accepted(102, { messageId: 'None' }) });
    await expect(channel().send(sms())).resolves.toMatchObject({ messageIds: [] });
  });
});

describe('send: faults of the network', () => {
  it('gives up after the timeout with a retryable error', async () => {
    reply = () => 'hang';
    const started = Date.now();
    const error = await refusal(channel({ timeoutMs: 150 }).send(sms()));
    expect(error).toMatchObject({ code: 'timeout', isRetryable: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('turns a dropped connection into a retryable error', async () => {
    reply = () => 'drop';
    expect(await refusal(channel().send(sms()))).toMatchObject({ code: 'network', isRetryable: true });
  });

  it('turns a refused connection into a retryable error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await refusal(channel({ baseUrl: `http://127.0.0.1:${port}` }).send(sms()))).toMatchObject({ code: 'network', isRetryable: true });
  });

  it('close waits for a request in flight, then cuts it off after closeTimeoutMs; later sends fail as retryable', async () => {
    reply = () => 'hang';
    const at = channel({ closeTimeoutMs: 100, timeoutMs: 5_000 });
    await at.start({ onInbound: async () => {}, onReceipt: async () => {} });
    expect(at.isConnected()).toBe(true);
    const inFlight = refusal(at.send(sms()));
    await new Promise((r) => setTimeout(r, 20)); // let the request reach the server
    const started = Date.now();
    await at.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(await inFlight).toMatchObject({ code: 'closed', isRetryable: true });
    expect(at.isConnected()).toBe(false);
    expect(await refusal(at.send(sms()))).toMatchObject({ code: 'closed', isRetryable: true });
  });
});
