import { describe, expect, it } from 'vitest';
import { apiTokenFor, makeHub, makePractice, makeUser, practiceData, practiceText } from '../../../../test/factories.js';
import { useTestContext } from '../../../../test/context.js';
import { createTranslator } from '../../i18n/i18n.js';
import { historyJsonSchema, practiceJsonSchema } from './representation.js';

const t = useTestContext();

type Opts = { token?: string; body?: unknown; headers?: Record<string, string> };
function call(method: string, path: string, o: Opts = {}) {
  const headers: Record<string, string> = { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  return t.app.request(`/api/v1${path}`, { method, headers: { ...headers, ...o.headers }, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}

async function tokenOf(role: 'admin' | 'curator' | 'coordinator' | 'delegate', hubIds: string[] = []) {
  const { actor } = await makeUser(t.ctx, role, hubIds);
  return apiTokenFor(t.ctx, actor);
}

describe('GET /practices', () => {
  it('lists published practices only to anonymous callers, with paging and a public cache header', async () => {
    for (let i = 0; i < 3; i++) await makePractice(t.ctx);
    await makePractice(t.ctx, {}, 'draft');
    const res = await call('GET', '/practices?perPage=2&page=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await res.json();
    expect(body).toMatchObject({ page: 2, perPage: 2, total: 3 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0].status).toBe('published');
    practiceJsonSchema.parse(body.items[0]);
  });

  it('filters by theme, country and hub', async () => {
    const hub = await makeHub(t.ctx);
    const water = await makePractice(t.ctx, { themes: ['water'], countries: ['SN'], hubIds: [hub.id] });
    await makePractice(t.ctx, { themes: ['health'], countries: ['SN'] });
    await makePractice(t.ctx, { themes: ['water'], countries: ['NE'] });
    const ids = async (q: string) => ((await (await call('GET', `/practices?${q}`)).json()).items as { id: string }[]).map((p) => p.id);
    expect(await ids('theme=water&country=SN')).toEqual([water.id]);
    expect(await ids(`hub=${hub.id}`)).toEqual([water.id]);
    expect(await ids('theme=water')).toHaveLength(2);
  });

  it('refuses a bad filter with 422 and the field', async () => {
    const res = await call('GET', '/practices?theme=astrology&perPage=1000');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['perPage', 'theme']);
  });

  it('lets an author list their own drafts with mine=1, privately cached', async () => {
    const { actor } = await makeUser(t.ctx, 'coordinator');
    const token = await apiTokenFor(t.ctx, actor);
    const created = await (await call('POST', '/practices', { token, body: practiceData() })).json();
    const res = await call('GET', '/practices?mine=1', { token });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect((await res.json()).items.map((p: { id: string }) => p.id)).toEqual([created.id]);
  });
});

describe('GET /practices/:id', () => {
  it('returns the record with status, version and ISO dates', async () => {
    const p = await makePractice(t.ctx);
    const res = await call('GET', `/practices/${p.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: p.id, status: 'published', version: 1, createdAt: '2026-06-01T10:00:00.000Z', originalLanguage: 'fr' });
    expect(body.texts.fr.title).toBe(p.texts.fr!.title);
    expect(body).not.toHaveProperty('createdBy');
  });

  it('answers 404 for an unknown id, a malformed id and a draft seen anonymously', async () => {
    const draft = await makePractice(t.ctx, {}, 'draft');
    for (const id of [crypto.randomUUID(), 'not-a-uuid', draft.id]) {
      const res = await call('GET', `/practices/${id}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});

describe('POST /practices', () => {
  it('creates a draft for a coordinator with a token (201, Location)', async () => {
    const res = await call('POST', '/practices', { token: await tokenOf('coordinator'), body: practiceData() });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/practices/${body.id}`);
    expect(body).toMatchObject({ status: 'draft', version: 1 });
    practiceJsonSchema.parse(body);
  });

  it('answers 401 without a token, even before looking at the body', async () => {
    const res = await call('POST', '/practices', { body: 'nonsense' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).error).toMatchObject({ code: 'unauthenticated', message: 'You need to sign in to do this.' });
  });

  it('answers 401 for an unknown token', async () => {
    expect((await call('POST', '/practices', { token: 'nope', body: practiceData() })).status).toBe(401);
  });

  it('answers 403 to a delegate', async () => {
    const res = await call('POST', '/practices', { token: await tokenOf('delegate'), body: practiceData() });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('answers 422 with a field for each bad value', async () => {
    const body = practiceData({ countries: ['ZZ'], languages: ['xx'], technologies: ['telepathy'], text: practiceText({ summary: 'x'.repeat(301) }) });
    const res = await call('POST', '/practices', { token: await tokenOf('coordinator'), body });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['text.summary', 'countries.0', 'languages.0', 'technologies.0']));
    expect(error.fields['text.summary']).toContain('300');
  });

  it('localises messages with Accept-Language', async () => {
    const res = await call('POST', '/practices', { body: practiceData(), headers: { 'accept-language': 'fr' } });
    expect(res.headers.get('content-language')).toBe('fr');
    const { message } = (await res.json()).error;
    expect(message).toBe(createTranslator('fr')('error.sign_in_required'));
    expect(message).not.toBe('You need to sign in to do this.');
  });

  it('stores markup in a title as typed and returns it as a plain JSON string', async () => {
    const title = '<script>alert("x")</script> & <b>Radio</b>';
    const res = await call('POST', '/practices', { token: await tokenOf('coordinator'), body: practiceData({ text: practiceText({ title }) }) });
    const { id } = await res.json();
    const read = await call('GET', `/practices/${id}`, { token: await tokenOf('curator') });
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await read.json()).texts.fr.title).toBe(title);
  });
});

describe('PUT /practices/:id', () => {
  async function hubPractice() {
    const hub = await makeHub(t.ctx);
    const p = await makePractice(t.ctx, { hubIds: [hub.id] });
    const { texts, id, status: _s, publishedAt: _p, isDemo: _d, originalLanguage: lang, ...facts } = p;
    return { hub, id, update: { expectedVersion: 1, lang, facts, text: { ...texts[lang]!, summary: 'Plus court.' } } };
  }

  it('lets a coordinator of an authoring hub save, and bumps the version', async () => {
    const { hub, id, update } = await hubPractice();
    const res = await call('PUT', `/practices/${id}`, { token: await tokenOf('coordinator', [hub.id]), body: update });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, texts: { fr: { summary: 'Plus court.' } } });
  });

  it('refuses a coordinator of another hub (403) but lets a curator save', async () => {
    const { id, update } = await hubPractice();
    const other = await makeHub(t.ctx);
    expect((await call('PUT', `/practices/${id}`, { token: await tokenOf('coordinator', [other.id]), body: update })).status).toBe(403);
    expect((await call('PUT', `/practices/${id}`, { token: await tokenOf('curator'), body: update })).status).toBe(200);
  });

  it('answers 409 to a stale expectedVersion', async () => {
    const { id, update } = await hubPractice();
    const token = await tokenOf('curator');
    await call('PUT', `/practices/${id}`, { token, body: update });
    const res = await call('PUT', `/practices/${id}`, { token, body: { ...update, text: { ...update.text, summary: 'Encore.' } } });
    expect(res.status).toBe(409);
  });

  it('answers 404 for an unknown practice', async () => {
    const { update } = await hubPractice();
    expect((await call('PUT', `/practices/${crypto.randomUUID()}`, { token: await tokenOf('curator'), body: update })).status).toBe(404);
  });
});

describe('PUT /practices/:id/texts/:lang', () => {
  it('adds a translation and refuses a bad language tag', async () => {
    const p = await makePractice(t.ctx);
    const token = await tokenOf('curator');
    const en = { title: 'Locust alerts by radio', summary: 'Herders get warnings in time.' };
    const res = await call('PUT', `/practices/${p.id}/texts/en`, { token, body: { ...en, expectedVersion: 1 } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.texts.en).toMatchObject(en);
    expect(body.version).toBe(2);
    const bad = await call('PUT', `/practices/${p.id}/texts/xx`, { token, body: en });
    expect(bad.status).toBe(422);
    expect((await call('PUT', `/practices/${p.id}/texts/es`, { token, body: { ...en, expectedVersion: 1 } })).status).toBe(409);
  });
});

describe('POST /practices/:id/review and GET /practices/:id/history', () => {
  it('moves a draft through submit and publish, and records it', async () => {
    const hub = await makeHub(t.ctx);
    const author = await tokenOf('coordinator', [hub.id]);
    const curator = await tokenOf('curator');
    const { id } = await (await call('POST', '/practices', { token: author, body: practiceData({ hubIds: [hub.id] }) })).json();

    expect((await call('POST', `/practices/${id}/review`, { token: author, body: { action: 'publish' } })).status).toBe(403);
    const submitted = await call('POST', `/practices/${id}/review`, { token: author, body: { action: 'submit' } });
    expect((await submitted.json()).status).toBe('submitted');
    const returned = await call('POST', `/practices/${id}/review`, { token: curator, body: { action: 'return' } });
    expect(returned.status).toBe(422);
    expect(Object.keys((await returned.json()).error.fields)).toEqual(['comment']);
    const published = await call('POST', `/practices/${id}/review`, { token: curator, body: { action: 'publish', comment: 'Bravo' } });
    expect((await published.json()).status).toBe('published');
    expect((await call('POST', `/practices/${id}/review`, { token: curator, body: { action: 'publish' } })).status).toBe(409);
    expect((await call('POST', `/practices/${id}/review`, { token: curator, body: { action: 'burn' } })).status).toBe(422);

    const history = historyJsonSchema.parse(await (await call('GET', `/practices/${id}/history`)).json());
    expect(history.reviews.map((r) => r.action)).toEqual(['submit', 'publish']);
    expect(history.reviews[1]).toMatchObject({ comment: 'Bravo', createdAt: '2026-06-01T10:00:00.000Z' });
    expect(history.versions[0]).toMatchObject({ version: 1, changes: [{ field: 'created' }] });
  });
});
