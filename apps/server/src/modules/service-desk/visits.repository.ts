// Visits (走访), their problems and the frequency rules. Enterprise names come from a read-only join
// of the enterprises table (lists sort and page over them); a visit's scope is its own park_id.
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { VisitClass, VisitStatus } from '@zhiyuan/core';
import type { Executor } from '../../db/pool';
import { groupBy } from '../../db/group-by';
import { orderFrom } from '../../db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import type { ParkScope } from '../parks/scope';
import { workOrders } from './service-desk.tables';
import { visitFrequencyRules, visitProblems, visits } from './visits.tables';

export type VisitRow = typeof visits.$inferSelect;
export type VisitListRow = VisitRow & { enterpriseName: string };
export type ProblemRow = { id: string; visitId: string; text: string; workOrderId: string | null; workOrderNumber: string | null; workOrderEnterpriseId: string | null };

export type VisitListFilter = {
  enterpriseId?: string;
  officerId?: string;
  /** A park and its sub-parks. */
  parkIds?: string[];
  status?: VisitStatus;
  /** Any of these statuses (the portal's: not cancelled). */
  statuses?: readonly VisitStatus[];
  from?: string;
  to?: string;
};

const NO_PARK = '00000000-0000-0000-0000-000000000000';

export const visitScopeFilter = (scope: ParkScope): SQL | undefined => (scope.all ? undefined : scope.ids.size ? inArray(visits.parkId, [...scope.ids]) : sql`false`);

/** The date a visit is about: when it took place, else when it is planned. */
const visitDay = sql`coalesce(${visits.visitedOn}, ${visits.plannedOn})`;

function filterWhere(scope: ParkScope, f: VisitListFilter): SQL | undefined {
  return and(
    visitScopeFilter(scope),
    f.enterpriseId ? eq(visits.enterpriseId, f.enterpriseId) : undefined,
    f.officerId ? eq(visits.officerId, f.officerId) : undefined,
    f.parkIds ? inArray(visits.parkId, f.parkIds.length ? f.parkIds : [NO_PARK]) : undefined,
    f.status ? eq(visits.status, f.status) : undefined,
    f.statuses ? inArray(visits.status, [...f.statuses]) : undefined,
    f.from ? sql`${visitDay} >= ${f.from}` : undefined,
    f.to ? sql`${visitDay} <= ${f.to}` : undefined,
  );
}

const sortable = { plannedOn: visits.plannedOn, visitedOn: visits.visitedOn, createdAt: visits.createdAt, updatedAt: visits.updatedAt, status: visits.status, enterpriseName: enterprises.name };
const listColumns = { visit: visits, enterpriseName: enterprises.name };
const flatten = (r: { visit: VisitRow; enterpriseName: string }): VisitListRow => ({ ...r.visit, enterpriseName: r.enterpriseName });

export async function listVisits(db: Executor, scope: ParkScope, f: VisitListFilter, page: number, pageSize: number, sort?: string) {
  const where = filterWhere(scope, f);
  // Newest first by the day it is about (a plan by its planned day).
  const order = orderFrom(sort, sortable, sql`${visitDay} DESC`);
  const [items, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .where(where)
      .orderBy(order, sql`${visits.createdAt} DESC`, visits.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(visits).where(where),
  ]);
  return { items: items.map(flatten), total: count?.n ?? 0 };
}

/** Every matching visit, a batch at a time in id order (exports). */
export async function* scanVisits(db: Executor, scope: ParkScope, f: VisitListFilter, batch = 2000) {
  let after: string | null = null;
  for (;;) {
    const rows: { visit: VisitRow; enterpriseName: string }[] = await db
      .select(listColumns)
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .where(and(filterWhere(scope, f), after ? gt(visits.id, after) : undefined))
      .orderBy(asc(visits.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows.map(flatten);
    after = rows[rows.length - 1]!.visit.id;
  }
}

export async function findVisit(db: Executor, scope: ParkScope, id: string): Promise<VisitListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .where(and(eq(visits.id, id), visitScopeFilter(scope)))
    .limit(1);
  return row && flatten(row);
}

export const lockVisit = async (tx: Executor, id: string) => (await tx.select().from(visits).where(eq(visits.id, id)).for('update').limit(1))[0];
export const insertVisit = async (tx: Executor, v: typeof visits.$inferInsert) => (await tx.insert(visits).values(v).returning())[0]!;
export const updateVisit = async (tx: Executor, id: string, v: Partial<typeof visits.$inferInsert>) =>
  (await tx.update(visits).set({ ...v, updatedAt: new Date() }).where(eq(visits.id, id)).returning())[0]!;

// ---------------------------------------------------------------- problems

export async function problemsOf(db: Executor, visitIds: readonly string[]): Promise<Map<string, ProblemRow[]>> {
  if (visitIds.length === 0) return new Map();
  const rows = await db
    .select({ id: visitProblems.id, visitId: visitProblems.visitId, text: visitProblems.text, workOrderId: visitProblems.workOrderId, workOrderNumber: workOrders.number, workOrderEnterpriseId: workOrders.enterpriseId })
    .from(visitProblems)
    .leftJoin(workOrders, eq(workOrders.id, visitProblems.workOrderId))
    .where(inArray(visitProblems.visitId, [...visitIds]))
    .orderBy(visitProblems.visitId, visitProblems.sortOrder, visitProblems.createdAt);
  return groupBy(rows, (r) => r.visitId);
}

/** Appends problems after the visit's last one. */
export async function insertProblems(tx: Executor, visitId: string, texts: readonly string[]) {
  if (texts.length === 0) return [];
  const [last] = await tx.select({ n: sql<number>`coalesce(max(${visitProblems.sortOrder}), -1)::int` }).from(visitProblems).where(eq(visitProblems.visitId, visitId));
  const start = (last?.n ?? -1) + 1;
  return tx
    .insert(visitProblems)
    .values(texts.map((text, i) => ({ visitId, text, sortOrder: start + i })))
    .returning();
}

/** The problem locked for its "one click": a second click waits here and then sees the order. */
export const lockProblem = async (tx: Executor, visitId: string, problemId: string) =>
  (await tx.select().from(visitProblems).where(and(eq(visitProblems.id, problemId), eq(visitProblems.visitId, visitId))).for('update').limit(1))[0];

export const linkProblem = (tx: Executor, problemId: string, workOrderId: string) => tx.update(visitProblems).set({ workOrderId }).where(eq(visitProblems.id, problemId));

// ---------------------------------------------------------------- due dates and frequency rules

/** Last visit made and the soonest planned visit per enterprise. */
export async function visitDates(db: Executor, enterpriseIds: readonly string[]): Promise<Map<string, { lastVisitOn: string | null; plannedOn: string | null }>> {
  const map = new Map<string, { lastVisitOn: string | null; plannedOn: string | null }>();
  if (enterpriseIds.length === 0) return map;
  const rows = await db
    .select({
      enterpriseId: visits.enterpriseId,
      lastVisitOn: sql<string | null>`max(${visits.visitedOn}) FILTER (WHERE ${visits.status} = 'done')::text`,
      plannedOn: sql<string | null>`min(${visits.plannedOn}) FILTER (WHERE ${visits.status} = 'planned')::text`,
    })
    .from(visits)
    .where(inArray(visits.enterpriseId, [...enterpriseIds]))
    .groupBy(visits.enterpriseId);
  for (const r of rows) map.set(r.enterpriseId, { lastVisitOn: r.lastVisitOn, plannedOn: r.plannedOn });
  return map;
}

/** An officer's planned visits, soonest first. */
export async function plannedVisitsOf(db: Executor, scope: ParkScope, officerId: string, limit: number) {
  const where = and(visitScopeFilter(scope), eq(visits.officerId, officerId), eq(visits.status, 'planned'));
  const [items, [count]] = await Promise.all([
    db.select(listColumns).from(visits).innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId)).where(where).orderBy(asc(visits.plannedOn), visits.id).limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(visits).where(where),
  ]);
  return { items: items.map(flatten), total: count?.n ?? 0 };
}

/** Recent visits of one enterprise (the enterprise tab). */
export const recentVisitsOf = async (db: Executor, scope: ParkScope, enterpriseId: string, limit: number) =>
  (
    await db
      .select(listColumns)
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .where(and(eq(visits.enterpriseId, enterpriseId), visitScopeFilter(scope)))
      .orderBy(sql`${visitDay} DESC`, sql`${visits.createdAt} DESC`)
      .limit(limit)
  ).map(flatten);

export const frequencyRules = (db: Executor) => db.select().from(visitFrequencyRules);

export const upsertFrequencyRule = async (tx: Executor, cls: VisitClass, intervalDays: number, updatedBy: string | null) =>
  (
    await tx
      .insert(visitFrequencyRules)
      .values({ class: cls, intervalDays, updatedBy })
      .onConflictDoUpdate({ target: visitFrequencyRules.class, set: { intervalDays, updatedBy, updatedAt: new Date() } })
      .returning()
  )[0]!;

