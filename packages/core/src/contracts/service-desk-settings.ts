/** Service desk settings (issue 6): the editable category tree and the deadline rules per type × priority. */
import { z } from 'zod';
import { deadlineRuleLimits } from '../work-order-deadlines';
import { uuid } from './common';
import { workOrderPriority, workOrderType } from './service-desk';

// ---------------------------------------------------------------- categories

export const workOrderCategory = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  path: z.array(z.string()),
});
export type WorkOrderCategory = z.infer<typeof workOrderCategory>;
/** Flat, parents before children, siblings by sortOrder (buildCategoryTree of core makes the tree). */
export const workOrderCategoryList = z.object({ items: z.array(workOrderCategory) });
export const createWorkOrderCategoryRequest = z.strictObject({
  name: z.string().trim().min(1).max(32),
  parentId: uuid.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
/** A category in use is deactivated rather than deleted (DELETE answers 409 CATEGORY_IN_USE). */
export const updateWorkOrderCategoryRequest = z.strictObject({
  name: z.string().trim().min(1).max(32).optional(),
  parentId: uuid.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

// ---------------------------------------------------------------- deadline rules

export const deadlineRule = z.object({
  type: workOrderType,
  priority: workOrderPriority,
  responseHours: z.number().int(),
  resolveWorkingDays: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export const deadlineRuleList = z.object({ items: z.array(deadlineRule) });
export const deadlineRuleParams = z.object({ type: workOrderType, priority: workOrderPriority });
/** `PUT /api/work-orders/deadline-rules/:type/:priority`; applies to orders created afterwards. */
export const updateDeadlineRuleRequest = z.strictObject({
  responseHours: z.number().int().min(deadlineRuleLimits.responseHours.min).max(deadlineRuleLimits.responseHours.max, `响应时限最多 ${deadlineRuleLimits.responseHours.max} 小时`),
  resolveWorkingDays: z
    .number()
    .int()
    .min(deadlineRuleLimits.resolveWorkingDays.min)
    .max(deadlineRuleLimits.resolveWorkingDays.max, `办理时限最多 ${deadlineRuleLimits.resolveWorkingDays.max} 个工作日`),
});
