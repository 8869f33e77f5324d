import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, newContext, signIn, useBrowser } from './harness.js';
import { discoverPageTypes, FIRST_VISIT_BUDGET, LINKS, NetworkMeter, type Link, type PageType, type Transfer, type Visit } from './network.js';

/**
 * Page weight on an emulated 2G link (Chromium's DevTools network emulation), with JavaScript off:
 * a first visit in a fresh context moves at most 14 KB of HTML + CSS bodies (compressed, headers not
 * counted), loads nothing but the document and its one stylesheet, and a repeat visit fetches only the
 * HTML. Load times are printed, not asserted: speed targets live in `npm run bench:web`.
 */
const b = useBrowser();

const pages: PageType[] = [];
const byLabel = (label: string) => pages.find((p) => p.label === label)!;
const rows: string[] = [];

beforeAll(async () => {
  pages.push(...(await discoverPageTypes(baseUrl())));
  // Added here rather than in discoverPageTypes, which the web benchmark shares.
  const processId = /href="\/processes\/([0-9a-f-]{36})"/.exec(await (await fetch(`${baseUrl()}/processes`)).text())?.[1];
  if (!processId) throw new Error('the demo content has no process to visit');
  pages.push({ label: 'Process list', path: '/processes' }, { label: 'Process', path: `/processes/${processId}` }, { label: 'Stocktake', path: `/processes/${processId}/stocktake` });
  const plan = (await (await fetch(`${baseUrl()}/api/v1/processes/${processId}/plan`)).json()) as { documents: { id: string; sections: { id: string }[] }[] };
  const [declaration, actionPlan] = plan.documents;
  if (!declaration || !actionPlan) throw new Error('the demo process has no declaration and action plan');
  pages.push(
    { label: 'Plan', path: `/processes/${processId}/plan` }, { label: 'Plan document', path: `/processes/${processId}/plan/${actionPlan.id}` },
    { label: 'Section history', path: `/processes/${processId}/plan/sections/${declaration.sections[0]!.id}/history` },
  );
  // Five commitments with their charts, bars and stories: the demo's heaviest process page.
  pages.push({ label: 'Accountability', path: `/processes/${processId}/accountability` });
});

afterAll(() => {
  if (rows.length) console.log(['page · lang · link: HTML + CSS body bytes (budget 14,336) · all bytes on the wire · load event · repeat visit', ...rows].join('\n'));
});

/** A fresh context with JavaScript off; a signed-in page starts from an emptied cache. */
async function firstVisit(p: PageType, locale: string, link: Link): Promise<{ ctx: BrowserContext; meter: NetworkMeter; visit: Visit }> {
  const ctx = await newContext(b.browser, { locale, javaScriptEnabled: false });
  const page = await ctx.newPage();
  const meter = await NetworkMeter.attach(page);
  if (p.signInAs) {
    await signIn(page, p.signInAs);
    await meter.clearCache();
  }
  await meter.throttle(link);
  return { ctx, meter, visit: await meter.visit(p.path) };
}

// Chromium asks for /favicon.ico on its own; it is not something the page loads.
const isFaviconProbe = (t: Transfer) => new URL(t.url).pathname === '/favicon.ico';
const compressed = (t: Transfer) => t.headers['content-encoding'] ?? 'identity';

function expectLeanFirstVisit(visit: Visit, path: string) {
  const doc = visit.transfers.find((t) => t.type === 'Document')!;
  expect(doc.status).toBe(200);
  expect(['br', 'gzip']).toContain(compressed(doc));
  expect(doc.headers['cache-control']).toMatch(/^private, no-cache$/);

  // data: URLs cross no network: Chromium's own date-picker icon in a datetime-local field is one.
  const resources = visit.transfers.filter((t) => t !== doc && !isFaviconProbe(t) && !t.url.startsWith('data:'));
  // One stylesheet whose URL carries a content hash (whatever the hash: it changes with style.css).
  expect(resources.map((t) => `${t.type} ${new URL(t.url).pathname}`)).toEqual([expect.stringMatching(/^Stylesheet \/static\/style\.[0-9a-f]{12}\.css$/)]);
  const css = resources[0]!;
  expect(css.isFromCache).toBe(false);
  expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(['br', 'gzip']).toContain(compressed(css));

  for (const probe of visit.transfers.filter(isFaviconProbe)) {
    expect(probe.bodyBytes, '/favicon.ico should be an empty, cacheable answer, not an error page').toBe(0);
    expect(probe.headers['cache-control']).toMatch(/^public, max-age=\d{5,}$/);
  }
  const body = { html: doc.bodyBytes, css: css.bodyBytes };
  expect(body.html + body.css, `${path}: HTML ${body.html} + CSS ${body.css} bytes (compressed bodies)`).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
  return body;
}

async function expectNoScriptNeeded(ctx: BrowserContext) {
  const page = ctx.pages()[0]!;
  expect(await page.locator('script, iframe, object, embed, img, video, audio').count()).toBe(0);
  expect(await page.locator('main h1').first().isVisible()).toBe(true);
}

async function expectRepeatFetchesOnlyHtml(meter: NetworkMeter, path: string) {
  const again = await meter.visit(path);
  const onWire = again.transfers.filter((t) => !t.isFromCache && !isFaviconProbe(t));
  expect(onWire.map((t) => t.type)).toEqual(['Document']);
  for (const css of again.transfers.filter((t) => t.type === 'Stylesheet')) expect(css.wireBytes).toBe(0);
  return again;
}

function report(p: PageType, locale: string, link: Link, visit: Visit, body: { html: number; css: number }, repeat?: Visit) {
  const n = (x: number) => x.toLocaleString('en-US');
  const again = repeat ? `${n(repeat.wireBytes)} B in ${n(repeat.loadMs)} ms` : '—';
  rows.push(`${p.label} · ${locale} · ${link.name}: ${n(body.html)} + ${n(body.css)} = ${n(body.html + body.css)} · ${n(visit.wireBytes)} B · ${n(visit.loadMs)} ms · ${again}`);
}

describe('page weight on 2G (50 kbit/s down, 20 up, 500 ms), JavaScript off', () => {
  const types = ['Home', 'Practice list', 'Practice list, filtered', 'Practice page', 'Practice history', 'Search', 'Hub list', 'Hub page', 'Login', 'Consultation list', 'Consultation', 'Consultation report', 'New practice (coordinator)', 'Alerts', 'New alert (coordinator)', 'Process list', 'Process'];
  it.each(types)('%s (en): first visit ≤ 14 KB of HTML + CSS, one stylesheet, repeat visit fetches only the HTML', async (label) => {
    const p = byLabel(label);
    const { ctx, meter, visit } = await firstVisit(p, 'en', LINKS['2G']);
    try {
      const body = expectLeanFirstVisit(visit, p.path);
      await expectNoScriptNeeded(ctx);
      report(p, 'en', LINKS['2G'], visit, body, await expectRepeatFetchesOnlyHtml(meter, p.path));
    } finally {
      await ctx.close();
    }
  });

  it.each(['Practice list', 'Practice page', 'Search', 'Consultation report', 'New alert (coordinator)', 'Process'])('%s (ar): first visit ≤ 14 KB of HTML + CSS, one stylesheet', async (label) => {
    const p = byLabel(label);
    const { ctx, visit } = await firstVisit(p, 'ar', LINKS['2G']);
    try {
      const body = expectLeanFirstVisit(visit, p.path);
      await expectNoScriptNeeded(ctx);
      report(p, 'ar', LINKS['2G'], visit, body);
    } finally {
      await ctx.close();
    }
  });
});
