import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeAccountabilityPlan, makeCommitment } from '../../../../test/accountability-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { browser } from '../../../../test/http.js';
import { getCommitment, reportProgress } from '../../../domain/accountability/accountability.service.js';
import { withdrawCommitment } from '../../../domain/accountability/commitments.service.js';
import { accountabilityJsonSchema } from '../api/accountability-representation.js';

const t = useTestContext();
beforeEach(() => t.clock.advance(61_000));

const pdf = (size = 3000) => { const b = new Uint8Array(size).fill(0x20); b.set([...'%PDF-1.4\n'].map((c) => c.charCodeAt(0))); return b; };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function setUp() {
  const plan = await makeAccountabilityPlan(t.ctx);
  const c = await makeCommitment(t.ctx, plan.member.actor, plan.process.id, [{ itemId: plan.items.a1.id, weight: 1 }]);
  const b = browser(t.app);
  await b.signIn(plan.member.user.email);
  const form = `/processes/${plan.process.id}/accountability/commitments/${c.id}/progress`;
  /** Posts the progress form as a browser does: multipart, with the file when one is given. */
  const send = async (fields: Record<string, string>, file: File | null, lang = 'en') => {
    const body = new FormData();
    body.set('_csrf', await b.csrf());
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('document', file ?? new File([], '', { type: 'application/octet-stream' }));
    const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.request(form, { method: 'POST', body, headers: { cookie, 'accept-language': lang } });
  };
  return { ...plan, c, b, form, send };
}

describe('a document as evidence of progress', () => {
  it('is sent with the progress form, listed on both pages with its type, size and SHA-256, and downloaded as a sandboxed attachment', async () => {
    const { process, c, b, form, send } = await setUp();
    const page = await (await b.get(form, { 'accept-language': 'en' })).text();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<input id="f-document" type="file" name="document" accept="[^"]*application\/pdf/);
    expect(page).toContain('A PDF, PNG, JPEG or WebP file, at most 2 MB. It will be public, like the update: no personal data');
    // No file chosen: the browser still sends the field, empty; the update has no document.
    expect((await send({ reportedOn: '2026-05-19', value: '15' }, null)).status).toBe(303);
    const bytes = pdf();
    const res = await send({ reportedOn: '2026-05-20', value: '20', note: 'Registers signed', evidenceUrl: 'https://example.org/r' }, new File([bytes], 'relevé de juin.pdf', { type: 'text/html' }));
    expect(res.status).toBe(303);
    const [first, u] = (await getCommitment(t.ctx, c.id)).updates;
    expect(first!.document).toBeNull();
    expect(u).toMatchObject({ evidenceUrl: 'https://example.org/r', document: { name: 'relevé de juin.pdf', type: 'application/pdf', size: 3000, sha256: sha256(bytes) } });
    const href = `/processes/${process.id}/accountability/updates/${u!.id}/document`;
    for (const path of [`/processes/${process.id}/accountability`, `/processes/${process.id}/accountability/commitments/${c.id}`]) {
      const html = await (await browser(t.app).get(path, { 'accept-language': 'en' })).text();
      expect(html).toContain(`document: <a href="${href}"><bdi>relevé de juin.pdf</bdi> (PDF, 3 kB)</a>`);
      expect(html).toContain(`<summary>SHA-256 fingerprint</summary><p>A copy is this very file if its SHA-256 is: <code>${sha256(bytes)}</code>`);
    }
    const frPage = await browser(t.app).get(`/processes/${process.id}/accountability`, { 'accept-language': 'fr' });
    // Pages keep the site's own policy; only the document's response carries `sandbox` instead.
    expect(frPage.headers.get('content-security-policy')).toContain("default-src 'none'");
    const fr = await frPage.text();
    const size = new Intl.NumberFormat('fr', { style: 'unit', unit: 'kilobyte' }).format(3); // "3 ko" with the locale's own space
    expect(fr).toContain(`<bdi>relevé de juin.pdf</bdi> (PDF, ${size})</a>`);

    const download = await browser(t.app).get(href);
    expect(download.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'content-security-policy', 'cache-control', 'etag'].map((h) => [h, download.headers.get(h)]))).toEqual({
      'content-type': 'application/pdf', 'content-disposition': `attachment; filename="relev_ de juin.pdf"; filename*=UTF-8''relev%C3%A9%20de%20juin.pdf`,
      'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox', 'cache-control': 'public, max-age=86400', etag: `"${sha256(bytes)}"`,
    });
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), Buffer.from(bytes))).toBe(0);
    const again = await browser(t.app).get(href, { 'if-none-match': `"${sha256(bytes)}"` });
    expect([again.status, (await again.arrayBuffer()).byteLength]).toEqual([304, 0]);
  });

  it('is refused at its field with 422, in the reader’s language, the other values kept and nothing written', async () => {
    const { c, send } = await setUp();
    const fields = { reportedOn: '2026-05-20', value: '20', note: 'Registers signed' };
    const html = new File(['<html><script>alert(1)</script></html>'], 'report.pdf', { type: 'application/pdf' });
    const messages = {
      en: ['This file is not a PDF, PNG, JPEG or WebP file.', 'The document is too large: at most 2 MB.'],
      fr: ['Ce fichier n’est pas un fichier PDF, PNG, JPEG ou WebP.', 'Le document est trop lourd : 2 Mo au plus.'],
    };
    for (const [lang, [wrongType, tooLarge]] of Object.entries(messages)) {
      const refused = await send(fields, html, lang);
      expect(refused.status).toBe(422);
      const page = await refused.text();
      expect(page).toContain(`<p class="error" id="f-document-err">${wrongType}</p>`);
      expect(page).toContain('aria-describedby="f-document-hint f-document-err" aria-invalid="true"');
      expect(page).toContain('>Registers signed</textarea>');
      const big = await send(fields, new File([pdf(2 * 1024 * 1024 + 1)], 'big.pdf'), lang);
      expect(big.status).toBe(422);
      expect(await big.text()).toContain(`<p class="error" id="f-document-err">${tooLarge}</p>`);
    }
    // A good document with another field wrong: the form asks for the file again, by its name.
    const other = await send({ ...fields, value: 'lots' }, new File([pdf()], 'juin.pdf'));
    expect(other.status).toBe(422);
    expect(await other.text()).toContain('Choose the document again (juin.pdf): a browser does not keep a file when a form is shown again.');
    expect((await getCommitment(t.ctx, c.id)).updates).toEqual([]);
  });

  it('is not found for an unknown update, one without a document, or one of another process; a withdrawn commitment’s stays public', async () => {
    const { process, member, c } = await setUp();
    const withDoc = (await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-20', value: 20 }, { name: 'r.pdf', bytes: pdf() })).updates[0]!;
    const plain = (await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-21', value: 21 })).updates[1]!;
    const other = await makeAccountabilityPlan(t.ctx);
    const path = (pid: string, uid: string) => `/processes/${pid}/accountability/updates/${uid}/document`;
    for (const p of [path(process.id, crypto.randomUUID()), path(process.id, plain.id), path(other.process.id, withDoc.id), path(crypto.randomUUID(), withDoc.id)]) {
      expect((await t.app.request(p)).status, p).toBe(404);
    }
    await withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'The partner left.' });
    expect((await t.app.request(path(process.id, withDoc.id))).status).toBe(200);
  });

  it('is described in the API, with the address it is downloaded from', async () => {
    const { process, member, c } = await setUp();
    const bytes = pdf();
    await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-20', value: 20 }, { name: 'r.pdf', bytes });
    await reportProgress(t.ctx, member.actor, c.id, { reportedOn: '2026-05-21', value: 21 });
    const body = accountabilityJsonSchema.parse(await (await t.app.request(`/api/v1/processes/${process.id}/accountability`)).json());
    const [first, second] = body.commitments[0]!.updates;
    expect(first!.document).toEqual({ name: 'r.pdf', type: 'application/pdf', size: 3000, sha256: sha256(bytes), url: `/processes/${process.id}/accountability/updates/${first!.id}/document` });
    expect(second!.document).toBeNull();
    expect((await t.app.request(first!.document!.url)).headers.get('etag')).toBe(`"${sha256(bytes)}"`);
  });
});
