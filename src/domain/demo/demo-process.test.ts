import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { assertInPhase, listPhaseChanges, listProcesses } from '../process/process.service.js';
import { listImports } from '../stocktake/stocktake-import.service.js';
import { getStocktake } from '../stocktake/stocktake.service.js';
import { seedDemoProcess } from './demo-process.js';

const t = useTestContext();

describe('the demo process', () => {
  it('walks the annex’s phases from PrepCom I to action, stands at PrepCom II, and is seeded once', async () => {
    expect(await seedDemoProcess(t.ctx, 'nobody@example.org')).toBe(false);
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

    expect(p!.activePhaseId).toBe(p!.phases[2]!.id);
    const changes = await listPhaseChanges(t.ctx, p!.id);
    expect(changes.map((c) => [c.at.toISOString().slice(0, 10), c.byName])).toEqual([['2002-07-06', user.displayName], ['2003-02-17', user.displayName]]);
    // As in the demo consultation, statements and votes are open; stocktakes are over.
    await t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'voting'));
    await expect(t.ctx.db.transaction((tx) => assertInPhase(tx, p!.id, 'stocktaking'))).rejects.toThrow('process.not_in_phase');

    // Stocktakes from every sector were recorded during the stocktaking phase, and the demo IATI file imported.
    const s = await getStocktake(t.ctx, p!.id);
    expect(s.summaries.map((x) => [x.sector, x.activities > 0])).toEqual([['government', true], ['private_sector', true], ['civil_society', true], ['international_organisation', true]]);
    expect(s.activities.filter((a) => a.source === 'iati')).toHaveLength(6);
    expect(s.total).toBe(14);
    const [imported] = await listImports(t.ctx, p!.id);
    expect(imported).toMatchObject({ organisationName: 'Solidarity Airwaves Fund (demo)', created: 6, skipped: 0, at: new Date('2002-11-15T09:00:00Z') });
  });
});
