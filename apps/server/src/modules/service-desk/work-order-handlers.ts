import { rolesWith } from '@zhiyuan/core';
import type { StaffFilter, UserDirectory } from '../identity/user-directory';
import type { ParksService } from '../parks/parks.service';

const handlerRoles = rolesWith('workOrder.handle');

/**
 * Who may take an order: an active user whose roles handle orders (workOrder.handle) and whose
 * parks include the order's park or one above it. The assign picker lists them and the assign
 * accepts no one else: one rule for both.
 */
export function createWorkOrderHandlers(parks: ParksService, users: UserDirectory) {
  /** The order's park and those above it: a department or assignee there (or in the caller's scope) may take it. */
  async function parksAround(orderParkId: string) {
    const dir = await parks.directory();
    const byId = new Map(dir.map((p) => [p.id, p]));
    const up = new Set<string>();
    for (let p = byId.get(orderParkId); p && !up.has(p.id); p = p.parentId ? byId.get(p.parentId) : undefined) up.add(p.id);
    return up;
  }

  /** Those who may take an order of this park, the chosen department's first (at most `limit`). */
  async function list(orderParkId: string, f: Omit<StaffFilter, 'roles' | 'parkIds'>) {
    return users.activeStaffIn({ ...f, roles: handlerRoles, parkIds: [...(await parksAround(orderParkId))] });
  }

  return {
    parksAround,
    list,
    /** The user, if they may take an order of this park. */
    one: async (orderParkId: string, userId: string) => (await list(orderParkId, { id: userId, limit: 1 }))[0],
  };
}
export type WorkOrderHandlers = ReturnType<typeof createWorkOrderHandlers>;
