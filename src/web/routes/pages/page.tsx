import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { WebEnv } from '../../env.js';
import { Layout, type PageEnv } from '../../views/layout.js';

export function pageEnv(c: Context<WebEnv>): PageEnv {
  const url = new URL(c.req.url);
  return { t: c.get('t'), locale: c.get('locale'), actor: c.get('actor'), csrfToken: c.get('csrfToken'), path: url.pathname + url.search };
}

/** Renders a page inside the layout. Pages that show who is signed in must not be shared by caches. */
export function render(c: Context<WebEnv>, title: string, body: Child, status: ContentfulStatusCode = 200, flash?: string) {
  c.header('Cache-Control', 'private, no-cache');
  return c.html(<Layout env={pageEnv(c)} title={title} flash={flash}>{body}</Layout>, status);
}

/** A one-shot message carried to the next page in the query string (no server state, works without JS). */
export function flashOf(c: Context<WebEnv>): string | undefined {
  const key = c.req.query('done');
  return key && /^[a-z_]+$/.test(key) ? c.get('t')(`flash.${key}`) : undefined;
}

/** Post/redirect/get: a successful form post redirects with 303 so a reload does not post again. */
export function seeOther(c: Context<WebEnv>, path: string, done?: string) {
  if (!done) return c.redirect(path, 303);
  // The flash goes in the query, before any fragment (after it, the browser would never send it).
  const [base, fragment] = path.split(/#(.*)/s, 2) as [string, string | undefined];
  const sep = base.includes('?') ? '&' : '?';
  return c.redirect(`${base}${sep}done=${done}${fragment === undefined ? '' : `#${fragment}`}`, 303);
}

/** Only local paths are accepted as a place to return to, so a link cannot send users elsewhere. */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
