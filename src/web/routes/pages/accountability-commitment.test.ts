import { beforeEach, describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { getCommitment, reportProgress } from '../../../domain/accountability/accountability.service.js';
import { editCommitment } from '../../../domain/accountability/commitments.service.js';
import { makeMember } from '../../../../test/stocktake-factories.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const signedIn = (email: string) => signedInBrowser(t.app, email);

async function setUp(at = 3) {
  const plan = await makeAccountabilityPlan(t.ctx, at);
  const c = await makeCommitment(t.ctx, plan.member.actor, plan.process.id, [{ itemId: plan.items.a1.id, weight: 3 }]);
  const page = `/processes/${plan.process.id}/accountability/commitments/${c.id}`;
  return { ...plan, c, page };
}

/** The edit form's fields as prefilled for `makeCommitment`'s commitment. */
const fieldsFor = (itemId: string, over: Record<string, string> = {}) => ({
  title: 'Radios for rural hubs', indicator: 'Hubs with a working radio', partners: 'Radio network', baseline: '10', target: '50', unit: 'hubs', deadline: '2026-12-31',
  [`weight.${itemId}`]: '3', reason: '', ...over,
});

describe('a commitment’s page', () => {
  it('is public: facts, bar and chart, updates with evidence and the change history, localised, with lang and dir', async () => {
    const { c, page, member, items, process } = await setUp();
    await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-10', value: 30, evidenceUrl: 'https://example.org/evidence' });
    await editCommitment(t.ctx, member.actor, c.id, { title: 'Radios for rural hubs', indicator: 'Hubs with a working radio', partners: ['Radio network'], baseline: 10, target: 40, unit: 'hubs', deadline: '2026-12-31', items: [{ itemId: items.a1.id, weight: 3 }], reason: 'Fewer hubs have power.' });
    const anonymous = browser(t.app);
    const expected = { en: ['ltr', 'Changes since it was recorded', 'Target', 'revised by Ministère du Plan'], fr: ['ltr', 'Modifications depuis l’enregistrement', 'Cible', 'révisé par Ministère du Plan'], ar: ['rtl', 'التغييرات منذ التسجيل', 'الهدف', 'عدّله Ministère du Plan'] };
    for (const [lang, [dir, history, target, revised]] of Object.entries(expected)) {
      const res = await anonymous.get(page, { 'accept-language': lang });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(html).toContain('<h1 lang="en" dir="ltr">Radios for rural hubs</h1>');
      expect(html).toContain(`<h2 id="history">${history}</h2>`);
      expect(html).toContain(revised!);
      expect(html).toContain('Fewer hubs have power.');
      expect(html).toMatch(new RegExp(`<dt>${target}</dt><dd><del>50</del> <span class="arrow">→</span> <ins>40</ins></dd>`));
      expect(html).toContain('<figure class="bars">');
      expect(html).toMatch(/<svg width="100%" height="200" role="img"/);
      expect(html).toContain('href="https://example.org/evidence"');
      expect(html).not.toContain(`${page}/edit`); // no forms for anonymous readers
    }
    // Linked from the accountability page; a member of the organisation gets the links to the forms.
    expect(await (await anonymous.get(`/processes/${process.id}/accountability`)).text()).toContain(`<a href="${page}" lang="en" dir="ltr">Radios for rural hubs</a>`);
    const mine = await (await (await signedIn(member.user.email)).get(page)).text();
    for (const action of ['progress', 'edit', 'translate', 'withdraw']) expect(mine).toContain(`href="${page}/${action}"`);
    const stranger = await makeMember(t.ctx);
    expect(await (await (await signedIn(stranger.user.email)).get(page)).text()).not.toContain(`${page}/edit`);
    expect((await anonymous.get(`/processes/${process.id}/accountability/commitments/${crypto.randomUUID()}`)).status).toBe(404);
    const elsewhere = await makeAccountabilityPlan(t.ctx);
    expect((await anonymous.get(`/processes/${elsewhere.process.id}/accountability/commitments/${c.id}`)).status).toBe(404);
  });
});

describe('revising a commitment from its page', () => {
  it('is prefilled, needs a reason, refuses no change, and shows the change after post/redirect/get', async () => {
    const { c, page, member, items } = await setUp();
    const b = await signedIn(member.user.email);
    const form = await (await b.get(`${page}/edit`)).text();
    expect(form).toContain('name="_csrf"');
    expect(form).toContain('id="f-title" name="title" type="text" value="Radios for rural hubs"');
    expect(form).toContain(`name="weight.${items.a1.id}" type="number" min="1" max="100" step="1" value="3"`);
    const noReason = await b.post(`${page}/edit`, fieldsFor(items.a1.id, { target: '40' }));
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('value="40"');
    const same = await b.post(`${page}/edit`, fieldsFor(items.a1.id, { reason: 'Just checking.' }));
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Nothing was changed: change at least one field.');
    const drafting = await makeAccountabilityPlan(t.ctx, 3, { isAdopted: false });
    const otherItem = await b.post(`${page}/edit`, { ...fieldsFor(items.a1.id, { reason: 'More items.' }), [`weight.${drafting.items.a1.id}`]: '1' });
    expect(otherItem.status).toBe(422);
    expect(await otherItem.text()).toContain('This is not an item of this process’s adopted action plan.');
    const ok = await b.post(`${page}/edit`, fieldsFor(items.a1.id, { target: '40', reason: 'Fewer hubs have power.' }));
    expect([ok.status, ok.headers.get('location')]).toEqual([303, `${page}?done=commitment_edited`]);
    const after = await (await b.get(`${page}?done=commitment_edited`)).text();
    expect(after).toContain('Commitment revised.');
    expect(after).toContain('<dt>Target</dt><dd><del>50</del> <span class="arrow">→</span> <ins>40</ins></dd>');
    expect((await getCommitment(t.ctx, c.id)).changes).toHaveLength(1);
    // Another organisation's member may not revise it.
    const stranger = await signedIn((await makeMember(t.ctx)).user.email);
    expect((await stranger.get(`${page}/edit`)).status).toBe(403);
    expect((await stranger.post(`${page}/edit`, fieldsFor(items.a1.id, { target: '1', reason: 'Mine now.' }))).status).toBe(403);
  });
});

describe('withdrawing a commitment from its page', () => {
  it('needs a reason, then shows it apart on the accountability page and refuses progress', async () => {
    const { c, page, member, process } = await setUp();
    const b = await signedIn(member.user.email);
    expect(await (await b.get(`${page}/withdraw`)).text()).toContain('name="reason"');
    expect((await b.post(`${page}/withdraw`, { reason: '' })).status).toBe(422);
    const ok = await b.post(`${page}/withdraw`, { reason: 'The radio network closed.' });
    expect([ok.status, ok.headers.get('location')]).toEqual([303, `${page}?done=commitment_withdrawn`]);
    const own = await (await b.get(page)).text();
    expect(own).toContain('This commitment was withdrawn on');
    expect(own).not.toContain(`href="${page}/edit"`);
    const list = await (await browser(t.app).get(`/processes/${process.id}/accountability`, { 'accept-language': 'fr' })).text();
    expect(list).toContain('<h2 id="withdrawn">Engagements retirés</h2>');
    expect(list).toMatch(/Retiré le [^<]+ : <span dir="auto">The radio network closed.<\/span>/);
    expect(list).not.toContain(`id="c-${c.id}-h"`); // not among the active ones
    const progress = await b.post(`${page}/progress`, { reportedOn: '2026-05-01', value: '5' });
    expect(progress.status).toBe(409);
    expect(await progress.text()).toContain('This commitment has been withdrawn');
    expect((await b.post(`${page}/withdraw`, { reason: 'Again.' })).status).toBe(409);
  });
});

describe('translating a commitment from its page', () => {
  it('saves a translation for a curator and refuses the original language', async () => {
    const { c, page, moveTo } = await setUp();
    await moveTo(4); // translations are not tied to a phase
    const curator = await makeUser(t.ctx, 'curator');
    const b = await signedIn(curator.user.email);
    const form = await (await b.get(`${page}/translate`)).text();
    expect(form).toContain('<p lang="en" dir="ltr"><strong>Radios for rural hubs</strong></p>');
    const original = await b.post(`${page}/translate`, { lang: 'en', title: 'x', indicator: 'y' });
    expect(original.status).toBe(422);
    expect(await original.text()).toContain('This is the commitment’s original language');
    const ok = await b.post(`${page}/translate`, { lang: 'ar', title: 'أجهزة راديو للمراكز الريفية', indicator: 'مراكز لديها راديو يعمل' });
    expect(ok.status).toBe(303);
    expect((await getCommitment(t.ctx, c.id)).texts.ar).toEqual({ title: 'أجهزة راديو للمراكز الريفية', indicator: 'مراكز لديها راديو يعمل' });
    const again = await (await b.get(`${page}/translate?lang=ar`)).text();
    expect(again).toContain('value="أجهزة راديو للمراكز الريفية" required="" maxlength="200" lang="ar" dir="rtl"');
    expect(again).toContain(`<a href="${page}">Back to the commitment</a>`);
    const anonymous = await browser(t.app).get(`${page}/translate`);
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, `/login?next=${encodeURIComponent(`${page}/translate`)}`]);
  });
});

describe('the new commitment page without an adopted action plan', () => {
  it('says so and links to the plan instead of showing a form', async () => {
    const { process, member, items } = await makeAccountabilityPlan(t.ctx, 2, { isAdopted: false });
    const b = await signedIn(member.user.email);
    const html = await (await b.get(`/processes/${process.id}/accountability/commitments/new`)).text();
    expect(html).toContain('Commitments are made to the items of an adopted action plan, and this process has none yet.');
    expect(html).toContain(`href="/processes/${process.id}/plan"`);
    expect(html).not.toContain('name="indicator"');
    const post = await b.post(`/processes/${process.id}/accountability/commitments/new`, { organisationId: member.organisation.id, originalLanguage: 'en', title: 'x', indicator: 'y', baseline: '0', target: '1', deadline: '2026-12-31', [`weight.${items.a1.id}`]: '1' });
    expect(post.status).toBe(409);
    expect(await post.text()).toContain('this process has none yet');
  });
});
