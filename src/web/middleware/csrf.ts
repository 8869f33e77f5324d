import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { randomToken, safeEqual } from '../../lib/tokens.js';
import type { WebEnv } from '../env.js';

export const CSRF_COOKIE = 'psl_csrf';
export const CSRF_FIELD = '_csrf';

/**
 * Double-submit token: a random HttpOnly cookie, echoed in a hidden field of every form. A form post
 * whose field does not match is refused before any handler runs. The API is exempt: it ignores cookies.
 */
export const csrf = createMiddleware<WebEnv>(async (c, next) => {
  if (c.req.path.startsWith('/api/')) return next();
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = randomToken();
    setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('ctx').cfg.secureCookies });
  }
  c.set('csrfToken', token);
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const sent = body[CSRF_FIELD];
    if (typeof sent !== 'string' || !safeEqual(sent, token)) {
      const t = c.get('t');
      return c.html(`<!doctype html><html lang="${c.get('locale')}"><meta charset="utf-8"><title>${t('error.csrf_title')}</title><p>${t('error.csrf')}</p><p><a href="/">${t('nav.home')}</a></p></html>`, 403);
    }
  }
  await next();
});
