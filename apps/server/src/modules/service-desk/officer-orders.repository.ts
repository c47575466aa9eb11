// The reads of work orders the officer's side needs that the work-order repository does not offer:
// open orders per enterprise (the list of an officer's enterprises) and how many of the officer's
// queue are near their deadline. Lists of orders come from the work-order service itself (its
// scope, its view).
import { and, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { enterprises } from '../enterprises/enterprises.tables';
import type { ParkScope } from '../parks/scope';
import { openStatusPredicate, workOrders } from './service-desk.tables';
import { scopeCondition, type WorkOrderScope } from './work-order-scope';

export async function openOrderCounts(db: Executor, scope: ParkScope, enterpriseIds: readonly string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0 || (!scope.all && scope.ids.size === 0)) return new Map();
  const rows = await db
    .select({ enterpriseId: workOrders.enterpriseId, n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(inArray(workOrders.enterpriseId, [...enterpriseIds]), scope.all ? undefined : inArray(workOrders.parkId, [...scope.ids]), openStatusPredicate))
    .groupBy(workOrders.enterpriseId);
  return new Map(rows.map((r) => [r.enterpriseId!, r.n]));
}

/**
 * The officer's queue (the work-order list's `mine`): orders assigned to them, or not yet routed
 * (no assignee, no department) and of an enterprise they look after.
 */
export const officerQueue = (me: string) =>
  sql`(${workOrders.assigneeId} = ${me} OR (${workOrders.assigneeId} IS NULL AND ${workOrders.departmentId} IS NULL AND ${workOrders.enterpriseId} IN (SELECT id FROM ${enterprises} WHERE ${enterprises.serviceOfficerId} = ${me})))`;

/** Open orders of the officer's queue, in their work-order scope, whose resolution deadline is at or before `horizon` (past ones included). */
export async function queueDueBy(db: Executor, scope: WorkOrderScope, me: string, horizon: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(scopeCondition(scope), openStatusPredicate, officerQueue(me), sql`${workOrders.resolveDueAt} <= ${horizon.toISOString()}::timestamptz`));
  return row?.n ?? 0;
}
