import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formProblems, langDirProblems, message, newAxeContext, signInByName } from './a11y-helpers.js';
import { demo, LOCALES, newContext, screenshot, signIn, useBrowser } from './harness.js';
import { clickAndLoad, MODES, msg, openPage, uniqueSuffix } from './journey-support.js';
import { FIRST_VISIT_BUDGET, LINKS, NetworkMeter } from './network.js';

/**
 * Consultations in a real browser: an admin opens one and adds statements through the forms, the demo
 * delegate takes part and votes without JavaScript; the pages pass axe in four languages, lay out
 * right to left in Arabic, and stay under the 2G budget.
 */
const b = useBrowser();
const suffix = uniqueSuffix();
const STATEMENTS = [`Every village needs a community radio ${suffix}.`, `Hubs should share solar chargers ${suffix}.`, `Health alerts must reach basic phones ${suffix}.`];
let path = '';
const rows: string[] = [];

const main = (page: Page) => page.getByRole('main');
const flash = (page: Page) => main(page).getByRole('status').first().innerText();

beforeAll(async () => {
  const { ctx, page } = await openPage(b.browser, MODES[1], 'en');
  await signIn(page, demo.admin);
  await clickAndLoad(page, () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: msg('en', 'consultation.nav') }).click());
  await page.getByLabel(msg('en', 'consultation.language_field')).selectOption('en');
  await page.getByRole('textbox', { name: 'Title' }).fill(`Priorities for community hubs ${suffix}`);
  await page.getByRole('textbox', { name: 'Description' }).fill('Which needs come first?');
  await clickAndLoad(page, () => page.getByRole('button', { name: msg('en', 'consultation.create') }).click());
  expect(await flash(page)).toBe(msg('en', 'consultation.done_created'));
  path = new URL(page.url()).pathname;
  // An admin moderates, so the statements they propose are accepted at once.
  for (const text of STATEMENTS) {
    await page.getByRole('textbox', { name: msg('en', 'consultation.statement_text') }).fill(text);
    await clickAndLoad(page, () => page.getByRole('button', { name: msg('en', 'consultation.propose') }).click());
    expect(await flash(page)).toBe(msg('en', 'consultation.done_added'));
  }
  await ctx.close();
});

afterAll(() => {
  if (rows.length) console.log(['consultation pages · lang: HTML + CSS body bytes (budget 14,336)', ...rows].join('\n'));
});

describe('consultation journey (JavaScript off)', () => {
  it('the demo delegate takes part, votes on the next statement, sees the next one and changes a vote', async () => {
    const { ctx, page } = await openPage(b.browser, MODES[1], 'en');
    await page.goto(path);
    expect(await main(page).getByRole('link', { name: msg('en', 'consultation.sign_in') }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Agree', exact: true }).count()).toBe(0);
    await signIn(page, demo.delegate);
    await page.goto(path);
    await clickAndLoad(page, () => page.getByRole('button', { name: msg('en', 'consultation.take_part') }).click());
    expect(await flash(page)).toBe(msg('en', 'consultation.done_joined'));

    const next = page.locator('#next-text');
    const first = await next.innerText();
    expect(STATEMENTS).toContain(first);
    // The vote buttons are named as a group by the statement they answer.
    const group = page.getByRole('group', { name: first }).first();
    await group.getByRole('button', { name: 'Agree', exact: true }).focus();
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(await flash(page)).toBe(msg('en', 'consultation.done_voted'));
    expect(new URL(page.url()).hash).toBe('#next');
    const second = await next.innerText();
    expect(second).not.toBe(first);
    const card = main(page).locator('#statements li').filter({ hasText: first });
    expect(await card.innerText()).toContain('Your vote: Agree');
    await screenshot(page, 'consultation-voted');

    await clickAndLoad(page, () => card.getByRole('button', { name: 'Disagree', exact: true }).click());
    expect(await main(page).locator('#statements li').filter({ hasText: first }).innerText()).toContain('Your vote: Disagree');
    expect(await next.innerText()).toBe(second); // changing a vote does not skip the statement waiting
    await ctx.close();
  });
});

describe('consultation pages: accessibility, right to left, weight', () => {
  it.each(LOCALES)('the list, the participant’s page and the curator’s pages pass axe in %s', async (locale) => {
    const ctx = await newAxeContext(b.browser, locale);
    const page = await ctx.newPage();
    await signInByName(page, demo.delegate);
    const problems: string[] = [];
    for (const p of ['/consultations', path]) {
      expect((await page.goto(p))!.status()).toBe(200);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
      problems.push(...(await axeViolations(page)), ...(await formProblems(page, message(locale, 'form.required_note'))), ...(await langDirProblems(page)));
    }
    // A curator's pages: the consultation with its moderation link, the moderation queue, a translation form.
    const curator = await newAxeContext(b.browser, locale);
    const cp = await curator.newPage();
    await signInByName(cp, demo.curator);
    await cp.goto(path);
    const translate = await cp.locator('#statements a[href$="/translate"]').first().getAttribute('href');
    for (const p of [path, `${path}/moderation`, translate!]) {
      expect((await cp.goto(p))!.status()).toBe(200);
      problems.push(...(await axeViolations(cp)).map((v) => `${p}: ${v}`), ...(await formProblems(cp, message(locale, 'form.required_note'))));
    }
    await curator.close();
    if (locale === 'ar') {
      // English statements on an Arabic page stay left to right, marked with their language.
      expect(await page.$eval('#statements li p[lang]', (p) => [p.getAttribute('lang'), getComputedStyle(p).direction])).toEqual(['en', 'ltr']);
      expect(await page.$eval('main h2', (h) => getComputedStyle(h).direction)).toBe('rtl');
      await screenshot(page, 'consultation-ar');
    }
    await ctx.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  const targets: [string, () => string][] = [['list', () => '/consultations'], ['consultation', () => path]];
  it.each(targets)('the %s page’s first visit on 2G is ≤ 14 KB of HTML + CSS', async (label, target) => {
    for (const locale of ['en', 'ar']) {
      const ctx = await newContext(b.browser, { locale, javaScriptEnabled: false });
      const page = await ctx.newPage();
      const meter = await NetworkMeter.attach(page);
      await signIn(page, demo.delegate);
      await meter.clearCache();
      await meter.throttle(LINKS['2G']);
      const visit = await meter.visit(target());
      const doc = visit.transfers.find((t) => t.type === 'Document')!;
      const css = visit.transfers.find((t) => t.type === 'Stylesheet');
      const total = doc.bodyBytes + (css?.bodyBytes ?? 0);
      rows.push(`${label} (delegate) · ${locale}: ${doc.bodyBytes} + ${css?.bodyBytes ?? 0} = ${total}`);
      expect(doc.status).toBe(200);
      expect(total).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
      await ctx.close();
    }
  });
});
