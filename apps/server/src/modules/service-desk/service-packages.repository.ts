// Service packages (服务包), their items, assignments to enterprises and each item's progress.
// An assignment's scope is its enterprise's current park: it joins the enterprises table read-only
// (name, park, service officer), as lists page and sort over them.
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { PackageItemStatus } from '@zhiyuan/core';
import type { Executor } from '../../db/pool';
import { groupBy } from '../../db/group-by';
import { likePattern, orderFrom } from '../../db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import type { ParkScope } from '../parks/scope';
import { servicePackageAssignments as assignments, servicePackageItemProgress as progress, servicePackageItems as items, servicePackages as packages } from './visits.tables';

export type PackageRow = typeof packages.$inferSelect;
export type ItemRow = typeof items.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect & { enterpriseName: string; parkId: string; packageName: string; packageDescription: string | null };
export type ProgressRow = typeof progress.$inferSelect;

const inParks = (scope: ParkScope): SQL | undefined => (scope.all ? undefined : scope.ids.size ? inArray(enterprises.parkId, [...scope.ids]) : sql`false`);

// ---------------------------------------------------------------- packages

export async function listPackages(db: Executor, scope: ParkScope, f: { q?: string; active?: boolean }, page: number, pageSize: number, sort?: string) {
  const where = and(f.q ? ilike(packages.name, likePattern(f.q)) : undefined, f.active !== undefined ? eq(packages.active, f.active) : undefined);
  const order = orderFrom(sort, { name: packages.name, createdAt: packages.createdAt, updatedAt: packages.updatedAt }, asc(packages.name));
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(packages)
      .where(where)
      .orderBy(desc(packages.active), order, packages.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(packages).where(where),
  ]);
  const counts = await assignedCounts(db, scope, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, assignedCount: counts.get(r.id) ?? 0 })), total: count?.n ?? 0 };
}

export const findPackage = async (db: Executor, id: string) => (await db.select().from(packages).where(eq(packages.id, id)).limit(1))[0];
export const lockPackage = async (tx: Executor, id: string) => (await tx.select().from(packages).where(eq(packages.id, id)).for('update').limit(1))[0];
export const insertPackage = async (tx: Executor, v: typeof packages.$inferInsert) => (await tx.insert(packages).values(v).returning())[0]!;
export const updatePackage = async (tx: Executor, id: string, v: Partial<typeof packages.$inferInsert>) =>
  (await tx.update(packages).set({ ...v, updatedAt: new Date() }).where(eq(packages.id, id)).returning())[0]!;

/** Enterprises each package is assigned to within the caller's parks. */
export async function assignedCounts(db: Executor, scope: ParkScope, packageIds: readonly string[]): Promise<Map<string, number>> {
  if (packageIds.length === 0) return new Map();
  const rows = await db
    .select({ packageId: assignments.packageId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId))
    .where(and(inArray(assignments.packageId, [...packageIds]), inParks(scope)))
    .groupBy(assignments.packageId);
  return new Map(rows.map((r) => [r.packageId, r.n]));
}

/** Items per package: active ones first, in their order. */
export async function itemsOf(db: Executor, packageIds: readonly string[]): Promise<Map<string, ItemRow[]>> {
  if (packageIds.length === 0) return new Map();
  const rows = await db.select().from(items).where(inArray(items.packageId, [...packageIds])).orderBy(desc(items.active), asc(items.sortOrder), asc(items.name));
  return groupBy(rows, (r) => r.packageId);
}

export const insertItems = (tx: Executor, rows: (typeof items.$inferInsert)[]) => (rows.length ? tx.insert(items).values(rows).returning() : Promise.resolve([]));
export const updateItem = (tx: Executor, id: string, v: Partial<typeof items.$inferInsert>) => tx.update(items).set(v).where(eq(items.id, id));

// ---------------------------------------------------------------- assignments

export type AssignmentFilter = { packageId?: string; enterpriseId?: string; parkIds?: string[]; officerId?: string; complete?: boolean };

/** Every active item of the package is done (an item without a progress row is todo). */
const isComplete = sql`NOT EXISTS (
  SELECT 1 FROM ${items} i WHERE i.package_id = ${assignments.packageId} AND i.active
  AND NOT EXISTS (SELECT 1 FROM ${progress} p WHERE p.assignment_id = ${assignments.id} AND p.item_id = i.id AND p.status = 'done'))`;

function assignmentWhere(scope: ParkScope, f: AssignmentFilter): SQL | undefined {
  return and(
    inParks(scope),
    f.packageId ? eq(assignments.packageId, f.packageId) : undefined,
    f.enterpriseId ? eq(assignments.enterpriseId, f.enterpriseId) : undefined,
    f.parkIds ? inArray(enterprises.parkId, f.parkIds.length ? f.parkIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    f.officerId ? eq(assignments.officerId, f.officerId) : undefined,
    f.complete === true ? isComplete : f.complete === false ? sql`NOT ${isComplete}` : undefined,
  );
}

const assignmentColumns = { a: assignments, enterpriseName: enterprises.name, parkId: enterprises.parkId, packageName: packages.name, packageDescription: packages.description };
const flatten = ({ a, ...rest }: { a: typeof assignments.$inferSelect } & Omit<AssignmentRow, keyof typeof assignments.$inferSelect>): AssignmentRow => ({ ...a, ...rest });
const assignmentSort = { assignedAt: assignments.assignedAt, enterpriseName: enterprises.name, packageName: packages.name };

export async function listAssignments(db: Executor, scope: ParkScope, f: AssignmentFilter, page: number, pageSize: number, sort?: string) {
  const where = assignmentWhere(scope, f);
  const base = () => db.select(assignmentColumns).from(assignments).innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId)).innerJoin(packages, eq(packages.id, assignments.packageId));
  const [rows, [count]] = await Promise.all([
    base()
      .where(where)
      .orderBy(orderFrom(sort, assignmentSort, desc(assignments.assignedAt)), assignments.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(assignments).innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId)).where(where),
  ]);
  return { items: rows.map(flatten), total: count?.n ?? 0 };
}

export async function findAssignment(db: Executor, scope: ParkScope, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .select(assignmentColumns)
    .from(assignments)
    .innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId))
    .innerJoin(packages, eq(packages.id, assignments.packageId))
    .where(and(eq(assignments.id, id), inParks(scope)))
    .limit(1);
  return row && flatten(row);
}

/** The enterprises among `ids` the scope reaches, with their service officer (the default deliverer). */
export const enterprisesInScope = (db: Executor, scope: ParkScope, ids: readonly string[]) =>
  db
    .select({ id: enterprises.id, serviceOfficerId: enterprises.serviceOfficerId })
    .from(enterprises)
    .where(and(inArray(enterprises.id, [...ids]), inParks(scope)));

/** Enterprises already holding the package are left as they are. */
export const insertAssignments = (tx: Executor, rows: (typeof assignments.$inferInsert)[]) =>
  tx.insert(assignments).values(rows).onConflictDoNothing({ target: [assignments.packageId, assignments.enterpriseId] }).returning({ id: assignments.id, enterpriseId: assignments.enterpriseId });

export async function progressOf(db: Executor, assignmentIds: readonly string[]): Promise<Map<string, ProgressRow[]>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db.select().from(progress).where(inArray(progress.assignmentId, [...assignmentIds]));
  return groupBy(rows, (r) => r.assignmentId);
}

export const findProgress = async (db: Executor, assignmentId: string, itemId: string) =>
  (await db.select().from(progress).where(and(eq(progress.assignmentId, assignmentId), eq(progress.itemId, itemId))).limit(1))[0];

export async function upsertProgress(tx: Executor, v: { assignmentId: string; itemId: string; status: PackageItemStatus; note: string | null; updatedBy: string }) {
  const set = { status: v.status, note: v.note, updatedBy: v.updatedBy, updatedAt: new Date() };
  return (await tx.insert(progress).values(v).onConflictDoUpdate({ target: [progress.assignmentId, progress.itemId], set }).returning())[0]!;
}
