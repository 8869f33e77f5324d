import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { createConsultation } from '../../../domain/consultation/consultation.service.js';
import { getProcess, listPhaseChanges } from '../../../domain/process/process.service.js';

const t = useTestContext();
// Form posts count against the per-address limit and the test clock stands still.
beforeEach(() => t.clock.advance(61_000));

const signedIn = async (role: 'admin' | 'curator' | 'coordinator' | 'delegate') => signedInBrowser(t.app, (await makeUser(t.ctx, role)).user.email);

const html = async (res: Response) => {
  expect(res.status).toBe(200);
  return res.text();
};

describe('process pages', () => {
  it('list and show a process in fr, en, es and ar, with lang and dir, the active phase marked in words and with aria-current', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const anonymous = browser(t.app);
    const expected = {
      fr: { dir: 'ltr', title: 'Plan d’action commun', active: 'Phase en cours', allows: 'Ouvert pendant cette phase : état des lieux' },
      en: { dir: 'ltr', title: 'Joint action plan', active: 'Active phase', allows: 'Open in this phase: stocktaking' },
      es: { dir: 'ltr', title: 'Plan d’action commun', active: 'Fase en curso', allows: 'Abierto en esta fase: inventario' },
      ar: { dir: 'rtl', title: 'Plan d’action commun', active: 'المرحلة الجارية', allows: 'مفتوح في هذه المرحلة: حصر الأنشطة' },
    };
    for (const [lang, e] of Object.entries(expected)) {
      const list = await html(await anonymous.get('/processes', { 'accept-language': lang }));
      expect(list).toContain(`<html lang="${lang}" dir="${e.dir}">`);
      expect(list).toContain(`href="/processes/${p.id}">${e.title}</a>`);
      expect(list).toContain('<a href="/processes">');

      const page = await html(await anonymous.get(`/processes/${p.id}`, { 'accept-language': lang }));
      expect(page).toContain(`<html lang="${lang}" dir="${e.dir}">`);
      expect(page).toContain(`<h1>${e.title}</h1>`);
      expect(page).toContain(`<li id="phase-1" aria-current="step"><h3><span lang="${lang === 'en' ? 'en' : 'fr'}" dir="ltr">`);
      expect(page).toContain(`<span class="status">${e.active}</span>`);
      expect(page).toContain(e.allows);
      expect(page.match(/aria-current="step"/g)).toHaveLength(1);
      expect(page).not.toContain('name="toPhaseId"');
    }
    const en = await html(await anonymous.get(`/processes/${p.id}`, { 'accept-language': 'en' }));
    expect(en).toContain('<time datetime="2026-01-05">Jan 5, 2026</time> – <time datetime="2026-03-31">Mar 31, 2026</time>');
    expect(en).toContain('<time datetime="2026-04-04">Apr 4, 2026</time> – no end date');
    expect(en).toContain('Open in this phase: statements and voting');
    // The last phase has only a French text: shown with its own language.
    expect(en).toContain('<span lang="fr" dir="ltr">Action</span>');
    expect(en).toContain('No phase change yet.');
    const es = await html(await anonymous.get(`/processes/${p.id}`, { 'accept-language': 'es' }));
    expect(es).toContain('Se muestra en francés');
  });

  it('lets an admin move the process on; the change shows in the page and its history', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const admin = await signedIn('admin');
    const form = await html(await admin.get(`/processes/${p.id}`, { 'accept-language': 'en' }));
    expect(form).toContain(`<form method="post" action="/processes/${p.id}/phase" novalidate="">`);
    expect(form).toContain('name="_csrf"');
    // Every phase but the active one, the next one chosen.
    expect(form).toContain(`<option value="${p.phases[1]!.id}" selected="">2. Niamey meeting</option>`);
    expect(form).toContain(`<option value="${p.phases[2]!.id}">3. Action</option>`);
    expect(form).not.toContain(`<option value="${p.phases[0]!.id}"`);

    const moved = await admin.post(`/processes/${p.id}/phase`, { toPhaseId: p.phases[1]!.id, note: 'Stocktakes are in.' });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/processes/${p.id}?done=phase_changed`);
    const after = await html(await admin.get(`/processes/${p.id}?done=phase_changed`, { 'accept-language': 'en' }));
    expect(after).toContain('The process moved to another phase.');
    expect(after).toContain('<li id="phase-2" aria-current="step">');
    expect(after).toMatch(/from <span lang="en" dir="ltr">Stocktake<\/span> to <span lang="en" dir="ltr">Niamey meeting<\/span> \(admin \d+\) — <q dir="auto">Stocktakes are in.<\/q>/);
    expect((await getProcess(t.ctx, p.id)).activePhaseId).toBe(p.phases[1]!.id);
  });

  it('says in the page why a change is refused: the active phase, a phase of another process, a missing phase', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const { process: other } = await makeProcess(t.ctx);
    const admin = await signedIn('admin');
    const same = await admin.post(`/processes/${p.id}/phase`, { toPhaseId: p.phases[0]!.id, note: '' }, {});
    expect(same.status).toBe(409);
    expect(await same.text()).toContain('<p class="errors" role="alert">This phase is already the active one: nothing was changed.</p>');
    t.clock.advance(2_000);
    const foreign = await admin.post(`/processes/${p.id}/phase`, { toPhaseId: other.phases[1]!.id, note: 'x' });
    expect(foreign.status).toBe(422);
    const foreignHtml = await foreign.text();
    expect(foreignHtml).toContain('Phase: Choose one of this process’s phases.');
    expect(foreignHtml).toContain('aria-invalid="true"');
    t.clock.advance(2_000);
    const missing = await admin.post(`/processes/${p.id}/phase`, { toPhaseId: '', note: '' });
    expect(missing.status).toBe(422);
    expect(await listPhaseChanges(t.ctx, p.id)).toEqual([]);
  });

  it('refuses the change to everyone but admins, and posts without the CSRF token', async () => {
    const { process: p } = await makeProcess(t.ctx);
    for (const role of ['curator', 'coordinator', 'delegate'] as const) {
      const b = await signedIn(role);
      expect(await html(await b.get(`/processes/${p.id}`))).not.toContain('name="toPhaseId"');
      t.clock.advance(2_000);
      const refused = await b.post(`/processes/${p.id}/phase`, { toPhaseId: p.phases[1]!.id, note: '' }, {});
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Only an administrator can manage processes and their phases.');
    }
    const anonymous = browser(t.app);
    expect((await anonymous.post(`/processes/${p.id}/phase`, { toPhaseId: p.phases[1]!.id })).status).toBe(401);
    const admin = await signedIn('admin');
    expect((await admin.post(`/processes/${p.id}/phase`, { toPhaseId: p.phases[1]!.id }, { csrf: null })).status).toBe(403);
    expect((await getProcess(t.ctx, p.id)).activePhaseId).toBe(p.phases[0]!.id);
  });

  it('lists the consultations linked to the process, each in the reader’s language or marked in its own', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const en = await html(await browser(t.app).get(`/processes/${p.id}`, { 'accept-language': 'en' }));
    expect(en).toContain('<h2 id="consultations">Consultations</h2><p>No consultation is linked to this process yet.</p>');
    const c = await createConsultation(t.ctx, admin, { originalLanguage: 'fr', text: { title: 'Priorités communes' }, processId: p.id });
    await createConsultation(t.ctx, admin, { originalLanguage: 'en', text: { title: 'Elsewhere' } });
    for (const [lang, status] of [['en', 'open'], ['ar', 'مفتوحة']]) {
      const page = await html(await browser(t.app).get(`/processes/${p.id}`, { 'accept-language': lang! }));
      expect(page).toContain(`<li><a href="/consultations/${c.id}" lang="fr" dir="ltr">Priorités communes</a> <span class="status">${status}</span></li>`);
      expect(page).not.toContain('Elsewhere');
    }
  });

  it('answers 404 for an unknown process', async () => {
    expect((await browser(t.app).get(`/processes/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await browser(t.app).get('/processes/nope')).status).toBe(404);
  });
});
