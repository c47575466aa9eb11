/**
 * Every service-desk call of the web app (issue 6): work orders, their actions and attachments,
 * the category tree and the deadline rules. Types come from the zod contracts of packages/core.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  attachmentUpload,
  createWorkOrderCategoryRequest,
  createWorkOrderRequest,
  deadlineRule,
  deadlineRuleList,
  updateDeadlineRuleRequest,
  updateWorkOrderCategoryRequest,
  workOrderActionRequest,
  workOrderAssigneeList,
  workOrderAssigneeQuery,
  workOrderAttachment,
  workOrderCategory,
  workOrderCategoryList,
  workOrderDetail,
  workOrderEvent,
  workOrderFilter,
  workOrderListItem,
  workOrderPage,
  WorkOrderPriority,
  WorkOrderType,
} from '@zhiyuan/core';
import { api, apiUrl, type Query } from './client';

// ---- Types (inferred from the contracts) -------------------------------------------------------

export type WorkOrderDetail = z.infer<typeof workOrderDetail>;
export type WorkOrderListItem = z.infer<typeof workOrderListItem>;
export type WorkOrderPage = z.infer<typeof workOrderPage>;
export type WorkOrderEvent = z.infer<typeof workOrderEvent>;
export type WorkOrderAttachment = z.infer<typeof workOrderAttachment>;
export type AttachmentUpload = z.infer<typeof attachmentUpload>;
export type CreateWorkOrderRequest = z.input<typeof createWorkOrderRequest>;
export type WorkOrderActionRequest = z.input<typeof workOrderActionRequest>;
export type WorkOrderAssigneeList = z.infer<typeof workOrderAssigneeList>;
export type WorkOrderAssigneeQuery = z.input<typeof workOrderAssigneeQuery>;
/** The filters as the URL / API carry them (strings; status comma-separated, flags 'true' | 'false'). */
export type WorkOrderFilterQuery = { [K in keyof z.input<typeof workOrderFilter>]?: string };

export type WorkOrderCategory = z.infer<typeof workOrderCategory>;
export type WorkOrderCategoryList = z.infer<typeof workOrderCategoryList>;
export type CreateWorkOrderCategoryRequest = z.input<typeof createWorkOrderCategoryRequest>;
export type UpdateWorkOrderCategoryRequest = z.input<typeof updateWorkOrderCategoryRequest>;
export type DeadlineRule = z.infer<typeof deadlineRule>;
export type DeadlineRuleList = z.infer<typeof deadlineRuleList>;
export type UpdateDeadlineRuleRequest = z.input<typeof updateDeadlineRuleRequest>;

// ---- Calls -------------------------------------------------------------------------------------

const enc = encodeURIComponent;

export const workOrdersApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<WorkOrderPage>('/work-orders', query, signal),
  get: (id: string) => api.get<WorkOrderDetail>(`/work-orders/${enc(id)}`),
  /** 201 with the order; the same idempotency key again answers the same order (never a second one). */
  create: (body: CreateWorkOrderRequest) => api.post<WorkOrderDetail>('/work-orders', body),
  /** 409 ILLEGAL_TRANSITION when the order moved on meanwhile; the answer is the order after the action. */
  act: (id: string, body: WorkOrderActionRequest) => api.post<WorkOrderDetail>(`/work-orders/${enc(id)}/actions`, body),
  /** Who the order may be assigned to (dispatchers): the department's staff first, found by name. */
  assignees: (id: string, query: WorkOrderAssigneeQuery, signal?: AbortSignal) => api.get<WorkOrderAssigneeList>(`/work-orders/${enc(id)}/assignees`, query, signal),
  /** Download link of the xlsx export with these filters (GET with the cookie session). */
  exportUrl: (filter: Query) => apiUrl('/work-orders/export', filter),
  /** One file (multipart) → 201 {id, fileName, size, mime}; over 10 MiB 413, a type not allowed 400. */
  upload: (file: File) => api.upload<AttachmentUpload>('/work-order-attachments', file),
  attachmentUrl: (id: string) => apiUrl(`/work-order-attachments/${enc(id)}`),
};

export const workOrderCategoriesApi = {
  list: () => api.get<WorkOrderCategoryList>('/work-order-categories'),
  create: (body: CreateWorkOrderCategoryRequest) => api.post<WorkOrderCategory>('/work-order-categories', body),
  update: (id: string, body: UpdateWorkOrderCategoryRequest) => api.patch<WorkOrderCategory>(`/work-order-categories/${enc(id)}`, body),
  /** 409 CATEGORY_IN_USE when orders use it (deactivate it instead). */
  remove: (id: string) => api.del<{ ok: true }>(`/work-order-categories/${enc(id)}`),
};

export const deadlineRulesApi = {
  list: () => api.get<DeadlineRuleList>('/work-order-deadline-rules'),
  update: (type: WorkOrderType, priority: WorkOrderPriority, body: UpdateDeadlineRuleRequest) =>
    api.put<DeadlineRule>(`/work-order-deadline-rules/${enc(type)}/${enc(priority)}`, body),
};

// ---- Query keys and hooks ----------------------------------------------------------------------

export const workOrderKeys = {
  all: ['work-orders'] as const,
  lists: ['work-orders', 'list'] as const,
  list: (query: Query) => ['work-orders', 'list', query] as const,
  one: (id: string) => ['work-orders', 'one', id] as const,
  categories: ['work-order-categories'] as const,
  deadlineRules: ['work-order-deadline-rules'] as const,
};

/** One page of orders (the previous page stays on screen while the next loads). */
export function useWorkOrderList(query: Query, enabled = true) {
  return useQuery({ queryKey: workOrderKeys.list(query), queryFn: ({ signal }) => workOrdersApi.list(query, signal), enabled, placeholderData: keepPreviousData });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({ queryKey: workOrderKeys.one(id ?? ''), queryFn: () => workOrdersApi.get(id!), enabled: !!id });
}

/** The whole tree, flat (parents first); inactive ones included for the settings page and old orders. */
export function useWorkOrderCategories(enabled = true) {
  return useQuery({ queryKey: workOrderKeys.categories, queryFn: workOrderCategoriesApi.list, enabled, staleTime: 5 * 60_000 });
}

export function useDeadlineRules(enabled = true) {
  return useQuery({ queryKey: workOrderKeys.deadlineRules, queryFn: deadlineRulesApi.list, enabled });
}

/** After a write: one order (its detail and every list), the lists, or the settings. */
export function useWorkOrderInvalidation() {
  const qc = useQueryClient();
  return {
    /** Puts the action's answer in the cache, then refreshes the lists (and anything else about orders). */
    order: (detail: WorkOrderDetail) => {
      qc.setQueryData(workOrderKeys.one(detail.id), detail);
      return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'work-orders' && q.queryKey[1] !== 'one' });
    },
    lists: () => qc.invalidateQueries({ queryKey: workOrderKeys.lists }),
    categories: () => qc.invalidateQueries({ queryKey: workOrderKeys.categories }),
    deadlineRules: () => qc.invalidateQueries({ queryKey: workOrderKeys.deadlineRules }),
  };
}

/**
 * A fresh idempotency key (8–128 of [A-Za-z0-9_.:-]). crypto.getRandomValues works on plain-HTTP
 * intranet addresses too, where crypto.randomUUID is not available.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `wo-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
