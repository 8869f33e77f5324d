import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from './harness.js';
import { clickAndLoad, MODES, msg, openPage, shownCount } from './journey-support.js';

const b = useBrowser();

describe.each(MODES)('browsing journeys ($name)', (mode) => {
  it('filters practices by theme and country, then opens a result', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    await page.goto('/');
    await clickAndLoad(page, () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practices' }).click());
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Practices');
    const before = await shownCount(page);
    expect(before).toBeGreaterThan(2);

    const filters = page.getByRole('search');
    await filters.getByLabel('Theme').selectOption({ label: 'Livelihoods' });
    await filters.getByLabel('Country').selectOption({ label: 'India' });
    await clickAndLoad(page, () => filters.getByRole('button', { name: 'Apply filters' }).click());

    const url = new URL(page.url());
    expect(url.pathname).toBe('/practices');
    expect(url.searchParams.get('theme')).toBe('livelihoods');
    expect(url.searchParams.get('country')).toBe('IN');
    // The form shows what was chosen, so the reader can change one filter without starting again.
    expect(await page.getByRole('search').getByLabel('Theme').inputValue()).toBe('livelihoods');
    expect(await page.getByRole('search').getByLabel('Country').inputValue()).toBe('IN');

    const after = await shownCount(page);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const cards = page.locator('main ul.cards > li');
    expect(await cards.count()).toBe(Math.min(after, 20));
    for (const card of await cards.all()) {
      expect(await card.locator('.meta').innerText()).toContain('India');
      expect(await card.getByRole('list', { name: 'Themes' }).innerText()).toContain('Livelihoods');
    }
    await screenshot(page, `journey-filter-${mode.name}`);

    const first = cards.first().getByRole('heading').getByRole('link');
    const title = (await first.innerText()).trim();
    await clickAndLoad(page, () => first.click());
    expect(new URL(page.url()).pathname).toMatch(/^\/practices\/[0-9a-f-]{36}$/);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(title);
    const facts = page.locator('dl.facts').first();
    expect(await facts.innerText()).toContain('India');
    expect(await facts.innerText()).toContain('Livelihoods');
    expect(await page.locator('article section').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('switches the interface language with the header buttons, and the choice persists', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    await page.goto('/');
    const steps = [
      { button: 'Français', locale: 'fr', dir: 'ltr' },
      { button: 'English', locale: 'en', dir: 'ltr' },
      { button: 'Español', locale: 'es', dir: 'ltr' },
      { button: 'العربية', locale: 'ar', dir: 'rtl' },
    ];
    for (const step of steps) {
      await clickAndLoad(page, () => page.getByRole('banner').getByRole('button', { name: step.button }).click());
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getAttribute('html', 'lang')).toBe(step.locale);
      expect(await page.getAttribute('html', 'dir')).toBe(step.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg(step.locale, 'home.title'));
      expect(await page.getByRole('button', { name: step.button }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('link', { name: msg(step.locale, 'nav.practices'), exact: true }).count()).toBe(1);
    }
    await screenshot(page, `journey-language-${mode.name}`);

    // The next page, reached by a plain link, keeps Arabic (the choice is a cookie, not a query parameter).
    await clickAndLoad(page, () => page.getByRole('navigation', { name: msg('ar', 'nav.label') }).getByRole('link', { name: msg('ar', 'nav.practices') }).click());
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg('ar', 'practices.title'));
    expect(await page.getByRole('button', { name: msg('ar', 'filters.apply') }).count()).toBe(1);

    // Switching back from a page other than home returns to that same page.
    await clickAndLoad(page, () => page.getByRole('button', { name: 'Français' }).click());
    expect(new URL(page.url()).pathname).toBe('/practices');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg('fr', 'practices.title'));
    await ctx.close();
  });
});
