import {
  can,
  extendedResolveDue,
  isDispositionStatus,
  restartedResolveDue,
  staffActsForRequester,
  workOrderActionLabels,
  workOrderActionPermissions,
  workOrderAttachmentLimits,
  workOrderStatusNames,
  workOrderTransition,
  type WorkOrderActionName,
  type WorkOrderActionRequest,
} from '@zhiyuan/core';
import type { Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { WorkOrderScope } from './work-order-scope';
import type { WorkOrderHandlers } from './work-order-handlers';
import { notifyTransition } from './work-order-notify';
import * as timeline from './work-order-timeline.repository';
import * as repo from './work-orders.repository';
import { actingUserId, unknownAttachments, type WorkOrderDeps } from './work-order-deps';

type Patch = Partial<repo.NewWorkOrder>;
type Department = NonNullable<Awaited<ReturnType<typeof repo.departmentById>>>;

/** Applies core's `workOrderTransition` and its effects: one transaction, the order row locked. */
export function createWorkOrderActions(deps: WorkOrderDeps, handlers: WorkOrderHandlers) {
  const { audit, users, calendar, settings, clock } = deps;

  /** Staff need one of the matrix actions core names for the action (checked before the order is looked at). */
  function assertMatrix(ctx: RequestContext, action: WorkOrderActionName) {
    if (!workOrderActionPermissions(action).some((p) => can(ctx.actor.roles, p))) throw new AppError('FORBIDDEN', `您没有「${workOrderActionLabels[action]}」的权限`);
  }

  async function department(tx: Tx, scope: WorkOrderScope, orderParkId: string, id: string, path: string): Promise<Department> {
    const d = await repo.departmentById(tx, id);
    const reachable = d && ((await handlers.parksAround(orderParkId)).has(d.parkId) || (scope.kind === 'staff' && (scope.parks.all || scope.parks.ids.has(d.parkId))));
    if (!d || !reachable) throw new AppError('NOT_FOUND', '所选部门不存在或不在您的权限范围内', [{ path: [path], message: '部门不存在或不在权限范围内' }]);
    return d;
  }

  /** assign: lead department, handler and co-handlers (a transfer replaces the lead; co-handlers stay unless given). */
  async function assignment(tx: Tx, ctx: RequestContext, scope: WorkOrderScope, order: repo.WorkOrderRecord, input: Extract<WorkOrderActionRequest, { action: 'assign' }>, now: Date) {
    const assignee = input.assigneeId ? await handlers.one(order.parkId, input.assigneeId) : undefined;
    if (input.assigneeId && !assignee) throw new AppError('VALIDATION_FAILED', '承办人应为负责该园区工单办理的在用账号', [{ path: ['assigneeId'], message: '不能指派给该用户' }]);
    const departmentId = input.departmentId ?? assignee?.departmentId ?? null;
    const lead = departmentId ? await department(tx, scope, order.parkId, departmentId, 'departmentId') : null;
    const coHandlers: Department[] = [];
    for (const id of new Set(input.coHandlerDepartmentIds ?? [])) if (id !== departmentId) coHandlers.push(await department(tx, scope, order.parkId, id, 'coHandlerDepartmentIds'));
    if (input.coHandlerDepartmentIds) await timeline.setCoHandlers(tx, order.id, coHandlers.map((d) => d.id), actingUserId(ctx), now);
    else if (departmentId) await timeline.removeCoHandler(tx, order.id, departmentId);
    const patch: Patch = { departmentId, assigneeId: assignee?.id ?? null, assignedAt: now };
    const data = {
      departmentId,
      departmentName: lead?.name ?? null,
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.displayName ?? null,
      ...(input.coHandlerDepartmentIds ? { coHandlers: coHandlers.map((d) => ({ departmentId: d.id, departmentName: d.name })) } : {}),
    };
    return { patch, data };
  }

  /** merge: into another order the caller reaches that is still an order of its own. */
  async function mergeTarget(tx: Tx, scope: WorkOrderScope, order: repo.WorkOrderRecord, intoOrderId: string) {
    if (intoOrderId === order.id) throw new AppError('VALIDATION_FAILED', '不能合并到工单自身', [{ path: ['intoOrderId'], message: '请选择另一个工单' }]);
    const target = await repo.findOrder(tx, scope, intoOrderId);
    if (!target) throw new AppError('NOT_FOUND', '要合并到的工单不存在或不在您的权限范围内', [{ path: ['intoOrderId'], message: '工单不存在' }]);
    if (isDispositionStatus(target.status)) throw new AppError('ILLEGAL_TRANSITION', `工单 ${target.number} 为「${workOrderStatusNames[target.status]}」，不能再合并到它`);
    return target;
  }

  /**
   * One action in the caller's transaction (the caller checked that the scope reaches the order).
   * Returns what to do after the commit: outbound messages for requesters without an account.
   */
  async function apply(tx: Tx, ctx: RequestContext, scope: WorkOrderScope, orderId: string, input: WorkOrderActionRequest): Promise<() => Promise<void>> {
    const side = scope.kind === 'requester' ? 'requester' : 'staff';
    const userId = actingUserId(ctx);
    if (side === 'staff') assertMatrix(ctx, input.action);
    const order = await repo.lockOrder(tx, orderId);
    if (!order) throw notFound('工单');
    const pending = await timeline.pendingExtension(tx, orderId);
    const t = workOrderTransition({ status: order.status, rated: order.rating != null, channel: order.channel, pendingExtension: !!pending }, input, side);
    if (!t.ok) throw t.reason === 'side' ? new AppError('FORBIDDEN', t.message) : new AppError('ILLEGAL_TRANSITION', t.message);

    const now = clock();
    const e = t.effects;
    const patch: Patch = { status: t.to, updatedAt: now };
    let data: Record<string, unknown> = {};
    let content: string | null = null;
    let attachmentIds: string[] = [];
    let mergedInto: repo.WorkOrderRow | undefined;
    let extension: timeline.ExtensionRow | typeof pending = pending;

    if (e.respond && !order.respondedAt) patch.respondedAt = now;
    if (e.reply) patch.repliedAt = now;
    if (e.close) patch.closedAt = now;
    if (e.solved !== undefined) patch.solved = e.solved;
    if (e.reopen) {
      // The resolution clock restarts from the reopening (ADR 0009); the earlier lateness stays in the timeline.
      const due = restartedResolveDue(await calendar.workCalendar(), now, await settings.ruleFor(order.type, order.priority));
      Object.assign(patch, { reopenCount: order.reopenCount + 1, closedAt: null, resolveDueAt: new Date(due.dueAt), resolveOverdueAt: null });
      data.resolveDueAt = due.dueAt;
    }
    if (side === 'staff' && staffActsForRequester(input.action, order.channel)) data.onBehalf = true; // 回访

    switch (input.action) {
      case 'accept':
      case 'start':
        content = input.note ?? null;
        break;
      case 'assign': {
        const a = await assignment(tx, ctx, scope, order, input, now);
        Object.assign(patch, a.patch);
        data = { ...data, ...a.data };
        content = input.note ?? null;
        break;
      }
      case 'reply':
      case 'note':
      case 'addInfo':
        content = input.content;
        attachmentIds = [...new Set(input.attachmentIds ?? [])];
        break;
      case 'confirm':
        content = input.comment ?? null;
        data.solved = input.solved;
        break;
      case 'rate':
        Object.assign(patch, { rating: input.score, ratingComment: input.comment ?? null, ratedAt: now });
        content = input.comment ?? null;
        data.score = input.score;
        break;
      case 'reopen':
      case 'close':
        content = input.reason ?? null;
        break;
      case 'supervise':
        content = input.reason;
        await timeline.insertSupervision(tx, { orderId, kind: 'manual', trigger: 'flag', reason: input.reason, createdAt: now, createdBy: userId });
        patch.supervised = true;
        break;
      case 'merge':
      case 'refer':
      case 'decline': {
        if (input.action === 'merge') mergedInto = await mergeTarget(tx, scope, order, input.intoOrderId);
        const nextStep = input.action === 'merge' ? (input.nextStep ?? `请关注工单 ${mergedInto!.number} 的办理进展`) : input.nextStep;
        Object.assign(patch, { dispositionReason: input.reason, dispositionNextStep: nextStep, decidedBy: userId, disposedAt: now });
        if (mergedInto) patch.mergedIntoId = mergedInto.id;
        if (input.action === 'refer') patch.dispositionTo = input.to ?? null;
        content = input.reason;
        data = { ...data, nextStep, ...(mergedInto ? { intoOrderId: mergedInto.id, intoOrderNumber: mergedInto.number } : {}), ...(input.action === 'refer' ? { to: input.to ?? null } : {}) };
        break;
      }
      case 'withdraw':
        // The requester (or the desk for a caller) decided: no next step to give.
        Object.assign(patch, { dispositionReason: input.reason, decidedBy: userId, disposedAt: now });
        content = input.reason;
        break;
      case 'requestExtension':
        extension = { ...(await timeline.insertExtension(tx, { orderId, workingDays: input.workingDays, reason: input.reason, requestedBy: userId, requestedAt: now, previousDueAt: order.resolveDueAt })), requestedByName: null, decidedByName: null };
        content = input.reason;
        data.workingDays = input.workingDays;
        break;
      case 'decideExtension': {
        if (!pending || pending.id !== input.extensionId) throw new AppError('ILLEGAL_TRANSITION', '该延期申请已处理或不属于此工单');
        const head = order.departmentId ? (await repo.departmentById(tx, order.departmentId))?.headUserId : null;
        if (!can(ctx.actor.roles, 'workOrder.approveExtension') && head !== userId) throw new AppError('FORBIDDEN', '延期申请由承办部门负责人或有审批权限的人员审批');
        const newDue = input.approved ? new Date(extendedResolveDue(await calendar.workCalendar(), order.resolveDueAt, pending.workingDays).dueAt) : null;
        await timeline.decideExtension(tx, pending.id, { status: input.approved ? 'approved' : 'rejected', decidedBy: userId, decidedAt: now, comment: input.comment ?? null, newDueAt: newDue });
        // A moved deadline is measured afresh: the sweep may mark (and notify) it again.
        if (newDue) Object.assign(patch, { resolveDueAt: newDue, resolveOverdueAt: null, extendedWorkingDays: order.extendedWorkingDays + pending.workingDays });
        content = input.comment ?? null;
        data = { ...data, extensionId: pending.id, approved: input.approved, workingDays: pending.workingDays, ...(newDue ? { resolveDueAt: newDue.toISOString() } : {}) };
        break;
      }
    }

    // An order that ends as a disposition can no longer be extended: its pending request ends with it.
    if (pending && isDispositionStatus(t.to)) {
      await timeline.decideExtension(tx, pending.id, { status: 'rejected', decidedBy: userId, decidedAt: now, comment: `工单${workOrderStatusNames[t.to]}，延期申请随之结束`, newDueAt: null });
    }
    const updated = await repo.updateOrder(tx, orderId, patch);
    const actorName = (await users.byIds([userId])).get(userId)?.displayName ?? ctx.actor.name;
    const event = await timeline.insertEvent(tx, { orderId, at: now, actorId: userId, actorName, action: t.event, fromStatus: t.from, toStatus: t.to, visibility: t.visibility, content, data });
    if (attachmentIds.length) {
      if ((await timeline.countAttachments(tx, orderId)) + attachmentIds.length > workOrderAttachmentLimits.maxPerOrder)
        throw new AppError('VALIDATION_FAILED', `每个工单最多 ${workOrderAttachmentLimits.maxPerOrder} 个附件`, [{ path: ['attachmentIds'], message: '附件过多' }]);
      if ((await timeline.linkAttachments(tx, attachmentIds, userId, orderId, event.id)) !== attachmentIds.length) throw unknownAttachments();
    }
    if (mergedInto) {
      await timeline.insertEvent(tx, { orderId: mergedInto.id, at: now, actorId: userId, actorName, action: 'merged_in', visibility: 'public', content: `工单 ${order.number} 已合并至本工单`, data: { orderId, orderNumber: order.number } });
    }
    await audit.record(tx, ctx, { action: `workOrder.${input.action}`, targetType: 'work_order', targetId: orderId, summary: { number: order.number, from: t.from, to: t.to, ...data } });
    return notifyTransition(tx, deps, { order: updated, actorId: userId, notify: e.notify, content, extensionRequester: extension?.requestedBy ?? null });
  }

  return { assertMatrix, apply };
}
export type WorkOrderActions = ReturnType<typeof createWorkOrderActions>;
