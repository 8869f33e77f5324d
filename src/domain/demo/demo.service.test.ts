import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { listOrganisations, signIn } from '../accounts/accounts.service.js';
import { listHubs } from '../hubs/hubs.service.js';
import { listPractices } from '../practices/practices.service.js';
import { listConsultations } from '../consultation/consultation-list.service.js';
import { listProcesses } from '../process/process.service.js';
import consultation from './demo-consultation.json' with { type: 'json' };
import stocktake from './demo-stocktake.json' with { type: 'json' };
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './demo.service.js';

const t = useTestContext();

describe('demo content', () => {
  it('loads valid hubs, practices and accounts once, and can be run again', async () => {
    expect(await isEmpty(t.ctx)).toBe(true);
    const first = await seedDemo(t.ctx);
    expect(first.hubs.rejected + first.practices.rejected).toBe(0);
    expect(first.hubs.imported).toBeGreaterThanOrEqual(30);
    expect(first.practices.imported).toBeGreaterThanOrEqual(23);
    const again = await seedDemo(t.ctx);
    expect(again.practices.imported).toBe(0);
    // The demo process (the annex's WSIS phases), made once, acting as the demo admin.
    const processes = await listProcesses(t.ctx);
    expect(processes.map((p) => p.texts.en!.title)).toEqual(['WSIS: community development, from PrepCom I to action']);
    // The demo consultation is linked to it, and its last, active phase lets a visitor record or import stocktakes.
    expect((await listConsultations(t.ctx)).map((c) => c.processId)).toEqual([processes[0]!.id]);
    expect(processes[0]!.phases.at(-1)!.activities).toContain('stocktaking');
    expect(processes[0]!.activePhaseId).toBe(processes[0]!.phases.at(-1)!.id);
    // The delegate's ministry is one of the demo consultation's organisations, which the stocktake reuses: none is made twice.
    const named = new Set([...consultation.organisations, ...stocktake.activities.map((a) => a.organisation), stocktake.iatiOrganisation].map((o) => o.name));
    expect((await listOrganisations(t.ctx)).map((o) => o.name).sort()).toEqual([...named].sort());
    expect(named.size).toBe(consultation.organisations.length + 2);
    for (const a of DEMO_ACCOUNTS) await expect(signIn(t.ctx, { email: a.email, password: DEMO_PASSWORD }, 'demo')).resolves.toBeTruthy();
  });

  it('covers the founding cases, five translations and originals in Hausa, Swahili and Bengali', async () => {
    await seedDemo(t.ctx);
    const all = (await listPractices(t.ctx, null, { perPage: 100 })).items;
    const originals = new Set(all.map((p) => p.originalLanguage));
    for (const lang of ['ha', 'sw', 'bn']) expect(originals).toContain(lang);
    expect(all.filter((p) => Object.keys(p.texts).length >= 2).length).toBeGreaterThanOrEqual(5);
    expect(all.every((p) => p.isDemo)).toBe(true);
    const countries = new Set((await listHubs(t.ctx, null, { perPage: 100 })).items.map((h) => h.country));
    for (const c of ['IN', 'BD', 'NE', 'CA']) expect(countries).toContain(c);
  });
});
