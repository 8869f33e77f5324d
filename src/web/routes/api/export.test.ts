import { describe, expect, it } from 'vitest';
import { apiTokenFor, makeHub, makePractice, makeUser } from '../../../../test/factories.js';
import { useTestContext } from '../../../../test/context.js';
import { envelopeSchema, hubRecordSchema, practiceRecordSchema } from '../../../domain/opendata/format.js';

const t = useTestContext();

describe('GET /export.json', () => {
  it('gives an open data file that the import format accepts, without drafts or contacts', async () => {
    const hub = await makeHub(t.ctx);
    const published = await makePractice(t.ctx, { hubIds: [hub.id] });
    await makePractice(t.ctx, {}, 'draft');
    const { actor } = await makeUser(t.ctx, 'curator');
    // Even a token holder gets the public file: contacts are personal data and never exported.
    const res = await t.app.request('/api/v1/export.json', { headers: { authorization: `Bearer ${await apiTokenFor(t.ctx, actor)}` } });
    expect(res.status).toBe(200);
    const file = await res.json();
    const envelope = envelopeSchema.parse(file);
    expect(envelope.exportedAt).toBe('2026-06-01T10:00:00.000Z');
    // The import stamped publishedAt with its own clock, as the record had none.
    expect(envelope.practices.map((p) => practiceRecordSchema.parse(p))).toEqual([{ ...published, publishedAt: '2026-06-01T10:00:00.000Z' }]);
    const hubs = envelope.hubs.map((h) => hubRecordSchema.parse(h));
    expect(hubs).toEqual([hub]);
    expect(JSON.stringify(file)).not.toContain('radio@example.org');
  });
});

describe('GET /export/*.csv', () => {
  it('serves practices as a CSV attachment with a header line', async () => {
    const p = await makePractice(t.ctx);
    const res = await t.app.request('/api/v1/export/practices.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="passerelle-practices.csv"');
    const [header, row] = (await res.text()).split('\n');
    expect(header).toMatch(/^id,url,title,summary,original_language,/);
    expect(row).toContain(p.id);
  });

  it('serves hubs as a CSV attachment without contacts', async () => {
    await makeHub(t.ctx);
    const res = await t.app.request('/api/v1/export/hubs.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="passerelle-hubs.csv"');
    const text = await res.text();
    expect(text.split('\n')[0]).toMatch(/^id,url,name,kind,community_type,country,/);
    expect(text).not.toContain('Hadiza');
  });
});
