import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { hubData, makeHub, makePractice, newId, practiceData } from '../../../test/factories.js';
import { DomainError } from '../errors.js';
import { listHubs } from '../hubs/hubs.service.js';
import { getPractice, listPractices } from '../practices/practices.service.js';
import { exportOpenData } from './export.service.js';
import { FORMAT_NAME, FORMAT_VERSION } from './format.js';
import { importOpenData, parseOpenDataText } from './import.service.js';

const t = useTestContext();

function fileWith(hubs: unknown[], practices: unknown[]) {
  return { format: FORMAT_NAME, version: FORMAT_VERSION, hubs, practices };
}

function hubRecord() {
  const { text, contactName: _a, contactEmail: _b, contactPhone: _c, ...rest } = hubData();
  return { id: newId(), ...rest, texts: { fr: text } };
}

function practiceRecord(hubIds: string[] = []) {
  const { text, ...rest } = practiceData({ hubIds });
  return { id: newId(), status: 'published', ...rest, texts: { fr: text, en: { ...text, title: 'Locust alerts by radio' } } };
}

describe('open data', () => {
  it('exports published records and imports them into another node unchanged', async () => {
    const hub = await makeHub(t.ctx);
    await makePractice(t.ctx, { hubIds: [hub.id] });
    await makePractice(t.ctx, {}, 'draft');
    const file = await exportOpenData(t.ctx);
    expect(file.practices).toHaveLength(1);
    expect(file.hubs[0]).not.toHaveProperty('contact');
    await t.truncate();
    const summary = await importOpenData(t.ctx, JSON.parse(JSON.stringify(file)));
    expect(summary.hubs.imported).toBe(1);
    expect(summary.practices.imported).toBe(1);
    const again = await exportOpenData(t.ctx);
    expect({ ...again, exportedAt: '' }).toEqual({ ...file, exportedAt: '' });
  });

  it('skips duplicates and rejects invalid records one by one, with reasons', async () => {
    const hub = hubRecord();
    const good = practiceRecord([hub.id]);
    const bad = { ...practiceRecord(), countries: ['ZZ'] };
    const orphan = practiceRecord([newId()]);
    const summary = await importOpenData(t.ctx, fileWith([hub, hub], [good, bad, orphan, 'not a record']));
    expect(summary.hubs).toEqual({ imported: 1, skipped: 1, rejected: 0 });
    expect(summary.practices).toEqual({ imported: 1, skipped: 0, rejected: 3 });
    expect(summary.problems.find((p) => p.id === bad.id)?.fields).toEqual({ 'countries.0': 'validation.country' });
    expect(summary.problems.find((p) => p.id === orphan.id)?.fields).toEqual({ 'hubIds.0': 'validation.unknown_hub' });
    await expect(getPractice(t.ctx, null, bad.id)).rejects.toThrow(DomainError);
  });

  it('completes an interrupted import when run again, leaving nothing half-written', async () => {
    const hubs = [hubRecord(), hubRecord()];
    const practices = Array.from({ length: 6 }, () => practiceRecord([hubs[0]!.id]));
    const file = fileWith(hubs, practices);
    const crash = new Error('power cut');
    await expect(
      importOpenData(t.ctx, file, { onProgress: (done) => { if (done === 5) throw crash; } }),
    ).rejects.toBe(crash);
    const partial = await listPractices(t.ctx, null, {});
    expect(partial.total).toBe(3);
    for (const p of partial.items) expect(Object.keys(p.texts).sort()).toEqual(['en', 'fr']);
    const summary = await importOpenData(t.ctx, file);
    expect(summary.practices).toEqual({ imported: 3, skipped: 3, rejected: 0 });
    expect(summary.hubs).toEqual({ imported: 0, skipped: 2, rejected: 0 });
    expect((await listPractices(t.ctx, null, {})).total).toBe(6);
    expect((await listHubs(t.ctx, null, {})).total).toBe(2);
  });

  it('refuses files that are not open data at all', async () => {
    expect(() => parseOpenDataText('{"format": ')).toThrow(DomainError);
    await expect(importOpenData(t.ctx, { format: 'other', version: 1 })).rejects.toMatchObject({ code: 'invalid', fields: { format: 'import.bad_format' } });
    await expect(importOpenData(t.ctx, fileWith([], []).hubs)).rejects.toMatchObject({ code: 'invalid' });
  });
});
