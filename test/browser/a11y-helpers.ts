import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demo, newContext } from './harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// best-practice adds axe's landmark, heading-order and region rules to the WCAG ones.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Demo practices and hub used by the a11y and RTL tests (from src/domain/demo/*.json). */
export const HAUSA_PRACTICE = '0d3e0000-0000-4000-9000-000000000005';
export const ARABIC_PRACTICE = '0d3e0000-0000-4000-9000-000000000015';
export const HAUSA_HUB = '0d3e0000-0000-4000-8000-000000000003';

/**
 * A context whose pages carry axe-core. The init script is injected by the DevTools protocol, so the
 * pages' strict CSP (`default-src 'none'`) stays in force for everything the site itself does.
 */
export async function newAxeContext(browser: Browser, locale: string): Promise<BrowserContext> {
  const ctx = await newContext(browser, { locale });
  await ctx.addInitScript({ content: AXE_SOURCE });
  return ctx;
}

type AxeNode = { target: unknown[]; failureSummary?: string; html: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** WCAG 2.1 A/AA (and axe best-practice) violations of the current page, as readable lines (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, AXE_TAGS) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.slice(0, 3).map((n) =>
    `[${v.id}/${v.impact}] ${v.help}\n    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n\s*/g, ' | ').slice(0, 160)}`,
  ));
}

/**
 * What axe does not check about forms: a control with no name (<label>, aria-label, aria-labelledby),
 * a hint or error not linked to its control by aria-describedby, an asterisk nobody explains.
 */
export async function formProblems(page: Page, requiredNote: string): Promise<string[]> {
  return page.evaluate((note) => {
    const problems: string[] = [];
    const show = (el: Element) => `<${el.tagName.toLowerCase()} name="${el.getAttribute('name') ?? ''}" id="${el.id}">`;
    for (const el of document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not([type=submit]), select, textarea')) {
      const named = [...(el.labels ?? [])].some((l) => l.textContent?.trim()) || el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby');
      if (!named) problems.push(`form control without a label: ${show(el)}`);
    }
    for (const text of document.querySelectorAll('.field > .hint, .field > .error')) {
      const field = text.parentElement!;
      const owners = [field, ...field.querySelectorAll('input, select, textarea')];
      if (!owners.some((o) => o.getAttribute('aria-describedby')?.split(' ').includes(text.id))) problems.push(`"${text.textContent?.slice(0, 40)}" is not linked to its control (aria-describedby)`);
    }
    for (const form of document.querySelectorAll('form')) {
      if (form.querySelector('label > [aria-hidden], legend > [aria-hidden]') && !form.textContent?.includes(note)) problems.push(`form ${form.getAttribute('action')} marks fields with * but does not say what it means`);
    }
    for (const legend of document.querySelectorAll('legend:has(> [aria-hidden])')) {
      if (!legend.querySelector('.visually-hidden')?.textContent?.trim()) problems.push(`required group "${legend.textContent}" is not announced as required`);
    }
    return problems;
  }, requiredNote);
}

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Elements in another language than the page must be laid out in that language's direction. */
export async function langDirProblems(page: Page): Promise<string[]> {
  const found = await page.$$eval('body [lang]', (els) => els.map((e) => ({ lang: e.getAttribute('lang')!, dir: getComputedStyle(e).direction, tag: e.outerHTML.slice(0, 80) })));
  return found.filter((e) => (RTL.has(e.lang.split('-')[0]!) ? 'rtl' : 'ltr') !== e.dir).map((e) => `lang="${e.lang}" shown ${e.dir}: ${e.tag}`);
}

/** Interface messages exactly as the server's catalogue has them. */
export function message(locale: string, key: string): string {
  const catalog = JSON.parse(readFileSync(new URL(`../../src/web/i18n/messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  return catalog[key]!;
}

/**
 * Signs in by field names rather than labels (unlike the harness's signIn), so that a missing label
 * is reported by the accessibility checks instead of stopping the suite before them.
 */
export async function signInByName(page: Page, email: string) {
  await page.goto('/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', demo.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('form[action="/login"] button[type=submit]')]);
}

/** Uses the header's language switcher, as a reader would (it also stores the choice for a signed-in account). */
export async function switchLocale(page: Page, locale: string) {
  if ((await page.getAttribute('html', 'lang')) === locale) return;
  await Promise.all([page.waitForEvent('load'), page.locator(`form.langs button[value="${locale}"]`).click()]);
}

/**
 * An administrator account of this file's own, so that switching its language leaves the demo
 * accounts (shared with the other browser tests) as they were. Created through the admin page.
 */
export async function createAdmin(browser: Browser, email: string): Promise<void> {
  const ctx = await newContext(browser, { locale: 'en' });
  const page = await ctx.newPage();
  await signInByName(page, demo.admin);
  await page.goto('/admin/users');
  const form = page.locator('form[action="/admin/users"]');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=displayName]').fill('A11y Tester');
  await form.locator('input[name=password]').fill(demo.password);
  await form.locator('select[name=role]').selectOption('admin');
  await Promise.all([page.waitForURL(/done=user_created/), form.locator('button[type=submit]').click()]);
  await ctx.close();
}

/** Creates a draft practice in English and edits its title once, so its history lists a change. */
export async function createDraftPractice(page: Page): Promise<string> {
  await page.goto('/practices/new');
  await page.selectOption('select[name=originalLanguage]', 'en');
  await page.fill('input[name="text.title"]', 'Solar charging kiosk run by a youth group');
  await page.fill('textarea[name="text.summary"]', 'Young people charge phones for a small fee and teach repairs.');
  await page.check('input[name=technologies] >> nth=0');
  await page.check('input[name=themes] >> nth=0');
  await page.selectOption('select[name=countries]', 'NE');
  await Promise.all([page.waitForURL(/done=created/), page.click('form[action="/practices/new"] button[type=submit]')]);
  const id = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`/practices/${id}/edit`);
  await page.fill('input[name="text.title"]', 'Solar phone-charging kiosk run by a youth group');
  await Promise.all([page.waitForURL(/done=saved/), page.click(`form[action="/practices/${id}/edit"] button[type=submit]`)]);
  return id;
}

/** A pending alert written through the form (drought in Niger, in French); its id. */
export async function createPendingAlert(page: Page): Promise<string> {
  await page.goto('/alerts/new');
  await page.selectOption('select[name=category]', 'drought');
  await page.selectOption('select[name=severity]', 'Severe');
  await page.selectOption('select[name=urgency]', 'Expected');
  await page.selectOption('select[name=certainty]', 'Likely');
  await page.fill('input[name=countries], textarea[name=countries]', 'NE');
  await page.selectOption('select[name=originalLanguage]', 'fr');
  await page.fill('input[name="text.0.headline"]', 'Sécheresse à Maradi');
  await page.fill('textarea[name="text.0.description"]', 'Les pluies sont en retard de trois semaines.');
  await page.fill('textarea[name="text.0.sms"]', 'Alerte secheresse Maradi: gardez les semences.');
  await Promise.all([page.waitForURL(/\/alerts\/[0-9a-f-]{36}/), page.click('button[name=action][value=submit]')]);
  return new URL(page.url()).pathname.split('/')[2]!;
}
