import { afterEach, describe, expect, it } from 'vitest';
import { createAfricasTalkingChannel } from '../src/channels/sms/africastalking.channel.js';
import type { AppContext } from '../src/context.js';
import { createLogger } from '../src/lib/logger.js';
import { startMessaging, type Messaging } from '../src/messaging.js';
import { createApp } from '../src/web/app.js';
import { useTestContext } from './context.js';
import { waitFor } from './smsc.js';

const t = useTestContext();
const SECRET = 'a-long-shared-secret-1234';
let messaging: Messaging | null = null;

afterEach(async () => {
  await messaging?.stop();
  messaging = null;
});

/** Africa's Talking's messaging API, as far as this node sees it: form posts answered like the real one. */
function fakeAfricasTalking() {
  const sent: Record<string, string>[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    const form = Object.fromEntries(new URLSearchParams(String(init?.body)));
    sent.push(form);
    const recipient = { statusCode: 101, number: form.to, status: 'Success', cost: 'XOF 20', messageId: `ATXid_${sent.length}` };
    return new Response(JSON.stringify({ SMSMessageData: { Message: 'Sent to 1/1', Recipients: [recipient] } }), { status: 201, headers: { 'Content-Type': 'application/json' } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

async function setUp() {
  const at = fakeAfricasTalking();
  const channel = createAfricasTalkingChannel({ username: 'sandbox', apiKey: 'key', webhookSecret: SECRET, fetch: at.fetch, log: createLogger('silent') });
  const ctx: AppContext = { ...t.ctx, sms: channel };
  messaging = startMessaging(ctx, { fanoutIntervalMs: 20, dispatcherPollMs: 10 });
  await messaging.started;
  return { at, app: createApp(ctx) };
}

const post = (app: ReturnType<typeof createApp>, path: string, form: Record<string, string>) =>
  app.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe("Africa's Talking webhooks", () => {
  it('answers a text message received through the gateway, with no session and no CSRF token', async () => {
    const { at, app } = await setUp();
    const res = await post(app, `/sms/africastalking/inbound?secret=${SECRET}`, { from: '+22790000001', to: '12345', text: 'AIDE', date: '2026-06-01T10:00:00Z', id: 'in-1' });
    expect(res.status).toBe(200);
    await waitFor(() => at.sent.length === 1, 'the answer sent through the API');
    expect(at.sent[0]).toMatchObject({ username: 'sandbox', to: '+22790000001' });
    expect(at.sent[0]!.message).toMatch(/CHERCHER/);
  });

  it('refuses a callback without the shared secret, and is absent when the node does not use the gateway', async () => {
    const { app } = await setUp();
    expect((await post(app, '/sms/africastalking/inbound?secret=wrong', { from: '+22790000001', to: '12345', text: 'HELP' })).status).toBe(401);
    expect((await post(app, '/sms/africastalking/inbound', { from: '+22790000001', to: '12345', text: 'HELP' })).status).toBe(401);
    expect((await post(createApp(t.ctx), `/sms/africastalking/inbound?secret=${SECRET}`, { from: '+22790000001', text: 'HELP' })).status).toBe(404);
  });

  it('refuses a body over 16 KB', async () => {
    const { app } = await setUp();
    const res = await post(app, `/sms/africastalking/inbound?secret=${SECRET}`, { from: '+22790000001', to: '12345', text: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
  });
});
