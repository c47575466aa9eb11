import { and, arrayOverlaps, desc, eq, gt, ilike, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/pool';
import { likePattern, orderFrom } from '../../db/paging';
import { parkArrayWithin, type ParkScope } from '../parks/scope';
import { apiTokens, loginAttempts, passwordHistory, sessions, settings, users } from './identity.tables';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type TokenRow = typeof apiTokens.$inferSelect;

export const findUserByUsername = async (db: Executor, username: string) =>
  (await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1))[0];

export const findUserById = async (db: Executor, id: string) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export const findUserForUpdate = async (tx: Executor, id: string) => (await tx.select().from(users).where(eq(users.id, id)).for('update').limit(1))[0];

/** Whether any active user already holds the role. */
export const roleHeld = async (db: Executor, role: string) =>
  (await db.select({ id: users.id }).from(users).where(and(arrayOverlaps(users.roles, [role]), eq(users.status, 'active'))).limit(1)).length > 0;

export const insertUser = async (tx: Executor, values: NewUser) => (await tx.insert(users).values(values).returning())[0]!;

export const updateUser = async (tx: Executor, id: string, patch: Partial<NewUser>) =>
  (await tx.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning())[0]!;

/** Users visible in a scope: zone-wide callers see all; others only users whose parks all lie in their scope. */
const userScopeFilter = (scope: ParkScope) => parkArrayWithin(users.parkIds, scope);

export type UserFilter = { q?: string; role?: string; status?: 'active' | 'disabled' };

export async function listUsers(db: Db, scope: ParkScope, f: UserFilter, page: number, pageSize: number, sort?: string) {
  const where = and(
    userScopeFilter(scope),
    f.q ? or(ilike(users.username, likePattern(f.q)), ilike(users.displayName, likePattern(f.q))) : undefined,
    f.role ? arrayOverlaps(users.roles, [f.role]) : undefined,
    f.status ? eq(users.status, f.status) : undefined,
  );
  const order = orderFrom(sort, { username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt }, desc(users.createdAt));
  const [items, [count]] = await Promise.all([
    db.select().from(users).where(where).orderBy(order, users.id).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function userInScope(db: Executor, scope: ParkScope, id: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(and(eq(users.id, id), userScopeFilter(scope))).limit(1))[0];
}

// Sessions
export const insertSession = (tx: Executor, s: typeof sessions.$inferInsert) => tx.insert(sessions).values(s);

export async function findSessionWithUser(db: Executor, idHash: string) {
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.idHash, idHash)).limit(1);
  return row;
}
export const touchSession = (db: Executor, idHash: string, at: Date) => db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
export const deleteSession = (db: Executor, idHash: string) => db.delete(sessions).where(eq(sessions.idHash, idHash));
/** Ends a user's sessions, except `keep` (the caller's own) when given; returns how many ended. */
export const deleteUserSessions = async (db: Executor, userId: string, keep?: string) =>
  (await db.delete(sessions).where(and(eq(sessions.userId, userId), keep ? ne(sessions.idHash, keep) : undefined)).returning({ id: sessions.idHash })).length;

// Sign-in attempts
export const insertAttempt = (db: Executor, a: typeof loginAttempts.$inferInsert) => db.insert(loginAttempts).values(a);

/** Failures since `since` that came after the user's last success. */
export async function recentFailures(db: Executor, userId: string, since: Date): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM ${loginAttempts}
    WHERE ${loginAttempts.userId} = ${userId} AND NOT ${loginAttempts.success} AND ${loginAttempts.at} > ${since}
      AND ${loginAttempts.at} > coalesce((SELECT max(at) FROM ${loginAttempts} WHERE user_id = ${userId} AND success), '-infinity')`).then((r) => r.rows);
  return row?.n ?? 0;
}

// Password history
export const insertPasswordHistory = (tx: Executor, userId: string, hash: string) => tx.insert(passwordHistory).values({ userId, hash });
export const lastPasswordHashes = async (db: Executor, userId: string, n: number) =>
  n === 0 ? [] : (await db.select({ hash: passwordHistory.hash }).from(passwordHistory).where(eq(passwordHistory.userId, userId)).orderBy(desc(passwordHistory.id)).limit(n)).map((r) => r.hash);

// Integration tokens
export const insertToken = async (tx: Executor, t: typeof apiTokens.$inferInsert) => (await tx.insert(apiTokens).values(t).returning())[0]!;
export const findLiveToken = async (db: Executor, hash: string, now: Date) =>
  (await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now))).limit(1))[0];
export const touchToken = (db: Executor, id: string, at: Date) => db.update(apiTokens).set({ lastUsedAt: at }).where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(at.getTime() - 60_000)))));
export const findToken = async (db: Executor, id: string) => (await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0];
export const revokeToken = async (tx: Executor, id: string, at: Date) => (await tx.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning())[0];

export async function listTokens(db: Db, scope: ParkScope, page: number, pageSize: number) {
  const where = parkArrayWithin(apiTokens.parkIds, scope);
  const [items, [count]] = await Promise.all([
    db.select({ token: apiTokens, createdBy: users.username }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.createdBy)).where(where).orderBy(desc(apiTokens.createdAt)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(apiTokens).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

// Settings
export const getSetting = async (db: Executor, key: string) => (await db.select().from(settings).where(eq(settings.key, key)).limit(1))[0]?.value;
export const putSetting = (tx: Executor, key: string, value: unknown) =>
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
