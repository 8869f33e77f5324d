import { execSync } from 'node:child_process';
import type { Link } from '../../test/browser/network.js';
import type { Series } from './measure.js';

export type Row = { label: string; path: string; byLink: Map<string, Series> };
export type WebRun = { chromium: string; runs: number; links: Link[]; ours: Row[]; reference?: Row; notes: string[] };

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const sh = (cmd: string) => execSync(cmd, { encoding: 'utf8' }).trim();
const short = (p: string) => (p.length > 40 ? `${p.slice(0, 22)}…` : p);
const range = (s: { median: number; min: number; max: number }, unit: string) =>
  `${n(s.median)} ${unit} (${s.min === s.max ? 'all runs' : `${n(s.min)}–${n(s.max)}`})`;

export function machine() {
  const mem = /^Mem:\s+(\d+)/m.exec(sh('free -g'))?.[1] ?? '?';
  return { date: sh('date -u'), line: `${sh('nproc')} CPUs, ${mem} GB RAM (free -g), Node ${process.version}` };
}

function cells(row: Row, link: Link) {
  const s = row.byLink.get(link.name);
  return s ? [range(s.wireBytes, 'B'), range(s.loadMs, 'ms'), String(s.requests)] : ['—', '—', '—'];
}

/** "ours vs the reference": medians over our page types against the one reference page, per link. */
function ratioLine(run: WebRun) {
  const ref = run.reference;
  if (!ref) return 'No comparison: the reference page was not measured.';
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const parts = run.links.map((link) => {
    const r = ref.byLink.get(link.name)!;
    const bytes = median(run.ours.map((o) => o.byLink.get(link.name)!.wireBytes.median));
    const load = median(run.ours.map((o) => o.byLink.get(link.name)!.loadMs.median));
    return `${link.name}: ${n(bytes)} B vs ${n(r.wireBytes.median)} B (${(r.wireBytes.median / bytes).toFixed(1)}× fewer bytes), load ${(load / 1000).toFixed(1)} s vs ${(r.loadMs.median / 1000).toFixed(1)} s (${(r.loadMs.median / load).toFixed(1)}× sooner)`;
  });
  return `**Ours (median page type) vs the reference** — ${parts.join('; ')}.`;
}

/** The `## bench:web` section: run facts, method, then one table of page type × link with the reference rows last. */
export function renderSection(run: WebRun, m: ReturnType<typeof machine>) {
  const head = ['Page', 'Link', `Bytes on the wire, median (min–max)`, 'Load event, median (min–max)', 'Requests'];
  const rows = [...run.ours.map((r) => ({ r, name: `${r.label} \`${short(r.path)}\`` })),
    ...(run.reference ? [{ r: run.reference, name: `**Reference:** ${run.reference.label} \`${run.reference.path}\`` }] : [])]
    .flatMap(({ r, name }) => run.links.map((link) => [name, link.name, ...cells(r, link)]));
  const table = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
  const links = run.links.map((l) => `${l.name} = ${l.downKbitS} kbit/s down (${n((l.downKbitS * 1000) / 8)} B/s), ${l.upKbitS} kbit/s up, ${l.latencyMs} ms latency`).join('; ');
  return [
    '## bench:web', '',
    `Run ${m.date} on ${m.line}, ${run.chromium} (Debian, headless, through playwright-core).`, '',
    `Method: each cell is the median of ${run.runs} first visits, each in a fresh browser context (empty cache), JavaScript on, English interface, viewport 390×844. ` +
      `Links are emulated with the DevTools protocol (\`Network.emulateNetworkConditions\`): ${links}. ` +
      'Bytes on the wire are the sum of `encodedDataLength` over every request of the visit (headers + compressed bodies, all resources); ' +
      'load is the time from the document request to the load event, both stamped by Chromium. Runs alternate between our pages and the reference within one process, on loopback.', '',
    table, '',
    ratioLine(run), '',
    ...run.notes.map((note) => `- ${note}`), '',
  ].join('\n');
}
