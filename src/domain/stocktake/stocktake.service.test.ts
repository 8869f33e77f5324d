import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { makeProcess } from '../../../test/process-factories.js';
import { activityInput, makeMember } from '../../../test/stocktake-factories.js';
import { changePhase } from '../process/process.service.js';
import { getStocktake, recordActivity, updateActivity } from './stocktake.service.js';

const t = useTestContext();

describe('stocktake activities', () => {
  it('records an activity for the member’s own organisation, with areas as keys and texts per language', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor, organisation } = await makeMember(t.ctx, 'government');
    const a = await recordActivity(t.ctx, actor, process.id, activityInput({ adminAreas: ['Tillabéri', 'ML: Ségou'] }));
    expect(a).toMatchObject({
      processId: process.id, organisation: { id: organisation.id, sector: 'government' }, source: 'web', iatiIdentifier: null,
      countries: ['NE', 'ML'], adminAreas: ['NE:tillaberi', 'ML:segou'], themes: ['climate', 'agriculture'], sdgs: [2, 13], wsis: ['C7'],
      budget: { amount: 120000, currency: 'XOF' }, startsOn: '2026-01-01', endsOn: '2027-12-31', status: 'ongoing', originalLanguage: 'fr',
    });
    expect(a.texts.en).toEqual({ title: 'Rural radio and drought alerts', description: 'Twelve stations broadcast forecasts.', communities: 'Herders of the Dallol' });
  });

  it('refuses anonymous people, members of no organisation, another organisation’s members; admins record for any', async () => {
    const { process, admin } = await makeProcess(t.ctx);
    const { organisation } = await makeMember(t.ctx);
    const other = await makeMember(t.ctx);
    const loner = (await makeUser(t.ctx, 'coordinator')).actor;
    await expect(recordActivity(t.ctx, null, process.id, activityInput())).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(recordActivity(t.ctx, loner, process.id, activityInput())).rejects.toMatchObject({ code: 'forbidden', message: 'stocktake.no_organisation' });
    await expect(recordActivity(t.ctx, other.actor, process.id, activityInput({ organisationId: organisation.id }))).rejects.toMatchObject({ code: 'forbidden', message: 'stocktake.not_your_organisation' });
    await expect(recordActivity(t.ctx, admin, process.id, activityInput())).rejects.toMatchObject({ code: 'forbidden', message: 'stocktake.organisation_required' });
    const a = await recordActivity(t.ctx, admin, process.id, activityInput({ organisationId: organisation.id }));
    expect(a.organisation.id).toBe(organisation.id);
    // The other member may not edit it either; its own member may.
    await expect(updateActivity(t.ctx, other.actor, a.id, activityInput())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses writes outside a stocktaking phase, in the same transaction, and writes nothing', async () => {
    const { process, admin } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    const a = await recordActivity(t.ctx, actor, process.id, activityInput());
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[1]!.id });
    await expect(recordActivity(t.ctx, actor, process.id, activityInput())).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    await expect(updateActivity(t.ctx, actor, a.id, activityInput({ status: 'completed' }))).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    const after = await getStocktake(t.ctx, process.id);
    expect(after.total).toBe(1);
    expect(after.activities[0]!.status).toBe('ongoing');
  });

  it('validates with field message keys', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    const bad = activityInput({
      texts: { fr: { title: '', description: '' } }, countries: ['ZZ'], themes: [], sdgs: ['18'], wsis: ['C12'], budgetAmount: '12,5x', budgetCurrency: 'ABC',
      startsOn: '2027-01-01', endsOn: '2026-01-01', status: 'paused', targetGroups: ['aliens'],
    });
    await expect(recordActivity(t.ctx, actor, process.id, bad)).rejects.toMatchObject({
      code: 'invalid',
      fields: {
        'texts.fr.title': 'validation.required', 'countries.0': 'validation.country', themes: 'validation.required', 'sdgs.0': 'validation.invalid_choice',
        'wsis.0': 'validation.invalid_choice', budgetAmount: 'stocktake.invalid_amount', budgetCurrency: 'validation.currency', status: 'validation.invalid_choice', 'targetGroups.0': 'validation.invalid_choice',
      },
    });
    await expect(recordActivity(t.ctx, actor, process.id, activityInput({ startsOn: '2027-01-01', endsOn: '2026-01-01', budgetCurrency: '', countries: ['NE', 'ML'], adminAreas: ['Tillabéri'] }))).rejects.toMatchObject({
      fields: { endsOn: 'stocktake.ends_before_start', budgetCurrency: 'stocktake.currency_required', 'adminAreas.0': 'stocktake.area_needs_country' },
    });
    await expect(recordActivity(t.ctx, actor, process.id, activityInput({ hubIds: [crypto.randomUUID()] }))).rejects.toMatchObject({ fields: { hubIds: 'stocktake.unknown_hub' } });
    expect((await getStocktake(t.ctx, process.id)).total).toBe(0);
  });

  it('lets a member edit their organisation’s activity', async () => {
    const { process } = await makeProcess(t.ctx);
    const { actor } = await makeMember(t.ctx);
    const a = await recordActivity(t.ctx, actor, process.id, activityInput());
    t.clock.advance(60_000);
    const b = await updateActivity(t.ctx, actor, a.id, activityInput({ texts: { fr: { title: 'Nouveau titre' } }, budgetAmount: '', budgetCurrency: '', status: 'completed' }));
    expect(b).toMatchObject({ id: a.id, status: 'completed', budget: null, texts: { fr: { title: 'Nouveau titre', description: '', communities: '' } } });
    expect(Object.keys(b.texts)).toEqual(['fr']);
    expect(b.updatedAt.getTime()).toBeGreaterThan(a.updatedAt.getTime());
  });
});

describe('stocktake summaries and gaps', () => {
  it('adds up per sector, filters the list, and lists hub priorities no activity covers', async () => {
    const { process } = await makeProcess(t.ctx);
    const tillaberi = await makeHub(t.ctx, { country: 'NE', adminArea: 'Tillabéri', themes: ['agriculture', 'climate', 'health'] });
    const maradi = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi', themes: ['agriculture', 'gender'] });
    const dhaka = await makeHub(t.ctx, { country: 'BD', adminArea: 'Kurigram', themes: ['disaster_risk'], originalLanguage: 'en', text: { name: 'Radio Dharla', description: '' } });
    const gov = await makeMember(t.ctx, 'government');
    const ngo = await makeMember(t.ctx, 'civil_society');
    await recordActivity(t.ctx, gov.actor, process.id, activityInput());
    await recordActivity(t.ctx, gov.actor, process.id, activityInput({ adminAreas: [], themes: ['gender'], budgetAmount: '1000.50', budgetCurrency: 'EUR' }));
    await recordActivity(t.ctx, ngo.actor, process.id, activityInput({ countries: ['BD'], adminAreas: [], themes: ['disaster_risk'], status: 'cancelled', budgetAmount: '', budgetCurrency: '' }));

    const s = await getStocktake(t.ctx, process.id, { sector: 'government', theme: 'climate', country: 'ne' });
    expect(s.total).toBe(3);
    expect(s.activities).toHaveLength(1);
    expect(s.filters).toEqual({ sector: 'government', theme: 'climate', country: 'NE' });
    expect((await getStocktake(t.ctx, process.id, { sector: 'pirates', theme: '', country: 'XX' })).activities).toHaveLength(3);

    const gov2 = s.summaries.find((x) => x.sector === 'government')!;
    expect(gov2).toEqual({ sector: 'government', activities: 2, organisations: 1, budgets: [{ currency: 'XOF', amount: 120000 }, { currency: 'EUR', amount: 1000.5 }], themes: ['agriculture', 'climate', 'gender'], countries: ['NE'] });
    expect(s.summaries.find((x) => x.sector === 'private_sector')).toMatchObject({ activities: 0, budgets: [] });

    // Tillabéri: agriculture and climate covered (its area named), health not. Maradi: gender covered (whole
    // country), agriculture not (the first activity names Tillabéri only). Kurigram: only a cancelled activity.
    expect(s.gaps.map((g) => [g.areaKey, g.theme, g.hubs.map((h) => h.id)])).toEqual([
      ['BD:kurigram', 'disaster_risk', [dhaka.id]],
      ['NE:maradi', 'agriculture', [maradi.id]],
      ['NE:tillaberi', 'health', [tillaberi.id]],
    ]);
    expect(s.gaps[0]!.hubs[0]!.name).toBe('Radio Dharla');
  });
});
