import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeConsultation, makeDelegate, makeHub, makeStatement, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { getConsultation } from '../../../domain/consultation/consultation.service.js';
import { getMyVote } from '../../../domain/consultation/votes.service.js';

const t = useTestContext();

const nextText = (html: string) => /<p id="next-text"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
const idOf = (location: string | null) => location!.split('?')[0]!.split('/')[2]!;

describe('consultation pages: the whole flow', () => {
  it('an admin opens one, a delegate joins and proposes, a curator accepts, the delegate votes and changes a vote', async () => {
    const { user: admin } = await makeUser(t.ctx, 'admin');
    const a = browser(t.app);
    await a.signIn(admin.email);
    expect(await (await a.get('/consultations')).text()).toContain('action="/consultations"');
    const created = await a.post('/consultations', { originalLanguage: 'en', 'text.title': 'Community radio priorities', 'text.description': 'What should come first?' });
    expect(created.status).toBe(303);
    const id = idOf(created.headers.get('location'));
    const path = `/consultations/${id}`;
    const first = await makeStatement(t.ctx, id, 'Every village needs a radio.', 'en', { fr: 'Chaque village a besoin d’une radio.' });
    await makeStatement(t.ctx, id, 'Radio programmes should be in local languages.');

    const { user: delegateUser, actor: delegate } = await makeDelegate(t.ctx);
    const d = browser(t.app);
    await d.signIn(delegateUser.email);
    const before = await (await d.get(path)).text();
    expect(before).toContain(`action="${path}/participants"`);
    expect(before).not.toContain('id="next-text"');
    expect((await d.post(`${path}/participants`, {})).headers.get('location')).toBe(`${path}?done=joined#next`);

    // The statement form: bad input re-renders with field messages and keeps what was typed.
    const empty = await d.post(`${path}/statements`, { lang: 'en', text: '   ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/id="f-text-err">Required\./);
    const long = await d.post(`${path}/statements`, { lang: 'en', text: 'x'.repeat(501) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('at most 500 characters');
    const unknownLang = await d.post(`${path}/statements`, { lang: 'klingon', text: 'Solar power for every hub.' });
    expect(unknownLang.status).toBe(422);
    expect(await unknownLang.text()).toContain('Solar power for every hub.</textarea>');
    const proposed = await d.post(`${path}/statements`, { lang: 'en', text: 'Solar power for every hub.' });
    expect(proposed.headers.get('location')).toBe(`${path}?done=proposed#statements`);

    // A curator sees the pending count, accepts it from the moderation page.
    const { user: curator } = await makeUser(t.ctx, 'curator');
    const m = browser(t.app);
    await m.signIn(curator.email);
    expect(await (await m.get(path)).text()).toContain('1 statement awaits moderation');
    const queue = await (await m.get(`${path}/moderation`)).text();
    const pendingId = /action="\/statements\/([0-9a-f-]{36})\/moderation"/.exec(queue)![1]!;
    expect(queue).toContain('Solar power for every hub.');
    expect((await m.post(`/statements/${pendingId}/moderation`, { decision: 'accept' })).headers.get('location')).toBe(`${path}/moderation?done=moderated`);
    expect(await (await m.get(`${path}/moderation`)).text()).toContain('No statement awaits moderation.');
    expect((await d.get(`${path}/moderation`)).status).toBe(403);

    // The delegate votes on the next statement; the next one is another; post/redirect/get.
    const page = await (await d.get(path)).text();
    const shown = nextText(page)!;
    expect(['Every village needs a radio.', 'Radio programmes should be in local languages.', 'Solar power for every hub.']).toContain(shown);
    const shownId = new RegExp(`name="statementId" value="([0-9a-f-]{36})"`).exec(page.slice(page.indexOf('id="next"')))![1]!;
    const voted = await d.post(`${path}/votes`, { statementId: shownId, vote: 'agree', lang: 'en' });
    expect(voted.status).toBe(303);
    expect(voted.headers.get('location')).toBe(`${path}?done=voted#next`);
    const after = await (await d.get(voted.headers.get('location')!.split('#')[0]!)).text();
    expect(after).toContain('Vote recorded.');
    expect(nextText(after)).not.toBe(shown);
    expect(after).toContain('Your vote: Agree');

    // Change it from the list, in the French version: the vote records the version shown.
    const changed = await d.post(`${path}/votes`, { statementId: shownId, vote: 'disagree', lang: 'en', back: 'list' });
    expect(changed.headers.get('location')).toBe(`${path}?done=voted#s-${shownId}`);
    expect((await getMyVote(t.ctx, delegate, id, shownId)).history.map((h) => h.value)).toEqual([1, -1]);
    const fr = await d.post(`${path}/votes`, { statementId: first.id, vote: 'pass', lang: 'fr' });
    expect(fr.status).toBe(303);
    expect((await getMyVote(t.ctx, delegate, id, first.id)).current).toMatchObject({ value: 0, lang: 'fr' });
  });
});

describe('consultation pages: languages, readers and refusals', () => {
  it('shows the reader’s language version with a notice for others, and a sign-in prompt to anonymous readers', async () => {
    const c = await makeConsultation(t.ctx);
    await makeStatement(t.ctx, c.id, 'Every village needs a radio.', 'en', { fr: 'Chaque village a besoin d’une radio.' });
    await makeStatement(t.ctx, c.id, 'Only in English.');
    const fr = await (await t.app.request(`/consultations/${c.id}`, { headers: { 'accept-language': 'fr' } })).text();
    expect(fr).toContain('<p id="t-');
    expect(fr).toContain('lang="fr" dir="ltr">Chaque village a besoin d’une radio.</p>');
    expect(fr).toContain('lang="en" dir="ltr">Only in English.</p>');
    expect(fr).toContain('Affiché en anglais');
    expect(fr).toContain('Connectez-vous pour participer.');
    expect(fr).not.toContain('name="vote"');
    expect(fr).toContain(`<a href="/consultations/${c.id}/report">Rapport : groupes d’opinion, points communs et divergences</a>`);
    const list = await (await t.app.request('/consultations', { headers: { 'accept-language': 'ar' } })).text();
    expect(list).toContain('dir="rtl"');
    expect(list).toContain(`href="/consultations/${c.id}"`);
    expect(list).toContain('مقترحان');
  });

  it('refuses votes on closed consultations and unknown statements, forms without CSRF, and strangers', async () => {
    const { actor: admin, user: adminUser } = await makeUser(t.ctx, 'admin');
    const c = await makeConsultation(t.ctx, admin);
    const s = await makeStatement(t.ctx, c.id);
    const path = `/consultations/${c.id}`;
    const { user } = await makeDelegate(t.ctx);
    const d = browser(t.app);
    await d.signIn(user.email);

    const notJoined = await d.post(`${path}/votes`, { statementId: s.id, vote: 'agree', lang: 'en' });
    expect(notJoined.status).toBe(403);
    expect(await notJoined.text()).toContain('Join the consultation first.');
    await d.post(`${path}/participants`, {});
    expect((await d.post(`${path}/votes`, { statementId: crypto.randomUUID(), vote: 'agree', lang: 'en' })).status).toBe(404);
    expect((await d.post(`${path}/votes`, { statementId: s.id, vote: 'maybe', lang: 'en' })).status).toBe(422);
    expect((await d.post(`${path}/votes`, { statementId: s.id, vote: 'agree', lang: 'en' }, { csrf: null })).status).toBe(403);
    expect((await d.post(`${path}/statements`, { lang: 'en', text: 'No token.' }, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await d.post('/consultations', { originalLanguage: 'en', 'text.title': 'Not mine to open' })).status).toBe(403);
    expect((await d.post(`${path}/close`, {})).status).toBe(403);

    const a = browser(t.app);
    await a.signIn(adminUser.email);
    const bad = await a.post('/consultations', { originalLanguage: 'en', 'text.title': '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-text-title-err"');
    expect((await a.post(`${path}/close`, {})).headers.get('location')).toBe(`${path}?done=closed`);
    const closed = await d.post(`${path}/votes`, { statementId: s.id, vote: 'agree', lang: 'en' });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('This consultation is closed');
    const page = await (await d.get(path)).text();
    expect(page).toContain('This consultation is closed');
    expect(page).not.toContain('name="vote"');
    expect(page).not.toContain(`action="${path}/statements"`);
    expect((await t.app.request(`/consultations/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('lets a coordinator with two hubs choose the hub, and the author add a translation', async () => {
    const [h1, h2] = [await makeHub(t.ctx), await makeHub(t.ctx)];
    const { user } = await makeUser(t.ctx, 'coordinator', [h1.id, h2.id]);
    const c = await makeConsultation(t.ctx);
    const b = browser(t.app);
    await b.signIn(user.email);
    const page = await (await b.get(`/consultations/${c.id}`)).text();
    expect(page).toContain('name="hubId"');
    expect(page).toContain(`value="${h2.id}"`);
    expect((await b.post(`/consultations/${c.id}/participants`, { hubId: h2.id })).status).toBe(303);
    await b.post(`/consultations/${c.id}/statements`, { lang: 'fr', text: 'Chaque centre a besoin d’électricité solaire.' });
    const mine = /href="\/statements\/([0-9a-f-]{36})\/translate"/.exec(await (await b.get(`/consultations/${c.id}`)).text());
    expect(mine, 'accepted statements only; the own pending one is translated from the moderation link').toBeNull();
    const { user: curator } = await makeUser(t.ctx, 'curator');
    const m = browser(t.app);
    await m.signIn(curator.email);
    const sid = /action="\/statements\/([0-9a-f-]{36})\/moderation"/.exec(await (await m.get(`/consultations/${c.id}/moderation`)).text())![1]!;
    await m.post(`/statements/${sid}/moderation`, { decision: 'accept' });
    expect(await (await b.get(`/consultations/${c.id}`)).text()).toContain(`href="/statements/${sid}/translate"`);
    expect((await b.post(`/statements/${sid}/translate`, { lang: 'en', text: '' })).status).toBe(422);
    expect((await b.post(`/statements/${sid}/translate`, { lang: 'fr', text: 'Encore.' })).status).toBe(409);
    const saved = await b.post(`/statements/${sid}/translate`, { lang: 'en', text: 'Every hub needs solar power.' });
    expect(saved.headers.get('location')).toBe(`/consultations/${c.id}?done=translated#s-${sid}`);
    expect(await (await b.get(`/consultations/${c.id}`)).text()).toContain('Every hub needs solar power.');
    const stranger = browser(t.app);
    await stranger.signIn((await makeDelegate(t.ctx)).user.email);
    expect((await stranger.get(`/statements/${sid}/translate`)).status).toBe(403);
  });
});

describe('consultations and processes', () => {
  it('opens a consultation inside a process from the form, and says on its page which process it is part of', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const { user: admin } = await makeUser(t.ctx, 'admin');
    const a = browser(t.app);
    await a.signIn(admin.email);
    const form = await (await a.get('/consultations', { 'accept-language': 'en' })).text();
    expect(form).toContain('<select id="f-processId" name="processId"');
    expect(form).toContain('<option value="">None</option>');
    expect(form).toContain(`<option value="${p.id}">Joint action plan</option>`);
    const unknown = await a.post('/consultations', { originalLanguage: 'en', 'text.title': 'Priorities', processId: crypto.randomUUID() });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Process: This process does not exist.');
    const created = await a.post('/consultations', { originalLanguage: 'en', 'text.title': 'Priorities', processId: p.id });
    expect(created.status).toBe(303);
    const id = idOf(created.headers.get('location'));
    const page = await (await browser(t.app).get(`/consultations/${id}`, { 'accept-language': 'fr' })).text();
    expect(page).toContain(`Fait partie du processus : <a href="/processes/${p.id}" lang="fr" dir="ltr">Plan d’action commun</a>`);
    expect(page).not.toContain(`action="/consultations/${id}/process"`);
    const loose = await a.post('/consultations', { originalLanguage: 'en', 'text.title': 'Loose', processId: '' });
    expect(loose.status).toBe(303);
    expect(await (await a.get(loose.headers.get('location')!)).text()).not.toContain('Part of the process');
  });

  it('lets an admin link, move and unlink a consultation from its page; the process page lists it', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const { actor: adminActor, user: admin } = await makeUser(t.ctx, 'admin');
    const c = await makeConsultation(t.ctx, adminActor);
    const path = `/consultations/${c.id}`;
    const a = browser(t.app);
    await a.signIn(admin.email);
    const page = await (await a.get(path, { 'accept-language': 'en' })).text();
    expect(page).toContain(`<form method="post" action="${path}/process" id="process" novalidate="">`);
    expect(page).toContain(`<option value="">None</option><option value="${p.id}">Joint action plan</option>`);

    const bad = await a.post(`${path}/process`, { processId: crypto.randomUUID() });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Process: This process does not exist.');
    expect(badHtml).toMatch(/<select id="f-processId" name="processId" aria-invalid="true"/);
    expect((await a.post(`${path}/process`, { processId: 'not an id' })).status).toBe(422);

    const linked = await a.post(`${path}/process`, { processId: p.id });
    expect(linked.headers.get('location')).toBe(`${path}?done=linked`);
    const after = await (await a.get(`${path}?done=linked`, { 'accept-language': 'en' })).text();
    expect(after).toContain('The consultation’s process was saved.');
    expect(after).toContain(`<option value="${p.id}" selected="">Joint action plan</option>`);
    const processPage = await (await browser(t.app).get(`/processes/${p.id}`, { 'accept-language': 'en' })).text();
    expect(processPage).toContain(`<a href="${path}" lang="en" dir="ltr">${c.texts.en!.title}</a> <span class="status">open</span>`);

    expect((await a.post(`${path}/process`, { processId: '' })).status).toBe(303);
    expect(await (await browser(t.app).get(`/processes/${p.id}`, { 'accept-language': 'en' })).text()).toContain('No consultation is linked to this process yet.');
  });

  it('refuses the link to everyone but admins, and without the CSRF token', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const c = await makeConsultation(t.ctx);
    const path = `/consultations/${c.id}`;
    for (const role of ['curator', 'coordinator'] as const) {
      const b = browser(t.app);
      await b.signIn((await makeUser(t.ctx, role)).user.email);
      expect(await (await b.get(path)).text()).not.toContain(`action="${path}/process"`);
      const refused = await b.post(`${path}/process`, { processId: p.id });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Only an administrator can link a consultation to a process.');
    }
    expect((await browser(t.app).post(`${path}/process`, { processId: p.id })).status).toBe(401);
    const a = browser(t.app);
    await a.signIn((await makeUser(t.ctx, 'admin')).user.email);
    expect((await a.post(`${path}/process`, { processId: p.id }, { csrf: null })).status).toBe(403);
    expect((await a.post(`/consultations/${crypto.randomUUID()}/process`, { processId: p.id })).status).toBe(404);
    expect((await getConsultation(t.ctx, c.id)).processId).toBeNull();
  });
});
