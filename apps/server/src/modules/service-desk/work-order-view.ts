import {
  isDispositionStatus,
  maskPhone,
  overdueState,
  type Supervision,
  type WorkOrder,
  type WorkOrderAttachment,
  type WorkOrderDisposition,
  type WorkOrderEvent,
  type WorkOrderExtension,
  type WorkOrderListItem,
} from '@zhiyuan/core';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { AttachmentRow, EventRow, ExtensionRow, SupervisionRow } from './work-order-timeline.repository';
import type { WorkOrderRow } from './work-orders.repository';

// Rows → the contracts of packages/core/src/contracts/service-desk.ts.

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** What the order is shown with besides its row. */
export type OrderContext = {
  parkName: string;
  categoryPath: string[];
  coHandlers: { departmentId: string; departmentName: string }[];
  /** Staff who handle or dispatch see the requester's phone; everyone else a masked one. */
  showPhone: boolean;
  now: Date;
};

function disposition(r: WorkOrderRow): WorkOrderDisposition | null {
  if (!isDispositionStatus(r.status)) return null;
  return {
    kind: r.status,
    reason: r.dispositionReason ?? '',
    nextStep: r.dispositionNextStep,
    referredTo: r.dispositionTo,
    mergedIntoId: r.mergedIntoId,
    mergedIntoNumber: r.mergedIntoNumber,
    decidedById: r.decidedBy!,
    decidedByName: r.decidedByName,
    decidedAt: r.disposedAt!.toISOString(),
  };
}

/**
 * Who asked. A portal order's form has no name field: its requester is the enterprise user who
 * submitted it (the creator); other channels carry the name staff recorded, if any.
 */
const requesterName = (r: WorkOrderRow) => r.requesterName ?? (r.channel === 'portal' ? r.createdByName : null);

export function toWorkOrder(r: WorkOrderRow, c: OrderContext, cipher: FieldCipher): WorkOrder {
  const phone = r.requesterPhoneEnc ? cipher.decrypt(r.requesterPhoneEnc) : null;
  const state = overdueState(r, c.now);
  return {
    ...toListItem(r, c),
    externalNo: r.externalNo,
    description: r.description,
    requesterName: requesterName(r),
    requesterPhone: c.showPhone ? phone : maskPhone(phone),
    coHandlers: c.coHandlers,
    createdById: r.createdBy,
    createdByName: r.createdByName,
    assignedAt: iso(r.assignedAt),
    ratedAt: iso(r.ratedAt),
    disposedAt: iso(r.disposedAt),
    responseOverdueAt: iso(r.responseOverdueAt),
    resolveOverdueAt: iso(r.resolveOverdueAt),
    responseState: state.response,
    resolutionState: state.resolution,
    ratingComment: r.ratingComment,
    extendedWorkingDays: r.extendedWorkingDays,
    disposition: disposition(r),
    categoryId: r.categoryId,
  };
}

export function toListItem(r: WorkOrderRow, c: Pick<OrderContext, 'parkName' | 'categoryPath' | 'now'>): WorkOrderListItem {
  const state = overdueState(r, c.now);
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    channel: r.channel,
    priority: r.priority,
    status: r.status,
    title: r.title,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    parkId: r.parkId,
    parkName: c.parkName,
    categoryPath: c.categoryPath,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    respondedAt: iso(r.respondedAt),
    repliedAt: iso(r.repliedAt),
    closedAt: iso(r.closedAt),
    responseDueAt: r.responseDueAt.toISOString(),
    resolveDueAt: r.resolveDueAt.toISOString(),
    responseState: state.response,
    resolutionState: state.resolution,
    overdue: state.overdue,
    solved: r.solved,
    rating: r.rating,
    reopenCount: r.reopenCount,
    supervised: r.supervised,
  };
}

export const toAttachment = (a: AttachmentRow): WorkOrderAttachment => ({
  id: a.id,
  fileName: a.fileName,
  size: a.size,
  mime: a.mime,
  uploadedAt: a.uploadedAt.toISOString(),
  uploadedById: a.uploadedBy,
  uploadedByName: a.uploadedByName,
  eventId: a.eventId,
});

export const toEvent = (e: EventRow, attachments: WorkOrderAttachment[]): WorkOrderEvent => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  visibility: e.visibility,
  content: e.content,
  data: e.data,
  attachments,
});

export const toExtension = (x: ExtensionRow): WorkOrderExtension => ({
  id: x.id,
  orderId: x.orderId,
  workingDays: x.workingDays,
  reason: x.reason,
  status: x.status,
  requestedAt: x.requestedAt.toISOString(),
  requestedById: x.requestedBy,
  requestedByName: x.requestedByName,
  decidedAt: iso(x.decidedAt),
  decidedById: x.decidedBy,
  decidedByName: x.decidedByName,
  comment: x.comment,
  previousDueAt: x.previousDueAt.toISOString(),
  newDueAt: iso(x.newDueAt),
});

export const toSupervision = (s: SupervisionRow, o: WorkOrderRow, parkName: string): Supervision => ({
  id: s.id,
  orderId: o.id,
  orderNumber: o.number,
  orderTitle: o.title,
  orderStatus: o.status,
  parkId: o.parkId,
  parkName,
  departmentId: o.departmentId,
  departmentName: o.departmentName,
  assigneeName: o.assigneeName,
  kind: s.kind,
  trigger: s.trigger,
  reason: s.reason,
  status: s.status,
  createdAt: s.createdAt.toISOString(),
  createdById: s.createdBy,
  createdByName: s.createdByName,
  feedback: s.feedback,
  feedbackAt: iso(s.feedbackAt),
  feedbackByName: s.feedbackByName,
  closedAt: iso(s.closedAt),
  closedByName: s.closedByName,
  closeComment: s.closeComment,
});
