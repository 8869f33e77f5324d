import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_HUBS } from '../../src/domain/demo/demo.service.js';
import { demo, screenshot, signIn, useBrowser } from './harness.js';
import { clickAndLoad, MODES, msg, openPage, uniqueSuffix } from './journey-support.js';

const b = useBrowser();

async function signOut(page: Page) {
  await clickAndLoad(page, () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click());
  await clickAndLoad(page, () => page.getByRole('button', { name: 'Sign out' }).click());
  expect(await page.getByRole('status').innerText()).toBe(msg('en', 'flash.signed_out'));
  expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
}

const flash = (page: Page) => page.getByRole('main').getByRole('status').innerText();

describe.each(MODES)('contributing journeys ($name)', (mode) => {
  const suffix = uniqueSuffix();
  const title = `Solar phone charging kiosk ${suffix}`;
  const frenchTitle = `Kiosque solaire de recharge ${suffix}`;
  let practicePath = '';

  it('a coordinator documents a practice, fixes a validation error, saves a draft and submits it', async () => {
    const { ctx, page } = await openPage(b.browser, mode, 'en');
    await signIn(page, demo.coordinator);
    await clickAndLoad(page, () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practices' }).click());
    await clickAndLoad(page, () => page.getByRole('link', { name: 'Document a new practice' }).click());
    expect(new URL(page.url()).pathname).toBe('/practices/new');

    // First attempt: no summary and no theme.
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('group', { name: 'Technologies used' }).getByRole('checkbox', { name: 'Computer' }).check();
    await page.getByRole('listbox', { name: 'Countries' }).selectOption({ label: 'Niger' });
    // A coordinator may credit the hubs they run, and only those.
    const hubs = page.getByRole('group', { name: 'Authoring hubs' }).getByRole('checkbox');
    expect(await hubs.count()).toBe(DEMO_COORDINATOR_HUBS.length);
    await hubs.first().check();
    await clickAndLoad(page, () => page.getByRole('button', { name: 'Save as draft' }).click());

    expect(new URL(page.url()).pathname).toBe('/practices/new');
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('There are 2 problems with what you sent. Nothing was saved.');
    const links = summary.getByRole('link');
    expect((await links.allInnerTexts()).map((s) => s.split(':')[0])).toEqual(expect.arrayContaining(['Summary', 'Themes']));
    const summaryField = page.getByRole('textbox', { name: 'Summary', exact: true });
    expect(await summaryField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await summaryField.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-err'))!;
    expect(await page.locator(`#${errorId}`).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Themes' }).locator('.error').isVisible()).toBe(true);
    // What was typed and ticked is still there.
    expect(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(title);
    expect(await page.getByRole('group', { name: 'Technologies used' }).getByRole('checkbox', { name: 'Computer' }).isChecked()).toBe(true);
    expect(await page.getByRole('listbox', { name: 'Countries' }).inputValue()).toBe('NE');
    await screenshot(page, `journey-validation-${mode.name}`);

    // The summary's link leads to the field.
    await links.filter({ hasText: 'Summary' }).click();
    expect(new URL(page.url()).hash).toBe('#f-text-summary');

    await summaryField.fill('A kiosk on the hub roof charges phones from a solar panel; the small fee pays for its upkeep.');
    await page.getByRole('group', { name: 'Themes' }).getByRole('checkbox', { name: 'Connectivity and access' }).check();
    await clickAndLoad(page, () => page.getByRole('button', { name: 'Save as draft' }).click());

    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/practices\/[0-9a-f-]{36}$/);
    practicePath = url.pathname;
    expect(await flash(page)).toBe(msg('en', 'flash.created'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    expect(await page.locator('article .notice').innerText()).toContain('“draft”');
    await screenshot(page, `journey-draft-${mode.name}`);

    await clickAndLoad(page, () => page.getByRole('button', { name: 'Submit for review' }).click());
    expect(await flash(page)).toBe(msg('en', 'flash.review_submit'));
    expect(await page.locator('article .notice').innerText()).toContain('“submitted”');
    expect(await page.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    await signOut(page);
    await ctx.close();
  });

  it('a curator publishes it from the moderation queue and translates it; an anonymous reader sees both', async () => {
    expect(practicePath, 'the coordinator journey created a practice').not.toBe('');
    // Until it is published, an anonymous reader (with a French interface) cannot open it.
    const { ctx: reader, page: rp } = await openPage(b.browser, mode, 'fr');
    expect((await rp.goto(practicePath))!.status()).toBe(404);

    const { ctx, page } = await openPage(b.browser, mode, 'en');
    await signIn(page, demo.curator);
    await clickAndLoad(page, () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click());
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(msg('en', 'moderation.title'));
    const card = page.locator('main ul.cards > li').filter({ hasText: title });
    expect(await card.locator('.status').innerText()).toBe('submitted');
    await clickAndLoad(page, () => card.getByRole('link', { name: title }).click());
    expect(new URL(page.url()).pathname).toBe(practicePath);

    await clickAndLoad(page, () => page.getByRole('button', { name: 'Publish', exact: true }).click());
    expect(await flash(page)).toBe(msg('en', 'flash.review_publish'));
    expect(await page.locator('article .notice').count()).toBe(0);
    expect(await page.locator('dl.facts').first().innerText()).toContain('Published');

    // Translate: first choose the language, then fill the texts next to the original.
    await clickAndLoad(page, () => page.getByRole('link', { name: 'Translate' }).click());
    await page.getByLabel('Language of the translation').selectOption({ label: 'French' });
    await clickAndLoad(page, () => page.getByRole('button', { name: 'Continue' }).click());
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    const titleField = page.getByRole('textbox', { name: 'Title', exact: true });
    expect(await titleField.getAttribute('lang')).toBe('fr');
    expect(await page.getByText(`Original: ${title}`).count()).toBe(1);
    await titleField.fill(frenchTitle);
    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Un kiosque sur le toit du centre recharge les téléphones grâce à un panneau solaire.');
    await clickAndLoad(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());

    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    expect(await flash(page)).toBe(msg('en', 'flash.translated'));
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.innerText()).toBe(frenchTitle);
    expect(await h1.evaluate((el) => el.closest('[lang]')!.getAttribute('lang'))).toBe('fr');
    const versions = page.getByRole('navigation', { name: 'Language versions' });
    expect(await versions.innerText()).toMatch(/English \(original\).*French|French.*English \(original\)/);
    expect(await versions.getByRole('link', { name: 'English' }).count()).toBe(1);
    await screenshot(page, `journey-translate-${mode.name}`);
    await signOut(page);
    await ctx.close();

    // Now the reader finds it, and is shown the French text.
    await rp.goto(`/practices?q=${suffix}`);
    const found = rp.locator('main ul.cards > li');
    expect(await found.count()).toBe(1);
    await clickAndLoad(rp, () => found.getByRole('link').first().click());
    expect(new URL(rp.url()).pathname).toBe(practicePath);
    expect(await rp.getByRole('heading', { level: 1 }).innerText()).toBe(frenchTitle);
    await clickAndLoad(rp, () => rp.getByRole('navigation', { name: msg('fr', 'translations.label') }).getByRole('link').first().click());
    expect(await rp.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    expect(await rp.getByRole('button', { name: msg('fr', 'review.publish') }).count()).toBe(0);
    await screenshot(rp, `journey-reader-${mode.name}`);
    await reader.close();
  });
});
