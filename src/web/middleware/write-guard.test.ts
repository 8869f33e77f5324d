import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { browser } from '../../../test/http.js';

const t = useTestContext();
// The allowance is per minute and the test clock stands still: each test starts a fresh minute.
beforeEach(() => t.clock.advance(61_000));

describe('write guard', () => {
  it('refuses the 61st write of a minute from one address with 429 and Retry-After, in the visitor’s language', async () => {
    const visitor = browser(t.app);
    for (let i = 0; i < 60; i++) expect((await visitor.post('/locale', { locale: 'fr', next: '/' })).status).toBe(303);
    const refused = await visitor.post('/locale', { locale: 'fr', next: '/' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/réessayez|Trop/i);
  });

  it('counts a signed-in person by account, so people sharing one address keep their own allowance', async () => {
    const { user } = await makeUser(t.ctx, 'coordinator');
    const member = browser(t.app);
    await member.signIn(user.email);
    const visitor = browser(t.app);
    for (let i = 0; i < 60; i++) await visitor.post('/locale', { locale: 'en', next: '/' });
    expect((await visitor.post('/locale', { locale: 'en', next: '/' })).status).toBe(429);
    expect((await member.post('/locale', { locale: 'en', next: '/' })).status).toBe(303);
  });

  it('lets a progress report carry its document (2 MiB and the form), no more, while other forms stay at 1 MB', async () => {
    const visitor = browser(t.app);
    const send = async (path: string, size: number) => {
      const body = new FormData();
      body.set('_csrf', await visitor.csrf());
      body.set('document', new File([new Uint8Array(size)], 'report.pdf'));
      const cookie = [...visitor.jar].map(([k, v]) => `${k}=${v}`).join('; ');
      return t.app.request(path, { method: 'POST', body, headers: { cookie, 'accept-language': 'en' } });
    };
    const id = crypto.randomUUID();
    const progress = `/processes/${id}/accountability/commitments/${crypto.randomUUID()}/progress`;
    // Past the guard, the form asks to sign in first.
    expect((await send(progress, 2 * 1024 * 1024)).status).toBe(303);
    expect((await send(`/processes/${id}/accountability/commitments/new`, 1024 * 1024 + 1)).status).toBe(413);
    const refused = await send(progress, 2 * 1024 * 1024 + 128 * 1024);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe('The file is too large (at most 2 MB).');
  });
});
