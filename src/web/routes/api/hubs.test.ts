import { describe, expect, it } from 'vitest';
import { apiTokenFor, hubData, makeHub, makePractice, makeUser } from '../../../../test/factories.js';
import { useTestContext } from '../../../../test/context.js';
import { hubJsonSchema, recommendationsJsonSchema } from './representation.js';

const t = useTestContext();

type Opts = { token?: string; body?: unknown };
function call(method: string, path: string, o: Opts = {}) {
  const headers: Record<string, string> = { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  return t.app.request(`/api/v1${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}

async function tokenOf(role: 'admin' | 'curator' | 'coordinator' | 'delegate', hubIds: string[] = []) {
  const { actor } = await makeUser(t.ctx, role, hubIds);
  return apiTokenFor(t.ctx, actor);
}

/** The profile part of the factory's hub, as PUT /hubs/:id takes it. */
function profileOf(over: Record<string, unknown> = {}) {
  const { originalLanguage: _l, text: _t, ...profile } = hubData(over);
  return profile;
}

describe('GET /hubs', () => {
  it('lists hubs with paging and filters, without contacts for anonymous callers', async () => {
    await makeHub(t.ctx, { country: 'SN' });
    await makeHub(t.ctx, { country: 'NE' });
    await makeHub(t.ctx, { country: 'NE', kind: 'library' });
    const res = await call('GET', '/hubs?country=NE&perPage=1');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ page: 1, perPage: 1, total: 2 });
    expect(body.items[0]).toMatchObject({ country: 'NE', contact: null });
    hubJsonSchema.parse(body.items[0]);
    expect((await (await call('GET', '/hubs?kind=library')).json()).total).toBe(1);
    expect((await call('GET', '/hubs?kind=castle')).status).toBe(422);
  });
});

describe('GET /hubs/:id', () => {
  it('shows the contact to a token holder only, and caches accordingly', async () => {
    const token = await tokenOf('coordinator');
    const { id } = await (await call('POST', '/hubs', { token, body: hubData() })).json();

    const anonymous = await call('GET', `/hubs/${id}`);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60');
    expect(anonymous.headers.get('vary')).toContain('Authorization');
    expect((await anonymous.json()).contact).toBeNull();

    const signedIn = await call('GET', `/hubs/${id}`, { token: await tokenOf('delegate') });
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect((await signedIn.json()).contact).toEqual({ name: 'Hadiza', email: 'radio@example.org', phone: '+22790000000' });
  });

  it('answers 404 for an unknown hub', async () => {
    const res = await call('GET', `/hubs/${crypto.randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBeNull();
  });
});

describe('POST /hubs', () => {
  it('creates a hub for a coordinator, who may then edit it', async () => {
    const token = await tokenOf('coordinator');
    const res = await call('POST', '/hubs', { token, body: hubData() });
    expect(res.status).toBe(201);
    const hub = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/hubs/${hub.id}`);
    hubJsonSchema.parse(hub);
    // The creator became a member of the hub, so the same token may now edit it.
    expect((await call('PUT', `/hubs/${hub.id}`, { token, body: profileOf({ country: 'ML' }) })).status).toBe(200);
  });

  it('answers 401 without a token, 403 for a delegate, 422 for bad values', async () => {
    expect((await call('POST', '/hubs', { body: hubData() })).status).toBe(401);
    expect((await call('POST', '/hubs', { token: await tokenOf('delegate'), body: hubData() })).status).toBe(403);
    const res = await call('POST', '/hubs', { token: await tokenOf('coordinator'), body: hubData({ country: 'ZZ', kind: 'castle', contactPhone: '12' }) });
    expect(res.status).toBe(422);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['contactPhone', 'country', 'kind']);
  });
});

describe('PUT /hubs/:id and /hubs/:id/texts/:lang', () => {
  it('lets the hub’s coordinator replace the profile and add a translation; others get 403', async () => {
    const hub = await makeHub(t.ctx);
    const own = await tokenOf('coordinator', [hub.id]);
    const other = await tokenOf('coordinator', [(await makeHub(t.ctx)).id]);

    expect((await call('PUT', `/hubs/${hub.id}`, { token: other, body: profileOf() })).status).toBe(403);
    const saved = await call('PUT', `/hubs/${hub.id}`, { token: own, body: profileOf({ population: 15000 }) });
    expect(saved.status).toBe(200);
    expect((await saved.json()).population).toBe(15000);

    const text = { name: 'Gaskiya community radio', description: 'A village radio.' };
    const translated = await call('PUT', `/hubs/${hub.id}/texts/en`, { token: own, body: text });
    expect(translated.status).toBe(200);
    expect((await translated.json()).texts.en).toEqual(text);
    expect((await call('PUT', `/hubs/${hub.id}/texts/en`, { token: other, body: text })).status).toBe(403);
    expect((await call('PUT', `/hubs/${crypto.randomUUID()}/texts/en`, { token: own, body: text })).status).toBe(404);
  });
});

describe('GET /api/v1/hubs/:id/recommendations', () => {
  it('returns practices and peers with their reasons, in the documented shape', async () => {
    const hub = await makeHub(t.ctx, { themes: ['water'], country: 'NE' });
    await makeHub(t.ctx, { themes: ['water'], country: 'BD' });
    await makePractice(t.ctx, { themes: ['water'], technologies: ['radio'] });
    const res = await t.app.request(`/api/v1/hubs/${hub.id}/recommendations`);
    expect(res.status).toBe(200);
    const body = recommendationsJsonSchema.parse(await res.json());
    expect(body.practices[0]!.reasons.map((r) => r.code)).toContain('addresses_priorities');
    expect(body.peers[0]!.reasons.map((r) => r.code)).toContain('south_south');
    expect(body.peers[0]!.hub.contact).toBeNull();
    expect((await t.app.request('/api/v1/hubs/00000000-0000-4000-8000-000000000000/recommendations')).status).toBe(404);
  });
});
