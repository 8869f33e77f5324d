import type { ConsoleMessage, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARABIC_PRACTICE, HAUSA_HUB, HAUSA_PRACTICE, axeViolations, createAdmin, createDraftPractice, createPendingAlert, formProblems, langDirProblems, message, newAxeContext, signInByName, switchLocale,
} from './a11y-helpers.js';
import { baseUrl, LOCALES, newContext, screenshot, useBrowser } from './harness.js';

/**
 * Every page type in every interface language: axe-core finds no WCAG 2.1 A/AA violation, every form
 * control has a name, and `lang`/`dir` follow the interface and, inside it, the content shown.
 */
const b = useBrowser();
const ADMIN = 'a11y-admin@test.passerelle.example';
let draft = '';
let consultation = '';
let alert = '';
let processId = '';
let planDocuments: string[] = [];
let amendedSection = '';
let actionItem = '';
let revisedCommitment = '';
const planDocs = () => planDocuments;

type PageType = { name: string; path: () => string; status?: number; open?: (page: Page) => Promise<number> };

const PUBLIC: PageType[] = [
  { name: 'home', path: () => '/' },
  { name: 'practice list', path: () => '/practices' },
  { name: 'filtered practice list', path: () => '/practices?q=&theme=finance&country=NE' },
  { name: 'practice in Hausa', path: () => `/practices/${HAUSA_PRACTICE}?lang=ha` },
  { name: 'practice in Arabic', path: () => `/practices/${ARABIC_PRACTICE}` },
  { name: 'practice history', path: () => `/practices/${HAUSA_PRACTICE}/history` },
  { name: 'search', path: () => '/search?q=radio+paludisme' },
  { name: 'search, nothing found', path: () => '/search?q=zzzqqq&theme=health' },
  { name: 'hub list', path: () => '/hubs' },
  { name: 'hub', path: () => `/hubs/${HAUSA_HUB}` },
  { name: 'sign in', path: () => '/login' },
  { name: 'consultation list', path: () => '/consultations' },
  { name: 'demo consultation', path: () => `/consultations/${consultation}` },
  { name: 'consultation report', path: () => `/consultations/${consultation}/report` },
  { name: 'alerts', path: () => '/alerts' },
  { name: 'process list', path: () => '/processes' },
  { name: 'demo process', path: () => `/processes/${processId}` },
  { name: 'demo stocktake', path: () => `/processes/${processId}/stocktake` },
  { name: 'filtered stocktake', path: () => `/processes/${processId}/stocktake?sector=government&theme=connectivity` },
  { name: 'declaration and action plan', path: () => `/processes/${processId}/plan` },
  { name: 'plan document (adopted declaration)', path: () => `/processes/${processId}/plan/${planDocs()[0]}` },
  { name: 'plan document (adopted action plan)', path: () => `/processes/${processId}/plan/${planDocs()[1]}` },
  { name: 'section history with a word diff', path: () => `/processes/${processId}/plan/sections/${amendedSection}/history` },
  { name: 'accountability (bars, charts, overdue, evidence, stories)', path: () => `/processes/${processId}/accountability` },
  { name: 'commitment with its change history', path: () => `/processes/${processId}/accountability/commitments/${revisedCommitment}` },
  { name: 'not found', path: () => '/no-such-page', status: 404 },
];

const SIGNED_IN: PageType[] = [
  { name: 'new practice', path: () => '/practices/new' },
  {
    name: 'new practice with errors',
    path: () => '/practices/new',
    open: async (page) => {
      await page.goto('/practices/new');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/practices/new')),
        page.click('form[action="/practices/new"] button[type=submit]'),
      ]);
      await page.waitForLoadState('load');
      return response.status();
    },
    status: 422,
  },
  { name: 'edit practice', path: () => `/practices/${draft}/edit` },
  { name: 'translate: choose language', path: () => `/practices/${draft}/translate` },
  { name: 'translate: into Arabic', path: () => `/practices/${draft}/translate?lang=ar` },
  { name: 'history with changes', path: () => `/practices/${draft}/history` },
  { name: 'draft practice', path: () => `/practices/${draft}` },
  { name: 'moderation', path: () => '/moderation' },
  { name: 'account', path: () => '/account' },
  { name: 'accounts (admin)', path: () => '/admin/users' },
  { name: 'new hub', path: () => '/hubs/new' },
  { name: 'hub: translate into Arabic', path: () => `/hubs/${HAUSA_HUB}/translate?lang=ar` },
  { name: 'new alert', path: () => '/alerts/new' },
  {
    name: 'new alert, previewed',
    path: () => '/alerts/new',
    open: async (page) => {
      await page.goto('/alerts/new');
      await page.fill('input[name=countries], textarea[name=countries]', 'NE');
      await page.fill('textarea[name="text.0.sms"]', 'Alerte secheresse Maradi: gardez les semences.');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/alerts/new')),
        page.click('button[name=action][value=preview]'),
      ]);
      await page.waitForLoadState('load');
      return response.status();
    },
  },
  { name: 'pending alert', path: () => `/alerts/${alert}` },
  { name: 'alert progress', path: () => `/alerts/${alert}/progress` },
  { name: 'import an alert (CAP)', path: () => '/alerts/import' },
  { name: 'subscribers (admin)', path: () => '/admin/subscribers' },
  { name: 'subscriber search, bad number', path: () => '/admin/subscribers?number=abc', status: 422 },
  { name: 'blocked numbers (admin)', path: () => '/admin/blocked-numbers' },
  { name: 'process with the phase form (admin)', path: () => `/processes/${processId}` },
  // The demo process is past its stocktaking phase: the forms show with the notice that says so.
  { name: 'stocktake activity form (admin)', path: () => `/processes/${processId}/stocktake/new` },
  { name: 'IATI import (admin)', path: () => `/processes/${processId}/stocktake/import` },
  // The demo has moved on past PrepCom III (to action): the action plan shows without its vote and adoption forms.
  { name: 'action plan (admin)', path: () => `/processes/${processId}/plan/${planDocs()[1]}` },
  // After Tunis commitments and progress are open: the forms show as the admin sees them.
  { name: 'new commitment form (admin)', path: () => `/processes/${processId}/accountability/commitments/new` },
  { name: 'progress CSV import (admin)', path: () => `/processes/${processId}/accountability/import` },
  { name: 'new story form (admin)', path: () => `/processes/${processId}/accountability/stories/new` },
  { name: 'progress imports (admin)', path: () => `/processes/${processId}/accountability/imports` },
  { name: 'a progress import report (admin)', path: () => `/processes/${processId}/accountability/imports/1` },
  { name: 'report progress with a document (admin)', path: () => `/processes/${processId}/accountability/commitments/${revisedCommitment}/progress` },
  { name: 'edit a commitment (admin)', path: () => `/processes/${processId}/accountability/commitments/${revisedCommitment}/edit` },
  { name: 'withdraw a commitment (admin)', path: () => `/processes/${processId}/accountability/commitments/${revisedCommitment}/withdraw` },
  { name: 'translate a commitment into Arabic (admin)', path: () => `/processes/${processId}/accountability/commitments/${revisedCommitment}/translate?lang=ar` },
  { name: 'new process (admin)', path: () => '/processes/new' },
  { name: 'translate a process into Arabic (admin)', path: () => `/processes/${processId}/translate?lang=ar` },
  { name: 'demo consultation with its process link form (admin)', path: () => `/consultations/${consultation}` },
  // The demo stands in the action phase: drafting shows the notice that says so, translating works at any phase.
  { name: 'draft a document (admin)', path: () => `/processes/${processId}/plan/new` },
  { name: 'translate a section into Spanish (admin)', path: () => `/processes/${processId}/plan/sections/${amendedSection}/translate?lang=es` },
  { name: 'translate a document into Arabic (admin)', path: () => `/processes/${processId}/plan/${planDocs()[1]}/translate?lang=ar` },
  { name: 'translate an action item into Arabic (admin)', path: () => `/processes/${processId}/plan/items/${actionItem}/translate?lang=ar` },
];

/** Opens one page type and lists what is wrong with it (nothing when it passes). */
async function problemsOf(page: Page, type: PageType, locale: string): Promise<string[]> {
  const consoleErrors: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); // e.g. CSP refusals
  };
  page.on('console', onConsole);
  const status = type.open ? await type.open(page) : (await page.goto(type.path()))!.status();
  const problems: string[] = [];
  if (status !== (type.status ?? 200)) problems.push(`HTTP ${status}, expected ${type.status ?? 200}`);
  const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  if (root.lang !== locale || root.dir !== dir) problems.push(`<html lang="${root.lang}" dir="${root.dir}">, expected lang="${locale}" dir="${dir}"`);
  problems.push(...(await formProblems(page, message(locale, 'form.required_note'))));
  problems.push(...(await langDirProblems(page)));
  problems.push(...(await axeViolations(page)));
  page.off('console', onConsole);
  problems.push(...consoleErrors.map((e) => `console: ${e.slice(0, 200)}`));
  return problems.length ? [`${type.name} (${type.path()}) in ${locale}:`, ...problems.map((p) => `  ${p}`)] : [];
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  beforeAll(async () => {
    await createAdmin(b.browser, ADMIN);
    consultation = /href="\/consultations\/([0-9a-f-]{36})"/.exec(await (await fetch(`${baseUrl()}/consultations`)).text())?.[1] ?? 'none';
    processId = /href="\/processes\/([0-9a-f-]{36})"/.exec(await (await fetch(`${baseUrl()}/processes`)).text())?.[1] ?? 'none';
    // The demo declaration (adopted, its first section amended) and action plan, read from the JSON API.
    const plan = (await (await fetch(`${baseUrl()}/api/v1/processes/${processId}/plan`)).json()) as { documents: { id: string; sections: { id: string; actionItems: { id: string }[] }[] }[] };
    planDocuments = plan.documents.map((d) => d.id);
    amendedSection = plan.documents[0]?.sections[0]?.id ?? 'none';
    actionItem = plan.documents[1]?.sections[0]?.actionItems[0]?.id ?? 'none';
    const accountability = (await (await fetch(`${baseUrl()}/api/v1/processes/${processId}/accountability`)).json()) as { commitments: { id: string; changes: unknown[] }[] };
    revisedCommitment = accountability.commitments.find((x) => x.changes.length > 0)?.id ?? 'none';
    const ctx = await newContext(b.browser, { locale: 'en' });
    const page = await ctx.newPage();
    await signInByName(page, ADMIN);
    draft = await createDraftPractice(page);
    alert = await createPendingAlert(page);
    await page.goto('/account'); // a token, so that the account page lists one with its revoke button
    await page.fill('input[name=name]', 'a11y');
    await Promise.all([page.waitForEvent('load'), page.click('form[action="/account/tokens"] button[type=submit]')]);
    await ctx.close();
  });

  it.each(LOCALES)('every page type passes in %s', async (locale) => {
    const ctx = await newAxeContext(b.browser, locale);
    const page = await ctx.newPage();
    const problems: string[] = [];
    for (const type of PUBLIC) problems.push(...(await problemsOf(page, type, locale)));
    await signInByName(page, ADMIN);
    await switchLocale(page, locale);
    for (const type of SIGNED_IN) problems.push(...(await problemsOf(page, type, locale)));
    await ctx.close();
    expect(problems.length, `\n${problems.join('\n')}\n`).toBe(0);
  });

  it('marks a Hausa practice on the English interface with lang="ha"', async () => {
    const ctx = await newContext(b.browser, { locale: 'en' });
    const page = await ctx.newPage();
    await page.goto(`/practices/${HAUSA_PRACTICE}?lang=ha`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const langOf = (selector: string) => page.$eval(selector, (el) => el.closest('main [lang]')?.getAttribute('lang'));
    expect(await langOf('main h1')).toBe('ha');
    expect(await langOf('main table td')).toBe('ha'); // results table, in the second content block
    expect(await langOf('main dl.facts dd')).toBeUndefined(); // facts are in the interface language
    expect(await langOf('main nav strong')).toBeUndefined(); // "Hausa (original)", a language name in English
    await page.goto('/practices?country=NE');
    const titles = await page.$$eval('main .cards h2', (hs) => hs.map((h) => h.closest('[lang]')!.getAttribute('lang')));
    expect(titles).toContain('ha');
    await screenshot(page, 'a11y-hausa-on-en');
    await ctx.close();
  });

  it('marks an Arabic practice on the French interface as right-to-left', async () => {
    const ctx = await newContext(b.browser, { locale: 'fr' });
    const page = await ctx.newPage();
    await page.goto(`/practices/${ARABIC_PRACTICE}?lang=ar`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    const title = await page.$eval('main h1', (h) => ({ lang: h.closest('[lang]')?.getAttribute('lang'), dir: h.closest('[dir]')?.getAttribute('dir'), computed: getComputedStyle(h).direction }));
    expect(title).toEqual({ lang: 'ar', dir: 'rtl', computed: 'rtl' });
    expect(await page.$eval('main h2', (h) => getComputedStyle(h).direction)).toBe('rtl');
    expect(await page.$eval('main dl.facts dt', (h) => getComputedStyle(h).direction)).toBe('ltr');
    await ctx.close();
  });
});
