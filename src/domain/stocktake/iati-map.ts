import { isCountryCode, THEMES, type Theme } from '../taxonomy/index.js';
import type { IatiActivity, IatiTexts } from './iati.js';
import { chooseBudget } from './iati-budget.js';
import { POLICY_MARKER_THEMES, themesOfDacCode } from './iati-dac.js';
import { regionKey, regionName } from './iati-regions.js';

/**
 * From an IATI activity to the fields of a stocktake activity, with a note for every value we placed or
 * could not place. Notes name the field they feed (`themes`, `budget`…); `value` says which IATI value a
 * not-mapped or partly-mapped note is about, so an import summary can count them across activities.
 */
export const STOCKTAKE_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

export type MappedActivity = {
  iatiIdentifier: string;
  /** Who published the activity: the importing service checks it against the organisation importing. */
  reportingOrg: { ref: string | null; name: string | null };
  title: Record<string, string>;
  description: Record<string, string>;
  /** ISO 3166-1 alpha-2 codes of our taxonomy. */
  countries: string[];
  /** Region keys (iati-regions.ts): DAC codes bare, UN M49 codes as "M49:202". */
  regions: string[];
  themes: Theme[];
  sdgs: number[];
  status: StocktakeStatus;
  period: { start: string | null; end: string | null };
  budget: { amount: number; currency: string } | null;
  partners: string[];
};

export type MappingNote = { field: string; status: 'mapped' | 'not_mapped' | 'partly'; detail: string; value?: string };

const STATUS: Record<string, { status: StocktakeStatus; name: string; partly?: string }> = {
  '1': { status: 'planned', name: 'pipeline/identification' },
  '2': { status: 'ongoing', name: 'implementation' },
  '3': { status: 'completed', name: 'finalisation', partly: 'work is over, accounts are not yet closed' },
  '4': { status: 'completed', name: 'closed' },
  '5': { status: 'cancelled', name: 'cancelled' },
  '6': { status: 'ongoing', name: 'suspended', partly: 'we have no "suspended" status' },
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const DESCRIPTION_TYPES: Record<string, string> = { '1': 'general', '2': 'objectives', '3': 'target groups', '4': 'other' };

/** A name in the activity's language, else English, else the first one given. */
function pickName(name: IatiTexts, lang: string): string | null {
  return name[lang] ?? name['en'] ?? Object.values(name)[0] ?? null;
}

/** All descriptions per language, general first (DescriptionType order), as paragraphs. */
function mapDescription(a: IatiActivity, notes: MappingNote[]): Record<string, string> {
  const out: Record<string, string> = {};
  const sorted = [...a.descriptions].sort((x, y) => Number(x.type) - Number(y.type));
  for (const d of sorted) for (const [lang, text] of Object.entries(d.text)) out[lang] = out[lang] ? `${out[lang]}\n\n${text}` : text;
  if (sorted.length === 0) notes.push({ field: 'description', status: 'not_mapped', detail: 'The activity has no description.', value: 'no description' });
  else notes.push({ field: 'description', status: 'mapped', detail: `Description in ${Object.keys(out).join(', ')} (${[...new Set(sorted.map((d) => DESCRIPTION_TYPES[d.type] ?? `type ${d.type}`))].join(', ')}).` });
  return out;
}

function mapCountries(a: IatiActivity, notes: MappingNote[]): string[] {
  const countries: string[] = [];
  for (const { code, percentage } of a.recipientCountries) {
    if (!isCountryCode(code)) {
      notes.push({ field: 'countries', status: 'not_mapped', detail: `Country ${code} is not an ISO 3166-1 country code we know.`, value: `country ${code}` });
    } else if (!countries.includes(code)) {
      countries.push(code);
      notes.push({ field: 'countries', status: 'mapped', detail: `Country ${code} mapped${percentage === null ? '' : ` (${percentage}% of the activity; shares are not kept)`}.` });
    }
  }
  return countries;
}

function mapRegions(a: IatiActivity, notes: MappingNote[]): string[] {
  const regions: string[] = [];
  for (const { code, vocabulary } of a.recipientRegions) {
    const key = regionKey(code, vocabulary);
    if (key === null) {
      notes.push({ field: 'regions', status: 'not_mapped', detail: `Region ${code} (vocabulary ${vocabulary}) is not a DAC or UN M49 region code.`, value: `region ${code} (vocabulary ${vocabulary})` });
      continue;
    }
    if (!regions.includes(key)) regions.push(key);
    const name = regionName(key);
    notes.push({ field: 'regions', status: 'mapped', detail: `Region ${code}${name ? ` (${name})` : ''} kept as a region.` });
  }
  return regions;
}

const SDG_GOAL = /^([1-9]|1[0-7])$/;
const SDG_TARGET = /^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$/;
const SDG_VOCABULARIES: Record<string, { kind: string; pattern: RegExp }> = {
  tag2: { kind: 'SDG goal', pattern: SDG_GOAL },
  tag3: { kind: 'SDG target', pattern: SDG_TARGET },
  sector7: { kind: 'SDG goal', pattern: SDG_GOAL },
  sector8: { kind: 'SDG target', pattern: SDG_TARGET },
};

/** SDG goal numbers from tags (vocabulary 2 goals, 3 targets) and SDG sectors (7, 8); other tags are not mapped. */
function mapSdgs(a: IatiActivity, notes: MappingNote[]): number[] {
  const sdgs = new Set<number>();
  const codes = [...a.tags.map((t) => ({ ...t, element: 'tag' })), ...a.sectors.filter((s) => s.vocabulary === '7' || s.vocabulary === '8').map((s) => ({ ...s, element: 'sector' }))];
  for (const { code, vocabulary, element } of codes) {
    const sdg = SDG_VOCABULARIES[`${element}${vocabulary}`];
    const label = `${element} ${code} (vocabulary ${vocabulary})`;
    if (sdg && sdg.pattern.test(code)) {
      const goal = Number(code.split('.')[0]);
      sdgs.add(goal);
      notes.push({ field: 'sdgs', status: 'mapped', detail: `${label}, ${sdg.kind} → SDG ${goal}.` });
    } else {
      notes.push({ field: 'sdgs', status: 'not_mapped', detail: sdg ? `${label} is not an ${sdg.kind}.` : `${label} is not an SDG vocabulary.`, value: label });
    }
  }
  return [...sdgs].sort((x, y) => x - y);
}

function mapThemes(a: IatiActivity, notes: MappingNote[]): Theme[] {
  const themes = new Set<Theme>();
  for (const { code, vocabulary } of a.sectors) {
    if (vocabulary === '7' || vocabulary === '8') continue; // SDG sectors: see mapSdgs
    const label = `sector ${code} (vocabulary ${vocabulary})`;
    const found = themesOfDacCode(code, vocabulary);
    if (found) {
      found.themes.forEach((t) => themes.add(t));
      const via = found.rule === 'category' && vocabulary === '1' ? ` by its category ${code.slice(0, 3)}` : '';
      notes.push({ field: 'themes', status: 'mapped', detail: `${label}, ${found.name}${via} → ${found.themes.join(', ')}.` });
    } else {
      const why = vocabulary === '1' || vocabulary === '2' ? 'not mapped to any theme' : 'not mapped: only DAC vocabularies 1 and 2 are read';
      notes.push({ field: 'themes', status: 'not_mapped', detail: `${label} ${why}.`, value: label });
    }
  }
  for (const { code, vocabulary, significance } of a.policyMarkers) {
    const marker = vocabulary === '1' ? POLICY_MARKER_THEMES[code] : undefined;
    if (!marker || !significance || !/^[1-4]$/.test(significance)) continue; // other markers may be ignored
    themes.add(marker.theme);
    notes.push({ field: 'themes', status: 'mapped', detail: `policy marker ${code}, ${marker.name} (significance ${significance}) → ${marker.theme}.` });
  }
  if (!a.sectors.some((s) => s.vocabulary !== '7' && s.vocabulary !== '8')) {
    notes.push({ field: 'themes', status: 'not_mapped', detail: 'The activity has no sector that gives a theme (DAC vocabulary 1 or 2).', value: 'no sector' });
  }
  return THEMES.filter((t) => themes.has(t));
}

function mapStatus(a: IatiActivity, notes: MappingNote[]): StocktakeStatus {
  const known = a.status ? STATUS[a.status] : undefined;
  if (known) {
    const detail = `activity-status ${a.status} (${known.name}) → ${known.status}`;
    notes.push(known.partly ? { field: 'status', status: 'partly', detail: `${detail}: ${known.partly}.`, value: `activity-status ${a.status}` } : { field: 'status', status: 'mapped', detail: `${detail}.` });
    return known.status;
  }
  // No status: the dates that happened say the most.
  const status: StocktakeStatus = a.dates['4'] ? 'completed' : a.dates['2'] ? 'ongoing' : 'planned';
  notes.push({ field: 'status', status: 'partly', detail: `No activity-status: ${status}, from the activity dates.`, value: 'no activity-status' });
  return status;
}

function mapPeriod(a: IatiActivity, notes: MappingNote[]): MappedActivity['period'] {
  const start = a.dates['2'] ?? a.dates['1'] ?? null;
  const end = a.dates['4'] ?? a.dates['3'] ?? null;
  if (!start && !end) {
    notes.push({ field: 'period', status: 'not_mapped', detail: 'The activity has no dates.', value: 'no activity-date' });
  } else {
    const which = (actual: string | undefined, date: string | null) => (date ? `${actual ? 'actual' : 'planned'} ${date}` : 'unknown');
    notes.push({ field: 'period', status: start && end ? 'mapped' : 'partly', detail: `Start ${which(a.dates['2'], start)}, end ${which(a.dates['4'], end)}.`, ...(start && end ? {} : { value: start ? 'no end date' : 'no start date' }) });
  }
  return { start, end };
}

function mapBudget(a: IatiActivity, notes: MappingNote[]): MappedActivity['budget'] {
  const choice = chooseBudget(a);
  const { budget } = choice;
  if (choice.source === 'none') notes.push({ field: 'budget', status: 'not_mapped', detail: 'The activity has no budget and no commitment.', value: 'no budget' });
  if (choice.source === 'commitments') notes.push({ field: 'budget', status: 'partly', detail: `No budget: the commitments, ${budget!.amount} ${budget!.currency}, stand in.`, value: 'commitments used as budget' });
  if (choice.source === 'budgets') {
    const revised = choice.replaced > 0 ? `; ${count(choice.replaced, 'original budget')} replaced by revised ones for the same period` : '';
    notes.push({ field: 'budget', status: 'mapped', detail: `${count(choice.counted, 'budget')} summed: ${budget!.amount} ${budget!.currency}${revised}.` });
  }
  for (const left of choice.leftOut) {
    notes.push({ field: 'budget', status: 'not_mapped', detail: `${count(left.count, 'budget')} in ${left.currency} (${left.amount}) not added to the ${budget!.currency} total: amounts in different currencies are not summed.`, value: `budget in ${left.currency}` });
  }
  if (a.transactionTotals.length > 0 && choice.source !== 'commitments') {
    const totals = a.transactionTotals.map((t) => `type ${t.type}: ${t.value} ${t.currency}`).join('; ');
    notes.push({ field: 'budget', status: 'not_mapped', detail: `Transactions ignored (${totals}).`, value: 'transactions' });
  }
  return budget;
}

function mapPartners(a: IatiActivity, notes: MappingNote[]): string[] {
  const reporting = a.reportingOrg;
  const reportingName = reporting ? pickName(reporting.name, a.lang) : null;
  const partners: string[] = [];
  for (const org of a.participatingOrgs) {
    const isReporter = (reporting?.ref && org.ref === reporting.ref) || (reportingName !== null && pickName(org.name, a.lang) === reportingName);
    if (isReporter) continue;
    const name = pickName(org.name, a.lang) ?? org.ref;
    if (name === null) {
      notes.push({ field: 'partners', status: 'not_mapped', detail: `A participating organisation (role ${org.role}) has neither a name nor a ref.`, value: 'unnamed participating-org' });
    } else if (!partners.includes(name)) {
      partners.push(name);
    }
  }
  if (partners.length > 0) notes.push({ field: 'partners', status: 'mapped', detail: `Partners: ${partners.join('; ')}.` });
  return partners;
}

/** Maps one parsed activity. Pure; never fails — what cannot be placed is in the report. */
export function mapIatiActivity(a: IatiActivity): { activity: MappedActivity; report: MappingNote[] } {
  const report: MappingNote[] = [{ field: 'title', status: 'mapped', detail: `Title in ${Object.keys(a.title).join(', ')}.` }];
  const activity: MappedActivity = {
    iatiIdentifier: a.identifier,
    reportingOrg: { ref: a.reportingOrg?.ref ?? null, name: a.reportingOrg ? pickName(a.reportingOrg.name, a.lang) : null },
    title: { ...a.title },
    description: mapDescription(a, report),
    countries: mapCountries(a, report),
    regions: mapRegions(a, report),
    themes: mapThemes(a, report),
    sdgs: mapSdgs(a, report),
    status: mapStatus(a, report),
    period: mapPeriod(a, report),
    budget: mapBudget(a, report),
    partners: mapPartners(a, report),
  };
  if (activity.countries.length === 0 && activity.regions.length === 0) {
    report.push({ field: 'countries', status: 'not_mapped', detail: 'The activity names no country or region we could keep.', value: 'no country or region' });
  }
  return { activity, report };
}
