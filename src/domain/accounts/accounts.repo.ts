import { and, eq, gt, isNull, asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { apiTokens, hubMembers, organisations, sessions, users } from '../../db/schema/index.js';
import type { Role } from '../taxonomy/index.js';
import type { User } from './accounts.js';

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
  locale: users.locale,
  isDemo: users.isDemo,
  createdAt: users.createdAt,
};

const asUser = (row: Omit<User, 'role'> & { role: string }): User => ({ ...row, role: row.role as Role });

export async function insertUser(
  db: DbOrTx,
  u: { email: string; displayName: string; passwordHash: string; role: Role; organisationId: string | null; isDemo?: boolean },
): Promise<User> {
  const [row] = await db.insert(users).values(u).returning(userColumns);
  return asUser(row!);
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, isDisabled: users.isDisabled })
    .from(users)
    .where(eq(users.email, email));
  return row ? { ...asUser(row), passwordHash: row.passwordHash, isDisabled: row.isDisabled } : null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | null> {
  const [row] = await db.select(userColumns).from(users).where(and(eq(users.id, id), eq(users.isDisabled, false)));
  return row ? asUser(row) : null;
}

export async function findPasswordHash(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.h ?? null;
}

export async function listUsers(db: DbOrTx): Promise<User[]> {
  return (await db.select(userColumns).from(users).orderBy(asc(users.email))).map(asUser);
}

export async function updateUserLocale(db: DbOrTx, id: string, locale: string | null) {
  await db.update(users).set({ locale }).where(eq(users.id, id));
}

export async function updatePasswordHash(db: DbOrTx, id: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

export async function hubIdsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ hubId: hubMembers.hubId }).from(hubMembers).where(eq(hubMembers.userId, userId));
  return rows.map((r) => r.hubId);
}

export async function addMemberships(db: DbOrTx, userId: string, hubIds: string[]) {
  if (hubIds.length === 0) return;
  await db.insert(hubMembers).values(hubIds.map((hubId) => ({ hubId, userId }))).onConflictDoNothing();
}

export async function insertSession(db: DbOrTx, s: { tokenHash: string; userId: string; expiresAt: Date }) {
  await db.insert(sessions).values(s);
}

export async function findSessionUser(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: sessions.userId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isDisabled, false)));
  return row ?? null;
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function insertApiToken(db: DbOrTx, t: { userId: string; name: string; tokenHash: string }) {
  const [row] = await db.insert(apiTokens).values(t).returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  return row!;
}

export async function findApiTokenUser(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.isDisabled, false)));
  return row ?? null;
}

export async function touchApiToken(db: DbOrTx, id: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: DbOrTx, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeApiToken(db: DbOrTx, userId: string, id: string, at: Date) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function insertOrganisation(db: DbOrTx, o: { name: string; sector: string }) {
  const [row] = await db.insert(organisations).values(o).returning();
  return row!;
}

export async function listOrganisations(db: DbOrTx) {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}
