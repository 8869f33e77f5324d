import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { apiTokenFor, makeHub, makeUser } from '../../../../test/factories.js';
import { exchangeJsonSchema } from './representation.js';

const t = useTestContext();

const send = (path: string, token: string | null, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
  t.app.request(`/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('exchanges API', () => {
  it('requests, answers and threads an exchange; strangers see nothing', async () => {
    const a = await makeHub(t.ctx);
    const b = await makeHub(t.ctx);
    const asker = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'coordinator', [a.id])).actor);
    const asked = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'coordinator', [b.id])).actor);
    const stranger = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'coordinator', [(await makeHub(t.ctx)).id])).actor);

    expect((await send('/exchanges', null, { fromHubId: a.id, toHubId: b.id, message: 'Hi' })).status).toBe(401);
    const created = await send('/exchanges', asker, { fromHubId: a.id, toHubId: b.id, message: 'Hi' });
    expect(created.status).toBe(201);
    const e = exchangeJsonSchema.parse(await created.json());
    expect(created.headers.get('location')).toBe(`/api/v1/exchanges/${e.id}`);
    expect((await send('/exchanges', asker, { fromHubId: a.id, toHubId: b.id, message: 'Hi again' })).status).toBe(409);
    expect((await send('/exchanges', asker, { fromHubId: a.id, toHubId: a.id, message: 'Me' })).status).toBe(422);

    expect((await send(`/exchanges/${e.id}/answer`, asker, { answer: 'accept' })).status).toBe(403);
    const answered = exchangeJsonSchema.parse(await (await send(`/exchanges/${e.id}/answer`, asked, { answer: 'accept', message: 'Yes' })).json());
    expect(answered.status).toBe('accepted');
    const thread = exchangeJsonSchema.parse(await (await send(`/exchanges/${e.id}/messages`, asker, { body: 'Thanks' })).json());
    expect(thread.messages.map((m) => m.body)).toEqual(['Hi', 'Yes', 'Thanks']);

    expect((await send(`/exchanges/${e.id}`, stranger)).status).toBe(404);
    expect((await send(`/hubs/${b.id}/exchanges`, stranger)).status).toBe(403);
    const list = (await (await send(`/hubs/${b.id}/exchanges`, asked)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });
});
