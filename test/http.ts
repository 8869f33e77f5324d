import type { createApp } from '../src/web/app.js';
import { PASSWORD } from './factories.js';

type App = ReturnType<typeof createApp>;

/**
 * A browser-like client for `app.request()`: keeps cookies, reads the CSRF token from pages, and
 * posts forms with it — so tests go through the same checks a browser does.
 */
export function browser(app: App) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  function keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [k = '', v = ''] = pair.split('=');
      if (/max-age=0/i.test(c) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
    return res;
  }
  const client = {
    jar,
    async get(path: string, headers: Record<string, string> = {}) {
      return keep(await app.request(path, { headers: { cookie: cookieHeader(), ...headers } }));
    },
    async csrf() {
      if (!jar.get('psl_csrf')) await client.get('/');
      return jar.get('psl_csrf')!;
    },
    async post(path: string, fields: Record<string, string | string[]> | URLSearchParams, opts: { csrf?: string | null } = {}) {
      const body = fields instanceof URLSearchParams ? fields : new URLSearchParams();
      if (!(fields instanceof URLSearchParams)) {
        for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      }
      const token = opts.csrf === undefined ? await client.csrf() : opts.csrf;
      if (token !== null) body.set('_csrf', token);
      return keep(await app.request(path, { method: 'POST', body, headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } }));
    },
    async signIn(email: string, password = PASSWORD) {
      const res = await client.post('/login', { email, password, next: '/' });
      if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
      return res;
    },
  };
  return client;
}

/** A browser already signed in as this account (made by the factories, so with their password). */
export async function signedInBrowser(app: App, email: string) {
  const b = browser(app);
  await b.signIn(email);
  return b;
}
