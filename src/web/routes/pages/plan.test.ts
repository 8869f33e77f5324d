import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { makePlan } from '../../../../test/plan-factories.js';
import { getDocument } from '../../../domain/action-plan/action-plan.service.js';
import { decideAmendment, proposeAmendment } from '../../../domain/action-plan/amendments.service.js';
import { changePhase } from '../../../domain/process/process.service.js';
import { planJsonSchema } from '../api/plan-representation.js';

const t = useTestContext();

const signedIn = (email: string) => signedInBrowser(t.app, email);

describe('plan pages', () => {
  it('show the documents, a document and a section’s history in fr, en, es and ar with lang and dir', async () => {
    const { process: p, doc, sections, owner } = await makePlan(t.ctx);
    const a = await proposeAmendment(t.ctx, owner.actor, sections[0]!.id, { baseVersion: 1, lang: 'en', text: 'Every hub has a community radio. Alerts reach herders.' });
    await decideAmendment(t.ctx, owner.actor, a.id, { decision: 'accept' });
    const anonymous = browser(t.app);
    const expected = { fr: ['ltr', 'Déclaration et plan d’action', 'Plan d’action commun'], en: ['ltr', 'Declaration and action plan', 'Joint action plan'], es: ['ltr', 'Declaración y plan de acción', 'Joint action plan'], ar: ['rtl', 'الإعلان وخطة العمل', 'Joint action plan'] };
    for (const [lang, [dir, heading, title]] of Object.entries(expected)) {
      const list = await (await anonymous.get(`/processes/${p.id}/plan`, { 'accept-language': lang })).text();
      expect(list).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(list).toContain(`<h1>${heading}</h1>`);
      expect(list).toContain(`<a href="/processes/${p.id}/plan/${doc.id}">${title}</a>`);
      const page = await anonymous.get(`/processes/${p.id}/plan/${doc.id}`, { 'accept-language': lang });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(html).toContain('Ministère du Plan');
      // An anonymous reader sees no forms to vote or decide.
      expect(html).not.toContain('/vote"');
      const history = await (await anonymous.get(`/processes/${p.id}/plan/sections/${sections[0]!.id}/history`, { 'accept-language': lang })).text();
      expect(history).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(history).toContain('<ins>community </ins>');
    }
    const fr = await (await anonymous.get(`/processes/${p.id}/plan/${doc.id}`, { 'accept-language': 'fr' })).text();
    // The French text is of version 1, no longer current: the reader gets the current English text, marked as such.
    expect(fr).toContain('<p lang="en" dir="ltr">Every hub has a community radio. Alerts reach herders.</p>');
    expect(fr).toContain('<strong>A1</strong> <span lang="fr" dir="ltr">Des radios dans chaque centre</span>');
    const process = await (await anonymous.get(`/processes/${p.id}`, { 'accept-language': 'en' })).text();
    expect(process).toContain(`<a href="/processes/${p.id}/plan">Declaration and action plan: sections, amendments, history</a>`);
    expect((await anonymous.get(`/processes/${crypto.randomUUID()}/plan/${doc.id}`)).status).toBe(404);
  });

  it('lets people propose, vote and the owner decide by form; a stale proposal is refused with its message', async () => {
    const { process: p, doc, sections, owner } = await makePlan(t.ctx);
    const voter = await signedIn((await makeUser(t.ctx, 'coordinator')).user.email);
    const base = `/processes/${p.id}/plan`;
    const form = await (await voter.get(`${base}/sections/${sections[1]!.id}/amend`, { 'accept-language': 'en' })).text();
    expect(form).toContain('Budgets are published.</textarea>');
    expect((await voter.post(`${base}/sections/${sections[1]!.id}/amend`, { baseVersion: '1', lang: 'en', text: '' })).status).toBe(422);
    const ok = await voter.post(`${base}/sections/${sections[1]!.id}/amend`, { baseVersion: '1', lang: 'en', text: 'Budgets are published online.', rationale: 'Reach.' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${base}/${doc.id}?done=amendment_proposed`);
    const amendment = (await getDocument(t.ctx, doc.id)).sections[1]!.amendments[0]!;
    expect((await voter.post(`${base}/amendments/${amendment.id}/vote`, { vote: 'for' })).status).toBe(303);
    const after = await (await voter.get(`${base}/${doc.id}`, { 'accept-language': 'en' })).text();
    expect(after).toContain('Your vote: For.');
    expect(after).toContain('Votes: 1 for, 0 against, 0 abstaining.');
    // Section 2 has no owner: the organisation's member sees no decision form, and is refused.
    const member = await signedIn(owner.user.email);
    expect(await (await member.get(`${base}/${doc.id}`)).text()).not.toContain(`${amendment.id}/decision`);
    expect((await member.post(`${base}/amendments/${amendment.id}/decision`, { decision: 'accept' })).status).toBe(403);
    const first = sections[0]!.id;
    const one = await proposeAmendment(t.ctx, owner.actor, first, { baseVersion: 1, lang: 'en', text: 'Every hub has two radios.' });
    const two = await proposeAmendment(t.ctx, owner.actor, first, { baseVersion: 1, lang: 'en', text: 'Every hub has three radios.' });
    expect((await member.post(`${base}/amendments/${one.id}/decision`, { decision: 'accept' })).status).toBe(303);
    const stale = await member.post(`${base}/amendments/${two.id}/decision`, { decision: 'accept' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('The section has changed since that version');
    expect((await voter.post(`${base}/sections/${first}/amend`, { baseVersion: '1', lang: 'en', text: 'Old base.' })).status).toBe(409);
  });

  it('lets the admin adopt in the adoption phase; the page then says the text is read-only', async () => {
    const { admin, process: p, doc } = await makePlan(t.ctx);
    const { user } = await makeUser(t.ctx, 'admin');
    const b = await signedIn(user.email);
    const base = `/processes/${p.id}/plan`;
    const refused = await b.post(`${base}/${doc.id}/adopt`, {});
    expect(refused.status).toBe(409);
    await changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[2]!.id });
    expect((await b.post(`${base}/${doc.id}/adopt`, {})).status).toBe(303);
    const page = await (await b.get(`${base}/${doc.id}`, { 'accept-language': 'en' })).text();
    expect(page).toContain('This document is adopted: its text can no longer be amended.');
    expect(page).not.toContain('/adopt"');
  });
});

describe('plan API', () => {
  it('returns documents, sections with current text and version, items and amendments', async () => {
    const { process: p, sections, owner } = await makePlan(t.ctx);
    const a = await proposeAmendment(t.ctx, owner.actor, sections[0]!.id, { baseVersion: 1, lang: 'en', text: 'Every hub has a radio.' });
    await decideAmendment(t.ctx, owner.actor, a.id, { decision: 'accept' });
    const res = await t.app.request(`/api/v1/processes/${p.id}/plan`);
    expect(res.status).toBe(200);
    const body = planJsonSchema.parse(await res.json());
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]!.sections[0]).toMatchObject({ version: 2, texts: { en: 'Every hub has a radio.' }, actionItems: [{ code: 'A1', weight: 2 }], amendments: [{ status: 'accepted', decidedHow: 'owner' }] });
    expect(body.documents[0]!.sections[1]).toMatchObject({ version: 1, owner: null });
    expect((await t.app.request(`/api/v1/processes/${crypto.randomUUID()}/plan`)).status).toBe(404);
  });
});
