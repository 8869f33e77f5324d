import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/domain/demo/demo.service.js';
import { LINKS } from '../test/browser/network.js';
import { CHROMIUM_ARGS, measureFirstVisit, summarize, type Sample, type Target } from './web/measure.js';
import { discoverPageTypes } from '../test/browser/network.js';
import { startDemoNode } from './web/node.js';
import { REFERENCE, startReferenceServer } from './web/reference.js';
import { updateDocs } from './pages/report.js';
import { machine, renderSection, type Row, type WebRun } from './web/report.js';

/**
 * `npm run bench:web`: every page type of a demo node at emulated 2G and EDGE in Chromium, first
 * visits, beside a saved page of a well-known site served locally. See docs/benchmarks.md.
 */
const RUNS = 3;
const links = [LINKS['2G'], LINKS.EDGE];
const log = (msg: string) => console.error(`[bench:web ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

function headerNotes(ours: Row[], ref: Row | undefined): string[] {
  const per = (rows: Row[]) => {
    const all = rows.flatMap((r) => [...r.byLink.values()].flatMap((s) => s.samples));
    return Math.round(all.reduce((sum, s) => sum + s.headerBytes, 0) / all.reduce((sum, s) => sum + s.requests, 0));
  };
  const refPart = ref ? `, the reference server ${per([ref])}` : '';
  return [`Response headers are counted in the bytes: ${per(ours)} bytes per response on average from us (security headers, cookies)${refPart}. The 14 KB budget in test/browser/weight.test.ts counts bodies only.`];
}

function failureNotes(rows: Row[]): string[] {
  return rows.flatMap((r) => {
    const failures = [...new Set([...r.byLink.values()].flatMap((s) => s.samples.flatMap((x) => x.failures)))];
    return failures.length ? [`${r.label}: requests that failed: ${failures.join(', ')}.`] : [];
  });
}

const node = await startDemoNode();
const reference = await startReferenceServer();
const notes: string[] = [];
if (!reference) {
  const msg = `Comparison skipped: ${REFERENCE.root}${REFERENCE.path} is missing (install the Debian package \`${REFERENCE.package}\`).`;
  console.error(msg);
  notes.push(msg);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
try {
  const pages = await discoverPageTypes(node.baseUrl);
  const targets: Target[] = pages.map((p) => ({
    label: p.label, url: `${node.baseUrl}${p.path}`,
    signIn: p.signInAs ? { loginUrl: `${node.baseUrl}/login`, email: p.signInAs, password: DEMO_PASSWORD } : undefined,
  }));
  if (reference) targets.push({ label: REFERENCE.label, url: reference.url });

  // One unmeasured visit each: warms the server, and lets Chromium ask for /favicon.ico, which it does once per session.
  for (const t of targets) await measureFirstVisit(browser, t, null);

  const samples = new Map<string, Sample[]>();
  for (const link of links) {
    for (let run = 1; run <= RUNS; run++) {
      log(`${link.name}: run ${run}/${RUNS}`);
      for (const t of targets) {
        const s = await measureFirstVisit(browser, t, link);
        samples.set(`${t.url} ${link.name}`, [...(samples.get(`${t.url} ${link.name}`) ?? []), s]);
      }
    }
  }
  const rowOf = (t: Target): Row => ({
    label: t.label, path: new URL(t.url).pathname + new URL(t.url).search,
    byLink: new Map(links.map((l) => [l.name, summarize(samples.get(`${t.url} ${l.name}`)!)])),
  });
  const ours = targets.filter((t) => t.url.startsWith(node.baseUrl)).map(rowOf);
  const ref = reference ? rowOf(targets[targets.length - 1]!) : undefined;
  if (ref) {
    notes.push(
      `Reference: Debian's \`${REFERENCE.package}\` build of docs.python.org/3.11${REFERENCE.path} with all its assets (stylesheets, scripts, logo and icon), ` +
        'served from loopback by a minimal static server: gzip level 6 for HTML/CSS/JS/SVG, Content-Length, Cache-Control and Vary, nothing else. ' +
        "Debian links jQuery and underscore to unminified system copies; the server substitutes Debian's minified ones, as docs.python.org serves minified files. " +
        'The live site also loads analytics and a version switcher, which this offline build lacks: the reference is, if anything, lighter than the real page.',
    );
  }
  notes.push(...headerNotes(ours, ref), ...failureNotes([...ours, ...(ref ? [ref] : [])]),
    'Chromium asks for /favicon.ico once per browser session (we answer an empty, cacheable 404); the warm-up visits absorbed that request, so it is not in the rows.');
  const run: WebRun = { chromium: `Chromium ${browser.version()}`, runs: RUNS, links, ours, reference: ref, notes };
  const section = renderSection(run, machine());
  console.log(section);
  updateDocs(fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)), section);
  log('docs/benchmarks.md updated');
} finally {
  await browser.close();
  await reference?.stop();
  await node.stop();
}
