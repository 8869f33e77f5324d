import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { getProcess } from '../../../domain/process/process.service.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const signedIn = async (role: 'admin' | 'curator' | 'coordinator' | 'delegate') => signedInBrowser(t.app, (await makeUser(t.ctx, role)).user.email);

describe('translating a process from a page', () => {
  it('lets a curator pick a language, write the texts and save them; the process page then reads in that language', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const curator = await signedIn('curator');
    expect(await (await curator.get(`/processes/${p.id}`, { 'accept-language': 'en' })).text()).toContain(`<a href="/processes/${p.id}/translate">Translate or edit the texts</a>`);
    const form = await (await curator.get(`/processes/${p.id}/translate?lang=es`, { 'accept-language': 'en' })).text();
    expect(form).toContain(`<form method="get" action="/processes/${p.id}/translate">`);
    expect(form).toContain('<option value="es" selected="">Spanish</option>');
    expect(form).toContain(`<form method="post" action="/processes/${p.id}/translate" novalidate="">`);
    expect(form).toContain('<input type="hidden" name="lang" value="es"/>');
    expect(form).toContain('<h2>Texts in Spanish</h2>');
    // The original beside each title, marked with its language; nothing in Spanish yet.
    expect(form).toContain('Original (French): <span lang="fr" dir="ltr">Réunion de Niamey</span>');
    expect(form).toMatch(/<input id="f-title" name="title" type="text" value="" required="" maxlength="200" lang="es" dir="ltr"\/>/);
    expect(form).toContain(`<input type="hidden" name="phases.2.id" value="${p.phases[2]!.id}"/>`);

    const saved = await curator.post(`/processes/${p.id}/translate`, {
      lang: 'es', title: 'Plan de acción común', description: 'Del inventario a la acción.',
      'phases.0.id': p.phases[0]!.id, 'phases.0.title': 'Inventario', 'phases.0.description': '',
      'phases.1.id': p.phases[1]!.id, 'phases.1.title': 'Reunión de Niamey', 'phases.1.description': '',
      'phases.2.id': p.phases[2]!.id, 'phases.2.title': '', 'phases.2.description': '',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/processes/${p.id}?done=translated`);
    const page = await (await curator.get(`/processes/${p.id}?done=translated`, { 'accept-language': 'es' })).text();
    expect(page).toContain('Textos guardados.');
    expect(page).toContain('<h1>Plan de acción común</h1>');
    expect(page).toContain('<span lang="es" dir="ltr">Inventario</span>');
    expect(page).toContain('<span lang="fr" dir="ltr">Action</span>');

    // Opening the language again shows what it has; Arabic is written right to left.
    const again = await (await curator.get(`/processes/${p.id}/translate?lang=es`)).text();
    expect(again).toContain('value="Plan de acción común"');
    const ar = await (await curator.get(`/processes/${p.id}/translate?lang=ar`)).text();
    expect(ar).toContain('lang="ar" dir="rtl"');
  });

  it('edits the original language the same way, prefilled, and refuses a phase left without a title there', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const admin = await signedIn('admin');
    const form = await (await admin.get(`/processes/${p.id}/translate?lang=fr`, { 'accept-language': 'en' })).text();
    expect(form).toContain('This is the original language of the process');
    expect(form).toContain('value="Plan d’action commun"');
    expect(form).toContain('value="État des lieux"');
    const fields = {
      lang: 'fr', title: 'Plan d’action', description: '',
      'phases.0.id': p.phases[0]!.id, 'phases.0.title': '', 'phases.0.description': 'Chaque secteur fait le point.',
      'phases.1.id': p.phases[1]!.id, 'phases.1.title': 'Réunion de Niamey', 'phases.1.description': '',
    };
    const refused = await admin.post(`/processes/${p.id}/translate`, fields);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Phase 1, Title: Required.');
    expect(html).toContain('value="Plan d’action"');
    expect(html).toMatch(/<input id="f-phases-0-title" name="phases.0.title"[^>]*aria-invalid="true"/);
    t.clock.advance(2_000);
    const foreign = await admin.post(`/processes/${p.id}/translate`, { ...fields, 'phases.0.title': 'Bilan', 'phases.1.id': (await makeProcess(t.ctx)).process.phases[0]!.id });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('Phase 2, Title: Choose one of this process’s phases.');
    t.clock.advance(2_000);
    expect((await admin.post(`/processes/${p.id}/translate`, { ...fields, 'phases.0.title': 'Bilan' })).status).toBe(303);
    const now = await getProcess(t.ctx, p.id);
    expect(now.texts.fr!.title).toBe('Plan d’action');
    expect(now.phases.map((ph) => ph.texts.fr!.title)).toEqual(['Bilan', 'Réunion de Niamey', 'Action']);
  });

  it('says when a language is not one, sends anonymous readers to sign in, and refuses coordinators and delegates', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const admin = await signedIn('admin');
    const bad = await admin.get(`/processes/${p.id}/translate?lang=klingon`, { 'accept-language': 'en' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="f-lang-err">Not a known language tag/);
    const altered = await admin.post(`/processes/${p.id}/translate`, { lang: 'klingon', title: 'X' });
    expect(altered.status).toBe(422);
    expect((await admin.get(`/processes/${crypto.randomUUID()}/translate`)).status).toBe(404);

    const anonymous = await browser(t.app).get(`/processes/${p.id}/translate?lang=es`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/processes/${p.id}/translate?lang=es`)}`);
    for (const role of ['coordinator', 'delegate'] as const) {
      const b = await signedIn(role);
      expect(await (await b.get(`/processes/${p.id}`)).text()).not.toContain('/translate"');
      expect((await b.get(`/processes/${p.id}/translate`)).status).toBe(403);
      const refused = await b.post(`/processes/${p.id}/translate`, { lang: 'es', title: 'Plan' });
      expect(refused.status).toBe(403);
    }
    expect(Object.keys((await getProcess(t.ctx, p.id)).texts).sort()).toEqual(['en', 'fr']);
  });
});
