import { and, asc, desc, eq, getTableColumns, type AnyColumn, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openWorkOrderStatuses, type WorkOrderFilter } from '@zhiyuan/core';
import { arrayLiteral } from '../../db/array-literal';
import type { Executor } from '../../db/pool';
import { enterprises } from '../enterprises/enterprises.tables';
import { users } from '../identity/identity.tables';
import { departments } from '../parks/parks.tables';
import { officerQueue } from './officer-orders.repository';
import { titleContains, workOrderCounters, workOrders } from './service-desk.tables';
import { handledBy, scopeCondition, type WorkOrderScope } from './work-order-scope';

export type WorkOrderRecord = typeof workOrders.$inferSelect;
export type NewWorkOrder = typeof workOrders.$inferInsert;

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');
const decider = alias(users, 'decider');
const target = alias(workOrders, 'merge_target');

/** An order with the names it is shown with (other modules' tables are read for names only). */
const withNames = {
  ...getTableColumns(workOrders),
  enterpriseName: enterprises.name,
  serviceOfficerId: enterprises.serviceOfficerId,
  departmentName: departments.name,
  departmentHeadId: departments.headUserId,
  assigneeName: assignee.displayName,
  createdByName: creator.displayName,
  decidedByName: decider.displayName,
  mergedIntoNumber: target.number,
};
export type WorkOrderRow = WorkOrderRecord & {
  enterpriseName: string | null;
  serviceOfficerId: string | null;
  departmentName: string | null;
  departmentHeadId: string | null;
  assigneeName: string | null;
  createdByName: string | null;
  decidedByName: string | null;
  mergedIntoNumber: string | null;
};

const selectOrders = (ex: Executor) =>
  ex
    .select(withNames)
    .from(workOrders)
    .leftJoin(enterprises, eq(enterprises.id, workOrders.enterpriseId))
    .leftJoin(departments, eq(departments.id, workOrders.departmentId))
    .leftJoin(assignee, eq(assignee.id, workOrders.assigneeId))
    .leftJoin(creator, eq(creator.id, workOrders.createdBy))
    .leftJoin(decider, eq(decider.id, workOrders.decidedBy))
    .leftJoin(target, eq(target.id, workOrders.mergedIntoId));

/** The order when the scope reaches it. */
export const findOrder = async (ex: Executor, scope: WorkOrderScope, id: string): Promise<WorkOrderRow | undefined> =>
  (await selectOrders(ex).where(and(eq(workOrders.id, id), scopeCondition(scope))).limit(1))[0];

/** Locks the order row for the rest of the transaction (one action at a time per order). */
export const lockOrder = async (tx: Executor, id: string) => (await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update').limit(1))[0];

export const findByIdempotencyKey = async (ex: Executor, createdBy: string, key: string) =>
  (await ex.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.createdBy, createdBy), eq(workOrders.idempotencyKey, key))).limit(1))[0];

/** The next number of the year, under the counter row's lock until the creating transaction ends (no gaps). */
export async function nextNumber(tx: Executor, year: number): Promise<number> {
  const r = await tx.execute<{ last: number }>(
    sql`INSERT INTO ${workOrderCounters} (year, last) VALUES (${year}, 1) ON CONFLICT (year) DO UPDATE SET last = ${workOrderCounters}.last + 1 RETURNING last`,
  );
  return r.rows[0]!.last;
}

export const insertOrder = async (tx: Executor, v: NewWorkOrder) => (await tx.insert(workOrders).values(v).returning())[0]!;

export const updateOrder = async (tx: Executor, id: string, v: Partial<NewWorkOrder>) => (await tx.update(workOrders).set(v).where(eq(workOrders.id, id)).returning())[0]!;

/** Orders merged into this one. */
export const mergedInto = (ex: Executor, id: string) =>
  ex.select({ id: workOrders.id, number: workOrders.number, title: workOrders.title }).from(workOrders).where(eq(workOrders.mergedIntoId, id)).orderBy(asc(workOrders.createdAt));

export const countByCategory = async (ex: Executor, categoryId: string) =>
  (await ex.select({ n: sql<number>`count(*)::int` }).from(workOrders).where(eq(workOrders.categoryId, categoryId)))[0]?.n ?? 0;

// ---------------------------------------------------------------- list

/** The filter with park and category already expanded to their subtrees; `me` for `mine`. */
export type ListFilter = Omit<WorkOrderFilter, 'parkId' | 'categoryId'> & { parkIds?: string[]; categoryIds?: string[]; me?: string | null };

// Qualified (the list joins tables that have a status too), as literals like the sweep's partial index predicate.
const openStatuses = sql.raw(openWorkOrderStatuses.map((x) => `'${x}'`).join(', '));
const uuids = (ids: readonly string[]) => sql`${arrayLiteral(ids)}::uuid[]`;
/** Start of a Shanghai calendar day, and of the day after. */
const dayStart = (d: string) => sql`(${d}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const dayEnd = (d: string) => sql`((${d}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

function filterWhere(scope: WorkOrderScope, f: ListFilter, now: Date, number: string | null): SQL | undefined {
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  // Currently past a deadline (core's overdueState, in SQL).
  const overdue = sql`((${workOrders.status} = 'submitted' AND ${workOrders.responseDueAt} < ${nowAt}) OR (${workOrders.status} IN (${openStatuses}) AND ${workOrders.resolveDueAt} < ${nowAt}))`;
  const mine = f.me ? officerQueue(f.me) : sql`false`;
  return and(
    scopeCondition(scope),
    f.q ? (number ? eq(workOrders.number, number) : titleContains(f.q)) : undefined,
    f.status?.length ? inArray(workOrders.status, f.status) : undefined,
    f.type ? eq(workOrders.type, f.type) : undefined,
    f.channel ? eq(workOrders.channel, f.channel) : undefined,
    f.priority ? eq(workOrders.priority, f.priority) : undefined,
    f.parkIds ? (f.parkIds.length ? sql`${workOrders.parkId} = ANY(${uuids(f.parkIds)})` : sql`false`) : undefined,
    f.departmentId ? handledBy(f.departmentId) : undefined,
    f.assigneeId ? eq(workOrders.assigneeId, f.assigneeId) : undefined,
    f.enterpriseId ? eq(workOrders.enterpriseId, f.enterpriseId) : undefined,
    f.categoryIds ? (f.categoryIds.length ? sql`${workOrders.categoryId} = ANY(${uuids(f.categoryIds)})` : sql`false`) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdue : sql`NOT ${overdue}`,
    f.supervised === undefined ? undefined : eq(workOrders.supervised, f.supervised),
    f.mine ? mine : undefined,
    f.from ? sql`${workOrders.createdAt} >= ${dayStart(f.from)}` : undefined,
    f.to ? sql`${workOrders.createdAt} < ${dayEnd(f.to)}` : undefined,
  );
}

const sortable: Record<string, SQL | AnyColumn> = {
  createdAt: workOrders.createdAt,
  updatedAt: workOrders.updatedAt,
  responseDueAt: workOrders.responseDueAt,
  resolveDueAt: workOrders.resolveDueAt,
  number: workOrders.number,
  status: workOrders.status,
  // Urgent first when descending.
  priority: sql`(${workOrders.priority} = 'urgent')`,
  rating: workOrders.rating,
};

function orderBy(sort: string | undefined): SQL[] {
  const field = sort?.replace(/^-/, '');
  const column = field ? sortable[field] : undefined;
  if (!column) return [sql`${workOrders.createdAt} DESC`, sql`${workOrders.id} DESC`];
  const dir = sort!.startsWith('-') ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  return [sql`${column} ${dir}`, sql`${workOrders.id} DESC`];
}

export async function listOrders(ex: Executor, scope: WorkOrderScope, f: ListFilter, now: Date, number: string | null, page: number, pageSize: number, sort?: string) {
  const where = filterWhere(scope, f, now, number);
  const [items, [count]] = await Promise.all([
    selectOrders(ex)
      .where(where)
      .orderBy(...orderBy(sort))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(workOrders).where(where),
  ]);
  return { items: items as WorkOrderRow[], total: count?.n ?? 0 };
}

/** Every matching order, newest first, a batch at a time (exports). */
export async function* scanOrders(ex: Executor, scope: WorkOrderScope, f: ListFilter, now: Date, number: string | null, batch = 1000) {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: WorkOrderRow[] = await selectOrders(ex)
      .where(and(filterWhere(scope, f, now, number), after ? sql`(${workOrders.createdAt}, ${workOrders.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

// ---------------------------------------------------------------- people and departments around an order

export const departmentById = async (ex: Executor, id: string) =>
  (await ex.select({ id: departments.id, name: departments.name, parkId: departments.parkId, headUserId: departments.headUserId }).from(departments).where(eq(departments.id, id)).limit(1))[0];

/** The enterprise an order is for: its park (the order's scope) and service officer. */
export const enterpriseOf = async (ex: Executor, id: string) =>
  (await ex.select({ id: enterprises.id, name: enterprises.name, parkId: enterprises.parkId, serviceOfficerId: enterprises.serviceOfficerId }).from(enterprises).where(eq(enterprises.id, id)).limit(1))[0];
