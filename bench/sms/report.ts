import { table } from '../pages/report.js';
import type { RunResult } from './run.js';

/** A whole benchmark run as saved with `--save`, enough to render the section again. */
export type SavedRun = {
  date: string;
  machine: string;
  settings: { subscribers: number; window: number; tps: number; graceMs: number; dropEvery: number };
  results: RunResult[];
  notes: string[];
};

export const HEADING = '## bench:sms';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const mb = (bytes: number) => `${n(bytes / 2 ** 20)} MB`;
const counts = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k || '(none)'} ${n(v)}`).join(', ') || '—';

function resultRow(r: RunResult) {
  const v = r.verdict;
  const losses = v.incomplete > 0 ? `${n(v.losses)} (${n(v.incomplete)} incomplete)` : n(v.losses);
  return [
    r.engine, r.mode, s(r.completeMs), s(r.firstSegmentMs), n(r.segmentsPerS), n(r.messagesPerS), mb(r.peakRssBytes),
    `${n(v.segments)} / ${n(r.expectedSegments)}`, n(v.exactlyOnce), `**${n(v.duplicates)}**`, `**${losses}**`,
    v.wrongText + v.strangers + v.straySegments > 0 ? `${n(v.wrongText)} / ${n(v.strangers)} / ${n(v.straySegments)}` : '0',
    r.crashes.length === 0 ? '0' : r.crashes.map((c) => `at ${s(c.atMs)}: ${c.signal ?? `code ${c.code}`}`).join('; '),
  ];
}

function fateCell(r: RunResult, status: string) {
  const f = r.fault!.fates.find((x) => x.status === status);
  if (!f || f.count === 0) return '0';
  const partial = f.partial > 0 ? ` + ${n(f.partial)} in part` : '';
  const open = f.open > 0 ? `, ${n(f.open)} still open` : '';
  return `${n(f.count)} (${n(f.atSmsc)}${partial} at the SMSC): ${n(f.settled)} settled by a receipt, ${n(f.resent)} sent again${open}; **${n(f.resentAlthoughAtSmsc)}** sent again although at the SMSC, **${n(f.settledAlthoughNotAtSmsc)}** settled although not`;
}

function faultRow(r: RunResult) {
  const f = r.fault!;
  return [
    r.engine, n(f.drops), `${s(f.killedAtMs)} (${n(f.reachedAtKill)} reached)`, `${s(f.respawnMs)} + ${s(f.restartMs)}`,
    fateCell(r, 'sending'), fateCell(r, 'uncertain'), n(r.requeued), n(r.unrecorded), counts(r.outbox.byStatus), counts(r.outbox.byAttempts),
  ];
}

/** The issue's bar: every subscriber gets the alert once, in every run. */
function verdictOf(results: RunResult[]) {
  const cell = (r: RunResult) => `${r.engine} ${r.mode}: ${n(r.verdict.duplicates)} duplicates, ${n(r.verdict.losses)} losses`;
  const failed = results.filter((r) => r.verdict.duplicates + r.verdict.losses > 0);
  return failed.length === 0
    ? `Verdict: **0 duplicates and 0 losses in every run** (${results.map((r) => `${r.engine} ${r.mode}`).join(', ')}).`
    : `Verdict: **not met** — duplicates and losses must both be 0: ${failed.map(cell).join('; ')}. Causes in the notes.`;
}

function progressRow(r: RunResult) {
  const deciles = (r.deciles ?? []).map((t) => (t === null ? '—' : `${Math.round(t)}`));
  return [r.engine, r.mode, ...deciles, counts(r.receiptAttempts ?? {})];
}

/** The `## bench:sms` section: settings, the results table, what the fault runs went through, method and notes. */
export function renderSection(run: SavedRun, method: string[], findings: string[]): string {
  const st = run.settings;
  const faults = run.results.filter((r) => r.fault);
  const loads = run.results.map((r) => `${r.engine} ${r.mode} ${s(r.loadMs)}`).join(', ');
  return [
    HEADING, '',
    `Run ${run.date} on ${run.machine}. ${n(st.subscribers)} subscribers, one alert; SMPP window ${st.window}, throughput cap ${n(st.tps)} submit_sm/s, uncertain grace ${st.graceMs / 1000} s; fault runs: the SMSC drops the link every ${n(st.dropEvery)} accepted segments and the node is SIGKILLed once when half the subscribers are reached. Bulk load of the subscribers (setup, not in the times below): ${loads}.`, '',
    '### Results', '',
    'Counted from the SMSC\'s own log: a message is a lone segment or every part of one UDH reference, per destination number. Duplicates: subscribers with more than one whole message; losses: with none.', '',
    table(
      ['Engine', 'Run', 'Time to complete', 'Spawn → first SMS', 'Segments/s', 'Messages/s', 'Peak RSS (node)', 'Segments at the SMSC / expected', 'Exactly once, right text', 'Duplicates', 'Losses', 'Wrong text / strangers / stray segments', 'Node exits not caused by the benchmark'],
      run.results.map(resultRow),
    ), '',
    verdictOf(run.results), '',
    '### Progress', '',
    'Seconds from the node\'s spawn until a share of the subscribers had their whole message; then the SMSC\'s attempts to hand the node its delivery receipts (a receipt not answered within 10 s is sent again).', '',
    table(['Engine', 'Run', ...Array.from({ length: 10 }, (_, i) => `${(i + 1) * 10} %`), 'Receipt deliver_sm attempts'], run.results.map(progressRow)), '',
    ...(faults.length > 0
      ? [
        '### Fault runs: what the node went through', '',
        table(
          ['Engine', 'Link drops', 'SIGKILL at', 'Kill → respawn + respawn → first SMS', '`sending` at the kill (marked uncertain at the restart)', '`uncertain` at the kill (answers lost to link drops)', 'Queued again after the grace period (whole run)', 'SMSC segments the node never recorded', 'Outbox at the end', 'Attempts → messages'],
          faults.map(faultRow),
        ), '',
      ]
      : []),
    '### Method', '',
    ...method.map((m) => `- ${m}`), '',
    ...(findings.length + run.notes.length > 0 ? ['### Notes', '', ...[...findings, ...run.notes].map((m) => `- ${m}`), ''] : []),
  ].join('\n');
}
