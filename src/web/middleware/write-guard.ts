import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { WebEnv } from '../env.js';
import { clientAddress } from './client-address.js';

const MAX_FORM_BYTES = 1024 * 1024;

/**
 * Every write (POST, PUT) is counted per client address — 60 a minute — so a script cannot flood
 * forms or the API; and a form body may not exceed 1 MB. Refusals are plain, localised pages.
 */
export const writeGuard = createMiddleware<WebEnv>(async (c, next) => {
  if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next();
  const t = c.get('t');
  const { allowed, retryAfterSeconds } = c.get('ctx').limits.forms.hit(`write:${clientAddress(c)}`);
  const isApi = c.req.path.startsWith('/api/');
  if (!allowed) {
    c.header('Retry-After', String(retryAfterSeconds));
    return isApi ? c.json({ error: { code: 'rate_limited', message: t('error.rate_limited'), fields: {} } }, 429) : c.text(t('error.rate_limited'), 429);
  }
  if (isApi) return next(); // the API applies its own JSON size rule
  return bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (cc) => cc.text(t('error.payload_too_large'), 413) })(c, next);
});
