import { FINDINGS } from './findings.js';
import { statsOf } from './measure.js';
import { labelOf, QUERIES } from './queries.js';
import { table } from '../pages/report.js';
import { classTable, consistencyNotes, HEADING, kindStats, kindTable, loadTable, ms, queryTable } from './report.js';
import type { EngineRun } from './run.js';
import { KINDS } from './targets.js';

/** A whole run as saved with `--save`: enough to render it again, or to show it as "before" beside a later run. */
export type SavedRun = { date: string; machine: string; code: string; method: string; engines: EngineRun[]; notes?: string[] };

function beforeAfter(before: SavedRun, after: SavedRun) {
  const names = after.engines.map((e) => e.name).filter((nm) => before.engines.some((b) => b.name === nm));
  const pair = (nm: string) => [before.engines.find((e) => e.name === nm)!, after.engines.find((e) => e.name === nm)!] as const;
  const cell = (s: { p50: number; p95: number; count: number }) => `${ms(s.p50)} / ${ms(s.p95)} (${s.count})`;
  const kinds = KINDS.map(({ kind, label }) => [label, ...names.flatMap((nm) => pair(nm).map((e) => cell(kindStats(e, kind))))]);
  const queries = QUERIES.map((q) => [`API \`${labelOf(q)}\``, ...names.flatMap((nm) => pair(nm).map((e) => ms(statsOf((e.samples.api[labelOf(q)] ?? []).map((x) => x.ms)).p50)))]);
  const head = ['', ...names.flatMap((nm) => [`before · ${nm}`, `after · ${nm}`])];
  const changed = names.map((nm) => {
    const [b, a] = pair(nm);
    const keys = Object.keys(a.samples.api);
    const differ = keys.filter((k) => b.samples.api[k]?.[0]?.fingerprint !== a.samples.api[k]?.[0]?.fingerprint);
    return `${nm}: ${keys.length - differ.length} of ${keys.length} API queries answered the same items in the same order, totals and facet counts before and after`;
  });
  return [
    `Before: ${before.code}, run ${before.date} (${before.method}). After: ${after.code}, this run (${after.method}). Same data, same machine, two runs.`, '',
    'p50 / p95 ms (number of requests):', '', table(head, kinds), '',
    'p50 ms of each API query:', '', table(head, queries), '',
    `${changed.join('; ')}.`,
  ].join('\n');
}

export function renderSection(run: SavedRun, data: string, sampleLabel: string, notes: string[], before?: SavedRun) {
  const engines = run.engines;
  return [
    HEADING, '',
    `Run ${run.date} on ${run.machine}. Code: ${run.code}. ${data}`, '',
    '### Load', '', loadTable(engines, sampleLabel), '',
    '### Latency by kind', '',
    `Sequential requests (one at a time) with \`fetch\` over HTTP on 127.0.0.1, \`Accept-Encoding: gzip\`, an interface language per query; wall time until the last byte of the body; ${run.method}. Nearest-rank percentiles.`, '',
    kindTable(engines), '',
    '### API search by query class', '', classTable(engines, 'api'), '',
    '### Search page by query class', '', classTable(engines, 'page'), '',
    '### Each query', '', queryTable(engines), '',
    ...(before ? ['### Before / after', '', beforeAfter(before, run), '', '### Findings', '', ...FINDINGS.map((f) => `- ${f}`), ''] : []),
    '### Notes', '',
    ...[...notes, ...consistencyNotes(engines)].map((note) => `- ${note}`), '',
  ].join('\n');
}
