import { can, type RoleCode } from '@zhiyuan/core';
import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import { arrayLiteral } from '../../db/array-literal';
import type { UserDirectory } from '../identity/user-directory';
import type { ParksService } from '../parks/parks.service';
import type { ParkScope } from '../parks/scope';
import { workOrders } from './service-desk.tables';

/**
 * Which orders a caller reaches (ADR 0009): an enterprise user its own enterprise's orders (and acts
 * as the requester); staff the orders of their parks; department staff, when that is the only role
 * that lets them read orders, only those whose lead or co-handling department is theirs.
 */
export type WorkOrderScope =
  | { kind: 'requester'; enterpriseId: string | null }
  | { kind: 'staff'; parks: ParkScope; /** undefined: not limited; null: limited, but the user has no department (sees none). */ departmentId?: string | null };

/** Only department_staff among the roles that read orders: the department limits what is seen. */
export const departmentLimited = (roles: readonly RoleCode[]) => {
  const readers = roles.filter((r) => can([r], 'workOrder.read'));
  return readers.length > 0 && readers.every((r) => r === 'department_staff');
};

export async function workOrderScopeOf(ctx: RequestContext, parks: ParksService, users: UserDirectory): Promise<WorkOrderScope> {
  const { actor } = ctx;
  if (actor.roles.includes('enterprise')) return { kind: 'requester', enterpriseId: actor.enterpriseId };
  const parkScope = await parks.scopeOf(actor);
  if (!departmentLimited(actor.roles)) return { kind: 'staff', parks: parkScope };
  return { kind: 'staff', parks: parkScope, departmentId: actor.kind === 'user' && actor.id ? await users.departmentOf(actor.id) : null };
}

/** The scope as a condition on `work_orders`. */
export function scopeCondition(scope: WorkOrderScope): SQL | undefined {
  if (scope.kind === 'requester') return scope.enterpriseId ? sql`${workOrders.enterpriseId} = ${scope.enterpriseId}` : sql`false`;
  const parts: SQL[] = [];
  if (!scope.parks.all) parts.push(scope.parks.ids.size ? sql`${workOrders.parkId} = ANY(${arrayLiteral([...scope.parks.ids])}::uuid[])` : sql`false`);
  if (scope.departmentId === null) parts.push(sql`false`);
  else if (scope.departmentId) parts.push(handledBy(scope.departmentId));
  return parts.length ? sql.join(parts, sql` AND `) : undefined;
}

/** Led or co-handled by the department. */
export const handledBy = (departmentId: string) =>
  sql`(${workOrders.departmentId} = ${departmentId} OR EXISTS (SELECT 1 FROM work_order_co_handlers c WHERE c.order_id = ${workOrders.id} AND c.department_id = ${departmentId}))`;
