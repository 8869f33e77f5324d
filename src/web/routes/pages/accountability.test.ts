import { beforeEach, describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makePractice, makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { getCommitment, reportProgress } from '../../../domain/accountability/accountability.service.js';
import { recordStory } from '../../../domain/accountability/stories.service.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const signedIn = (email: string) => signedInBrowser(t.app, email);

async function upload(b: ReturnType<typeof browser>, path: string, fields: Record<string, string | File | string[]>) {
  const body = new FormData();
  body.set('_csrf', await b.csrf());
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(path, { method: 'POST', body, headers: { cookie, 'accept-language': 'en' } });
}

const ogg = () => { const b = new Uint8Array(4096); b.set([0x4f, 0x67, 0x67, 0x53, 0, 2]); return b; };

describe('the accountability page', () => {
  it('shows bars, overdue commitments, evidence and stories in fr, en, es and ar with lang and dir', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const late = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }], { deadline: '2026-05-15', texts: { en: { title: 'Radios before the rains', indicator: 'Hubs with a radio' } } });
    const practice = await makePractice(t.ctx);
    await reportProgress(t.ctx, member.actor, late.id, { reportedOn: '2026-05-10', value: 30, evidenceUrl: 'https://example.org/evidence', evidencePracticeId: practice.id });
    const hub = await makeHub(t.ctx);
    await recordStory(t.ctx, (await makeUser(t.ctx, 'admin')).actor, process.id, { hubId: hub.id, lang: 'fr', title: 'La radio est arrivée', text: 'Les éleveurs écoutent.', itemIds: [items.a1.id] }, ogg());
    const anonymous = browser(t.app);
    const expected = { fr: ['ltr', 'Redevabilité', 'Engagements en retard'], en: ['ltr', 'Accountability', 'Overdue commitments'], es: ['ltr', 'Rendición de cuentas', 'Compromisos atrasados'], ar: ['rtl', 'المساءلة', 'الالتزامات المتأخرة'] };
    for (const [lang, [dir, title, overdue]] of Object.entries(expected)) {
      const percent = new Intl.NumberFormat(lang, { style: 'percent' }).format(0.5); // "50 %" with the locale's own spaces and marks
      const res = await anonymous.get(`/processes/${process.id}/accountability`, { 'accept-language': lang });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(page).toContain(`<h1>${title}</h1>`);
      expect(page).toContain(`<h2 id="overdue">${overdue}</h2>`);
      expect(page).toContain(`<a href="#c-${late.id}" lang="en" dir="ltr">Radios before the rains</a>`);
      expect(page).toContain(`<strong>${percent}</strong>`); // 10 → 50, at 30
      expect(page).toContain('<figure class="bars">');
      expect(page).toMatch(/<svg width="100%" height="200" role="img"/);
      expect(page).toContain('href="https://example.org/evidence" rel="nofollow noopener noreferrer"');
      expect(page).toContain(`href="/practices/${practice.id}"`);
      expect(page).toContain('<h3 id="s-');
      expect(page).toContain(`src="/processes/${process.id}/accountability/stories/`);
      expect(page).not.toContain('/accountability/commitments/new'); // anonymous readers get no forms
    }
    const processPage = await (await anonymous.get(`/processes/${process.id}`, { 'accept-language': 'en' })).text();
    expect(processPage).toContain(`<a href="/processes/${process.id}/accountability">Accountability: commitments, progress and stories</a>`);
  });

  it('serves a story’s audio with the type its bytes showed, and nothing for a story without one', async () => {
    const { process } = await makeAccountabilityPlan(t.ctx);
    const hub = await makeHub(t.ctx);
    const coordinator = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const b = await signedIn(coordinator.user.email);
    const form = await (await b.get(`/processes/${process.id}/accountability/stories/new`)).text();
    expect(form).toContain('enctype="multipart/form-data"');
    const fields = { hubId: hub.id, lang: 'fr', title: 'Un troupeau sauvé', text: 'L’alerte est arrivée.' };
    const refused = await upload(b, `/processes/${process.id}/accountability/stories/new`, { ...fields, audio: new File(['<html>not audio</html>'], 'story.ogg', { type: 'audio/ogg' }) });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('This file is not an Ogg, MP3 or WAV recording.');
    const res = await upload(b, `/processes/${process.id}/accountability/stories/new`, { ...fields, audio: new File([ogg()], 'story.bin', { type: 'application/octet-stream' }) });
    expect(res.status).toBe(303);
    const page = await (await b.get(`/processes/${process.id}/accountability`)).text();
    const src = /src="(\/processes\/[^"]+\/audio)"/.exec(page)![1]!;
    const audio = await t.app.request(src);
    expect([audio.status, audio.headers.get('content-type'), audio.headers.get('x-content-type-options')]).toEqual([200, 'audio/ogg', 'nosniff']);
    expect((await audio.arrayBuffer()).byteLength).toBe(4096);
    expect((await t.app.request(`/processes/${process.id}/accountability/stories/${crypto.randomUUID()}/audio`)).status).toBe(404);
    // The coordinator withdraws it: gone from the page, its audio no longer served.
    const sid = /stories\/([0-9a-f-]{36})\/audio/.exec(src)![1]!;
    expect(page).toContain(`action="/processes/${process.id}/accountability/stories/${sid}/withdraw"`);
    expect(await (await browser(t.app).get(`/processes/${process.id}/accountability`)).text()).not.toContain('/withdraw"'); // not for anonymous readers
    expect((await b.post(`/processes/${process.id}/accountability/stories/${sid}/withdraw`, {})).status).toBe(303);
    expect(await (await b.get(`/processes/${process.id}/accountability?done=story_withdrawn`)).text()).toContain('Story withdrawn.');
    expect((await t.app.request(src)).status).toBe(404);
  });
});

describe('accountability forms', () => {
  it('record a commitment with weighted items, then progress, with localised errors and phase refusals', async () => {
    const { process, items, member, moveTo } = await makeAccountabilityPlan(t.ctx, 2);
    const b = await signedIn(member.user.email);
    const base = `/processes/${process.id}/accountability`;
    expect(await (await b.get(base)).text()).toContain(`href="${base}/commitments/new"`);
    const fields = { organisationId: member.organisation.id, originalLanguage: 'en', title: 'Radios', indicator: 'Hubs with a radio', baseline: '0', target: '20', unit: 'hubs', deadline: '2026-12-31', partners: '' };
    const bad = await b.post(`${base}/commitments/new`, { ...fields, baseline: 'zero' });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain('Must be a number.');
    expect(badPage).toContain('Choose at least one action-plan item, with a weight.');
    const ok = await b.post(`${base}/commitments/new`, { ...fields, [`weight.${items.a1.id}`]: '3', [`weight.${items.b1.id}`]: '' });
    expect(ok.status).toBe(303);
    const page = await (await b.get(`${base}?done=commitment_recorded`)).text();
    expect(page).toContain('Commitment recorded.');
    const id = /id="c-([0-9a-f-]{36})"/.exec(page)![1]!;
    expect((await getCommitment(t.ctx, id)).links).toEqual([{ itemId: items.a1.id, weight: 3 }]);
    // Progress is not open in this phase: the form says so, and a post is refused with 409.
    const closed = await b.post(`${base}/commitments/${id}/progress`, { reportedOn: '2026-05-01', value: '5' });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('The current phase of the process does not allow this.');
    await moveTo(3);
    const future = await b.post(`${base}/commitments/${id}/progress`, { reportedOn: '2026-07-01', value: '5' });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('This date is in the future.');
    expect((await b.post(`${base}/commitments/${id}/progress`, { reportedOn: '2026-05-01', value: '5', evidenceUrl: 'https://example.org/r' })).status).toBe(303);
    expect((await getCommitment(t.ctx, id)).updates.map((u) => u.value)).toEqual([5]);
    // Another organisation's member may not report on it.
    const other = await makeAccountabilityPlan(t.ctx);
    const stranger = await signedIn(other.member.user.email);
    expect((await stranger.get(`${base}/commitments/${id}/progress`)).status).toBe(403);
  });

  it('import a progress CSV and show the report per row; a file of the wrong kind is refused clearly', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    const b = await signedIn(member.user.email);
    const path = `/processes/${process.id}/accountability/import`;
    expect((await b.get(path)).status).toBe(200);
    const csv = `commitment_id,date,value,note\n${c.id},2026-05-01,20,ok\n${c.id},2026-05-02,lots,bad\n`;
    const res = await upload(b, path, { file: new File([csv], 'progress.csv', { type: 'text/csv' }) });
    // Post/redirect/get to the kept report: reloading it cannot import the file twice.
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/processes/${process.id}/accountability/imports/\\d+\\?done=progress_imported$`));
    const report = await (await b.get(location, { 'accept-language': 'en' })).text();
    expect(report).toContain('Progress file imported. Here is the report of each row.');
    expect(report).toContain('1 row written, 1 row skipped.');
    expect(report).toContain('<td>3</td><td>Skipped</td><td>value: Must be a number.</td>');
    const pdf = await upload(b, path, { file: new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])], 'progress.pdf') });
    expect(pdf.status).toBe(422);
    expect(await pdf.text()).toContain('This file is not a CSV text file.');
    expect((await getCommitment(t.ctx, c.id)).updates.map((u) => [u.value, u.source])).toEqual([[20, 'csv']]);
  });

  it('offer a file to fill in with the reader’s own commitments, filled in and sent back as is', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    const b = await signedIn(member.user.email);
    const path = `/processes/${process.id}/accountability/import`;
    expect(await (await b.get(path)).text()).toContain(`href="${path}/template.csv"`);
    const res = await b.get(`${path}/template.csv`, { 'accept-language': 'en' });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="progress.csv"');
    const template = await res.text();
    const [header, row] = template.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('commitment_id,date,value,evidence_url,note,commitment,unit,latest_value,target');
    expect(row!.startsWith(`${c.id},,,,,`)).toBe(true);
    // Someone of another organisation gets the header alone; an anonymous reader is sent to sign in.
    const { user: other } = await makeUser(t.ctx, 'coordinator');
    expect((await (await (await signedIn(other.email)).get(`${path}/template.csv`)).text()).trim()).toMatch(/^\uFEFF?commitment_id,[a-z_,]+$/);
    expect((await browser(t.app).get(`${path}/template.csv`)).status).toBe(303);
    const filled = template.replace(`${c.id},,,,,`, `${c.id},2026-05-01,21,,from the template,`);
    const sent = await upload(b, path, { file: new File([filled], 'progress.csv', { type: 'text/csv' }) });
    expect(await (await b.get(sent.headers.get('location')!, { 'accept-language': 'en' })).text()).toContain('1 row written, 0 rows skipped.');
    expect((await getCommitment(t.ctx, c.id)).updates.map((u) => [u.value, u.note])).toEqual([[21, 'from the template']]);
  });
});
