import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../context.js';
import type { WebEnv } from '../env.js';

/** Gives each request an id, the app context, and one log line when it ends. */
export function requestContext(ctx: AppContext) {
  return createMiddleware<WebEnv>(async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('ctx', ctx);
    c.set('requestId', requestId);
    const start = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    ctx.log.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) }, 'request');
  });
}
