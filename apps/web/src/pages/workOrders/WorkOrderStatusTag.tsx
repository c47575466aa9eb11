import type { WorkOrderStatus } from '@zhiyuan/core';
import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useWorkOrderLabels, workOrderStatusColors } from './workOrderLabels';

/** An order's status as every page shows it: its name in the colour of workOrderStatusColors. */
export function WorkOrderStatusTag({ status, testId, style }: { status: WorkOrderStatus; testId: string; style?: CSSProperties }) {
  const labels = useWorkOrderLabels();
  return (
    <Tag color={workOrderStatusColors[status]} style={{ marginInlineEnd: 0, ...style }} data-testid={testId}>
      {labels.status(status)}
    </Tag>
  );
}
