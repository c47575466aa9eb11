/**
 * Names of the service desk's codes in the UI language. The Chinese ones are core's
 * (workOrderStatusNames, workOrderActionLabels …) through the zh-CN messages; colors are the web's.
 */
import type { WorkOrderPriority, WorkOrderStatus, WorkOrderType } from '@zhiyuan/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const workOrderStatusColors: Record<WorkOrderStatus, string> = {
  submitted: 'gold',
  accepted: 'cyan',
  assigned: 'blue',
  in_progress: 'processing',
  replied: 'purple',
  closed: 'green',
  merged: 'default',
  referred: 'default',
  declined: 'default',
  withdrawn: 'default',
};

export const workOrderTypeColors: Record<WorkOrderType, string> = { help: 'geekblue', complaint: 'volcano', inquiry: 'cyan', suggestion: 'lime' };

export const priorityColors: Record<WorkOrderPriority, string | undefined> = { normal: undefined, urgent: 'red' };

export function useWorkOrderLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const of = (ns: string) => (code: string | null | undefined) => (code ? t(`workOrders.${ns}.${code}`, { defaultValue: code }) : '—');
    return {
      status: of('status'),
      type: of('type'),
      channel: of('channel'),
      priority: of('priority'),
      action: of('action'),
      event: of('event'),
      deadlineState: of('deadlineState'),
      extensionStatus: of('extensionStatus'),
      supervisionStatus: of('supervisionStatus'),
      supervisionTrigger: of('supervisionTrigger'),
      notificationKind: (code: string) => t(`notifications.kind.${code}`, { defaultValue: code }),
      lang,
    };
  }, [t, lang]);
}

export type WorkOrderLabels = ReturnType<typeof useWorkOrderLabels>;
