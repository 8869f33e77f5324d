import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IatiActivity, IatiBudget } from './iati.js';
import { mapIatiActivity, type MappingNote } from './iati-map.js';
import { parseIatiActivities } from './iati-parse.js';

/** An activity with nothing but what a test sets. */
function activity(over: Partial<IatiActivity> = {}): IatiActivity {
  return {
    identifier: 'XM-DAC-99999-T-1', index: 1, line: 1, lang: 'en', defaultCurrency: 'EUR', lastUpdated: null,
    reportingOrg: { ref: 'XM-DAC-99999', type: '21', name: { en: 'Solidarity Airwaves Fund' } },
    title: { en: 'Test activity' }, descriptions: [], status: '2', dates: {}, recipientCountries: [], recipientRegions: [],
    sectors: [], tags: [], policyMarkers: [], participatingOrgs: [], budgets: [], transactionTotals: [],
    ...over,
  };
}

const budget = (value: number, over: Partial<IatiBudget> = {}): IatiBudget => ({
  type: '1', status: '2', periodStart: '2025-01-01', periodEnd: '2025-12-31', value, currency: 'EUR', valueDate: null, ...over,
});

const sector = (code: string, vocabulary = '1') => ({ code, vocabulary, percentage: null });
const notes = (report: MappingNote[], field: string) => report.filter((n) => n.field === field).map((n) => `${n.status}: ${n.detail}`);

describe('mapIatiActivity on the demo file', () => {
  const parsed = parseIatiActivities(readFileSync(new URL('../../../test/fixtures/iati/demo-activities.xml', import.meta.url), 'utf8'));
  const demo = parsed.ok ? parsed.activities.map((r) => (r.ok ? mapIatiActivity(r.activity) : null)) : [];

  it('maps the Tillabéri radio activity field by field', () => {
    const { activity: a, report } = demo[0]!;
    expect(a).toEqual({
      iatiIdentifier: 'XM-DAC-99999-NE-2024-01',
      reportingOrg: { ref: 'XM-DAC-99999', name: 'Solidarity Airwaves Fund' },
      title: { en: 'Community radio for climate and farming information in Tillabéri', fr: "Radios communautaires pour l'information climatique et agricole à Tillabéri" },
      description: { en: expect.stringMatching(/^Twelve .*topics\.\n\nFarmers and herders/), fr: expect.stringMatching(/^Douze .*\n\nLes agriculteurs/) },
      countries: ['NE'],
      regions: [],
      themes: ['agriculture', 'climate', 'disaster_risk', 'gender', 'connectivity'],
      sdgs: [2, 13],
      status: 'ongoing',
      period: { start: '2024-04-15', end: '2027-03-31' },
      // 118,500 + 142,750.50 (revised 2025, replacing 135,000) + 140,000
      budget: { amount: 401250.5, currency: 'EUR' },
      partners: ['Réseau des radios communautaires du fleuve et du Dallol', 'Association Sahel Ondes Vertes'],
    });
    expect(notes(report, 'themes')).toContain('mapped: sector 43060 (vocabulary 1), Disaster risk reduction → disaster_risk.');
    expect(notes(report, 'budget')).toEqual([
      'mapped: 3 budgets summed: 401250.5 EUR; 1 original budget replaced by revised ones for the same period.',
      'not_mapped: Transactions ignored (type 2: 420000 EUR; type 3: 261250.5 EUR).',
    ]);
  });

  it('maps all six, each with a status, themes and a budget', () => {
    expect(demo.map((d) => [d!.activity.status, d!.activity.budget?.currency, d!.activity.countries.concat(d!.activity.regions).join()])).toEqual([
      ['ongoing', 'EUR', 'NE'], ['ongoing', 'EUR', 'NE'], ['completed', 'EUR', 'KE'], ['ongoing', 'EUR', 'BD'], ['planned', 'USD', 'BO'], ['completed', 'EUR', '289'],
    ]);
    for (const d of demo) expect(d!.activity.themes.length).toBeGreaterThan(1);
    expect(demo[4]!.activity.title['es']).toContain('quechua');
    expect(demo[4]!.activity.budget).toEqual({ amount: 195000, currency: 'USD' });
    expect(demo[2]!.activity.title).toHaveProperty('sw');
  });
});

describe('mapIatiActivity', () => {
  it('maps each activity status, and infers one from dates when there is none', () => {
    const status = (over: Partial<IatiActivity>) => mapIatiActivity(activity(over)).activity.status;
    expect(['1', '2', '3', '4', '5', '6'].map((s) => status({ status: s as IatiActivity['status'] }))).toEqual(['planned', 'ongoing', 'completed', 'completed', 'cancelled', 'ongoing']);
    expect(notes(mapIatiActivity(activity({ status: '6' })).report, 'status')).toEqual(['partly: activity-status 6 (suspended) → ongoing: we have no "suspended" status.']);
    expect(status({ status: null })).toBe('planned');
    expect(status({ status: null, dates: { '2': '2025-01-01' } })).toBe('ongoing');
    expect(status({ status: null, dates: { '2': '2025-01-01', '4': '2025-06-01' } })).toBe('completed');
  });

  it('prefers actual dates to planned ones', () => {
    const period = (dates: IatiActivity['dates']) => mapIatiActivity(activity({ dates })).activity.period;
    expect(period({ '1': '2025-01-01', '2': '2025-02-01', '3': '2026-12-31', '4': '2026-10-15' })).toEqual({ start: '2025-02-01', end: '2026-10-15' });
    expect(period({ '1': '2025-01-01', '3': '2026-12-31' })).toEqual({ start: '2025-01-01', end: '2026-12-31' });
    expect(period({})).toEqual({ start: null, end: null });
    expect(notes(mapIatiActivity(activity({ dates: { '1': '2025-01-01' } })).report, 'period')).toEqual(['partly: Start planned 2025-01-01, end unknown.']);
  });

  it('keeps countries of ISO 3166-1 and reports the others', () => {
    const { activity: a, report } = mapIatiActivity(activity({ recipientCountries: [{ code: 'XK', percentage: 50 }, { code: 'AL', percentage: 50 }, { code: 'AL', percentage: null }] }));
    expect(a.countries).toEqual(['AL']);
    expect(report).toContainEqual({ field: 'countries', status: 'not_mapped', detail: 'Country XK is not an ISO 3166-1 country code we know.', value: 'country XK' });
  });

  it('keeps regions with their names, M49 ones prefixed, and reports a publisher\'s own', () => {
    const { activity: a, report } = mapIatiActivity(activity({ recipientRegions: [{ code: '289', vocabulary: '1', percentage: null }, { code: '202', vocabulary: '2', percentage: null }, { code: 'SAHEL', vocabulary: '99', percentage: null }] }));
    expect(a.regions).toEqual(['289', 'M49:202']);
    expect(notes(report, 'regions')).toEqual([
      'mapped: Region 289 (South of Sahara, regional) kept as a region.',
      'mapped: Region 202 (Sub-Saharan Africa) kept as a region.',
      'not_mapped: Region SAHEL (vocabulary 99) is not a DAC or UN M49 region code.',
    ]);
    expect(notes(mapIatiActivity(activity()).report, 'countries')).toEqual(['not_mapped: The activity names no country or region we could keep.']);
  });

  it('maps DAC sectors to themes, names those it cannot, and reads gender and climate markers', () => {
    const { activity: a, report } = mapIatiActivity(activity({
      sectors: [sector('15110'), sector('122', '2'), sector('99810'), sector('01.1', '3')],
      policyMarkers: [{ code: '1', vocabulary: '1', significance: '2' }, { code: '6', vocabulary: '1', significance: '0' }, { code: '10', vocabulary: '99', significance: '2' }],
    }));
    expect(a.themes).toEqual(['health', 'governance', 'gender']);
    expect(notes(report, 'themes')).toEqual([
      'mapped: sector 15110 (vocabulary 1), Government and civil society, general by its category 151 → governance.',
      'mapped: sector 122 (vocabulary 2), Basic health → health.',
      'not_mapped: sector 99810 (vocabulary 1) not mapped to any theme.',
      'not_mapped: sector 01.1 (vocabulary 3) not mapped: only DAC vocabularies 1 and 2 are read.',
      'mapped: policy marker 1, Gender equality (significance 2) → gender.',
    ]);
  });

  it('reads SDGs from goal and target tags and from SDG sectors, and reports the rest', () => {
    const tag = (code: string, vocabulary: string) => ({ code, vocabulary, percentage: null });
    const { activity: a, report } = mapIatiActivity(activity({
      tags: [tag('13', '2'), tag('4.4', '3'), tag('16.a', '3'), tag('18', '2'), tag('4', '3'), tag('c_330919', '1')],
      sectors: [sector('5', '7'), sector('6.1', '8')],
    }));
    expect(a.sdgs).toEqual([4, 5, 6, 13, 16]);
    expect(a.themes).toEqual([]); // SDG sectors give SDGs, not themes
    expect(report.filter((n) => n.field === 'sdgs' && n.status === 'not_mapped').map((n) => n.value)).toEqual(['tag 18 (vocabulary 2)', 'tag 4 (vocabulary 3)', 'tag c_330919 (vocabulary 1)']);
    expect(notes(report, 'themes')).toEqual(['not_mapped: The activity has no sector that gives a theme (DAC vocabulary 1 or 2).']);
  });

  it('takes partners from participating organisations, not the reporting one, in the activity\'s language', () => {
    const org = (role: '1' | '2' | '3' | '4', name: Record<string, string>, ref: string | null = null) => ({ role, name, ref, type: null });
    const { activity: a, report } = mapIatiActivity(activity({
      lang: 'fr',
      participatingOrgs: [
        org('1', { en: 'Solidarity Airwaves Fund' }, 'XM-DAC-99999'),
        org('4', { en: 'Radio Network', fr: 'Réseau des radios' }),
        org('3', { en: 'Radio Network', fr: 'Réseau des radios' }),
        org('2', {}, 'XM-OCHA-EXAMPLE'),
        org('2', {}),
      ],
    }));
    expect(a.partners).toEqual(['Réseau des radios', 'XM-OCHA-EXAMPLE']);
    expect(notes(report, 'partners')).toEqual(['not_mapped: A participating organisation (role 2) has neither a name nor a ref.', 'mapped: Partners: Réseau des radios; XM-OCHA-EXAMPLE.']);
  });
});

describe('mapIatiActivity budgets', () => {
  const map = (over: Partial<IatiActivity>) => mapIatiActivity(activity(over));

  it('sums budgets in round numbers', () => {
    expect(map({ budgets: [budget(0.1), budget(0.2, { periodStart: '2026-01-01', periodEnd: '2026-12-31' })] }).activity.budget).toEqual({ amount: 0.3, currency: 'EUR' });
    const years = ['2023', '2024', '2025'].map((y) => budget(33333.33, { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` }));
    expect(map({ budgets: years }).activity.budget!.amount).toBe(99999.99);
    expect(map({ budgets: [budget(1234567890.12), budget(0.01, { periodStart: '2026-01-01' })] }).activity.budget!.amount).toBe(1234567890.13);
  });

  it('lets a revised budget replace the original of the same period, not of others', () => {
    const { activity: a, report } = map({ budgets: [budget(100), budget(120, { type: '2' }), budget(50, { periodStart: '2026-01-01', periodEnd: '2026-12-31' })] });
    expect(a.budget).toEqual({ amount: 170, currency: 'EUR' });
    expect(notes(report, 'budget')).toEqual(['mapped: 2 budgets summed: 170 EUR; 1 original budget replaced by revised ones for the same period.']);
  });

  it('keeps the default currency when budgets mix currencies and reports the others as not mapped', () => {
    const { activity: a, report } = map({ budgets: [budget(100), budget(5_000_000, { currency: 'XOF' }), budget(200, { currency: 'USD', periodStart: '2026-01-01' }), budget(300, { currency: 'USD', periodStart: '2027-01-01' })] });
    expect(a.budget).toEqual({ amount: 100, currency: 'EUR' });
    expect(report.filter((n) => n.field === 'budget' && n.status === 'not_mapped')).toEqual([
      { field: 'budget', status: 'not_mapped', detail: '1 budget in XOF (5000000) not added to the EUR total: amounts in different currencies are not summed.', value: 'budget in XOF' },
      { field: 'budget', status: 'not_mapped', detail: '2 budgets in USD (500) not added to the EUR total: amounts in different currencies are not summed.', value: 'budget in USD' },
    ]);
  });

  it('without a default currency among them, keeps the currency of the most budget lines', () => {
    const b = map({ defaultCurrency: null, budgets: [budget(9_000_000, { currency: 'KES' }), budget(10, { currency: 'USD', periodStart: '2026-01-01' }), budget(20, { currency: 'USD', periodStart: '2027-01-01' })] });
    expect(b.activity.budget).toEqual({ amount: 30, currency: 'USD' });
    expect(map({ defaultCurrency: 'GBP', budgets: [budget(1, { currency: 'KES' }), budget(2, { currency: 'USD', periodStart: '2026-01-01' })] }).activity.budget).toEqual({ amount: 1, currency: 'KES' });
  });

  it('uses commitments when there is no budget, and reports an activity with neither', () => {
    const commitments = map({ transactionTotals: [{ type: '3', currency: 'EUR', value: 40 }, { type: '2', currency: 'USD', value: 75.5 }, { type: '2', currency: 'EUR', value: 90 }] });
    expect(commitments.activity.budget).toEqual({ amount: 90, currency: 'EUR' });
    expect(notes(commitments.report, 'budget')).toEqual(['partly: No budget: the commitments, 90 EUR, stand in.']);
    const none = map({});
    expect(none.activity.budget).toBeNull();
    expect(notes(none.report, 'budget')).toEqual(['not_mapped: The activity has no budget and no commitment.']);
  });
});
