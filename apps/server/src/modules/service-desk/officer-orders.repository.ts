// The one read of work orders the officer's side needs that the work-order repository does not
// offer: open orders per enterprise, for the list of an officer's enterprises. Lists of orders come
// from the work-order service itself (its scope, its view).
import { and, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import type { ParkScope } from '../parks/scope';
import { openStatusPredicate, workOrders } from './service-desk.tables';

export async function openOrderCounts(db: Executor, scope: ParkScope, enterpriseIds: readonly string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0 || (!scope.all && scope.ids.size === 0)) return new Map();
  const rows = await db
    .select({ enterpriseId: workOrders.enterpriseId, n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(inArray(workOrders.enterpriseId, [...enterpriseIds]), scope.all ? undefined : inArray(workOrders.parkId, [...scope.ids]), openStatusPredicate))
    .groupBy(workOrders.enterpriseId);
  return new Map(rows.map((r) => [r.enterpriseId!, r.n]));
}
