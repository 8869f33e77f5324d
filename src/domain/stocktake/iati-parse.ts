import { canonicalLanguageTag } from '../taxonomy/index.js';
import {
  iatiActivityDateType,
  iatiActivityStatus,
  iatiBudgetStatus,
  iatiBudgetType,
  iatiOrganisationRole,
  SUPPORTED_IATI_VERSIONS,
  type IatiActivity,
  type IatiActivityResult,
  type IatiBudget,
  type IatiCoded,
  type IatiError,
  type IatiOrg,
  type IatiParseResult,
} from './iati.js';
import {
  addError,
  attr,
  childrenNamed,
  codeOf,
  currency,
  decimal,
  firstNamed,
  isoDate,
  join,
  language,
  narratives,
  percentage,
  sumAmounts,
  tidyText,
  type ActivityContext,
} from './iati-values.js';
import { readIatiXml, type IatiElement, type Position } from './iati-xml.js';

const refuse = (code: IatiError['code'], detail: string): IatiParseResult => ({ ok: false, errors: [{ code, path: '', detail }] });

/** Why a well-formed file is not an IATI 2.0x activity file, or null when it is one. */
function checkRoot(root: IatiElement): IatiParseResult | null {
  if (root.name === 'iati-organisations') return refuse('not_iati', 'This is an IATI organisation file; import an activity file (<iati-activities>).');
  if (root.name === 'iati-activity') return refuse('not_iati', 'The file holds a single <iati-activity> without the <iati-activities> around it.');
  if (root.name !== 'iati-activities') return refuse('not_iati', `The root element is <${root.name.slice(0, 60)}>, not <iati-activities>: this is not an IATI activity file.`);
  const version = attr(root, 'version');
  if (version === null) return refuse('unsupported_version', 'The file does not say which IATI version it follows (no version attribute on <iati-activities>).');
  if ((SUPPORTED_IATI_VERSIONS as readonly string[]).includes(version)) return null;
  const retired = /^1\.0\d$/.test(version) ? ' IATI retired versions 1.0x in 2019; the publisher can export the file again as 2.03.' : '';
  return refuse('unsupported_version', `The file follows IATI version ${version.slice(0, 20)}; we read ${SUPPORTED_IATI_VERSIONS.join(', ')}.${retired}`);
}

const coded = (ctx: ActivityContext, el: IatiElement, path: string, defaultVocabulary: string): IatiCoded | null => {
  const code = attr(el, 'code');
  const pct = percentage(ctx, el, path);
  if (code === null) {
    addError(ctx, el, 'missing', join(path, '@code'), `<${el.name}> has no code.`);
    return null;
  }
  return { code, vocabulary: attr(el, 'vocabulary') ?? defaultVocabulary, percentage: pct };
};

function org(ctx: ActivityContext, el: IatiElement, path: string): IatiOrg {
  return { ref: attr(el, 'ref'), type: attr(el, 'type'), name: narratives(ctx, el, path) };
}

/** Every element of `name` under `el`, read by `read` with its XPath-like path (`budget[2]`); failures dropped. */
function each<T>(el: IatiElement, name: string, read: (child: IatiElement, path: string) => T | null): T[] {
  const out: T[] = [];
  for (const [i, child] of childrenNamed(el, name).entries()) {
    const value = read(child, `${name}[${i + 1}]`);
    if (value !== null) out.push(value);
  }
  return out;
}

function budget(ctx: ActivityContext, el: IatiElement, path: string, defaultCurrency: string | null): IatiBudget | null {
  const type = codeOf(ctx, el, path, 'type', iatiBudgetType, '1');
  const status = codeOf(ctx, el, path, 'status', iatiBudgetStatus, '1');
  const [startEl, endEl, valueEl] = [firstNamed(el, 'period-start'), firstNamed(el, 'period-end'), firstNamed(el, 'value')];
  if (!startEl || !endEl || !valueEl) {
    const absent = [startEl ? '' : 'period-start', endEl ? '' : 'period-end', valueEl ? '' : 'value'].filter(Boolean).join(', ');
    addError(ctx, el, 'missing', path, `The budget has no ${absent}.`);
    return null;
  }
  const periodStart = isoDate(ctx, startEl, join(path, 'period-start'));
  const periodEnd = isoDate(ctx, endEl, join(path, 'period-end'));
  const value = decimal(ctx, valueEl, join(path, 'value'), valueEl.text, { min: 0 });
  const valueDate = isoDate(ctx, valueEl, join(path, 'value'), 'value-date', false);
  const cur = currency(ctx, valueEl, join(path, 'value/@currency'), attr(valueEl, 'currency')) ?? defaultCurrency;
  if (cur === null && attr(valueEl, 'currency') === null) {
    addError(ctx, valueEl, 'missing_currency', join(path, 'value/@currency'), 'The budget value has no currency and the activity has no default-currency.');
  }
  if (periodStart && periodEnd && periodEnd < periodStart) {
    addError(ctx, el, 'invalid_period', path, `The budget period ends (${periodEnd}) before it starts (${periodStart}).`);
    return null;
  }
  if (!type || !status || !periodStart || !periodEnd || value === null || !cur) return null;
  return { type, status, periodStart, periodEnd, value, currency: cur, valueDate };
}

/** Transactions summed by type and currency: a stocktake needs totals, not ledgers. */
function transactionTotals(ctx: ActivityContext, el: IatiElement, defaultCurrency: string | null): IatiActivity['transactionTotals'] {
  const totals = new Map<string, { type: string; currency: string; values: number[] }>();
  each(el, 'transaction', (tx, path) => {
    const type = attr(firstNamed(tx, 'transaction-type') ?? tx, 'code');
    const valueEl = firstNamed(tx, 'value');
    if (!type || !valueEl) {
      addError(ctx, tx, 'missing', path, `The transaction has no ${type ? 'value' : 'transaction-type'}.`);
      return null;
    }
    const value = decimal(ctx, valueEl, join(path, 'value'), valueEl.text);
    const cur = currency(ctx, valueEl, join(path, 'value/@currency'), attr(valueEl, 'currency')) ?? defaultCurrency;
    if (value === null || cur === null) {
      if (value !== null) addError(ctx, valueEl, 'missing_currency', join(path, 'value/@currency'), 'The transaction value has no currency and the activity has no default-currency.');
      return null;
    }
    const key = `${type} ${cur}`;
    const total = totals.get(key) ?? { type, currency: cur, values: [] };
    total.values.push(value);
    totals.set(key, total);
    return null;
  });
  return [...totals.values()].map(({ type, currency, values }) => ({ type, currency, value: sumAmounts(values) }));
}

function activityDates(ctx: ActivityContext, el: IatiElement): IatiActivity['dates'] {
  const dates: IatiActivity['dates'] = {};
  const elements: Partial<Record<string, IatiElement>> = {};
  each(el, 'activity-date', (d, path) => {
    const type = codeOf(ctx, d, path, 'type', iatiActivityDateType);
    const date = isoDate(ctx, d, path);
    if (type && date && !dates[type]) [dates[type], elements[type]] = [date, d];
    return null;
  });
  for (const [start, end, which] of [['1', '3', 'planned'], ['2', '4', 'actual']] as const) {
    const [s, e] = [dates[start], dates[end]];
    if (s && e && e < s) addError(ctx, elements[end]!, 'invalid_period', 'activity-date', `The ${which} end (${e}) is before the ${which} start (${s}).`);
  }
  return dates;
}

type FileContext = { positionOf: (offset: number) => Position; lang: string; seen: Set<string> };

function readActivity(el: IatiElement, index: number, file: FileContext): IatiActivityResult {
  const line = file.positionOf(el.start).line;
  const ctx: ActivityContext = { errors: [], positionOf: file.positionOf, lang: file.lang };
  const idEl = firstNamed(el, 'iati-identifier');
  const identifier = idEl ? tidyText(idEl.text) || null : null;
  if (identifier === null) addError(ctx, idEl ?? el, 'missing', 'iati-identifier', 'The activity has no iati-identifier.');
  else if (file.seen.has(identifier)) addError(ctx, idEl!, 'duplicate_identifier', 'iati-identifier', `An earlier activity in this file has the identifier ${identifier}.`);
  if (identifier !== null) file.seen.add(identifier);

  const rawLang = el.attrs['xml:lang'];
  if (rawLang !== undefined) ctx.lang = language(ctx, el, '@xml:lang', rawLang) ?? ctx.lang;
  const defaultCurrency = currency(ctx, el, '@default-currency', attr(el, 'default-currency'));
  const titleEl = firstNamed(el, 'title');
  const title = titleEl ? narratives(ctx, titleEl, 'title') : {};
  if (Object.keys(title).length === 0) addError(ctx, titleEl ?? el, 'missing', 'title', 'The activity has no title.');
  const statusEl = firstNamed(el, 'activity-status');
  const reportingEl = firstNamed(el, 'reporting-org');

  const activity: IatiActivity = {
    identifier: identifier ?? '',
    index,
    line,
    lang: ctx.lang,
    defaultCurrency,
    lastUpdated: attr(el, 'last-updated-datetime'),
    reportingOrg: reportingEl ? org(ctx, reportingEl, 'reporting-org') : null,
    title,
    descriptions: each(el, 'description', (d, path) => {
      const text = narratives(ctx, d, path);
      return Object.keys(text).length > 0 ? { type: attr(d, 'type') ?? '1', text } : null;
    }),
    status: statusEl ? codeOf(ctx, statusEl, 'activity-status', 'code', iatiActivityStatus) : null,
    dates: activityDates(ctx, el),
    recipientCountries: each(el, 'recipient-country', (c, path) => {
      const code = coded(ctx, c, path, '');
      return code && { code: code.code.toUpperCase(), percentage: code.percentage };
    }),
    recipientRegions: each(el, 'recipient-region', (r, path) => coded(ctx, r, path, '1')),
    sectors: each(el, 'sector', (s, path) => coded(ctx, s, path, '1')),
    tags: each(el, 'tag', (t, path) => coded(ctx, t, path, '1')),
    policyMarkers: each(el, 'policy-marker', (p) => {
      const code = attr(p, 'code');
      return code === null ? null : { code, vocabulary: attr(p, 'vocabulary') ?? '1', significance: attr(p, 'significance') };
    }),
    participatingOrgs: each(el, 'participating-org', (p, path) => {
      const role = codeOf(ctx, p, path, 'role', iatiOrganisationRole);
      return role && { ...org(ctx, p, path), role };
    }),
    budgets: each(el, 'budget', (b, path) => budget(ctx, b, path, defaultCurrency)),
    transactionTotals: transactionTotals(ctx, el, defaultCurrency),
  };
  return ctx.errors.length > 0 ? { ok: false, index, identifier, line, errors: ctx.errors } : { ok: true, activity };
}

/**
 * Reads an IATI activity file (Standard 2.01–2.03). The whole file is refused — `{ ok: false }`, errors at
 * path '' — when it is larger than IATI_MAX_BYTES, not XML (with line and column), has a DOCTYPE or entity
 * declaration, is not `<iati-activities>`, or follows another version. Otherwise each `<iati-activity>`
 * gets a result in file order: the activity, or every reason it was skipped (no identifier or title, a
 * malformed date, a value that is not a number, a code outside its codelist…) — one bad activity never
 * stops the others. Pure; the same text always gives the same result.
 */
export function parseIatiActivities(xml: string): IatiParseResult {
  const read = readIatiXml(xml);
  if (!read.ok) return read;
  const { root, positionOf } = read;
  const refusal = checkRoot(root);
  if (refusal) return refusal;
  const rawLang = root.attrs['xml:lang'];
  const fileLang = rawLang === undefined ? 'en' : canonicalLanguageTag(rawLang.trim());
  if (fileLang === null) return refuse('invalid_language', `The file's xml:lang "${rawLang!.slice(0, 20)}" is not a language code.`);
  const file: FileContext = { positionOf, lang: fileLang, seen: new Set() };
  const activities = childrenNamed(root, 'iati-activity').map((el, i) => readActivity(el, i + 1, file));
  return { ok: true, version: attr(root, 'version')!, activities };
}
