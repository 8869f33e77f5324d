import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARABIC_PRACTICE, HAUSA_HUB, HAUSA_PRACTICE, createAdmin, switchLocale } from './a11y-helpers.js';
import { baseUrl, screenshot, signIn, useBrowser } from './harness.js';

/**
 * Right-to-left, measured on element boxes: in Arabic the layout mirrors English (header, navigation,
 * forms, lists), and at a phone's and a desktop's width no text is cut, overlaps, or scrolls sideways.
 */
const b = useBrowser();
const ADMIN = 'rtl-admin@test.passerelle.example';
const contexts: BrowserContext[] = [];

async function openPage(locale: 'en' | 'ar', width: number, signedIn = false): Promise<Page> {
  const ctx = await b.browser.newContext({ baseURL: baseUrl(), locale, extraHTTPHeaders: { 'Accept-Language': locale }, viewport: { width, height: 800 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  if (signedIn) {
    await signIn(page, ADMIN);
    await switchLocale(page, locale);
  }
  return page;
}

type Box = { left: number; right: number };
const boxes = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
/** The box of an element's text itself (a block label is as wide as its form; its words are not). */
const textBoxes = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => {
  const range = document.createRange();
  range.selectNodeContents(e);
  return range.getBoundingClientRect().toJSON() as Box;
}));
const near = (a: number, b: number) => Math.abs(a - b) <= 2;

describe('right-to-left layout', () => {
  beforeAll(() => createAdmin(b.browser, ADMIN));
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
  });

  it.each([['ar', 'rtl'], ['en', 'ltr']] as const)('%s: the header, navigation, forms and lists read %s', async (locale, dir) => {
    const page = await openPage(locale, 1280);
    const isRtl = dir === 'rtl';
    // Which of two boxes comes first in reading order, whatever the direction.
    const startOf = (x: Box) => (isRtl ? -x.right : x.left);
    const endOf = (x: Box) => (isRtl ? -x.left : x.right);

    await page.goto('/practices');
    const [brand] = await boxes(page, 'header.site .brand');
    const [switcher] = await boxes(page, 'header.site form.langs');
    const [nav] = await boxes(page, 'header.site nav.main');
    // Brand at the start edge (right in Arabic), the language switcher at the end edge (left in Arabic).
    expect(isRtl ? 1280 - brand!.right : brand!.left).toBeLessThan(40);
    expect(isRtl ? switcher!.left : 1280 - switcher!.right).toBeLessThan(40);
    expect(endOf(brand!)).toBeLessThanOrEqual(startOf(nav!));
    expect(endOf(nav!)).toBeLessThanOrEqual(startOf(switcher!));

    // Navigation items (and language buttons) follow one another in the reading direction.
    for (const selector of ['nav.main li', 'form.langs button']) {
      const items = await boxes(page, selector);
      expect(items.length).toBeGreaterThan(1);
      for (let i = 1; i < items.length; i++) expect(startOf(items[i]!), `${selector} #${i}`).toBeGreaterThanOrEqual(endOf(items[i - 1]!));
    }

    // Filter labels sit on the start edge of their field, over the select.
    const labels = await textBoxes(page, 'form.filters label');
    const controls = await boxes(page, 'form.filters label + *');
    labels.forEach((l, i) => expect(near(startOf(l), startOf(controls[i]!)), `filter label #${i}`).toBe(true));

    // Cards: the interface-language lines (where, when, themes) start at the card's start edge.
    const cards = await page.$$eval('main .cards > li', (lis) => lis.slice(0, 5).map((li) => {
      const s = getComputedStyle(li);
      const r = li.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(li.querySelector('.meta')!);
      const meta = range.getBoundingClientRect();
      const tag = li.querySelector('.tags li')!.getBoundingClientRect();
      return { left: r.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth), right: r.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth), meta: meta.toJSON() as Box, tag: tag.toJSON() as Box };
    }));
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(near(startOf(c.meta), startOf(c)), 'card .meta text starts at the start edge').toBe(true);
      expect(near(startOf(c.tag), startOf(c)), 'first tag at the start edge').toBe(true);
    }

    // Form fields: label text and input share the start edge of the form.
    await page.goto('/login');
    const [form] = await boxes(page, 'main form');
    const fieldLabels = await textBoxes(page, 'main form .field label');
    const inputs = await boxes(page, 'main form .field input');
    expect(fieldLabels).toHaveLength(2);
    fieldLabels.forEach((l, i) => {
      expect(near(startOf(l), startOf(form!)), `label #${i} at the form's start edge`).toBe(true);
      expect(near(startOf(inputs[i]!), startOf(form!)), `input #${i} at the form's start edge`).toBe(true);
    });
    await screenshot(page, `rtl-login-${locale}`);
  });

  const PAGES = [
    '/', '/practices', `/practices/${ARABIC_PRACTICE}`, `/practices/${HAUSA_PRACTICE}?lang=ha`, `/practices/${HAUSA_PRACTICE}/history`,
    '/hubs', `/hubs/${HAUSA_HUB}`, '/login', 'signed-in:/practices/new', 'signed-in:/admin/users', 'signed-in:/account',
  ];

  it.each([['ar', 360], ['ar', 1280], ['en', 360], ['en', 1280]] as const)('%s at %ipx: no text is cut, overlaps or scrolls sideways', async (locale, width) => {
    const anonymous = await openPage(locale, width);
    const member = await openPage(locale, width, true);
    const problems: string[] = [];
    for (const entry of PAGES) {
      const path = entry.replace('signed-in:', '');
      const page = entry === path ? anonymous : member;
      await page.goto(path);
      const found = await page.evaluate(findLayoutProblems);
      problems.push(...found.map((p) => `${path}: ${p}`));
      if (path === '/practices') await screenshot(page, `rtl-practices-${locale}-${width}`);
    }
    expect(problems.length, `\n${problems.join('\n')}\n`).toBe(0);
  });
});

/** Runs in the page: text that is clipped or off-screen, sideways scrolling, and siblings drawn over each other. */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const describe = (e: Element) => `<${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).replace(/ /g, '.')}` : ''}> "${(e.textContent ?? '').trim().slice(0, 40)}"`;
  const width = window.innerWidth;
  const page = document.scrollingElement!;
  if (page.scrollWidth > width) problems.push(`page scrolls sideways: ${page.scrollWidth}px wide in a ${width}px window`);
  const texts = document.querySelectorAll('h1, h2, h3, nav a, button, .button, label, legend, summary, th, dt, .cards li a, .tags li, .meta');
  for (const e of texts) {
    if (e.closest('.visually-hidden, .skip')) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // A wide data table may scroll inside its own region (reflow allows it); the page check covers the region.
    if (!e.closest('.scroll') && (r.left < -1 || r.right > width + 1)) problems.push(`${describe(e)} is outside the window (${Math.round(r.left)}–${Math.round(r.right)})`);
    if (getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1) problems.push(`${describe(e)} is cut: ${e.scrollWidth}px of text in ${e.clientWidth}px`);
  }
  const groups = document.querySelectorAll('nav.main ul, form.langs, .tags, .actions, .checks, form.filters, .pager');
  for (const g of groups) {
    const items = [...g.children].filter((c) => !(c instanceof HTMLInputElement && c.type === 'hidden') && !c.classList.contains('visually-hidden')).map((c) => [c, c.getBoundingClientRect()] as const);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, ra] = items[i]!;
        const [c, rc] = items[j]!;
        const overlap = Math.min(ra.right, rc.right) - Math.max(ra.left, rc.left) > 1 && Math.min(ra.bottom, rc.bottom) - Math.max(ra.top, rc.top) > 1;
        if (overlap) problems.push(`${describe(a)} and ${describe(c)} overlap`);
      }
    }
  }
  return problems;
}
