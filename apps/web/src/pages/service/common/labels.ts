import type {
  PackageItemStatus,
  RateName,
  StatsGroupBy,
  SupervisionKind,
  SupervisionStatus,
  SupervisionTrigger,
  VisitClass,
  VisitDueState,
  VisitStatus,
  WorkOrderPriority,
  WorkOrderType,
} from '@zhiyuan/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The vocabularies of the service pages in the current language; work order words are the work
 * order pages' (workOrders.*, core's *Names tables in zh-CN).
 */
export function useServiceLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      orderType: (s: WorkOrderType) => t(`workOrders.type.${s}`),
      priority: (s: WorkOrderPriority) => t(`workOrders.priority.${s}`),
      rate: (r: RateName) => t(`serviceCommon.rate.${r}`),
      groupBy: (g: StatsGroupBy) => t(`serviceStats.groupBy.${g}`),
      visitStatus: (s: VisitStatus) => t(`visits.status.${s}`),
      visitClass: (c: VisitClass) => t(`visits.class.${c}`),
      visitDue: (s: VisitDueState) => t(`visits.due.${s}`),
      itemStatus: (s: PackageItemStatus) => t(`packages.itemStatus.${s}`),
      supervisionStatus: (s: SupervisionStatus) => t(`workOrders.supervisionStatus.${s}`),
      supervisionKind: (k: SupervisionKind) => t(`supervision.kind.${k}`),
      supervisionTrigger: (k: SupervisionTrigger) => t(`workOrders.supervisionTrigger.${k}`),
    }),
    [t],
  );
}

export const visitStatusColors: Record<VisitStatus, string> = { planned: 'blue', done: 'success', cancelled: 'default' };
export const visitDueColors: Record<VisitDueState, string> = { never: 'red', overdue: 'red', due_soon: 'orange', ok: 'green' };
export const itemStatusColors: Record<PackageItemStatus, string> = { todo: 'default', in_progress: 'processing', done: 'success' };
export const supervisionStatusColors: Record<SupervisionStatus, string> = { open: 'red', feedback: 'orange', closed: 'default' };
