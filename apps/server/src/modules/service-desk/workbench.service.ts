// The service officer's side: the workbench (their enterprises with visit due dates, visits due,
// planned visits, their open orders and deadlines near) and the enterprise page's service tab.
// Enterprises come from the enterprises service and orders from the work-order service, each with
// its own scope; only the open-order count per enterprise is read here (officer-orders.repository.ts).
import {
  can,
  openWorkOrderStatuses,
  shanghaiDate,
  visitClassOf,
  visitDue,
  workingHoursHorizon,
  type EnterpriseServiceSummary,
  type OfficerEnterprise,
  type VisitDueState,
  type WorkCalendar,
  type WorkOrderFilter,
  type WorkOrderListItem,
  type Workbench,
} from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { UserDirectory } from '../identity/user-directory';
import { actingUser, officerScope } from './officer-scope';
import { openOrderCounts, queueDueBy } from './officer-orders.repository';
import type { ServicePackagesService } from './service-packages.service';
import * as visitRepo from './visits.repository';
import type { VisitsService } from './visits.service';
import type { WorkOrderScope } from './work-order-scope';

/** The part of the work-order service read here: its list (and its count), in the caller's scope and with its view. */
export type OrderLists = {
  list(ctx: RequestContext, f: WorkOrderFilter, page: number, pageSize: number, sort?: string): Promise<{ items: WorkOrderListItem[]; total: number }>;
  scopeOf(ctx: RequestContext): Promise<WorkOrderScope>;
};

export type WorkbenchDeps = {
  db: Db;
  enterprises: EnterprisesService;
  users: UserDirectory;
  visits: VisitsService;
  packages: ServicePackagesService;
  orders: OrderLists;
  notifications: { unreadCount(ctx: RequestContext): Promise<{ unread: number }> };
  calendar: { workCalendar(): Promise<WorkCalendar> };
  clock: () => Date;
};

/** An officer's portfolio is read whole (a few hundred enterprises): states are computed, then sorted and paged. */
const PORTFOLIO_MAX = 5000;
/** Items of each workbench list. */
const FIRST = 20;
const openStatuses = [...openWorkOrderStatuses];

/** Most urgent first: overdue (longest first), never visited, due soon, then the rest by due date. */
const stateRank: Record<VisitDueState, number> = { overdue: 0, never: 1, due_soon: 2, ok: 3 };
const urgency = (a: OfficerEnterprise, b: OfficerEnterprise) =>
  stateRank[a.visitState] - stateRank[b.visitState] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN');
const sorters: Record<string, (a: OfficerEnterprise, b: OfficerEnterprise) => number> = {
  name: (a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  nextVisitDue: (a, b) => (a.nextVisitDue ?? '').localeCompare(b.nextVisitDue ?? ''),
  lastVisitOn: (a, b) => (a.lastVisitOn ?? '').localeCompare(b.lastVisitOn ?? ''),
  openOrders: (a, b) => a.openOrders - b.openOrders,
};

export function createWorkbenchService({ db, enterprises, users, visits, packages, orders, notifications, calendar, clock }: WorkbenchDeps) {
  const today = () => shanghaiDate(clock());
  /** How many orders match: the list's own count (its SQL), whatever the number. */
  const countOrders = async (ctx: RequestContext, f: WorkOrderFilter) => (await orders.list(ctx, f, 1, 1)).total;

  /** Visit due dates of enterprises, per core's class and the configured frequency. */
  async function dueOf(list: { id: string; tags: string[]; aboveScale: boolean }[]) {
    const [dates, rules] = await Promise.all([visitRepo.visitDates(db, list.map((e) => e.id)), visits.rules()]);
    const day = today();
    return new Map(
      list.map((e) => {
        const cls = visitClassOf(e);
        const d = dates.get(e.id);
        return [e.id, { cls, lastVisitOn: d?.lastVisitOn ?? null, plannedOn: d?.plannedOn ?? null, ...visitDue(d?.lastVisitOn ?? null, cls, day, rules) }] as const;
      }),
    );
  }

  /** The caller's enterprises (service_officer_id = caller) still in the park, in scope. */
  async function portfolio(ctx: RequestContext, q?: string): Promise<OfficerEnterprise[]> {
    const me = actingUser(ctx);
    const { items } = await enterprises.list(ctx, { officerId: me, status: ['active', 'relocating'], ...(q ? { q } : {}) }, 1, PORTFOLIO_MAX, 'name');
    const [due, counts] = await Promise.all([dueOf(items), openOrderCounts(db, await officerScope(enterprises, ctx), items.map((e) => e.id))]);
    return items.map((e) => {
      const d = due.get(e.id)!;
      return {
        enterpriseId: e.id,
        enterpriseName: e.name,
        parkName: e.parkName,
        visitClass: d.cls,
        lastVisitOn: d.lastVisitOn,
        nextVisitDue: d.dueOn,
        visitState: d.state,
        daysLeft: d.daysLeft,
        plannedVisitOn: d.plannedOn,
        openOrders: counts.get(e.id) ?? 0,
      };
    });
  }

  return {
    async myEnterprises(ctx: RequestContext, f: { q?: string; visitState?: VisitDueState }, page: number, pageSize: number, sort?: string) {
      const all = (await portfolio(ctx, f.q)).filter((e) => !f.visitState || e.visitState === f.visitState);
      const by = sort ? sorters[sort.replace(/^-/, '')] : undefined;
      all.sort(by ? (a, b) => (sort!.startsWith('-') ? -by(a, b) : by(a, b)) || urgency(a, b) : urgency);
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    },

    async workbench(ctx: RequestContext): Promise<Workbench> {
      const me = actingUser(ctx);
      const now = clock();
      // Near: the resolution deadline within 4 working hours, or already past.
      const horizon = workingHoursHorizon(await calendar.workCalendar(), now, 4);
      const queue = { mine: true, status: openStatuses };
      const [mine, open, overdue, near, planned, unread] = await Promise.all([
        portfolio(ctx),
        orders.list(ctx, queue, 1, FIRST, 'resolveDueAt'),
        countOrders(ctx, { ...queue, overdue: true }),
        orders.scopeOf(ctx).then((scope) => queueDueBy(db, scope, me, horizon)),
        visitRepo.plannedVisitsOf(db, await officerScope(enterprises, ctx), me, FIRST),
        notifications.unreadCount(ctx),
      ]);
      const due = mine.filter((e) => e.visitState !== 'ok').sort(urgency);
      return {
        counts: { enterprises: mine.length, openOrders: open.total, overdueOrders: overdue, deadlinesNear: near, visitsDue: due.length, plannedVisits: planned.total, unreadNotifications: unread.unread },
        openOrders: open.items,
        // By resolveDueAt the near ones come first: the first of them are among the first open ones.
        deadlinesNear: open.items.filter((o) => Date.parse(o.resolveDueAt) <= horizon.getTime()),
        visitsDue: due.slice(0, FIRST),
        plannedVisits: await visits.present(planned.items),
      };
    },

    /**
     * The enterprise page's 服务 tab. The enterprise's scope is checked once (404 outside it; an
     * enterprise user reaches only its own); each list then keeps to what the caller may read: orders
     * in the work-order scope (public list fields; department staff their department's), visits and
     * packages only with visit.read / servicePackage.read (never for enterprise users, ADR 0009).
     */
    async enterpriseSummary(ctx: RequestContext, id: string): Promise<EnterpriseServiceSummary> {
      const { row } = await enterprises.visible(ctx, id);
      const roles = ctx.actor.roles;
      const f = { enterpriseId: id };
      const none = Promise.resolve({ items: [] as WorkOrderListItem[], total: 0 });
      const readsOrders = can(roles, 'workOrder.read');
      const [due, officer, recent, open, overdue, recentVisits, assignments] = await Promise.all([
        dueOf([row]),
        row.serviceOfficerId ? users.byIds([row.serviceOfficerId]) : Promise.resolve(new Map()),
        readsOrders ? orders.list(ctx, f, 1, 5) : none,
        readsOrders ? countOrders(ctx, { ...f, status: openStatuses }) : 0,
        readsOrders ? countOrders(ctx, { ...f, status: openStatuses, overdue: true }) : 0,
        can(roles, 'visit.read') ? officerScope(enterprises, ctx).then((scope) => visitRepo.recentVisitsOf(db, scope, id, 5)).then(visits.present) : Promise.resolve([]),
        can(roles, 'servicePackage.read') ? packages.listAssignments(ctx, f, 1, 50) : Promise.resolve({ items: [] }),
      ]);
      const d = due.get(id)!;
      return {
        enterpriseId: id,
        serviceOfficerId: row.serviceOfficerId,
        serviceOfficerName: row.serviceOfficerId ? (officer.get(row.serviceOfficerId)?.displayName ?? null) : null,
        visitClass: d.cls,
        lastVisitOn: d.lastVisitOn,
        nextVisitDue: d.dueOn,
        visitState: d.state,
        orders: { total: recent.total, open, overdue },
        recentOrders: recent.items,
        recentVisits,
        packages: assignments.items,
      };
    },
  };
}
export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
