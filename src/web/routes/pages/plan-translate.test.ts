import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { makePlan } from '../../../../test/plan-factories.js';
import { adoptDocument, getDocument, getSectionHistory } from '../../../domain/action-plan/action-plan.service.js';
import { decideAmendment, proposeAmendment } from '../../../domain/action-plan/amendments.service.js';
import { changePhase } from '../../../domain/process/process.service.js';

const t = useTestContext();

const signedIn = (email: string) => signedInBrowser(t.app, email);

/** A plan whose first section was amended in English (version 2); its French text stays at version 1. */
async function amendedPlan() {
  const plan = await makePlan(t.ctx);
  const a = await proposeAmendment(t.ctx, plan.owner.actor, plan.sections[0]!.id, { baseVersion: 1, lang: 'en', text: 'Every hub has a community radio. Alerts reach herders.' });
  await decideAmendment(t.ctx, plan.owner.actor, a.id, { decision: 'accept' });
  t.clock.advance(60_000);
  const curator = await signedIn((await makeUser(t.ctx, 'curator')).user.email);
  return { ...plan, curator, base: `/processes/${plan.process.id}/plan` };
}

describe('section translations on the pages', () => {
  it('say a translation is of an older version, link the history, and the translator brings it up to date', async () => {
    const { doc, sections, curator, base } = await amendedPlan();
    const section = sections[0]!.id;
    const reader = browser(t.app);
    const fr = await (await reader.get(`${base}/${doc.id}`, { 'accept-language': 'fr' })).text();
    expect(fr).toContain('<p lang="en" dir="ltr">Every hub has a community radio. Alerts reach herders.</p>');
    expect(fr).toContain('La traduction de cette section en français est celle de la version 1 ; le texte actuel, version 2, est en anglais (ci-dessus).');
    expect(fr).toContain(`<a href="${base}/sections/${section}/history">Historique et modifications</a>`);
    expect(fr).toContain('<p lang="fr" dir="ltr">Chaque centre a une radio. Les alertes atteignent les éleveurs.</p>');
    // Readers may not translate; only translators see the links.
    expect(fr).not.toContain('/translate');
    expect((await (await signedIn((await makeUser(t.ctx, 'coordinator')).user.email)).get(`${base}/sections/${section}/translate`)).status).toBe(403);

    const form = await (await curator.get(`${base}/sections/${section}/translate?lang=fr`, { 'accept-language': 'en' })).text();
    expect(form).toContain('<input type="hidden" name="version" value="2"/>');
    expect(form).toContain('<option value="fr" selected="">French</option>');
    expect(form).not.toContain('<option value="en"');
    expect(form).toContain('Chaque centre a une radio. Les alertes atteignent les éleveurs.</textarea>');
    expect(form).toContain('Filled in with the translation of version 1');

    const stale = await curator.post(`${base}/sections/${section}/translate`, { version: '1', lang: 'fr', text: 'Chaque centre a une radio communautaire.' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('The section has been amended while you were translating');
    expect(staleHtml).toContain('<input type="hidden" name="version" value="2"/>');
    expect(staleHtml).toContain('Chaque centre a une radio communautaire.</textarea>');
    const empty = await curator.post(`${base}/sections/${section}/translate`, { version: '2', lang: 'fr', text: '' });
    expect(empty.status).toBe(422);
    const ok = await curator.post(`${base}/sections/${section}/translate`, { version: '2', lang: 'fr', text: 'Chaque centre a une radio communautaire. Les alertes atteignent les éleveurs.' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${base}/${doc.id}?done=plan_translation_saved#section-1`);
    const exists = await curator.post(`${base}/sections/${section}/translate`, { version: '2', lang: 'fr', text: 'Encore.' });
    expect(exists.status).toBe(409);
    expect(await exists.text()).toContain('The current version already has a text in this language.');

    const after = await (await reader.get(`${base}/${doc.id}`, { 'accept-language': 'fr' })).text();
    expect(after).toContain('<p lang="fr" dir="ltr">Chaque centre a une radio communautaire. Les alertes atteignent les éleveurs.</p>');
    expect(after).not.toContain('est celle de la version');
    const history = await (await reader.get(`${base}/sections/${section}/history`, { 'accept-language': 'en' })).text();
    expect(history).toContain('<h2>Version 2 · fr · translation</h2>');
    expect(history).toContain('translation into French, added later');
  });

  it('translate into Arabic right to left, after adoption too; a section of another process is not found', async () => {
    const { admin, process: p, doc, sections, curator, base } = await amendedPlan();
    await changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[2]!.id });
    await adoptDocument(t.ctx, admin, doc.id);
    const adopted = await (await curator.get(`${base}/${doc.id}`, { 'accept-language': 'en' })).text();
    expect(adopted).toContain(`<a href="${base}/sections/${sections[1]!.id}/translate">Translate</a>`);
    expect((await curator.post(`/processes/${crypto.randomUUID()}/plan/sections/${sections[1]!.id}/translate`, { version: '1', lang: 'ar', text: 'x' })).status).toBe(404);
    const ok = await curator.post(`${base}/sections/${sections[1]!.id}/translate`, { version: '1', lang: 'ar', text: 'تُنشر الميزانيات.' });
    expect(ok.status).toBe(303);
    const ar = await (await browser(t.app).get(`${base}/${doc.id}`, { 'accept-language': 'ar' })).text();
    expect(ar).toContain('<p lang="ar" dir="rtl">تُنشر الميزانيات.</p>');
    expect((await getDocument(t.ctx, doc.id)).status).toBe('adopted');
    expect((await getSectionHistory(t.ctx, sections[1]!.id)).versions.map((v) => v.version)).toEqual([1, 1]);
  });
});

describe('title and item translations on the pages', () => {
  it('translate the title and preamble, then correct them from the list of existing translations', async () => {
    const { doc, curator, base } = await amendedPlan();
    const form = await (await curator.get(`${base}/${doc.id}/translate`, { 'accept-language': 'es' })).text();
    expect(form).toContain('<option value="es" selected="">');
    expect(form).not.toContain('<option value="en"');
    expect((await curator.post(`${base}/${doc.id}/translate`, { lang: 'en', title: 'Changed' })).status).toBe(422);
    expect((await curator.post(`${base}/${doc.id}/translate`, { lang: 'es', title: 'Plan común', preamble: '' })).status).toBe(303);
    const list = await (await curator.get(`${base}/${doc.id}/translate`, { 'accept-language': 'en' })).text();
    expect(list).toContain(`<a href="${base}/${doc.id}/translate?lang=es">Correct the translation into Spanish</a>`);
    expect(await (await curator.get(`${base}/${doc.id}/translate?lang=es`, { 'accept-language': 'en' })).text()).toContain('value="Plan común"');
    expect((await curator.post(`${base}/${doc.id}/translate`, { lang: 'es', title: 'Plan de acción común', preamble: 'Lo que haremos juntos.' })).status).toBe(303);
    const es = await (await browser(t.app).get(`${base}/${doc.id}`, { 'accept-language': 'es' })).text();
    expect(es).toContain('<div lang="es" dir="ltr"><h1>Plan de acción común</h1><p>Lo que haremos juntos.</p></div>');
  });

  it('translate an action item’s title; non-translators are refused', async () => {
    const { doc, sections, curator, base, owner } = await amendedPlan();
    const item = sections[0]!.actionItems[0]!;
    const page = await (await curator.get(`${base}/${doc.id}`, { 'accept-language': 'en' })).text();
    expect(page).toContain(`<a href="${base}/items/${item.id}/translate">Translate A1</a>`);
    const member = await signedIn(owner.user.email);
    expect((await member.post(`${base}/items/${item.id}/translate`, { lang: 'es', title: 'Radios' })).status).toBe(403);
    const bad = await curator.post(`${base}/items/${item.id}/translate`, { lang: 'es', title: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('<a href="#f-title">Title of the action item: Required.</a>');
    expect((await curator.post(`${base}/items/${item.id}/translate`, { lang: 'es', title: 'Radios en cada centro' })).status).toBe(303);
    const es = await (await browser(t.app).get(`${base}/${doc.id}`, { 'accept-language': 'es' })).text();
    expect(es).toContain('<strong>A1</strong> <span lang="es" dir="ltr">Radios en cada centro</span>');
  });
});
