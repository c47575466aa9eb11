import type { SupervisionStatus } from '@zhiyuan/core';
import { Tag } from 'antd';
import { supervisionStatusColors, useServiceLabels } from './labels';

/** A 督办's status (open, feedback given, closed) as the supervision list and the order page show it. */
export function SupervisionStatusTag({ status, testId }: { status: SupervisionStatus; testId?: string }) {
  const labels = useServiceLabels();
  return (
    <Tag color={supervisionStatusColors[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {labels.supervisionStatus(status)}
    </Tag>
  );
}
