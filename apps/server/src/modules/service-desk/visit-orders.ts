import type { WorkOrderDetail, WorkOrderPriority, WorkOrderType } from '@zhiyuan/core';
import type { RequestContext } from '../../context';
import type { Tx } from '../../db/pool';

/** What a visit's problem becomes: a work order of channel 'visit' for the visit's enterprise. */
export type VisitOrderInput = {
  type: WorkOrderType;
  title: string;
  description: string;
  enterpriseId: string;
  categoryId?: string;
  priority?: WorkOrderPriority;
  departmentId?: string;
  assigneeId?: string;
};

/**
 * The part of the work-order service visits use: creation inside the visit's transaction (so the
 * order and the problem's link land together) and the detail answered afterwards.
 */
export type VisitOrderCreator = {
  createFromVisit(tx: Tx, ctx: RequestContext, input: VisitOrderInput): Promise<{ id: string; number: string }>;
  detail(ctx: RequestContext, id: string): Promise<WorkOrderDetail>;
};

