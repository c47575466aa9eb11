import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/pool';
import { likePattern, orderFrom } from '../../db/paging';
import { departments, parks } from './parks.tables';
import type { ParkScope } from './scope';

export type ParkRow = typeof parks.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

/** The given parks and all their descendants. */
export async function descendantsOf(db: Executor, parkIds: readonly string[]): Promise<{ id: string; parentId: string | null }[]> {
  if (parkIds.length === 0) return [];
  const ids = sql.join(parkIds.map((id) => sql`${id}::uuid`), sql`, `);
  const r = await db.execute<{ id: string; parent_id: string | null }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id, parent_id FROM ${parks} WHERE id IN (${ids})
      UNION SELECT p.id, p.parent_id FROM ${parks} p JOIN tree t ON p.parent_id = t.id)
    SELECT id, parent_id FROM tree`);
  return r.rows.map((x) => ({ id: x.id, parentId: x.parent_id }));
}

const parkScopeFilter = (scope: ParkScope): SQL | undefined => (scope.all ? undefined : scope.ids.size ? inArray(parks.id, [...scope.ids]) : sql`false`);

export const listParks = (db: Db, scope: ParkScope) => db.select().from(parks).where(parkScopeFilter(scope)).orderBy(sql`${parks.parentId} NULLS FIRST`, asc(parks.code));
export const findPark = async (db: Executor, scope: ParkScope, id: string) => (await db.select().from(parks).where(and(eq(parks.id, id), parkScopeFilter(scope))).limit(1))[0];
export const findZone = async (db: Executor) => (await db.select().from(parks).where(isNull(parks.parentId)).limit(1))[0];
export const insertPark = async (tx: Executor, v: typeof parks.$inferInsert) => (await tx.insert(parks).values(v).returning())[0]!;
export const updatePark = async (tx: Executor, id: string, v: Partial<typeof parks.$inferInsert>) => (await tx.update(parks).set(v).where(eq(parks.id, id)).returning())[0]!;

const deptScopeFilter = (scope: ParkScope): SQL | undefined => (scope.all ? undefined : scope.ids.size ? inArray(departments.parkId, [...scope.ids]) : sql`false`);

/** `within`: a second park scope the departments must lie in too (the caller's scope always applies). */
export async function listDepartments(db: Db, scope: ParkScope, f: { q?: string; parkId?: string; within?: ParkScope; ids?: string[] }, page: number, pageSize: number, sort?: string) {
  const where = and(
    deptScopeFilter(scope),
    f.within ? deptScopeFilter(f.within) : undefined,
    f.ids ? (f.ids.length ? inArray(departments.id, f.ids) : sql`false`) : undefined,
    f.q ? ilike(departments.name, likePattern(f.q)) : undefined,
    f.parkId ? eq(departments.parkId, f.parkId) : undefined,
  );
  const order = orderFrom(sort, { name: departments.name, createdAt: departments.createdAt }, asc(departments.name));
  const [items, [count]] = await Promise.all([
    db.select().from(departments).where(where).orderBy(order, departments.id).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(departments).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
export const findDepartment = async (db: Executor, scope: ParkScope, id: string) => (await db.select().from(departments).where(and(eq(departments.id, id), deptScopeFilter(scope))).limit(1))[0];
export const insertDepartment = async (tx: Executor, v: typeof departments.$inferInsert) => (await tx.insert(departments).values(v).returning())[0]!;
export const updateDepartment = async (tx: Executor, id: string, v: Partial<typeof departments.$inferInsert>) => (await tx.update(departments).set(v).where(eq(departments.id, id)).returning())[0]!;
export const deleteDepartment = (tx: Executor, id: string) => tx.delete(departments).where(eq(departments.id, id));

/**
 * What still refers to a department (read across modules only to refuse a delete with a clear
 * reason): its users and the work orders it leads or co-handles.
 */
export async function departmentReferences(ex: Executor, id: string): Promise<{ users: number; orders: number }> {
  const r = await ex.execute<{ users: number; orders: number }>(sql`
    SELECT (SELECT count(*)::int FROM users WHERE department_id = ${id}) AS users,
           (SELECT count(*)::int FROM work_orders o WHERE o.department_id = ${id}
              OR EXISTS (SELECT 1 FROM work_order_co_handlers c WHERE c.order_id = o.id AND c.department_id = ${id})) AS orders`);
  return r.rows[0]!;
}
