import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../context.js';
import type { WebEnv } from './env.js';
import { apiError, isDomainError } from './errors.js';
import { compress } from './middleware/compress.js';
import { csrf } from './middleware/csrf.js';
import { locale } from './middleware/locale.js';
import { requestContext } from './middleware/request-context.js';
import { session } from './middleware/session.js';
import { writeGuard } from './middleware/write-guard.js';
import { apiRoutes } from './routes/api/index.js';
import { pageRoutes } from './routes/pages/index.js';
import { smsWebhookRoutes } from './routes/sms-webhooks.js';
import { renderErrorPage } from './routes/pages/error-page.js';
import { STYLESHEET } from './static/assets.js';

/** The whole web interface: pages, the JSON API, the stylesheet and the health check. */
export function createApp(ctx: AppContext) {
  const app = new Hono<WebEnv>();
  app.use(requestContext(ctx));
  app.use(compress);
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      referrerPolicy: 'same-origin',
      // A route's own header wins: a stored document is sent with `Content-Security-Policy: sandbox`.
      overwrite: false,
    }),
  );

  app.get('/healthz', async (c) => {
    await ctx.db.execute(sql`select 1`);
    return c.json({ status: 'ok', database: ctx.database.engine });
  });
  app.get(STYLESHEET.path, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(STYLESHEET.body);
  });
  // Browsers ask for /favicon.ico unbidden. We have none: an empty 404 that caches may keep costs
  // headers only (~0.8 KB on the wire), where the uncacheable HTML error page cost ~1.5 KB.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=604800');
    c.header('Content-Length', '0');
    return c.body(null, 404);
  });

  // Before sessions and CSRF: an SMS aggregator has no cookie; it proves itself with a shared secret.
  app.route('/sms', smsWebhookRoutes(ctx));

  app.use(session);
  app.use(locale);
  app.use(writeGuard);
  app.use(csrf);
  app.route('/api/v1', apiRoutes());
  app.route('/', pageRoutes());

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: { code: 'not_found', message: c.get('t')('error.not_found'), fields: {} } }, 404) : renderErrorPage(c, 'not_found')));
  app.onError((err, c) => {
    if (isDomainError(err)) return c.req.path.startsWith('/api/') ? apiError(c, err) : renderErrorPage(c, err.code);
    ctx.log.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'internal', message: 'Internal error', requestId: c.get('requestId') } }, 500);
    return renderErrorPage(c, 'internal');
  });
  return app;
}
