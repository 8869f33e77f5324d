import { describe, expect, it } from 'vitest';
import { progressUpdates } from '../../db/schema/index.js';
import { makeAccountabilityPlan, makeCommitment } from '../../../test/accountability-factories.js';
import { useTestContext } from '../../../test/context.js';
import { newId } from '../../../test/factories.js';
import { makeUser } from '../../../test/factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { getCommitment } from './accountability.service.js';
import { withdrawCommitment } from './commitments.service.js';
import { getProgressImport, importProgressCsv, listProgressImports } from './progress-import.service.js';

const t = useTestContext();
const count = () => t.ctx.db.$count(progressUpdates);

async function setUp(at = 3) {
  const plan = await makeAccountabilityPlan(t.ctx, at === 3 ? 3 : 2);
  const c = await makeCommitment(t.ctx, plan.member.actor, plan.process.id, [{ itemId: plan.items.a1.id, weight: 1 }]);
  return { ...plan, c };
}

describe('progress CSV import', () => {
  it('writes every valid row, as from the CSV source', async () => {
    const { process, member, c } = await setUp();
    const csv = `commitment_id,date,value,evidence_url,note\n${c.id},2026-04-30,20,https://example.org/q1,First quarter\n${c.id},2026-05-31,32,,"Second, with a comma"\n`;
    const report = await importProgressCsv(t.ctx, member.actor, process.id, Buffer.from(csv));
    expect(report).toMatchObject({ fileErrors: [], written: 2, skipped: 0 });
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([[2, 'written'], [3, 'written']]);
    const after = await getCommitment(t.ctx, c.id);
    expect(after.updates.map((u) => [u.reportedOn, u.value, u.source, u.note, u.evidenceUrl])).toEqual([
      ['2026-04-30', 20, 'csv', 'First quarter', 'https://example.org/q1'], ['2026-05-31', 32, 'csv', 'Second, with a comma', null],
    ]);
  });

  it('checks every row first, writes the valid ones and reports each skipped row with its reason', async () => {
    const { process, member, c } = await setUp();
    const other = await makeMember(t.ctx);
    const theirs = await makeCommitment(t.ctx, other.actor, process.id, [{ itemId: (await getCommitment(t.ctx, c.id)).links[0]!.itemId, weight: 1 }]);
    const unknown = newId();
    const csv = [
      'Commitment ID;Date;Value;Note',
      `${c.id};2026-05-01;12,5;decimal comma`,
      `${c.id};01/05/2026;13;a French date`,
      `${c.id};2026-05-02;thirteen;`,
      `${unknown};2026-05-02;14;`,
      `${theirs.id};2026-05-02;15;not mine`,
      `${c.id};2026-07-01;16;in the future`,
      `${c.id};2026-05-03;17;last`,
    ].join('\r\n');
    const report = await importProgressCsv(t.ctx, member.actor, process.id, Buffer.from(csv));
    expect(report.rows.map((r) => [r.line, r.status, r.errors.map((e) => `${e.field} ${e.message}`)])).toEqual([
      [2, 'written', []],
      [3, 'skipped', ['date validation.iso_date']],
      [4, 'skipped', ['value validation.number']],
      [5, 'skipped', ['commitment_id accountability.unknown_commitment']],
      [6, 'skipped', ['commitment_id accountability.not_your_organisation']],
      [7, 'skipped', ['date validation.date_future']],
      [8, 'written', []],
    ]);
    expect([report.written, report.skipped]).toEqual([2, 5]);
    expect((await getCommitment(t.ctx, c.id)).updates.map((u) => u.value)).toEqual([12.5, 17]);
    expect(await count()).toBe(2);
  });

  it('answers a file of the wrong kind clearly and writes nothing', async () => {
    const { process, member, c } = await setUp();
    const refused = async (file: Uint8Array | string) => (await importProgressCsv(t.ctx, member.actor, process.id, file)).fileErrors.map((e) => e.message);
    expect(await refused(Buffer.from('%PDF-1.7\u0000\u0001binary'))).toEqual(['csv.not_csv']);
    expect(await refused(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual(['csv.encoding']);
    expect(await refused(`date,value\n2026-05-01,3`)).toEqual(['csv.missing_column:commitment_id']);
    expect(await refused(`${c.id},2026-05-01,3`)).toEqual(['csv.no_header']);
    expect(await refused('')).toEqual(['csv.empty']);
    expect(await count()).toBe(0);
  });

  it('is refused outside a progress phase before reading the file', async () => {
    const { process, member, c } = await setUp(2);
    await expect(importProgressCsv(t.ctx, member.actor, process.id, `commitment_id,date,value\n${c.id},2026-05-01,3`)).rejects.toThrow('process.not_in_phase');
    await expect(importProgressCsv(t.ctx, null, process.id, '')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await count()).toBe(0);
  });
});

describe('stored import reports', () => {
  it('keeps each import read with its file name, counts and rows, for admins and the importer only', async () => {
    const { process, member, admin, c } = await setUp();
    const csv = `commitment_id,date,value\n${c.id},2026-05-01,20\n${c.id},2026-05-02,x\n`;
    const report = await importProgressCsv(t.ctx, member.actor, process.id, csv, 'q2.csv');
    expect(report.importId).toEqual(expect.any(Number));
    const stored = await getProgressImport(t.ctx, member.actor, process.id, report.importId);
    expect(stored).toMatchObject({ fileName: 'q2.csv', total: 2, written: 1, skipped: 1, byUser: member.user.id });
    expect(stored.rows.map((r) => [r.line, r.status, r.errors.map((e) => e.message)])).toEqual([[2, 'written', []], [3, 'skipped', ['validation.number']]]);
    expect((await getProgressImport(t.ctx, admin, process.id, report.importId)).id).toBe(report.importId);
    const colleague = await makeMember(t.ctx);
    await expect(getProgressImport(t.ctx, colleague.actor, process.id, report.importId)).rejects.toMatchObject({ code: 'forbidden', message: 'accountability.import_not_yours' });
    await expect(getProgressImport(t.ctx, null, process.id, report.importId)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(getProgressImport(t.ctx, admin, process.id, 999_999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getProgressImport(t.ctx, admin, process.id, 'abc')).rejects.toMatchObject({ code: 'not_found' });
    // A file refused whole is not kept; the lists show each person their own, and admins all.
    expect((await importProgressCsv(t.ctx, member.actor, process.id, '', 'empty.csv')).importId).toBeNull();
    t.clock.advance(1000);
    await importProgressCsv(t.ctx, admin, process.id, `commitment_id,date,value\n${c.id},2026-05-03,21\n`, 'admin.csv');
    expect((await listProgressImports(t.ctx, member.actor, process.id)).map((i) => i.fileName)).toEqual(['q2.csv']);
    expect((await listProgressImports(t.ctx, admin, process.id)).map((i) => i.fileName)).toEqual(['admin.csv', 'q2.csv']);
    expect(await listProgressImports(t.ctx, colleague.actor, process.id)).toEqual([]);
    expect(await listProgressImports(t.ctx, (await makeUser(t.ctx, 'coordinator')).actor, process.id)).toEqual([]);
  });

  it('skips rows of a withdrawn commitment with the reason', async () => {
    const { process, member, c } = await setUp();
    await withdrawCommitment(t.ctx, member.actor, c.id, { reason: 'Funding ended.' });
    const report = await importProgressCsv(t.ctx, member.actor, process.id, `commitment_id,date,value\n${c.id},2026-05-01,20\n`);
    expect(report.rows.map((r) => [r.status, r.errors])).toEqual([['skipped', [{ field: 'commitment_id', message: 'accountability.withdrawn' }]]]);
    expect(await count()).toBe(0);
  });
});
