import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { WebEnv } from '../env.js';
import { createTranslator, isUiLocale, negotiateLocale } from '../i18n/i18n.js';

export const LOCALE_COOKIE = 'psl_lang';

/** The interface language: the user's setting, then the switcher's cookie, then Accept-Language, then the node default. */
export const locale = createMiddleware<WebEnv>(async (c, next) => {
  const ctx = c.get('ctx');
  const fromUser = c.get('actor')?.locale;
  const fromCookie = getCookie(c, LOCALE_COOKIE);
  const chosen =
    (isUiLocale(fromUser) && fromUser) ||
    (isUiLocale(fromCookie) && fromCookie) ||
    negotiateLocale(c.req.header('accept-language')) ||
    ctx.cfg.defaultLocale;
  c.set('locale', chosen);
  c.set('t', createTranslator(chosen, ctx.cfg.defaultLocale));
  c.header('Content-Language', chosen);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  await next();
});
