import { describe, expect, it } from 'vitest';
import { newContext, screenshot, useBrowser } from './harness.js';

const b = useBrowser();

describe('smoke', () => {
  it('opens the home page in Chromium', async () => {
    const ctx = await newContext(b.browser, { locale: 'ar' });
    const page = await ctx.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await screenshot(page, 'smoke-home-ar');
    await ctx.close();
  });
});
