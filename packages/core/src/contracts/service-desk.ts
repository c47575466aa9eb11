/**
 * Service desk contracts (issue 6, DESIGN.md §8): work orders, their actions and timeline,
 * attachments, supervision and extensions. Settings (categories, deadline rules) are in
 * service-desk-settings.ts, the three rates in service-desk-stats.ts, the officer's side
 * (workbench, visits, service packages) in service-desk-officer.ts.
 */
import { z } from 'zod';
import { contactPhoneMessage, contactPhonePattern } from '../enterprise';
import {
  dispositionStatuses,
  eventVisibilities,
  extensionStatuses,
  maxExtensionWorkingDays,
  supervisionKinds,
  supervisionStatuses,
  supervisionTriggers,
  workOrderActionNames,
  workOrderChannels,
  workOrderEventKinds,
  workOrderPriorities,
  workOrderStatuses,
  workOrderTypes,
} from '../work-order';
import { commaList, pageOf, pageQuery, uuid } from './common';
import { roleCode } from './identity';

export const workOrderType = z.enum(workOrderTypes);
export const workOrderChannel = z.enum(workOrderChannels);
export const workOrderPriority = z.enum(workOrderPriorities);
export const workOrderStatus = z.enum(workOrderStatuses);
export const deadlineState = z.enum(['pending', 'met', 'overdue', 'late']);

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const phone = z.string().trim().regex(contactPhonePattern, `联系电话${contactPhoneMessage}`);
const reason = z.string({ error: '请填写原因' }).trim().min(2, '请填写原因（至少 2 个字）').max(500);
const nextStep = z.string({ error: '请告知提出人下一步去哪里办理' }).trim().min(2, '请告知提出人下一步去哪里办理（至少 2 个字）').max(500);
const comment = z.string().trim().max(500).optional();
const body = (max: number) => z.string({ error: '请填写内容' }).trim().min(1, '请填写内容').max(max);
const attachmentIds = z.array(uuid).max(10, '一次最多关联 10 个附件').optional();

// ---------------------------------------------------------------- attachments

/** Types accepted, recognised by content (magic bytes), never by the name or the browser's word. */
export const workOrderAttachmentTypes = [
  { mime: 'application/pdf', ext: 'pdf' },
  { mime: 'image/png', ext: 'png' },
  { mime: 'image/jpeg', ext: 'jpg' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  { mime: 'application/msword', ext: 'doc' },
  { mime: 'application/vnd.ms-excel', ext: 'xls' },
  // 版式文档 (GB/T 33190), common in government paperwork.
  { mime: 'application/ofd', ext: 'ofd' },
] as const;
/** Larger → 413; another type → 400. */
export const workOrderAttachmentLimits = { maxBytes: 10 * 1024 * 1024, maxPerOrder: 20 } as const;

/** `POST /api/work-order-attachments` (multipart, one file) → 201; link it by id in a create or an action. */
export const attachmentUpload = z.object({ id: uuid, fileName: z.string(), size: z.number().int(), mime: z.string() });
export type AttachmentUpload = z.infer<typeof attachmentUpload>;
export const workOrderAttachment = attachmentUpload.extend({
  uploadedAt: z.string(),
  uploadedById: uuid,
  uploadedByName: z.string().nullable(),
  /** The timeline entry (reply, note, 补充信息) it came with; null for the order's own attachments. It shares that entry's visibility. */
  eventId: uuid.nullable(),
});
export type WorkOrderAttachment = z.infer<typeof workOrderAttachment>;

// ---------------------------------------------------------------- create

/** Also accepted as the `Idempotency-Key` header (the two must agree when both are sent). */
export const idempotencyKeyHeader = 'idempotency-key';
export const idempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, '幂等键为 8–128 位字母、数字或 _ . : -');

/**
 * `POST /api/work-orders` → 201 workOrderDetail. The same idempotency key from the same user
 * answers the order it already created (201, header `Idempotent-Replayed: true`), never a second one.
 */
export const createWorkOrderRequest = z
  .strictObject({
    type: workOrderType,
    title: z.string().trim().min(2, '标题至少 2 个字').max(100),
    description: z.string().trim().min(1, '请描述诉求').max(5000),
    /** Optional for an anonymous call; an enterprise user's own enterprise is always used. */
    enterpriseId: uuid.optional(),
    channel: workOrderChannel.optional().describe('default: portal for enterprise users, staff otherwise'),
    /** The 12345 ticket number. */
    externalNo: z.string().trim().min(1).max(40).optional(),
    requesterName: z.string().trim().min(1).max(32).optional(),
    requesterPhone: phone.optional(),
    categoryId: uuid.optional(),
    priority: workOrderPriority.optional().describe('default normal'),
    /** Derived from the enterprise when there is one; otherwise required unless the caller's scope is one park. */
    parkId: uuid.optional(),
    idempotencyKey: idempotencyKey.optional(),
    attachmentIds,
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'hotline_12345' && !v.externalNo) ctx.addIssue({ code: 'custom', path: ['externalNo'], message: '12345 转办工单请填写 12345 工单编号' });
  });
export type CreateWorkOrderRequest = z.infer<typeof createWorkOrderRequest>;

// ---------------------------------------------------------------- the order

export const workOrderDisposition = z.object({
  kind: z.enum(dispositionStatuses),
  reason: z.string(),
  /** Where the requester should go next (for a merge: follow the order it was merged into); null for a withdrawal. */
  nextStep: z.string().nullable(),
  /** The body a referred order went to. */
  referredTo: z.string().nullable(),
  mergedIntoId: uuid.nullable(),
  mergedIntoNumber: z.string().nullable(),
  decidedById: uuid,
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
});
export type WorkOrderDisposition = z.infer<typeof workOrderDisposition>;

export const workOrder = z.object({
  id: uuid,
  number: z.string().describe('GD-YYYY-NNNNNN'),
  type: workOrderType,
  channel: workOrderChannel,
  externalNo: z.string().nullable(),
  priority: workOrderPriority,
  status: workOrderStatus,
  title: z.string(),
  description: z.string(),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  parkId: uuid,
  parkName: z.string(),
  categoryId: uuid.nullable(),
  /** Names from the root, e.g. ['人才服务', '人才公寓']. */
  categoryPath: z.array(z.string()),
  requesterName: z.string().nullable(),
  /** Decrypted for staff who handle the order; masked (138****0000) for everyone else. */
  requesterPhone: z.string().nullable(),
  /** The lead (主办) department and handler. */
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  assigneeId: uuid.nullable(),
  assigneeName: z.string().nullable(),
  /** 协办 departments. */
  coHandlers: z.array(z.object({ departmentId: uuid, departmentName: z.string() })),
  createdAt: z.string(),
  createdById: uuid,
  createdByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  ratedAt: z.string().nullable(),
  disposedAt: z.string().nullable(),
  updatedAt: z.string(),
  responseDueAt: z.string(),
  resolveDueAt: z.string(),
  /** Set by the sweep when it found the deadline passed. */
  responseOverdueAt: z.string().nullable(),
  resolveOverdueAt: z.string().nullable(),
  /** overdueState(order, now) of core. */
  responseState: deadlineState,
  resolutionState: deadlineState,
  overdue: z.boolean(),
  /** true: the requester confirmed solved; false never stays (it reopens); null: not confirmed. */
  solved: z.boolean().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  /** Approved extensions, in working days. */
  extendedWorkingDays: z.number().int(),
  disposition: workOrderDisposition.nullable(),
  supervised: z.boolean(),
});
export type WorkOrder = z.infer<typeof workOrder>;

export const workOrderEvent = z.object({
  id: uuid,
  at: z.string(),
  /** null: written by the system (the sweep). */
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.enum(workOrderEventKinds),
  fromStatus: workOrderStatus.nullable(),
  toStatus: workOrderStatus.nullable(),
  /** The requester is never shown internal entries. */
  visibility: z.enum(eventVisibilities),
  content: z.string().nullable(),
  /** The action's other fields (department, score, extension days …) as recorded. */
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(workOrderAttachment),
});
export type WorkOrderEvent = z.infer<typeof workOrderEvent>;

export const supervision = z.object({
  id: uuid,
  orderId: uuid,
  orderNumber: z.string(),
  orderTitle: z.string(),
  orderStatus: workOrderStatus,
  parkId: uuid,
  parkName: z.string(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  kind: z.enum(supervisionKinds),
  trigger: z.enum(supervisionTriggers),
  reason: z.string(),
  status: z.enum(supervisionStatuses),
  createdAt: z.string(),
  /** null for one opened by the sweep. */
  createdById: uuid.nullable(),
  createdByName: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  feedbackByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closeComment: z.string().nullable(),
});
export type Supervision = z.infer<typeof supervision>;

export const workOrderExtension = z.object({
  id: uuid,
  orderId: uuid,
  workingDays: z.number().int(),
  reason: z.string(),
  status: z.enum(extensionStatuses),
  requestedAt: z.string(),
  requestedById: uuid,
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedById: uuid.nullable(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
  /** resolveDueAt when it was requested, and after approval. */
  previousDueAt: z.string(),
  newDueAt: z.string().nullable(),
});
export type WorkOrderExtension = z.infer<typeof workOrderExtension>;

/** `GET /api/work-orders/:id`, and the answer of a create and of every action. */
export const workOrderDetail = workOrder.extend({
  /** Oldest first; the requester sees public entries only. */
  events: z.array(workOrderEvent),
  /** Attachments of the order itself (those of a timeline entry are listed with it). */
  attachments: z.array(workOrderAttachment),
  /** Empty for the requester. */
  supervisions: z.array(supervision),
  extensions: z.array(workOrderExtension),
  /** Orders merged into this one. */
  mergedOrders: z.array(z.object({ id: uuid, number: z.string(), title: z.string() })),
  /** availableWorkOrderActions of core for this caller (state, side and permissions). */
  availableActions: z.array(z.enum(workOrderActionNames)),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetail>;

// ---------------------------------------------------------------- list

export const workOrderSortFields = ['createdAt', 'updatedAt', 'responseDueAt', 'resolveDueAt', 'number', 'status', 'priority', 'rating'] as const;

/** Filters shared by the list and its xlsx export (`GET /api/work-orders/export`). */
export const workOrderFilter = z.object({
  q: z.string().trim().max(100).optional().describe('number (GD-…) or part of the title'),
  status: commaList(workOrderStatus, workOrderStatuses.length).optional().describe('comma-separated'),
  type: workOrderType.optional(),
  channel: workOrderChannel.optional(),
  priority: workOrderPriority.optional(),
  parkId: uuid.optional().describe('this park and its sub-parks'),
  departmentId: uuid.optional().describe('lead or co-handling department'),
  assigneeId: uuid.optional(),
  enterpriseId: uuid.optional(),
  categoryId: uuid.optional().describe('this category and those below it'),
  overdue: flag.optional().describe('currently past a response or resolution deadline'),
  supervised: flag.optional(),
  /** Assigned to the caller, or of the caller's enterprises and not yet assigned (the officer's queue). */
  mine: flag.optional(),
  from: isoDate.optional().describe('created on or after (Asia/Shanghai)'),
  to: isoDate.optional().describe('created on or before (Asia/Shanghai)'),
});
export type WorkOrderFilter = z.infer<typeof workOrderFilter>;
export const workOrderListQuery = pageQuery.extend(workOrderFilter.shape);
export type WorkOrderListQuery = z.input<typeof workOrderListQuery>;

export const workOrderListItem = workOrder.pick({
  id: true,
  number: true,
  type: true,
  channel: true,
  priority: true,
  status: true,
  title: true,
  enterpriseId: true,
  enterpriseName: true,
  parkId: true,
  parkName: true,
  categoryPath: true,
  departmentId: true,
  departmentName: true,
  assigneeId: true,
  assigneeName: true,
  createdAt: true,
  updatedAt: true,
  respondedAt: true,
  repliedAt: true,
  closedAt: true,
  responseDueAt: true,
  resolveDueAt: true,
  responseState: true,
  resolutionState: true,
  overdue: true,
  solved: true,
  rating: true,
  reopenCount: true,
  supervised: true,
});
export type WorkOrderListItem = z.infer<typeof workOrderListItem>;
export const workOrderPage = pageOf(workOrderListItem);

// ---------------------------------------------------------------- actions

const note = z.string().trim().max(500).optional();

/** `POST /api/work-orders/:id/actions` → 200 workOrderDetail; out of order → 409 ILLEGAL_TRANSITION. */
export const workOrderActionRequest = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), note }),
    z
      .strictObject({
        action: z.literal('assign'),
        departmentId: uuid.optional(),
        assigneeId: uuid.optional(),
        coHandlerDepartmentIds: z.array(uuid).max(10).optional(),
        note,
      })
      .superRefine((v, ctx) => {
        if (!v.departmentId && !v.assigneeId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '请选择承办部门或承办人' });
        if (v.departmentId && v.coHandlerDepartmentIds?.includes(v.departmentId)) ctx.addIssue({ code: 'custom', path: ['coHandlerDepartmentIds'], message: '协办部门不能与主办部门相同' });
      }),
    z.strictObject({ action: z.literal('start'), note }),
    z.strictObject({ action: z.literal('reply'), content: body(5000), attachmentIds }),
    z.strictObject({ action: z.literal('confirm'), solved: z.boolean({ error: '请选择问题是否已解决' }), comment }),
    z.strictObject({ action: z.literal('rate'), score: z.number({ error: '请选择 1–5 分' }).int().min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'), comment }),
    // DESIGN §8 lists reopen and close without fields: the reason is asked for, not required.
    z.strictObject({ action: z.literal('reopen'), reason: z.string().trim().max(500).optional() }),
    z.strictObject({ action: z.literal('close'), reason: z.string().trim().max(500).optional() }),
    z.strictObject({ action: z.literal('supervise'), reason }),
    z.strictObject({ action: z.literal('note'), content: body(5000), attachmentIds }),
    z.strictObject({ action: z.literal('addInfo'), content: body(5000), attachmentIds }),
    // Why the requester no longer needs help (自行解决, 不再需要 …): the park learns from it.
    z.strictObject({ action: z.literal('withdraw'), reason }),
    z.strictObject({ action: z.literal('merge'), intoOrderId: uuid, reason, nextStep: nextStep.optional().describe('default: follow the order it was merged into') }),
    z.strictObject({ action: z.literal('refer'), reason, nextStep, to: z.string().trim().min(1).max(100).optional().describe('the body it is referred to') }),
    z.strictObject({ action: z.literal('decline'), reason, nextStep }),
    z.strictObject({
      action: z.literal('requestExtension'),
      workingDays: z.number().int().min(1, '延期至少 1 个工作日').max(maxExtensionWorkingDays, `延期最多 ${maxExtensionWorkingDays} 个工作日`),
      reason,
    }),
    z.strictObject({ action: z.literal('decideExtension'), extensionId: uuid, approved: z.boolean({ error: '请选择是否批准' }), comment }),
  ],
  { error: '未知的工单操作' },
);
export type WorkOrderActionRequest = z.infer<typeof workOrderActionRequest>;

/** How many assignees one answer lists at most (type to narrow). */
export const workOrderAssigneeLimit = 50;
/** `GET /api/work-orders/:id/assignees`: who may take the order; the chosen department's staff first. */
export const workOrderAssigneeQuery = z.object({
  departmentId: uuid.optional().describe('its staff are listed first'),
  q: z.string().trim().max(50).optional().describe('part of the name or username'),
});
export type WorkOrderAssigneeQuery = z.infer<typeof workOrderAssigneeQuery>;
export const workOrderAssignee = z.object({ id: uuid, displayName: z.string(), departmentId: uuid.nullable(), departmentName: z.string().nullable(), roles: z.array(roleCode) });
export type WorkOrderAssignee = z.infer<typeof workOrderAssignee>;
export const workOrderAssigneeList = z.object({ items: z.array(workOrderAssignee) });

// ---------------------------------------------------------------- supervision and extensions

export const supervisionFilter = z.object({
  status: z.enum(supervisionStatuses).optional(),
  kind: z.enum(supervisionKinds).optional(),
  parkId: uuid.optional(),
  departmentId: uuid.optional(),
  from: isoDate.optional().describe('opened on or after'),
  to: isoDate.optional().describe('opened on or before'),
});
export const supervisionListQuery = pageQuery.extend(supervisionFilter.shape);
export const supervisionPage = pageOf(supervision);

/** `POST /api/supervisions/:id/actions` → 200 supervision. */
export const supervisionActionRequest = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('feedback'), content: body(2000) }),
    z.strictObject({ action: z.literal('return'), comment: reason }),
    z.strictObject({ action: z.literal('close'), comment }),
  ],
  { error: '未知的督办操作' },
);
export type SupervisionActionRequest = z.infer<typeof supervisionActionRequest>;

/** Extensions waiting for the caller (a department head: its department's; workOrder.approveExtension: the scope's). */
export const extensionListQuery = pageQuery.extend({ status: z.enum(extensionStatuses).optional(), departmentId: uuid.optional() });
export const extensionListItem = workOrderExtension.extend({ orderNumber: z.string(), orderTitle: z.string(), departmentName: z.string().nullable(), resolveDueAt: z.string() });
export const extensionPage = pageOf(extensionListItem);
