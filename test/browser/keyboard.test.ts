import type { ElementHandle, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo, useBrowser } from './harness.js';
import { clickAndLoad, MODES, msg, openPage } from './journey-support.js';

const b = useBrowser();

/** What has the focus, described as a user would name it. */
async function focused(page: Page) {
  const el = page.locator(':focus');
  if ((await el.count()) === 0) return { tag: 'none', name: '', inMain: false };
  return el.evaluate((e) => ({
    tag: e.tagName.toLowerCase(),
    name: (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? '').trim() || (e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent?.trim() ?? '' : ''),
    inMain: e.closest('main') !== null,
  }));
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`${what} not reached with ${max} presses of Tab`);
}

const named = (tag: string, name: string) => (f: { tag: string; name: string }) => f.tag === tag && f.name.startsWith(name);

describe.each(MODES)('keyboard only ($name)', (mode) => {
  it('skips to content, switches language, signs in and reaches "Document a new practice"', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    await page.goto('/');

    // The first Tab reveals the skip link; Enter moves the focus to the main content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', name: msg('en', 'nav.skip') });
    const box = (await page.locator(':focus').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', inMain: true, name: msg('en', 'home.search_label') });

    // The language switcher: Enter on one button, Space on another.
    await page.goto('/');
    await tabTo(page, named('button', 'Français'), 'the Français button');
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg('fr', 'home.title'));
    await tabTo(page, named('button', 'العربية'), 'the Arabic button');
    await clickAndLoad(page, () => page.keyboard.press('Space'));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await tabTo(page, named('button', 'English'), 'the English button');
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // Sign in through the header link and the login form, typing and pressing Enter to send it.
    await tabTo(page, named('a', msg('en', 'nav.sign_in')), 'the sign-in link');
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await tabTo(page, (f) => f.tag === 'input' && f.inMain, 'the e-mail field');
    expect((await focused(page)).name).toContain(msg('en', 'login.email'));
    await page.keyboard.type(demo.coordinator);
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toContain(msg('en', 'login.password'));
    await page.keyboard.type(demo.password);
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('navigation', { name: msg('en', 'nav.label') }).getByRole('link', { name: msg('en', 'nav.account') }).count()).toBe(1);

    // From the practices list to the new-practice form.
    await tabTo(page, named('a', msg('en', 'nav.practices')), 'the Practices link');
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    await tabTo(page, named('a', msg('en', 'practices.new')), 'the new-practice link');
    await clickAndLoad(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/practices/new');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg('en', 'practices.new'));
    await ctx.close();
  });
});

type Ring = { outlineStyle: string; outlineWidth: string; boxShadow: string };
const ringOf = (e: Element): Ring => {
  const s = getComputedStyle(e);
  return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
};
const isVisibleRing = (r: Ring) => (r.outlineStyle !== 'none' && parseFloat(r.outlineWidth) > 0) || r.boxShadow !== 'none';

describe('visible focus', () => {
  it('draws a focus indicator on links, buttons and fields that is absent without focus', async () => {
    const { ctx, page } = await openPage(b.browser, MODES[0], 'en');
    await page.goto('/practices');
    const seen = new Set<string>();
    let previous: { kind: string; ring: Ring; handle: ElementHandle } | undefined;
    // Each Tab moves the focus on, so the element focused before can be measured without focus: only focus differs.
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      const el = page.locator(':focus');
      if (previous) {
        const without = await previous.handle.evaluate(ringOf);
        expect(isVisibleRing(without), `${previous.kind} without focus: ${JSON.stringify(without)}`).toBe(false);
        expect(without, `${previous.kind}: ring with and without focus`).not.toEqual(previous.ring);
      }
      const kind = await el.evaluate((e) => (e.tagName === 'INPUT' ? `input[${(e as HTMLInputElement).type}]` : e.tagName.toLowerCase()));
      const ring = await el.evaluate(ringOf);
      expect(isVisibleRing(ring), `${kind} with focus: ${JSON.stringify(ring)}`).toBe(true);
      previous = { kind, ring, handle: (await el.elementHandle())! };
      seen.add(kind);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['a', 'button', 'input[search]', 'select']));
    await ctx.close();
  });
});
