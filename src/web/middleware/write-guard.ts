import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { WebEnv } from '../env.js';
import { clientAddress } from './client-address.js';

const MAX_FORM_BYTES = 1024 * 1024;

/**
 * Every write (POST, PUT) is counted — 60 a minute unless the operator sets PASSERELLE_WRITES_PER_MINUTE —
 * so a script cannot flood forms or the API; and a form body may not exceed 1 MB. Refusals are plain,
 * localised pages. A signed-in person is counted by account rather than by address: the people of one
 * telecentre share one address and must not use up each other's allowance.
 */
export const writeGuard = createMiddleware<WebEnv>(async (c, next) => {
  if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next();
  const t = c.get('t');
  const actor = c.get('actor');
  const who = actor ? `account:${actor.id}` : `address:${clientAddress(c)}`;
  const { allowed, retryAfterSeconds } = c.get('ctx').limits.forms.hit(`write:${who}`);
  const isApi = c.req.path.startsWith('/api/');
  if (!allowed) {
    c.header('Retry-After', String(retryAfterSeconds));
    return isApi ? c.json({ error: { code: 'rate_limited', message: t('error.rate_limited'), fields: {} } }, 429) : c.text(t('error.rate_limited'), 429);
  }
  if (isApi) return next(); // the API applies its own JSON size rule
  return bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (cc) => cc.text(t('error.payload_too_large'), 413) })(c, next);
});
