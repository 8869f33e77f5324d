import { table } from '../pages/report.js';
import { statsOf, type Sample, type Stats } from './measure.js';
import { labelOf, QUERIES, type QueryClass } from './queries.js';
import type { EngineRun } from './run.js';
import { KINDS, type Kind } from './targets.js';

export const HEADING = '## bench:search-speed';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
export const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? n(x) : x.toFixed(1));

const all = (byKey: Record<string, Sample[]> | undefined, keys?: string[]) =>
  Object.entries(byKey ?? {}).filter(([k]) => !keys || keys.includes(k)).flatMap(([, s]) => s.map((x) => x.ms));
export const kindStats = (e: EngineRun, kind: Kind): Stats => statsOf(all(e.samples[kind]));

const CLASSES: { cls: QueryClass; label: string }[] = [
  { cls: 'word', label: 'one word (vocabulary concept or common word)' },
  { cls: 'need', label: 'a short need, fr/en/es/ar/pt/sw/ha' },
  { cls: 'typo', label: 'typo' },
  { cls: 'rare', label: 'rare word / word in no practice' },
  { cls: 'facets', label: 'words + facet filters' },
  { cls: 'paging', label: 'page 2 / page 5' },
  { cls: 'browse', label: 'empty query (browse), with or without filters' },
];

export function loadTable(engines: EngineRun[], sampleLabel: string) {
  return table(['Step', ...engines.map((e) => e.name)], [
    ['start (open + migrate)', ...engines.map((e) => `${(e.startMs / 1000).toFixed(1)} s`)],
    [`check: bulk loader vs \`importOpenData\` on ${sampleLabel}, every public table compared`, ...engines.map((e) => `identical (${(e.verified.ms / 1000).toFixed(1)} s)`)],
    ['bulk load: hubs, then 1,000 practices per transaction (multi-row INSERTs; trigger fills search_vector)',
      ...engines.map((e) => `${(e.load.ms / 1000).toFixed(1)} s (${n(e.load.practices / (e.load.ms / 1000))} practices/s, ${n(e.load.texts)} text rows)`)],
    ['ANALYZE', ...engines.map((e) => `${(e.analyzeMs / 1000).toFixed(1)} s`)],
  ]);
}

export function kindTable(engines: EngineRun[]) {
  const head = ['Kind', ...engines.flatMap((e) => [`n · ${e.name}`, `p50 ms · ${e.name}`, `p95 ms · ${e.name}`, `mean ms · ${e.name}`])];
  return table(head, KINDS.map(({ kind, label }) => [label, ...engines.flatMap((e) => {
    const s = kindStats(e, kind);
    return [String(s.count), `**${ms(s.p50)}**`, `**${ms(s.p95)}**`, ms(s.mean)];
  })]));
}

export function classTable(engines: EngineRun[], kind: 'api' | 'page') {
  const rows = CLASSES.flatMap(({ cls, label }) => {
    const keys = QUERIES.filter((q) => q.cls === cls && (kind === 'api' || q.isOnPage)).map(labelOf);
    if (keys.length === 0) return [];
    return [[label, String(keys.length), ...engines.map((e) => {
      const s = statsOf(all(e.samples[kind], keys));
      return `${ms(s.p50)} / ${ms(s.p95)} (${s.count})`;
    })]];
  });
  return table(['Query class', 'queries', ...engines.map((e) => `p50 / p95 ms (n) · ${e.name}`)], rows);
}

/** Per query: hits and median of the API and, where measured, the page; engines side by side. */
export function queryTable(engines: EngineRun[]) {
  const cell = (e: EngineRun, kind: Kind, key: string) => ms(statsOf(all(e.samples[kind], [key])).p50);
  const rows = QUERIES.map((q) => {
    const key = labelOf(q);
    const hits = engines.map((e) => { const total = e.samples.api[key]?.[0]?.total; return total === null || total === undefined ? '—' : n(total); });
    return [`\`${key}\``, q.lang, q.cls, [...new Set(hits)].join(' / '),
      ...engines.map((e) => cell(e, 'api', key)), ...engines.map((e) => (q.isOnPage ? cell(e, 'page', key) : '')),
    ];
  });
  return table(['Query', 'UI', 'class', 'hits', ...engines.map((e) => `API p50 · ${e.name}`), ...engines.map((e) => `page p50 · ${e.name}`)], rows);
}

/** Targets whose results differ between engines (ids in order), or that answered something other than 200. */
export function consistencyNotes(engines: EngineRun[]): string[] {
  const notes: string[] = [];
  for (const { kind } of KINDS) {
    const keys = Object.keys(engines[0]?.samples[kind] ?? {});
    const bad = engines.flatMap((e) => Object.entries(e.samples[kind] ?? {}).filter(([, s]) => s.some((x) => x.status !== 200)).map(([k]) => `${k} (${e.name})`));
    if (bad.length) notes.push(`Non-200 answers for ${kind}: ${bad.join(', ')}.`);
    if (engines.length < 2) continue;
    const differ = keys.filter((k) => new Set(engines.map((e) => e.samples[kind]?.[k]?.[0]?.fingerprint)).size > 1);
    notes.push(differ.length
      ? `${kind}: results differ between engines for ${differ.map((k) => `\`${k}\``).join(', ')}.`
      : `${kind}: every target listed the same results in the same order on both engines.`);
  }
  return notes;
}
