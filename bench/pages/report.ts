import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BUDGET, type Encoding, type Load, type PageSize } from './measure.js';

export type EngineResult = {
  name: string;
  startMs: number;
  loadMs: number;
  records: number;
  rejected: number;
  sizes: Map<string, Record<Encoding, PageSize>>;
  load: Map<string, Load>;
};
export type Run = { data: string; pages: { label: string; path: string }[]; langs: string[]; targets: string[]; engines: EngineResult[]; notes: string[] };

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const sh = (cmd: string) => execSync(cmd, { encoding: 'utf8' }).trim();

export function machine() {
  const mem = /^Mem:\s+(\d+)/m.exec(sh('free -g'))?.[1] ?? '?';
  return { date: sh('date -u'), line: `${sh('nproc')} CPUs, ${mem} GB RAM (free -g), Node ${process.version}, kernel ${sh('uname -r')}` };
}

function sizeCell(s: PageSize | undefined, wanted: Encoding) {
  if (!s) return '—';
  const total = s.html + s.css;
  const served = s.servedAs === wanted ? '' : ` [${s.servedAs}]`;
  const status = s.status === 200 ? '' : ` HTTP ${s.status}`;
  return `${total <= BUDGET ? 'PASS' : 'OVER'} ${n(total)} = ${n(s.html)} + ${n(s.css)}${served}${status}`;
}

export function table(head: string[], rows: string[][]) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The `## bench:pages` section: run facts, then load, page-size and throughput tables with engines side by side. */
export function renderSection(run: Run, m: ReturnType<typeof machine>) {
  const names = run.engines.map((e) => e.name);
  const load = table(['Step', ...names], [
    ['start (open + migrate)', ...run.engines.map((e) => `${(e.startMs / 1000).toFixed(1)} s`)],
    ['import (`importOpenData`)', ...run.engines.map((e) => `${(e.loadMs / 1000).toFixed(1)} s (${n(e.records / (e.loadMs / 1000))} records/s, ${e.rejected} rejected)`)],
  ]);
  const sizeRows = run.pages.flatMap((p) => run.langs.map((lang) => {
    const key = `${p.path} ${lang}`;
    return [`${p.label} \`${p.path.length > 40 ? `${p.path.slice(0, 22)}…` : p.path}\``, lang,
      ...(['gzip', 'br'] as const).flatMap((enc) => run.engines.map((e) => sizeCell(e.sizes.get(key)?.[enc], enc)))];
  }));
  const sizes = table(['Page', 'Lang', ...(['gzip', 'br'] as const).flatMap((enc) => names.map((nm) => `${enc} · ${nm}`))], sizeRows);
  const throughput = table(
    ['Target', ...names.map((nm) => `req/s · ${nm}`), ...names.map((nm) => `p50 / p99 ms · ${nm}`), ...names.map((nm) => `non-2xx / errors · ${nm}`)],
    run.targets.map((t) => [`\`${t.length > 40 ? `${t.slice(0, 22)}…` : t}\``,
      ...run.engines.map((e) => n(e.load.get(t)?.rps ?? 0)),
      ...run.engines.map((e) => `${e.load.get(t)?.p50 ?? '—'} / ${e.load.get(t)?.p99 ?? '—'}`),
      ...run.engines.map((e) => `${e.load.get(t)?.non2xx ?? '—'} / ${e.load.get(t)?.errors ?? '—'}`)]),
  );
  return [
    '## bench:pages', '',
    `Run ${m.date} on ${m.line}. ${run.data}`, '',
    '### Load', '', load, '',
    `### Page weight (compressed HTML + the stylesheet it links, bytes; budget ${n(BUDGET)})`, '',
    'Cell: verdict, total = HTML + CSS; `[x]` means the server answered with encoding x instead of the one asked for.', '',
    sizes, '',
    '### Throughput (autocannon, 10 connections, 10 s, `Accept-Encoding: gzip`, `Accept-Language: en`)', '',
    throughput, '',
    ...run.notes.map((note) => `- ${note}`), '',
  ].join('\n');
}

const HEADER = `# Benchmarks

What each benchmark measures (run it with \`npm run <name>\`):

- \`bench:pages\` — a node loaded with 10,000 published practices and ~100 hubs (deterministic, seeded), on
  PGlite and on PostgreSQL: how long the import takes, the compressed weight of each public page (HTML plus
  its stylesheet, against a 14 KB budget, so a page fits the first round trips of a slow link), and
  requests/s with p50/p99 latency for the practice list and a practice page.

Rule: medians and ratios measured side by side in one run; these machines are shared and noisy. Compare
engines or versions only within one section, never across runs.

`;

/**
 * Replaces only the section whose `## ` heading is the first line of `section` (appending it when
 * absent), creating docs/benchmarks.md with its header when missing.
 */
export function updateDocs(file: string, section: string) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const heading = section.split('\n', 1)[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${heading}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const next = re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}`;
  writeFileSync(file, next);
}
