import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser, PASSWORD } from '../../../test/factories.js';
import { actorFromApiToken, actorFromSession, createApiToken, createUser, revokeApiToken, signIn, signOut } from './accounts.service.js';

const t = useTestContext();

describe('accounts', () => {
  it('stores an Argon2id hash, never the password', async () => {
    const { user } = await makeUser(t.ctx, 'curator');
    const result = (await t.ctx.db.execute(sql`select password_hash from users where id = ${user.id}`)) as unknown as { rows: { password_hash: string }[] };
    expect(result.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(result.rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    await createUser(t.ctx, { email: 'Awa@Example.org', displayName: 'Awa', password: PASSWORD, role: 'admin', hubIds: [] });
    await expect(createUser(t.ctx, { email: 'awa@example.org', displayName: 'Awa 2', password: PASSWORD, role: 'admin', hubIds: [] })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('signs in, resolves the session, expires it and signs out', async () => {
    const { user } = await makeUser(t.ctx, 'coordinator');
    const s = await signIn(t.ctx, { email: user.email.toUpperCase(), password: PASSWORD }, '10.0.0.1');
    expect((await actorFromSession(t.ctx, s.token))?.id).toBe(user.id);
    expect(await actorFromSession(t.ctx, 'forged')).toBeNull();
    await signOut(t.ctx, s.token);
    expect(await actorFromSession(t.ctx, s.token)).toBeNull();
    const s2 = await signIn(t.ctx, { email: user.email, password: PASSWORD }, '10.0.0.1');
    t.clock.advance(31 * 24 * 3600 * 1000);
    expect(await actorFromSession(t.ctx, s2.token)).toBeNull();
  });

  it('gives the same answer for an unknown account and a wrong password, and limits attempts', async () => {
    const { user } = await makeUser(t.ctx, 'curator');
    await expect(signIn(t.ctx, { email: 'nobody@example.org', password: 'x' }, '10.0.0.2')).rejects.toMatchObject({ code: 'unauthenticated', message: 'error.bad_credentials' });
    for (let i = 0; i < 5; i++) {
      await expect(signIn(t.ctx, { email: user.email, password: 'wrong password' }, '10.0.0.3')).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    await expect(signIn(t.ctx, { email: user.email, password: PASSWORD }, '10.0.0.3')).rejects.toMatchObject({ code: 'rate_limited' });
    t.clock.advance(15 * 60 * 1000);
    await expect(signIn(t.ctx, { email: user.email, password: PASSWORD }, '10.0.0.3')).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('issues API tokens shown once, stored hashed, revocable', async () => {
    const { actor } = await makeUser(t.ctx, 'coordinator');
    const created = await createApiToken(t.ctx, actor, 'radio laptop');
    expect(created.token).toMatch(/^psl_/);
    expect((await actorFromApiToken(t.ctx, created.token))?.id).toBe(actor.id);
    await revokeApiToken(t.ctx, actor, created.id);
    expect(await actorFromApiToken(t.ctx, created.token)).toBeNull();
  });
});
