import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makePractice, makeUser, practiceText } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';

const t = useTestContext();

describe('pages', () => {
  it('renders every public page type in French, English, Spanish and Arabic with lang and dir', async () => {
    const hub = await makeHub(t.ctx);
    const p = await makePractice(t.ctx, { hubIds: [hub.id], originalLanguage: 'ha', text: practiceText({ title: 'Rediyo don makiyaya' }) });
    for (const [lang, dir] of [['fr', 'ltr'], ['en', 'ltr'], ['es', 'ltr'], ['ar', 'rtl']]) {
      for (const path of ['/', '/practices', `/practices/${p.id}`, '/hubs', `/hubs/${hub.id}`, '/login', `/practices/${p.id}/history`]) {
        const res = await t.app.request(path, { headers: { 'accept-language': lang! } });
        expect(res.status, `${path} ${lang}`).toBe(200);
        const html = await res.text();
        expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      }
    }
    const page = await (await t.app.request(`/practices/${p.id}`, { headers: { 'accept-language': 'en' } })).text();
    expect(page).toContain('<h1>Rediyo don makiyaya</h1>');
    expect(page).toMatch(/<div lang="ha" dir="ltr">/);
    expect(page).toContain('Not yet available in English; shown in Hausa.');
  });

  it('remembers the language chosen with the switcher, over Accept-Language', async () => {
    const b = browser(t.app);
    const res = await b.post('/locale', { locale: 'ar', next: '/practices' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/practices');
    const html = await (await b.get('/practices', { 'accept-language': 'es' })).text();
    expect(html).toContain('lang="ar" dir="rtl"');
  });

  it('refuses a form post without the CSRF token', async () => {
    const b = browser(t.app);
    const { user } = await makeUser(t.ctx, 'curator');
    const res = await b.post('/login', { email: user.email, password: 'x' }, { csrf: null });
    expect(res.status).toBe(403);
    const forged = await b.post('/login', { email: user.email, password: 'x' }, { csrf: 'A'.repeat(43) });
    expect(forged.status).toBe(403);
  });

  it('signs in with a clear message on failure, then out', async () => {
    const b = browser(t.app);
    const { user } = await makeUser(t.ctx, 'coordinator');
    const bad = await b.post('/login', { email: user.email, password: 'nope' });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('Wrong e-mail address or password.');
    await b.signIn(user.email);
    expect(await (await b.get('/account')).text()).toContain(user.displayName);
    await b.post('/logout', {});
    expect((await b.get('/account')).status).toBe(401);
  });

  it('shows a hub’s contact details to signed-in members only', async () => {
    const hub = await makeHub(t.ctx);
    const { user } = await makeUser(t.ctx, 'delegate');
    await t.ctx.db.execute(`update hubs set contact_phone = '+22790000001' where id = '${hub.id}'` as never);
    expect(await (await t.app.request(`/hubs/${hub.id}`)).text()).not.toContain('+22790000001');
    const b = browser(t.app);
    await b.signIn(user.email);
    expect(await (await b.get(`/hubs/${hub.id}`)).text()).toContain('+22790000001');
  });

  it('runs the main journey: submit with an error, fix it, review, publish, translate', async () => {
    const hub = await makeHub(t.ctx);
    const { user: coord } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const { user: curator } = await makeUser(t.ctx, 'curator');
    const author = browser(t.app);
    await author.signIn(coord.email);
    const form = {
      originalLanguage: 'fr', 'text.title': '<b>Radio</b> & SMS', 'text.summary': 'x'.repeat(301),
      technologies: ['radio'], themes: ['health'], countries: ['NE'], hubIds: [hub.id],
      'text.approach.0.title': 'Former des relais', 'text.approach.0.description': '', 'text.approach.0.enablingFactors': '',
    };
    const failed = await author.post('/practices/new', form);
    expect(failed.status).toBe(422);
    const failedHtml = await failed.text();
    expect(failedHtml).toContain('Too long: at most 300 characters.');
    expect(failedHtml).toContain('value="&lt;b&gt;Radio&lt;/b&gt; &amp; SMS"');
    expect(failedHtml).toContain('aria-invalid="true"');

    const created = await author.post('/practices/new', { ...form, 'text.summary': 'Des alertes santé par radio et SMS.' });
    expect(created.status).toBe(303);
    const path = created.headers.get('location')!.split('?')[0]!;
    const id = path.split('/').pop()!;
    expect(await (await t.app.request(path)).status).toBe(404); // a draft is not public
    const draftHtml = await (await author.get(path)).text();
    expect(draftHtml).toContain('&lt;b&gt;Radio&lt;/b&gt; &amp; SMS');
    expect(draftHtml).not.toContain('<b>Radio</b>');
    expect((await author.post(`${path}/review`, { action: 'submit', comment: '' })).status).toBe(303);

    const cur = browser(t.app);
    await cur.signIn(curator.email);
    expect(await (await cur.get('/moderation')).text()).toContain(`/practices/${id}`);
    expect((await cur.post(`${path}/review`, { action: 'return', comment: '' })).status).toBe(422);
    expect((await cur.post(`${path}/review`, { action: 'publish', comment: '' })).status).toBe(303);
    expect((await t.app.request(path)).status).toBe(200);

    const tr = await cur.post(`${path}/translate`, { lang: 'en', expectedVersion: '1', 'text.title': 'Health alerts by radio', 'text.summary': 'Health alerts by radio and SMS.' });
    expect(tr.status).toBe(303);
    const english = await (await t.app.request(path, { headers: { 'accept-language': 'en' } })).text();
    expect(english).toContain('Health alerts by radio');
    expect(english).not.toContain('Not yet available in English');
    const history = await (await t.app.request(`${path}/history`)).text();
    expect(history).toContain('[en]');
    expect(history).toContain('<ins>Health alerts by radio</ins>');
  });

  it('keeps a coordinator out of another hub’s records', async () => {
    const hub = await makeHub(t.ctx);
    const other = await makeHub(t.ctx);
    const p = await makePractice(t.ctx, { hubIds: [hub.id] });
    const { user } = await makeUser(t.ctx, 'coordinator', [other.id]);
    const b = browser(t.app);
    await b.signIn(user.email);
    expect((await b.get(`/practices/${p.id}/edit`)).status).toBe(403);
    expect((await b.post(`/practices/${p.id}/translate`, { lang: 'en', 'text.title': 'x', 'text.summary': 'y' })).status).toBe(403);
    expect((await b.get(`/hubs/${hub.id}/edit`)).status).toBe(403);
    expect((await b.post(`/hubs/${hub.id}/edit`, { kind: 'school' })).status).toBe(403);
    expect((await b.get('/moderation')).status).toBe(403);
    expect((await b.get(`/hubs/${other.id}/edit`)).status).toBe(200);
    // Only the hubs they coordinate are offered as authoring hubs of a new practice.
    const form = await (await b.get('/practices/new')).text();
    expect(form).toContain(`name="hubIds" value="${other.id}"`);
    expect(form).not.toContain(`name="hubIds" value="${hub.id}"`);
  });

  it('serves a versioned stylesheet cached for a year, compressed pages and a 404 page', async () => {
    const html = await (await t.app.request('/')).text();
    const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!;
    const css = await t.app.request(href);
    expect(css.headers.get('cache-control')).toContain('immutable');
    const gz = await t.app.request('/practices', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect((await t.app.request('/practices/not-an-id')).status).toBe(404);
    expect((await t.app.request('/nowhere', { headers: { 'accept-language': 'es' } })).status).toBe(404);
  });
});

describe('account administration', () => {
  it('lets an admin add a coordinator of a hub, and no one else reach the page', async () => {
    const hub = await makeHub(t.ctx);
    const { user: admin } = await makeUser(t.ctx, 'admin');
    const { user: curator } = await makeUser(t.ctx, 'curator');
    const cur = browser(t.app);
    await cur.signIn(curator.email);
    expect((await cur.get('/admin/users')).status).toBe(403);
    expect((await cur.post('/admin/users', { email: 'x@example.org', displayName: 'X', password: 'long enough pass', role: 'admin' })).status).toBe(403);

    const b = browser(t.app);
    await b.signIn(admin.email);
    const bad = await b.post('/admin/users', { email: 'not an email', displayName: '', password: 'short', role: 'king' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Not a valid e-mail address.');
    expect(html).toContain('Not one of the allowed values.');
    const ok = await b.post('/admin/users', { email: 'musa@example.org', displayName: 'Musa', password: 'long enough pass', role: 'coordinator', hubIds: [hub.id] });
    expect(ok.status).toBe(303);
    const musa = browser(t.app);
    await musa.signIn('musa@example.org', 'long enough pass');
    expect((await musa.get(`/hubs/${hub.id}/edit`)).status).toBe(200);
    expect((await b.post('/admin/users', { email: 'musa@example.org', displayName: 'Again', password: 'long enough pass', role: 'curator' })).status).toBe(422);
  });
});
