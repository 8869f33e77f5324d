import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { newContext } from './harness.js';

/** Every journey runs twice: the site must work the same with and without JavaScript. */
export const MODES = [
  { name: 'js', javaScriptEnabled: true },
  { name: 'nojs', javaScriptEnabled: false },
] as const;

/** A fresh context and page; actions give up after 10 s so a missing element fails fast. */
export async function openPage(browser: Browser, mode: (typeof MODES)[number], locale: string) {
  const ctx = await newContext(browser, { locale, javaScriptEnabled: mode.javaScriptEnabled });
  ctx.setDefaultTimeout(10_000);
  return { ctx, page: await ctx.newPage() };
}

const catalogs = new Map<string, Record<string, string>>();

/** An interface message exactly as the server's catalogue has it (plain messages only, no ICU arguments). */
export function msg(locale: string, key: string): string {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(new URL(`../../src/web/i18n/messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    catalogs.set(locale, catalog);
  }
  const text = catalog[key];
  if (text === undefined) throw new Error(`no message ${key} in ${locale}`);
  return text;
}

/** Other tests add records to the shared node, so titles carry a random suffix to be found again. */
export const uniqueSuffix = () => randomBytes(4).toString('hex');

/** The number in the list's status line ("31 practices", "No practice matches." → 0). */
export async function shownCount(page: Page): Promise<number> {
  const text = await page.getByRole('main').getByRole('status').first().innerText();
  const n = /\d[\d\s,.\u202f]*/.exec(text)?.[0].replace(/\D/g, '');
  return n ? Number(n) : 0;
}

/** Clicks something that submits a form or follows a link and waits for the next document. */
export async function clickAndLoad(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForEvent('load'), click()]);
}
