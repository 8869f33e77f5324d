import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeProcess } from '../../../test/process-factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { changePhase } from '../process/process.service.js';
import { getImport, importIatiFile, listImports } from './stocktake-import.service.js';
import { getStocktake } from './stocktake.service.js';
import { IATI_UPLOAD_MAX_BYTES } from './stocktake.js';

const t = useTestContext();
const demoFile = readFileSync(new URL('../../../test/fixtures/iati/demo-activities.xml', import.meta.url), 'utf8');

const activity = (id: string, body = '') => `
  <iati-activity default-currency="EUR">
    <iati-identifier>${id}</iati-identifier>
    <reporting-org ref="XM-DAC-1" type="21"><narrative>Fund</narrative></reporting-org>
    <title><narrative>Activity ${id}</narrative><narrative xml:lang="fr">Activité ${id}</narrative></title>
    <activity-status code="2"/>
    <recipient-country code="NE"/>
    <sector vocabulary="1" code="31120"/>
    ${body}
  </iati-activity>`;
const file = (...activities: string[]) => `<?xml version="1.0"?>\n<iati-activities version="2.03">${activities.join('')}\n</iati-activities>`;

describe('IATI import into a stocktake', () => {
  it('imports the demo file, keeps the report, and updates rather than duplicates on a second import', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor, organisation } = await makeMember(t.ctx, 'international_organisation');
    const first = await importIatiFile(t.ctx, actor, process.id, { name: 'demo-activities.xml', xml: demoFile });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.import).toMatchObject({ organisationId: organisation.id, fileName: 'demo-activities.xml', total: 6, created: 6, updated: 0, skipped: 0 });
    expect(first.import.report.activities.map((a) => a.outcome)).toEqual(Array(6).fill('created'));
    expect(first.import.report.summary.notInIati).toEqual(['areas', 'targetGroups', 'wsisLines']);

    const s = await getStocktake(t.ctx, process.id);
    expect(s.total).toBe(6);
    const niger = s.activities.find((a) => a.iatiIdentifier === 'XM-DAC-99999-NE-2024-01')!;
    expect(niger).toMatchObject({ source: 'iati', countries: ['NE'], status: 'ongoing', startsOn: '2024-04-15', originalLanguage: 'en' });
    expect(niger.themes).toContain('agriculture');
    expect(Object.keys(niger.texts).sort()).toEqual(['en', 'fr']);
    expect(niger.budget?.currency).toBe('EUR');
    expect(s.activities.find((a) => a.iatiIdentifier === 'XM-DAC-99999-REG-2024-03')!.regions.length).toBeGreaterThan(0);

    t.clock.advance(60_000);
    const again = await importIatiFile(t.ctx, actor, process.id, { name: 'again.xml', xml: demoFile });
    expect(again.ok && again.import).toMatchObject({ created: 0, updated: 6, skipped: 0 });
    expect((await getStocktake(t.ctx, process.id)).total).toBe(6);
    expect((await listImports(t.ctx, process.id)).map((i) => i.fileName)).toEqual(['again.xml', 'demo-activities.xml']);
    expect((await getImport(t.ctx, process.id, first.import.id)).report.activities[0]!.notes.length).toBeGreaterThan(0);
  });

  it('imports the valid activities of a partly invalid file and reports each skipped one with its reason', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    const xml = file(
      activity('XM-1'),
      activity('XM-2', '<activity-date type="2" iso-date="2026-13-40"/>'),
      activity('XM-3', '<activity-date type="2" iso-date="2026-05-01"/><activity-date type="4" iso-date="2026-01-01"/>'),
      activity('XM-1'),
    );
    const r = await importIatiFile(t.ctx, actor, process.id, { name: 'partly.xml', xml });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.import).toMatchObject({ total: 4, created: 1, updated: 0, skipped: 3 });
    const skipped = r.import.report.summary.skippedActivities.map((s) => [s.identifier, s.errors.map((e) => e.code)]);
    expect(skipped).toEqual([['XM-2', ['invalid_date']], ['XM-3', ['invalid_period']], ['XM-1', ['duplicate_identifier']]]);
    expect((await getStocktake(t.ctx, process.id)).activities.map((a) => a.iatiIdentifier)).toEqual(['XM-1']);
  });

  it('refuses files that are not XML, not IATI or too big, and writes nothing', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    const refused = async (xml: string) => {
      const r = await importIatiFile(t.ctx, actor, process.id, { name: 'f.xml', xml });
      if (r.ok) throw new Error('imported');
      return r.errors.map((e) => e.code);
    };
    expect(await refused('name,country\nRadio,NE\n')).toEqual(['not_xml']);
    expect(await refused('<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>')).toEqual(['not_iati']);
    expect(await refused(file(activity('XM-1')).replace('2.03', '1.05'))).toEqual(['unsupported_version']);
    expect(await refused(file(activity('XM-1'), `<!--${'x'.repeat(IATI_UPLOAD_MAX_BYTES)}-->`))).toEqual(['too_large']);
    expect((await getStocktake(t.ctx, process.id)).total).toBe(0);
    expect(await listImports(t.ctx, process.id)).toEqual([]);
  });

  it('refuses an import outside a stocktaking phase before reading the file', async () => {
    const { process, admin } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[1]!.id });
    await expect(importIatiFile(t.ctx, actor, process.id, { name: 'f.xml', xml: demoFile })).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    await expect(importIatiFile(t.ctx, null, process.id, { name: 'f.xml', xml: demoFile })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await listImports(t.ctx, process.id)).toEqual([]);
  });
});
