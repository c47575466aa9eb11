// 督办 (issue 6 §4, ADR 0009): the supervision list and its own small machine (open → feedback →
// closed, feedback → open by return), from core's supervisionTransition / supervisionPermission.
// Scope: the order's park; department staff reach only orders their department leads or co-handles.
import {
  can,
  supervisionPermission,
  supervisionStatusNames,
  supervisionTransition,
  workOrderStatusNames,
  type Supervision,
  type SupervisionActionRequest,
  type SupervisionStatus,
  type WorkOrderStatus,
} from '@zhiyuan/core';
import { sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, forbidden, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { UserDirectory } from '../identity/user-directory';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ParksService } from '../parks/parks.service';
import { streamWorkbook, type SheetColumn } from '../../xlsx/write-workbook';
import { orderConditions } from './order-filters';
import { requestWindow } from './request-window';
import * as repo from './supervision.repository';
import { shanghaiMinute } from './work-order-export';

export type SupervisionListFilter = { status?: SupervisionStatus; kind?: 'auto' | 'manual'; parkId?: string; departmentId?: string; from?: string; to?: string };
export type SupervisionDeps = { db: Db; audit: AuditService; parks: ParksService; users: UserDirectory; notifications: Pick<NotificationsService, 'notify'>; clock: () => Date };

/** The opened-on days as instants, by the rates' window rule (requestWindow); either end may be left open. */
function openedWindow(f: { from?: string; to?: string }): { from?: Date; to?: Date } {
  if (!f.from && !f.to) return {};
  const w = requestWindow(f.from ?? f.to!, f.to ?? f.from!);
  return { from: f.from ? w.from : undefined, to: f.to ? w.to : undefined };
}

const triggerNames = { flag: '领导督办', response_overdue: '超过响应时限', resolve_overdue: '超过办理时限' } as const;
const kindNames = { auto: '自动', manual: '人工' } as const;
/** The export's bound: the list is filtered before it gets this long. */
const EXPORT_LIMIT = 50_000;

export function createSupervisionService({ db, audit, parks, users, notifications, clock }: SupervisionDeps) {
  /** Conditions on the order: the caller's parks, the requested park subtree and department, and a staff member's own department. */
  async function orderScope(ctx: RequestContext, f: { parkId?: string; departmentId?: string } = {}) {
    const scope = await parks.scopeOf(ctx.actor);
    let parkIds: string[] | undefined;
    if (f.parkId) {
      if (!scope.all && !scope.ids.has(f.parkId)) throw notFound('园区');
      parkIds = await parks.subtree(f.parkId);
    }
    // Department staff see their department's orders only (ADR 0009), whatever else they hold.
    const staffOnly = ctx.actor.roles.includes('department_staff') && !ctx.actor.roles.some((r) => r !== 'department_staff' && (can([r], 'workOrder.supervise') || can([r], 'workOrder.dispatch')));
    const handledBy = staffOnly ? (ctx.actor.id && ctx.actor.kind === 'user' ? await repo.departmentOfUser(db, ctx.actor.id) : null) : undefined;
    return orderConditions(scope, { parkIds, departmentId: f.departmentId, handledBy });
  }

  async function views(rows: repo.SupervisionRow[]): Promise<Supervision[]> {
    const ids = rows.flatMap((r) => [r.assigneeId, r.createdBy, r.feedbackBy, r.closedBy]).filter((x): x is string => !!x);
    const [directory, people] = await Promise.all([parks.directory(), users.byIds(ids)]);
    const parkName = new Map(directory.map((p) => [p.id, p.name]));
    const name = (id: string | null) => (id ? (people.get(id)?.displayName ?? null) : null);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return rows.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      orderTitle: r.orderTitle,
      orderStatus: r.orderStatus as WorkOrderStatus,
      parkId: r.parkId,
      parkName: parkName.get(r.parkId) ?? '',
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      assigneeName: name(r.assigneeId),
      kind: r.kind,
      trigger: r.trigger,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      createdById: r.createdBy,
      createdByName: name(r.createdBy),
      feedback: r.feedback,
      feedbackAt: iso(r.feedbackAt),
      feedbackByName: name(r.feedbackBy),
      closedAt: iso(r.closedAt),
      closedByName: name(r.closedBy),
      closeComment: r.closeComment,
    }));
  }

  async function rows(ctx: RequestContext, f: SupervisionListFilter, sort: string | undefined, limit: number | null, offset = 0) {
    const where = repo.listConditions(await orderScope(ctx, f), { status: f.status, kind: f.kind, ...openedWindow(f) });
    const field = sort?.replace(/^-/, '');
    const column = field ? repo.sortColumns[field] : undefined;
    const orderBy = column ? sql.raw(`${column} ${sort!.startsWith('-') ? 'DESC' : 'ASC'} NULLS LAST`) : sql`s.created_at DESC`;
    return repo.list(db, where, orderBy, limit, offset);
  }

  return {
    async list(ctx: RequestContext, f: SupervisionListFilter, page: number, pageSize: number, sort?: string) {
      const r = await rows(ctx, f, sort, pageSize, (page - 1) * pageSize);
      return { items: await views(r.items), total: r.total, page, pageSize };
    },

    async export(ctx: RequestContext, f: SupervisionListFilter, sort?: string): Promise<Readable> {
      const r = await rows(ctx, f, sort, EXPORT_LIMIT);
      const items = await views(r.items);
      await audit.record(db, ctx, { action: 'supervision.export', targetType: 'supervision', summary: { filter: f, rows: items.length } });
      return streamWorkbook([{ name: '督办', columns: exportColumns, rows: [items.map(exportLine)] }]);
    },

    /** feedback (workOrder.handle), return and close (workOrder.supervise); out of order → 409. */
    async act(ctx: RequestContext, id: string, input: SupervisionActionRequest): Promise<Supervision> {
      if (!can(ctx.actor.roles, supervisionPermission(input.action))) throw forbidden();
      const orders = await orderScope(ctx);
      const now = clock();
      const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
      await db.transaction(async (tx) => {
        const s = await repo.findForUpdate(tx, id, orders);
        if (!s) throw notFound('督办');
        const t = supervisionTransition(s.status, input.action);
        if (!t.ok) throw new AppError('ILLEGAL_TRANSITION', t.message);
        const event = { orderId: s.orderId, at: now, actorId: by, actorName: ctx.actor.name };
        if (input.action === 'feedback') {
          await repo.update(tx, id, { status: 'feedback', feedback: input.content, at: now, by });
          await repo.addEvent(tx, { ...event, action: 'supervision_feedback', content: input.content, data: { supervisionId: id } });
          // The leader who flagged it hears back; an automatic one is read in the list.
          await notifications.notify(tx, [s.createdBy], { kind: 'supervised', title: `督办已反馈：${s.orderNumber}`, body: `「${s.orderTitle}」：${input.content}`, link: `/work-orders/${s.orderId}` });
        } else if (input.action === 'return') {
          await repo.update(tx, id, { status: 'open' });
          await repo.addEvent(tx, { ...event, action: 'note', content: `督办退回：${input.comment}`, data: { supervisionId: id, supervisionAction: 'return' } });
          const h = await repo.holdersOf(tx, s.orderId);
          await notifications.notify(tx, [h.holder, h.head], { kind: 'supervised', title: `督办退回：${s.orderNumber}`, body: `「${s.orderTitle}」：${input.comment}`, link: `/work-orders/${s.orderId}` });
        } else {
          await repo.update(tx, id, { status: 'closed', comment: input.comment ?? null, at: now, by });
          await repo.addEvent(tx, { ...event, action: 'supervision_closed', content: input.comment ?? null, data: { supervisionId: id } });
        }
        await audit.record(tx, ctx, {
          action: `supervision.${input.action}`,
          targetType: 'supervision',
          targetId: id,
          summary: { orderId: s.orderId, from: s.status, to: t.to },
        });
      });
      const after = await repo.find(db, id);
      return (await views([after!]))[0]!;
    },
  };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;

// ---------------------------------------------------------------- export

const col = (header: string, key: string, width = 14): SheetColumn => ({ header, key, width });
const exportColumns = [
  col('工单编号', 'orderNumber', 16),
  col('工单标题', 'orderTitle', 30),
  col('工单状态', 'orderStatus', 10),
  col('分园', 'parkName'),
  col('承办部门', 'departmentName', 16),
  col('承办人', 'assigneeName', 12),
  col('督办方式', 'kind', 10),
  col('督办原因', 'reason', 24),
  col('督办状态', 'status', 10),
  col('督办时间', 'createdAt', 18),
  col('反馈', 'feedback', 30),
  col('反馈时间', 'feedbackAt', 18),
  col('结束时间', 'closedAt', 18),
];
const exportLine = (s: Supervision) => ({
  ...s,
  orderStatus: workOrderStatusNames[s.orderStatus],
  kind: `${kindNames[s.kind]}（${triggerNames[s.trigger]}）`,
  status: supervisionStatusNames[s.status],
  createdAt: shanghaiMinute(s.createdAt),
  feedbackAt: shanghaiMinute(s.feedbackAt),
  closedAt: shanghaiMinute(s.closedAt),
});
