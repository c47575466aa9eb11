import {
  buildCategoryTree,
  categoryMoveProblem,
  categoryPath,
  deadlineRuleFor,
  defaultDeadlineRules,
  type CategoryNode,
  type DeadlineRule,
  type WorkOrderCategory,
  type WorkOrderPriority,
  type WorkOrderType,
} from '@zhiyuan/core';
import type { z } from 'zod';
import type { createWorkOrderCategoryRequest, updateDeadlineRuleRequest, updateWorkOrderCategoryRequest } from '@zhiyuan/core';
import type { ChangeFeed } from '../../db/change-feed';
import type { Db, Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import * as repo from './service-desk-settings.repository';
import { countByCategory } from './work-orders.repository';

const duplicateName = (name?: string) => () => new AppError('DUPLICATE', `同一上级下已有名为“${name}”的分类`, [{ path: ['name'], message: '分类名称重复' }]);
const toRule = (r: DeadlineRule & { updatedAt?: Date | null; updatedByName?: string | null }) => ({
  type: r.type,
  priority: r.priority,
  responseHours: r.responseHours,
  resolveWorkingDays: r.resolveWorkingDays,
  updatedAt: r.updatedAt?.toISOString() ?? null,
  updatedByName: r.updatedByName ?? null,
});

/**
 * The category tree and the deadline rules of the service desk (workOrder.configure edits them).
 * Every create and list reads them: each instance remembers them until a write publishes the
 * `serviceDeskSettings` topic (db/change-feed.ts).
 */
export function createServiceDeskSettings(db: Db, audit: AuditService, feed: ChangeFeed) {
  const write = <T>(work: (tx: Tx) => Promise<T>) => feed.write(db, 'serviceDeskSettings', work);

  /** Flat, parents before children, siblings by sort order; each with its path from the root. Frozen: shared by callers. */
  function categories(): Promise<readonly WorkOrderCategory[]> {
    return feed.memo(['serviceDeskSettings'], 'serviceDesk:categories', async () => {
      const rows = await repo.listCategories(db);
      const out: WorkOrderCategory[] = [];
      const walk = (nodes: CategoryNode<repo.CategoryRow>[]) => {
        for (const n of nodes) {
          out.push({ id: n.id, parentId: n.parentId, name: n.name, sortOrder: n.sortOrder, active: n.active, path: categoryPath(rows, n.id) });
          walk(n.children);
        }
      };
      walk(buildCategoryTree(rows));
      // Frozen through and through: every caller shares these objects (a mutation throws instead of leaking).
      return Object.freeze(out.map((c) => Object.freeze({ ...c, path: Object.freeze(c.path) as string[] })));
    });
  }

  /** The configured rules (type × priority without a row: core's default), for deadlines. */
  const deadlineRules = (): Promise<readonly DeadlineRule[]> =>
    feed.memo(['serviceDeskSettings'], 'serviceDesk:deadlineRules', async () =>
      Object.freeze((await repo.listRules(db)).map((r) => Object.freeze({ type: r.type, priority: r.priority, responseHours: r.responseHours, resolveWorkingDays: r.resolveWorkingDays }))),
    );

  /** The rule a new order (or a reopened one) is measured by. */
  const ruleFor = async (type: WorkOrderType, priority: WorkOrderPriority): Promise<DeadlineRule> => deadlineRuleFor(await deadlineRules(), type, priority);

  async function requireCategory(id: string) {
    const row = await repo.findCategory(db, id);
    if (!row) throw notFound('分类');
    return row;
  }

  function assertPlacement(rows: readonly { id: string; parentId: string | null }[], id: string, parentId: string | null) {
    const problem = categoryMoveProblem(rows, id, parentId);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: ['parentId'], message: problem }]);
  }

  /** Every type × priority: the configured rule, else core's default (read afresh: it names who changed it last). */
  async function rules() {
    const stored = await repo.listRules(db);
    return { items: defaultDeadlineRules.map((d) => toRule(stored.find((r) => r.type === d.type && r.priority === d.priority) ?? d)) };
  }

  const view = async (id: string) => (await categories()).find((c) => c.id === id)!;

  return {
    categories,

    /** A category and everything below it (the list filter). */
    async categorySubtree(id: string): Promise<string[]> {
      const rows = await categories();
      const ids = [id];
      // Breadth-first: the array grows while it is walked.
      for (let i = 0; i < ids.length; i++) for (const r of rows) if (r.parentId === ids[i]) ids.push(r.id);
      return ids;
    },

    async createCategory(ctx: RequestContext, input: z.infer<typeof createWorkOrderCategoryRequest>) {
      assertPlacement([...(await categories()), { id: 'new', parentId: input.parentId ?? null }], 'new', input.parentId ?? null);
      const row = await uniqueAs(
        () =>
          write(async (tx) => {
            const c = await repo.insertCategory(tx, { name: input.name, parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0 });
            await audit.record(tx, ctx, { action: 'workOrder.category.create', targetType: 'work_order_category', targetId: c.id, summary: { after: input } });
            return c;
          }),
        duplicateName(input.name),
      );
      return view(row.id);
    },

    async updateCategory(ctx: RequestContext, id: string, input: z.infer<typeof updateWorkOrderCategoryRequest>) {
      const before = await requireCategory(id);
      if (input.parentId !== undefined && input.parentId !== before.parentId) assertPlacement(await categories(), id, input.parentId);
      await uniqueAs(
        () =>
          write(async (tx) => {
            await repo.updateCategory(tx, id, { ...input, updatedAt: new Date() });
            await audit.record(tx, ctx, { action: 'workOrder.category.update', targetType: 'work_order_category', targetId: id, summary: { before: { name: before.name, parentId: before.parentId, sortOrder: before.sortOrder, active: before.active }, after: input } });
          }),
        duplicateName(input.name ?? before.name),
      );
      return view(id);
    },

    /** Only an unused leaf: orders keep their category, so one in use is deactivated instead. */
    async deleteCategory(ctx: RequestContext, id: string) {
      const before = await requireCategory(id);
      await write(async (tx) => {
        if ((await repo.childCount(tx, id)) > 0) throw new AppError('CATEGORY_IN_USE', `分类“${before.name}”下还有下级分类，请先删除或移走它们`);
        const used = await countByCategory(tx, id);
        if (used > 0) throw new AppError('CATEGORY_IN_USE', `分类“${before.name}”已有 ${used} 个工单使用，不能删除；可将其停用`);
        await repo.deleteCategory(tx, id);
        await audit.record(tx, ctx, { action: 'workOrder.category.delete', targetType: 'work_order_category', targetId: id, summary: { before: { name: before.name, parentId: before.parentId } } });
      });
    },

    rules,

    ruleFor,

    /** Applies to orders created (or reopened) afterwards: an order keeps the deadlines it was given. */
    async updateRule(ctx: RequestContext, type: WorkOrderType, priority: WorkOrderPriority, input: z.infer<typeof updateDeadlineRuleRequest>) {
      const before = await ruleFor(type, priority);
      await write(async (tx) => {
        await repo.upsertRule(tx, { type, priority, ...input, updatedAt: new Date(), updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null });
        await audit.record(tx, ctx, {
          action: 'workOrder.deadlineRule.update',
          targetType: 'work_order_deadline_rule',
          targetId: `${type}:${priority}`,
          summary: { before: { responseHours: before.responseHours, resolveWorkingDays: before.resolveWorkingDays }, after: input },
        });
      });
      return (await rules()).items.find((r) => r.type === type && r.priority === priority)!;
    },
  };
}
export type ServiceDeskSettings = ReturnType<typeof createServiceDeskSettings>;
