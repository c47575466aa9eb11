import { and, arrayOverlaps, asc, eq, inArray, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import type { Db, Executor } from '../../db/pool';
import { users } from './identity.tables';

export type DirectoryEntry = { id: string; username: string; displayName: string };
const columns = { id: users.id, username: users.username, displayName: users.displayName };

/**
 * What other modules may know about users: names for display and who can be assigned as a
 * service officer. Nothing else of the identity tables leaves this module.
 */
export function createUserDirectory(db: Db) {
  const officerFilter = and(arrayOverlaps(users.roles, ['service_officer']), eq(users.status, 'active'));
  return {
    async byIds(ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db.select(columns).from(users).where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r]));
    },
    /** Active service officers, by display name. */
    officers: (): Promise<DirectoryEntry[]> => db.select(columns).from(users).where(officerFilter).orderBy(asc(users.displayName)),
    async officerById(id: string): Promise<DirectoryEntry | undefined> {
      return (await db.select(columns).from(users).where(and(eq(users.id, id), officerFilter)).limit(1))[0];
    },
    /** Active enterprise accounts of these enterprises (the addressees of what concerns an enterprise). */
    async enterpriseUsers(ex: Executor, enterpriseIds: readonly string[]): Promise<{ id: string; enterpriseId: string }[]> {
      if (enterpriseIds.length === 0) return [];
      const rows = await ex
        .select({ id: users.id, enterpriseId: users.enterpriseId })
        .from(users)
        .where(and(sql`${users.enterpriseId} = ANY(${arrayLiteral(enterpriseIds)}::uuid[])`, arrayOverlaps(users.roles, ['enterprise']), eq(users.status, 'active')));
      return rows.map((r) => ({ id: r.id, enterpriseId: r.enterpriseId! }));
    },
    /** The department a user works in (department staff), or null. */
    async departmentOf(userId: string): Promise<string | null> {
      return (await db.select({ d: users.departmentId }).from(users).where(eq(users.id, userId)).limit(1))[0]?.d ?? null;
    },
    /** An active user who may be given work (assignees): roles, parks and department to check against. */
    async activeStaffById(id: string): Promise<(DirectoryEntry & { roles: string[]; parkIds: string[]; departmentId: string | null }) | undefined> {
      const rows = await db
        .select({ ...columns, roles: users.roles, parkIds: users.parkIds, departmentId: users.departmentId })
        .from(users)
        .where(and(eq(users.id, id), eq(users.status, 'active')))
        .limit(1);
      return rows[0];
    },
    /** Active service officers keyed by lower-cased username (imports name officers by username). */
    async officersByUsername(): Promise<Map<string, DirectoryEntry>> {
      const rows = await db.select(columns).from(users).where(officerFilter);
      return new Map(rows.map((r) => [r.username.toLowerCase(), r]));
    },
  };
}
export type UserDirectory = ReturnType<typeof createUserDirectory>;
