import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/domain/demo/demo.service.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling home, which this closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const ARTIFACTS = path.resolve('test-artifacts');
export const LOCALES = ['fr', 'en', 'es', 'ar'] as const;

export const demo = {
  password: DEMO_PASSWORD,
  admin: DEMO_ACCOUNTS[0].email,
  curator: DEMO_ACCOUNTS[1].email,
  coordinator: DEMO_ACCOUNTS[2].email,
  delegate: DEMO_ACCOUNTS[3].email,
};

export const baseUrl = () => inject('baseUrl');

/** One Chromium per test file (launch gives each a fresh temporary profile). */
export function useBrowser() {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/** A new browsing context: its own cookies, a language, JavaScript on or off. */
export async function newContext(browser: Browser, opts: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const locale = opts.locale ?? 'en';
  return browser.newContext({
    baseURL: baseUrl(),
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: 390, height: 844 },
  });
}

export async function signIn(page: Page, email: string, password = demo.password) {
  await page.goto('/login');
  await page.getByLabel(/e-mail|courriel|correo|البريد/i).fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('form[action="/login"] button[type="submit"]').click()]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
