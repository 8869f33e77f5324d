import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { actorFromApiToken, actorFromSession } from '../../domain/accounts/accounts.service.js';
import type { WebEnv } from '../env.js';

export const SESSION_COOKIE = 'psl_session';

/**
 * Pages know the actor from the session cookie; the JSON API only from a bearer token, so that a
 * browser's cookies can never be used to call the API on the user's behalf (no CSRF on the API).
 */
export const session = createMiddleware<WebEnv>(async (c, next) => {
  const ctx = c.get('ctx');
  const isApi = c.req.path.startsWith('/api/');
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = getCookie(c, SESSION_COOKIE);
  if (isApi) c.set('actor', bearer ? await actorFromApiToken(ctx, bearer) : null);
  else c.set('actor', cookie ? await actorFromSession(ctx, cookie) : null);
  await next();
});
