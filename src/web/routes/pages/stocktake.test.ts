import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { activityInput, makeMember } from '../../../../test/stocktake-factories.js';
import { changePhase } from '../../../domain/process/process.service.js';
import { getStocktake, recordActivity } from '../../../domain/stocktake/stocktake.service.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

async function member(sector = 'civil_society') {
  const m = await makeMember(t.ctx, sector);
  const b = browser(t.app);
  await b.signIn(m.user.email);
  return Object.assign(b, m);
}

async function upload(b: ReturnType<typeof browser>, path: string, file: File) {
  const body = new FormData();
  body.set('_csrf', await b.csrf());
  body.set('file', file);
  const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(path, { method: 'POST', body, headers: { cookie, 'accept-language': 'en' } });
}

describe('stocktake pages', () => {
  it('show the stocktake, an activity, summaries and gaps in fr, en, es and ar with lang and dir', async () => {
    const { process: p } = await makeProcess(t.ctx);
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi', themes: ['gender'] });
    const m = await makeMember(t.ctx, 'government', 'Ministère du Plan');
    const a = await recordActivity(t.ctx, m.actor, p.id, activityInput());
    const anonymous = browser(t.app);
    const expected = { fr: ['ltr', 'État des lieux', 'Lacunes', 'Radios rurales et alertes sécheresse'], en: ['ltr', 'Stocktake', 'Gaps', 'Rural radio and drought alerts'], es: ['ltr', 'Inventario', 'Brechas', 'Radios rurales et alertes sécheresse'], ar: ['rtl', 'حصر الأنشطة', 'الفجوات', 'Radios rurales et alertes sécheresse'] };
    for (const [lang, [dir, title, gaps, activity]] of Object.entries(expected)) {
      const res = await anonymous.get(`/processes/${p.id}/stocktake`, { 'accept-language': lang });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(page).toContain(`<h1>${title}</h1>`);
      expect(page).toContain(`<h2 id="gaps">${gaps}</h2>`);
      expect(page).toContain(`>${activity}</a>`);
      // Anonymous readers get no form links.
      expect(page).not.toContain('/stocktake/new');
      const one = await (await anonymous.get(`/processes/${p.id}/stocktake/${a.id}`, { 'accept-language': lang })).text();
      expect(one).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(one).toContain('Ministère du Plan');
    }
    const en = await (await anonymous.get(`/processes/${p.id}/stocktake?sector=government&theme=health`, { 'accept-language': 'en' })).text();
    expect(en).toContain('0 of 1 activities shown.');
    expect(en).toContain('1 activity (1 organisation)');
    expect(en).toContain('Maradi</span>, Niger</strong>: Gender');
    const process = await (await anonymous.get(`/processes/${p.id}`, { 'accept-language': 'en' })).text();
    expect(process).toContain(`<a href="/processes/${p.id}/stocktake">Stocktake: activities, summaries and gaps</a>`);
  });

  it('lets a member record and edit an activity by form, with localised errors', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const b = await member();
    const list = await (await b.get(`/processes/${p.id}/stocktake`, { 'accept-language': 'en' })).text();
    expect(list).toContain(`href="/processes/${p.id}/stocktake/new"`);
    const form = await (await b.get(`/processes/${p.id}/stocktake/new`, { 'accept-language': 'en' })).text();
    expect(form).toContain(`<form method="post" action="/processes/${p.id}/stocktake/new" novalidate="">`);

    const bad = await b.post(`/processes/${p.id}/stocktake/new`, { organisationId: b.organisation.id, originalLanguage: 'en', title: '', status: 'ongoing', budgetAmount: '12x', adminAreas: 'Tillabéri' });
    expect(bad.status).toBe(422);
    const errors = await bad.text();
    expect(errors).toContain('Write the amount with digits only');
    expect(errors).toContain('href="#f-title"');
    expect(errors).toContain('href="#f-themes"');

    const ok = await b.post(`/processes/${p.id}/stocktake/new`, {
      organisationId: b.organisation.id, originalLanguage: 'en', title: 'Listening clubs', description: 'Clubs choose topics.', countries: ['NE'], adminAreas: 'Tillabéri\nML: Ségou',
      themes: ['climate', 'health'], sdgs: ['13'], wsis: ['C7'], status: 'planned', budgetAmount: '5000', budgetCurrency: 'eur', partners: 'Radio A\nRadio B',
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/processes/${p.id}/stocktake/[0-9a-f-]{36}\\?done=stocktake_recorded$`));
    const page = await (await b.get(location, { 'accept-language': 'en' })).text();
    expect(page).toContain('Activity recorded in the stocktake.');
    expect(page).toContain('Tillaberi (Niger) &amp; Segou (Mali)');
    expect(page).toContain('Radio A; Radio B');
    const editPath = `${location.split('?')[0]}/edit`;
    expect(page).toContain(`href="${editPath}"`);
    const saved = await b.post(editPath, { originalLanguage: 'en', title: 'Listening clubs (2)', countries: ['NE'], themes: ['climate'], status: 'ongoing' });
    expect(saved.status).toBe(303);
    const [activity] = (await getStocktake(t.ctx, p.id)).activities;
    expect(activity).toMatchObject({ status: 'ongoing', budget: null, texts: { en: { title: 'Listening clubs (2)' } } });
  });

  it('refuses outside the stocktaking phase (409 with the reason) and people of another organisation (403)', async () => {
    const { process: p, admin } = await makeProcess(t.ctx);
    const owner = await makeMember(t.ctx);
    const a = await recordActivity(t.ctx, owner.actor, p.id, activityInput());
    const other = await member();
    expect((await other.get(`/processes/${p.id}/stocktake/${a.id}/edit`)).status).toBe(403);
    const ownerBrowser = browser(t.app);
    await ownerBrowser.signIn(owner.user.email);
    await changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[1]!.id });
    const refused = await ownerBrowser.post(`/processes/${p.id}/stocktake/${a.id}/edit`, { originalLanguage: 'fr', title: 'x', countries: ['NE'], themes: ['climate'], status: 'ongoing' }, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('does not allow this');
    const closed = await (await ownerBrowser.get(`/processes/${p.id}/stocktake`, { 'accept-language': 'en' })).text();
    expect(closed).toContain('does not allow stocktaking');
    expect(closed).not.toContain('/stocktake/new');
    const lonely = browser(t.app);
    await lonely.signIn((await makeUser(t.ctx, 'coordinator')).user.email);
    expect((await lonely.get(`/processes/${p.id}/stocktake/new`)).status).toBe(403);
  });

  it('imports an IATI file and shows its report; refuses a file that is not IATI with the reason', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const b = await member('international_organisation');
    const form = await (await b.get(`/processes/${p.id}/stocktake/import`, { 'accept-language': 'en' })).text();
    expect(form).toContain('enctype="multipart/form-data"');
    // The page offers an example file; it is the one imported next, so the example is known to import.
    expect(form).toContain(`href="/processes/${p.id}/stocktake/import/example.xml"`);
    const example = await browser(t.app).get(`/processes/${p.id}/stocktake/import/example.xml`);
    expect(example.headers.get('content-disposition')).toBe('attachment; filename="iati-example.xml"');
    const exampleXml = await example.text();
    expect(exampleXml).toContain('<iati-activities version="2.03"');
    const res = await upload(b, `/processes/${p.id}/stocktake/import`, new File([exampleXml], 'demo.xml', { type: 'application/xml' }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/processes/${p.id}/stocktake/imports/\\d+\\?done=stocktake_imported$`));
    const report = await (await b.get(location, { 'accept-language': 'en' })).text();
    expect(report).toContain('6 activities in the file: 6 new, 0 updated, 0 skipped.');
    expect(report).toContain('XM-DAC-99999-NE-2024-01');
    expect(report).toContain('Not in IATI files, to complete by hand: areas, target groups, WSIS Action Lines.');

    const notIati = await upload(b, `/processes/${p.id}/stocktake/import`, new File(['<html><body>hi</body></html>'], 'page.xml'));
    expect(notIati.status).toBe(422);
    const text = await notIati.text();
    expect(text).toContain('The file “page.xml” was refused; nothing was imported:');
    expect(text).toContain('This is not an IATI activity file.');
    const notXml = await upload(b, `/processes/${p.id}/stocktake/import`, new File(['a,b\n1,2'], 'data.csv'));
    expect(await notXml.text()).toContain('This is not a well-formed XML file.');
    expect((await getStocktake(t.ctx, p.id)).total).toBe(6);
  });
});

describe('stocktake API', () => {
  it('returns activities, summaries and gaps, filtered, and 404 for an unknown process', async () => {
    const { stocktakeJsonSchema } = await import('../api/stocktake-representation.js');
    const { process: p } = await makeProcess(t.ctx);
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Tillabéri', themes: ['climate', 'water'] });
    const m = await makeMember(t.ctx, 'private_sector');
    await recordActivity(t.ctx, m.actor, p.id, activityInput());
    const res = await t.app.request(`/api/v1/processes/${p.id}/stocktake?country=ne&theme=climate&sector=nonsense`);
    expect(res.status).toBe(200);
    const body = stocktakeJsonSchema.parse(await res.json());
    expect(body.filters).toEqual({ country: 'NE', theme: 'climate' });
    expect(body.activities.map((a) => [a.organisation.sector, a.adminAreas, a.budget])).toEqual([['private_sector', ['NE:tillaberi'], { amount: 120000, currency: 'XOF' }]]);
    expect(body.summaries.find((s) => s.sector === 'private_sector')!.activities).toBe(1);
    expect(body.gaps.map((g) => [g.areaKey, g.theme])).toEqual([['NE:tillaberi', 'water']]);
    expect((await t.app.request(`/api/v1/processes/${crypto.randomUUID()}/stocktake`)).status).toBe(404);
  });
});
