import { createMiddleware } from 'hono/factory';
import type { WebEnv } from '../../env.js';

/**
 * What an anonymous caller reads is public and may sit in shared caches for a minute; what a token
 * holder reads may include drafts and contacts, so it is never stored.
 */
export const cacheByCaller = createMiddleware<WebEnv>(async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status >= 300) return;
  c.header('Cache-Control', c.get('actor') ? 'private, no-store' : 'public, max-age=60');
  c.header('Vary', 'Authorization', { append: true });
});
