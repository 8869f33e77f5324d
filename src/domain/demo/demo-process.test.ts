import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { assertInPhase, listPhaseChanges, listProcesses } from '../process/process.service.js';
import { listImports } from '../stocktake/stocktake-import.service.js';
import { getStocktake } from '../stocktake/stocktake.service.js';
import { getPlan, getSectionHistory } from '../action-plan/action-plan.service.js';
import { importOpenData } from '../opendata/import.service.js';
import { listConsultationsOfProcess } from '../consultation/consultation-list.service.js';
import { DEMO_CONSULTATION_LABEL, seedDemoConsultation } from './demo-consultation.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };
import { seedDemoProcess } from './demo-process.js';

const t = useTestContext();

describe('the demo process', () => {
  it('walks the annex’s phases from PrepCom I to action, stands at “action continues”, and is seeded once', { timeout: 60_000 }, async () => {
    expect(await seedDemoProcess(t.ctx, 'nobody@example.org')).toBe(false);
    await importOpenData(t.ctx, demoHubs);
    await seedDemoConsultation(t.ctx);
    const { user } = await makeUser(t.ctx, 'admin');
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(true);
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(false);

    const [p, ...more] = await listProcesses(t.ctx);
    expect(more).toEqual([]);
    expect(p!.phases.map((ph) => ph.texts.en!.title)).toEqual([
      'PrepCom I (Geneva)', 'Between PrepCom I and PrepCom II: stocktaking', 'PrepCom II (Geneva)', 'Between PrepCom II and PrepCom III: drafting',
      'PrepCom III (Geneva)', 'WSIS, first phase (Geneva)', 'Between the two phases: action begins', 'WSIS, second phase (Tunis)', 'After the second phase: action continues',
    ]);
    expect(p!.phases.map((ph) => ph.startsOn)).toEqual(['2002-07-01', '2002-07-06', '2003-02-17', '2003-03-01', '2003-09-15', '2003-12-10', '2003-12-13', '2005-11-16', '2005-11-19']);
    expect(p!.phases.at(-1)!.endsOn).toBeNull();
    for (const ph of p!.phases) expect(Object.keys(ph.texts).sort()).toEqual(['ar', 'en', 'es', 'fr']);

    expect(p!.activePhaseId).toBe(p!.phases[8]!.id);
    const changes = await listPhaseChanges(t.ctx, p!.id);
    expect(changes.map((c) => [c.at.toISOString().slice(0, 10), c.byName])).toEqual([
      ['2002-07-06', user.displayName], ['2003-02-17', user.displayName], ['2003-03-01', user.displayName], ['2003-09-15', user.displayName],
      ['2003-12-10', user.displayName], ['2003-12-13', user.displayName], ['2005-11-16', user.displayName], ['2005-11-19', user.displayName],
    ]);
    // After Tunis: commitments and progress are open, and stocktaking goes on (as the WSIS Stocktaking has since 2004);
    // votes and amendments are over.
    await t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'progress'));
    await t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'stocktaking'));
    expect(p!.phases[8]!.activities).toEqual(['stocktaking', 'commitments', 'progress', 'review']);
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(p!.phases[8]!.texts[lang]!.description).toMatch(/2004/);
    await expect(t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'voting'))).rejects.toThrow('process.not_in_phase');

    // The demo consultation belongs to the demo process.
    const linked = await listConsultationsOfProcess(t.ctx, p!.id);
    expect(linked.map((c) => c.process)).toEqual([DEMO_CONSULTATION_LABEL]);
    expect(linked[0]!.processId).toBe(p!.id);

    // Stocktakes from every sector were recorded during the stocktaking phase, and the demo IATI file imported.
    const s = await getStocktake(t.ctx, p!.id);
    expect(s.summaries.map((x) => [x.sector, x.activities > 0])).toEqual([['government', true], ['private_sector', true], ['civil_society', true], ['international_organisation', true]]);
    expect(s.activities.filter((a) => a.source === 'iati')).toHaveLength(6);
    expect(s.total).toBe(14);
    const [imported] = await listImports(t.ctx, p!.id);
    await expect(t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'amendments'))).rejects.toThrow('process.not_in_phase');
    expect(imported).toMatchObject({ organisationName: 'Solidarity Airwaves Fund (demo)', created: 6, skipped: 0, at: new Date('2002-11-15T09:00:00Z') });
  
    // The declaration and action plan, drafted from the demo consultation and amended at their dates.
    const [declaration, plan] = await getPlan(t.ctx, p!.id);
    expect(declaration).toMatchObject({ kind: 'declaration', status: 'adopted', adoptedAt: new Date('2003-09-26T17:00:00Z'), adoptedByName: user.displayName });
    expect(plan).toMatchObject({ kind: 'action_plan', status: 'adopted', adoptedAt: new Date('2003-12-12T16:00:00Z') });
    expect(plan!.sections.flatMap((s) => s.actionItems.map((i) => i.code))).toEqual(['EW-1', 'EW-2', 'AC-1', 'CN-1']);
    const [first, , third] = declaration!.sections;
    expect(first!.texts.en).toBe('Information should reach every community in its own languages, in writing and by voice.');
    expect(first!.amendments.map((a) => [a.status, a.decidedHow])).toEqual([['accepted', 'owner']]);
    expect(third!.amendments.map((a) => [a.status, a.decidedHow])).toEqual([['rejected', 'vote']]);
    expect(third!.version).toBe(1);
    expect(plan!.sections[0]!.amendments.map((a) => [a.status, a.decidedHow])).toEqual([['accepted', 'vote']]);
    const history = await getSectionHistory(t.ctx, first!.id);
    expect(history.versions.filter((v) => v.lang === 'en').map((v) => [v.version, v.at.toISOString().slice(0, 10)])).toEqual([[1, '2003-02-18'], [2, '2003-02-25']]);
  });
});
