import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { DomainError, forbidden } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { requiredText } from '../shared/fields.js';
import {
  localeSchema, loginSchema, newUserSchema, organisationSchema, passwordSchema,
  type Actor, type NewUser, type User,
} from './accounts.js';
import * as repo from './accounts.repo.js';
import { canManageUsers } from './permissions.js';

const SESSION_DAYS = 30;
// Verifying against this when the account does not exist keeps the timing of a failed login the same.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2vWlGfN8V3f8iJ7VJ2D3nSgD7wCqLMP6gYb2Jq3y2aQ';

type Deps = { db: Db };
type LoginDeps = Deps & { clock: Clock; limits: { loginByAccount: RateLimiter; loginByAddress: RateLimiter } };

/** Creates an account. Errors: invalid (field keys), conflict (e-mail taken). Not idempotent. */
export async function createUser(ctx: Deps, input: NewUser, opts: { isDemo?: boolean } = {}): Promise<User> {
  const u = parseInput(newUserSchema, input);
  const passwordHash = await hash(u.password);
  return ctx.db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, u.email)) {
      throw new DomainError('conflict', 'error.email_taken', { email: 'validation.email_taken' });
    }
    const user = await repo.insertUser(tx, { ...u, passwordHash, isDemo: opts.isDemo ?? false });
    await repo.addMemberships(tx, user.id, u.hubIds);
    return user;
  });
}

/** The same as createUser, for an admin acting in the web interface. Errors: forbidden, invalid, conflict. */
export async function createUserAs(ctx: Deps, actor: Actor, input: NewUser): Promise<User> {
  if (!canManageUsers(actor)) throw forbidden();
  return createUser(ctx, input);
}

/**
 * Checks the credentials and opens a session. Errors: invalid (bad form), unauthenticated (wrong
 * e-mail or password — the same message for both), rate_limited (too many attempts for this account
 * or from this address within 15 minutes).
 */
export async function signIn(ctx: LoginDeps, input: unknown, address: string) {
  const { email, password } = parseInput(loginSchema, input);
  const byAccount = `login:${email}`;
  const byAddress = `login:${address}`;
  if (ctx.limits.loginByAccount.isBlocked(byAccount) || ctx.limits.loginByAddress.isBlocked(byAddress)) {
    throw new DomainError('rate_limited', 'error.too_many_attempts');
  }
  const found = await repo.findUserByEmail(ctx.db, email);
  const isValid = await verify(found?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!found || found.isDisabled || !isValid) {
    ctx.limits.loginByAccount.hit(byAccount);
    ctx.limits.loginByAddress.hit(byAddress);
    throw new DomainError('unauthenticated', 'error.bad_credentials');
  }
  ctx.limits.loginByAccount.reset(byAccount);
  const token = randomToken();
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await repo.insertSession(ctx.db, { tokenHash: sha256(token), userId: found.id, expiresAt });
  return { token, expiresAt, user: found as User };
}

export async function signOut(ctx: Deps, token: string) {
  await repo.deleteSession(ctx.db, sha256(token));
}

async function actorOf(ctx: Deps, userId: string): Promise<Actor> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) return null;
  const hubIds = await repo.hubIdsOf(ctx.db, user.id);
  return { id: user.id, role: user.role, hubIds, displayName: user.displayName, locale: user.locale };
}

/** The account with this e-mail as an actor, or null: for work done on an account's behalf (the demo acts as its admin). */
export async function actorByEmail(ctx: Deps, email: string): Promise<Actor> {
  const user = await repo.findUserByEmail(ctx.db, email);
  return user && !user.isDisabled ? actorOf(ctx, user.id) : null;
}

/** The actor behind a session cookie, or null when it is unknown, expired or the account disabled. */
export async function actorFromSession(ctx: Deps & { clock: Clock }, token: string): Promise<Actor> {
  const s = await repo.findSessionUser(ctx.db, sha256(token), ctx.clock.now());
  return s ? actorOf(ctx, s.userId) : null;
}

/** The actor behind an API bearer token, or null. Records when the token was last used. */
export async function actorFromApiToken(ctx: Deps & { clock: Clock }, token: string): Promise<Actor> {
  const t = await repo.findApiTokenUser(ctx.db, sha256(token));
  if (!t) return null;
  await repo.touchApiToken(ctx.db, t.id, ctx.clock.now());
  return actorOf(ctx, t.userId);
}

/** Issues an API token; the plain token is returned once and only its hash is kept. */
export async function createApiToken(ctx: Deps, actor: Actor, name: unknown) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  const label = parseInput(requiredText(80), name);
  const token = `psl_${randomToken()}`;
  const row = await repo.insertApiToken(ctx.db, { userId: actor.id, name: label, tokenHash: sha256(token) });
  return { ...row, token };
}

export async function listApiTokens(ctx: Deps, actor: Actor) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return repo.listApiTokens(ctx.db, actor.id);
}

export async function revokeApiToken(ctx: Deps & { clock: Clock }, actor: Actor, id: string) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  if (!(await repo.revokeApiToken(ctx.db, actor.id, id, ctx.clock.now()))) throw new DomainError('not_found', 'error.not_found');
}

export async function setLocale(ctx: Deps, actor: Actor, locale: unknown) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  await repo.updateUserLocale(ctx.db, actor.id, parseInput(localeSchema, locale));
}

/** Changes the password and closes every other session of the account. */
export async function changePassword(ctx: Deps, actor: Actor, current: unknown, next: unknown) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  const stored = await repo.findPasswordHash(ctx.db, actor.id);
  const isValid = stored && typeof current === 'string' && (await verify(stored, current).catch(() => false));
  if (!isValid) throw new DomainError('invalid', 'error.invalid', { current: 'validation.wrong_password' });
  const password = parseInput(passwordSchema, next);
  await repo.updatePasswordHash(ctx.db, actor.id, await hash(password));
  await repo.deleteSessionsOf(ctx.db, actor.id);
}

export async function listUsers(ctx: Deps, actor: Actor) {
  if (!canManageUsers(actor)) throw forbidden();
  return repo.listUsers(ctx.db);
}

export async function addHubMembership(ctx: Deps, actor: Actor, userId: string, hubIds: string[]) {
  if (!canManageUsers(actor)) throw forbidden();
  await repo.addMemberships(ctx.db, userId, hubIds);
}

/** For an admin in the web interface. Errors: forbidden, invalid. */
export async function createOrganisationAs(ctx: Deps, actor: Actor, input: unknown) {
  if (!canManageUsers(actor)) throw forbidden();
  return createOrganisation(ctx, input);
}

export async function createOrganisation(ctx: Deps, input: unknown) {
  return repo.insertOrganisation(ctx.db, parseInput(organisationSchema, input));
}

export const listOrganisations = (ctx: Deps) => repo.listOrganisations(ctx.db);
