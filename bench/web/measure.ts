import type { Browser } from 'playwright-core';
import { NetworkMeter, type Link } from '../../test/browser/network.js';

export type Target = { label: string; url: string; signIn?: { loginUrl: string; email: string; password: string } };
export type Sample = { wireBytes: number; headerBytes: number; loadMs: number; requests: number; failures: string[] };
export type Series = { samples: Sample[]; wireBytes: Stat; headerBytes: Stat; loadMs: Stat; requests: number };
export type Stat = { median: number; min: number; max: number };

/** The same launch flags as the browser suite (test/browser/harness.ts): no calls home, no QUIC. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A first visit in a fresh context (signed in first when the page needs it, then the cache emptied); null link = no emulation. */
export async function measureFirstVisit(browser: Browser, target: Target, link: Link | null): Promise<Sample> {
  const ctx = await browser.newContext({ locale: 'en', extraHTTPHeaders: { 'Accept-Language': 'en' }, viewport: { width: 390, height: 844 } });
  try {
    const page = await ctx.newPage();
    const meter = await NetworkMeter.attach(page);
    if (target.signIn) {
      await page.goto(target.signIn.loginUrl);
      await page.locator('form[action="/login"] input[name="email"]').fill(target.signIn.email);
      await page.locator('form[action="/login"] input[name="password"]').fill(target.signIn.password);
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('form[action="/login"] button[type="submit"]').click()]);
      await meter.clearCache();
    }
    await meter.throttle(link);
    const visit = await meter.visit(target.url);
    const document = visit.transfers.find((t) => t.type === 'Document');
    if (document?.status !== 200) throw new Error(`${target.url} answered ${document?.status}`);
    const onWire = visit.transfers.filter((t) => !t.isFromCache);
    return {
      wireBytes: visit.wireBytes, loadMs: visit.loadMs, requests: onWire.length,
      headerBytes: onWire.reduce((sum, t) => sum + t.headerBytes, 0),
      failures: onWire.filter((t) => t.hasFailed || t.status >= 400).map((t) => `${new URL(t.url).pathname} → ${t.hasFailed ? 'failed' : t.status}`),
    };
  } finally {
    await ctx.close();
  }
}

export function summarize(samples: Sample[]): Series {
  const stat = (xs: number[]): Stat => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
  };
  return { samples, wireBytes: stat(samples.map((s) => s.wireBytes)), headerBytes: stat(samples.map((s) => s.headerBytes)), loadMs: stat(samples.map((s) => s.loadMs)), requests: stat(samples.map((s) => s.requests)).median };
}
