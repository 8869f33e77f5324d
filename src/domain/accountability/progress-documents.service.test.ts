import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { progressDocuments, progressUpdates } from '../../db/schema/index.js';
import { makeAccountabilityPlan, makeCommitment } from '../../../test/accountability-factories.js';
import { useTestContext } from '../../../test/context.js';
import { makePractice, newId } from '../../../test/factories.js';
import { getCommitment, getProgressDocument, reportProgress, writeProgress, type CheckedDocument } from './accountability.service.js';
import { withdrawCommitment } from './commitments.service.js';
import type { DocumentType } from './document.js';

const t = useTestContext();
const counts = async () => [await t.ctx.db.$count(progressUpdates), await t.ctx.db.$count(progressDocuments)];
const pdf = (size = 1000) => { const b = new Uint8Array(size).fill(0x20); b.set([...'%PDF-1.4\n'].map((c) => c.charCodeAt(0))); return b; };
const update = { reportedOn: '2026-05-20', value: 20, note: 'Ten more' };

async function setUp() {
  const plan = await makeAccountabilityPlan(t.ctx);
  const c = await makeCommitment(t.ctx, plan.member.actor, plan.process.id, [{ itemId: plan.items.a1.id, weight: 1 }]);
  return { ...plan, c };
}

describe('a document as evidence of progress', () => {
  it('is kept with the update: its type from its bytes, its name cleaned, its size and SHA-256 listed, its bytes read apart', async () => {
    const { process, member, c } = await setUp();
    const bytes = pdf();
    const after = await reportProgress(t.ctx, member.actor, c.id, update, { name: 'C:\\rapports\\juin\u0007.pdf', bytes });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(after.updates[0]!.document).toEqual({ name: 'juin.pdf', type: 'application/pdf', size: 1000, sha256 });
    const stored = await getProgressDocument(t.ctx, process.id, after.updates[0]!.id);
    expect([stored.type, stored.name, stored.sha256]).toEqual(['application/pdf', 'juin.pdf', sha256]);
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);
  });

  it('goes with a link and a practice on the same update; an empty file is no document', async () => {
    const { member, c } = await setUp();
    const practice = await makePractice(t.ctx);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const after = await reportProgress(t.ctx, member.actor, c.id, { ...update, evidenceUrl: 'https://example.org/r', evidencePracticeId: practice.id }, { name: '', bytes: png });
    expect(after.updates[0]).toMatchObject({ evidenceUrl: 'https://example.org/r', evidencePractice: { id: practice.id }, document: { name: 'evidence.png', type: 'image/png', size: 12 } });
    const plain = await reportProgress(t.ctx, member.actor, c.id, { ...update, reportedOn: '2026-05-21' }, { name: 'empty.pdf', bytes: new Uint8Array() });
    expect(plain.updates[1]!.document).toBeNull();
    expect(await counts()).toEqual([2, 1]);
  });

  it('is refused before anything is written when it is not a PDF, PNG, JPEG or WebP, or over 2 MiB — with the other fields’ errors', async () => {
    const { member, c } = await setUp();
    const refused = (input: object, doc: { name: string; bytes: Uint8Array }) => reportProgress(t.ctx, member.actor, c.id, input, doc).catch((e: { fields: unknown }) => e.fields);
    expect(await refused(update, { name: 'report.pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') })).toEqual({ document: 'accountability.document_type' });
    expect(await refused(update, { name: 'big.pdf', bytes: pdf(2 * 1024 * 1024 + 1) })).toEqual({ document: 'accountability.document_too_large:2' });
    expect(await refused({ ...update, value: 'ten' }, { name: 'x.svg', bytes: new TextEncoder().encode('<svg/>') })).toEqual({ value: 'validation.number', document: 'accountability.document_type' });
    expect(await refused({ ...update, reportedOn: '2026-06-05' }, { name: 'x.gif', bytes: new TextEncoder().encode('GIF89a......') })).toEqual({ reportedOn: 'validation.date_future', document: 'accountability.document_type' });
    // Exactly 2 MiB is allowed.
    await reportProgress(t.ctx, member.actor, c.id, update, { name: 'max.pdf', bytes: pdf(2 * 1024 * 1024) });
    expect(await counts()).toEqual([1, 1]);
  });

  it('is written in the update’s transaction: outside a progress phase, or when the document cannot be stored, neither is written', async () => {
    const { member, c, moveTo } = await setUp();
    await moveTo(2);
    await expect(reportProgress(t.ctx, member.actor, c.id, update, { name: 'r.pdf', bytes: pdf() })).rejects.toThrow('process.not_in_phase');
    await moveTo(3);
    // A document the table refuses (its type check) rolls the update back with it.
    const bad: CheckedDocument = { name: 'x.html', type: 'text/html' as DocumentType, bytes: Buffer.from('<html>'), sha256: '0'.repeat(64) };
    await expect(writeProgress(t.ctx, member.user.id, c, { ...update, evidenceUrl: null, evidencePracticeId: null }, 'web', bad)).rejects.toThrow();
    expect(await counts()).toEqual([0, 0]);
    expect((await getCommitment(t.ctx, c.id)).updates).toEqual([]);
  });

  it('is served for its own process only, and stays public when its commitment is withdrawn', async () => {
    const { process, member, c } = await setUp();
    const after = await reportProgress(t.ctx, member.actor, c.id, update, { name: 'r.pdf', bytes: pdf() });
    const uid = after.updates[0]!.id;
    const other = await makeAccountabilityPlan(t.ctx);
    await expect(getProgressDocument(t.ctx, other.process.id, uid)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getProgressDocument(t.ctx, process.id, newId())).rejects.toMatchObject({ code: 'not_found' });
    await expect(getProgressDocument(t.ctx, process.id, 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
    const plain = await reportProgress(t.ctx, member.actor, c.id, { ...update, reportedOn: '2026-05-21' });
    await expect(getProgressDocument(t.ctx, process.id, plain.updates[1]!.id)).rejects.toMatchObject({ code: 'not_found' });
    await withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'The partner left.' });
    expect((await getProgressDocument(t.ctx, process.id, uid)).name).toBe('r.pdf');
  });
});

