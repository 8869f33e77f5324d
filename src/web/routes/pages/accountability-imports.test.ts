import { beforeEach, describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { makeMember } from '../../../../test/stocktake-factories.js';
import { makeUser } from '../../../../test/factories.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const signedIn = (email: string) => signedInBrowser(t.app, email);

async function upload(b: ReturnType<typeof browser>, path: string, file: File) {
  const body = new FormData();
  body.set('_csrf', await b.csrf());
  body.append('file', file);
  const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(path, { method: 'POST', body, headers: { cookie, 'accept-language': 'en' } });
}

describe('stored progress import reports', () => {
  it('are linked from the import result, listed, and shown to the importer and admins only', async () => {
    const { process, items, member } = await makeAccountabilityPlan(t.ctx);
    const c = await makeCommitment(t.ctx, member.actor, process.id, [{ itemId: items.a1.id, weight: 1 }]);
    const base = `/processes/${process.id}/accountability`;
    const b = await signedIn(member.user.email);
    const res = await upload(b, `${base}/import`, new File([`commitment_id,date,value\n${c.id},2026-05-01,20\n${c.id},2026-05-02,lots\n`], 'june.csv', { type: 'text/csv' }));
    expect(res.status).toBe(303);
    const href = new RegExp(`^(${base}/imports/\\d+)\\?done=progress_imported$`).exec(res.headers.get('location')!)?.[1];
    expect(href).toBeDefined();
    const report = await (await b.get(href!, { 'accept-language': 'fr' })).text();
    expect(report).toContain('<h1>Import de « june.csv »</h1>');
    expect(report).toContain('<td>3</td><td>Écartée</td>');
    const list = await (await b.get(`${base}/imports`)).text();
    expect(list).toContain(`<a href="${href}">june.csv</a>`);
    expect(await (await b.get(base)).text()).toContain(`href="${base}/imports"`);
    // An admin reads it; another organisation's member neither lists nor reads it; anonymous readers sign in first.
    const adminUser = await makeUser(t.ctx, 'admin');
    expect((await (await signedIn(adminUser.user.email)).get(href!)).status).toBe(200);
    const stranger = await signedIn((await makeMember(t.ctx)).user.email);
    expect((await stranger.get(href!)).status).toBe(403);
    expect(await (await stranger.get(`${base}/imports`)).text()).not.toContain('june.csv');
    expect((await browser(t.app).get(href!)).status).toBe(303);
    expect((await b.get(`${base}/imports/999999`)).status).toBe(404);
  });
});
