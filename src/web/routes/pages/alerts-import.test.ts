import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';
import { getAlert } from '../../../domain/alerts/alerts.service.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/cap/${name}`, import.meta.url), 'utf8');

async function curator() {
  const b = browser(t.app);
  const { user, actor } = await makeUser(t.ctx, 'curator');
  await b.signIn(user.email);
  return Object.assign(b, { actor });
}

/** A file upload as a browser sends it: multipart, with the session and CSRF cookies and the form's token. */
async function upload(b: ReturnType<typeof browser>, file: File, csrf?: string | null) {
  const body = new FormData();
  const token = csrf === undefined ? await b.csrf() : csrf;
  if (token !== null) body.set('_csrf', token);
  body.set('file', file);
  body.set('xml', '');
  const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request('/alerts/import', { method: 'POST', body, headers: { cookie, 'accept-language': 'en' } });
}

describe('CAP import page', () => {
  it('imports a valid CAP file as a pending alert and shows it', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Zinder' });
    const b = await curator();
    const form = await b.get('/alerts/import', { 'accept-language': 'en' });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('enctype="multipart/form-data"');

    const res = await upload(b, new File([fixture('valid/drought-niger-fr-ha.xml')], 'drought.xml', { type: 'application/cap+xml' }));
    expect(res.status).toBe(303);
    const id = /^\/alerts\/([0-9a-f-]{36})\?done=alert_imported$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    expect(await getAlert(t.ctx, b.actor, id)).toMatchObject({ status: 'pending', source: 'cap', identifier: 'NE-DMN-2026-0042', adminAreas: ['NE:maradi', 'NE:zinder'] });
    const page = await (await b.get(`/alerts/${id}?done=alert_imported`, { 'accept-language': 'en' })).text();
    expect(page).toContain('CAP file imported. The alert waits for another person’s approval.');
    expect(page).toContain('imported from a CAP file');
    expect(page).toContain('Maradi, Niger; Zinder, Niger');
    expect(page).toContain('<h3 id="text-ha">Hausa</h3>');
  });

  it('refuses a broken file (422) listing every reason with its path, translated, and line and column where known', async () => {
    const b = await curator();
    const res = await upload(b, new File([fixture('invalid/many-errors.xml')], 'many-errors.xml', { type: 'application/xml' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('many-errors.xml was refused for 10 reasons:');
    expect(html).toContain('<code dir="ltr">info[0].area[0].polygon[0]</code> Not a valid polygon');
    expect(html).toContain('<code dir="ltr">sent</code> Not a CAP date and time');
    expect(html).toContain('<code dir="ltr">status</code> Not one of the values CAP allows here.');

    const pasted = await b.post('/alerts/import', { xml: fixture('invalid/not-xml.json') });
    expect(pasted.status).toBe(422);
    const pastedHtml = await pasted.text();
    expect(pastedHtml).toContain('(line 1, column 1) This is not well-formed XML.');
    // The pasted text comes back to be corrected.
    expect(pastedHtml).toContain('&quot;identifier&quot;: &quot;NE-DMN-2026-0042&quot;');

    const empty = await b.post('/alerts/import', { xml: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Choose a file or paste the XML.');

    const rss = await b.post('/alerts/import', { xml: '<rss version="2.0"><channel/></rss>' });
    expect(rss.status).toBe(422);
    expect(await rss.text()).toContain('This is not a CAP 1.2 alert.');
  });

  it('refuses an upload without the CSRF token, and people who may not write alerts', async () => {
    const b = await curator();
    const res = await upload(b, new File([fixture('valid/cancel-drought.xml')], 'c.xml'), null);
    expect(res.status).toBe(403);
    const delegate = browser(t.app);
    await delegate.signIn((await makeUser(t.ctx, 'delegate')).user.email);
    expect((await upload(delegate, new File(['<alert/>'], 'a.xml'))).status).toBe(403);
    const signedOut = await browser(t.app).get('/alerts/import');
    expect(signedOut.status).toBe(303);
  });
});
