import { and, arrayOverlaps, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import { likePattern } from '../../db/paging';
import type { Db, Executor } from '../../db/pool';
import { departments } from '../parks/parks.tables';
import { users } from './identity.tables';

export type DirectoryEntry = { id: string; username: string; displayName: string };
const columns = { id: users.id, username: users.username, displayName: users.displayName };
/** A user who may be given work, with what the picker shows of them. */
export type StaffEntry = DirectoryEntry & { roles: string[]; departmentId: string | null; departmentName: string | null };
export type StaffFilter = { roles: readonly string[]; parkIds: readonly string[]; id?: string; q?: string; departmentFirst?: string; limit: number };

/**
 * What other modules may know about users: names for display, who can be assigned as a service
 * officer and who may be given work. Nothing else of the identity tables leaves this module.
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
    /**
     * Active users holding one of `roles` in one of `parkIds` (who may be given work there): those of
     * `departmentFirst` first, then by name; `id` narrows to one user, `q` finds name or username.
     */
    async activeStaffIn(f: StaffFilter): Promise<StaffEntry[]> {
      return db
        .select({ ...columns, roles: users.roles, departmentId: users.departmentId, departmentName: departments.name })
        .from(users)
        .leftJoin(departments, eq(departments.id, users.departmentId))
        .where(
          and(
            eq(users.status, 'active'),
            sql`${users.roles} && ${arrayLiteral(f.roles)}::text[]`,
            sql`${users.parkIds} && ${arrayLiteral(f.parkIds)}::uuid[]`,
            f.id ? eq(users.id, f.id) : undefined,
            f.q ? or(ilike(users.displayName, likePattern(f.q)), ilike(users.username, likePattern(f.q))) : undefined,
          ),
        )
        .orderBy(...(f.departmentFirst ? [sql`${users.departmentId} IS NOT DISTINCT FROM ${f.departmentFirst} DESC`] : []), asc(users.displayName), asc(users.username))
        .limit(f.limit);
    },
    /** Active service officers keyed by lower-cased username (imports name officers by username). */
    async officersByUsername(): Promise<Map<string, DirectoryEntry>> {
      const rows = await db.select(columns).from(users).where(officerFilter);
      return new Map(rows.map((r) => [r.username.toLowerCase(), r]));
    },
  };
}
export type UserDirectory = ReturnType<typeof createUserDirectory>;
