import type { WorkOrderListItem, WorkOrderStatus } from '@zhiyuan/core';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Deadline, useNow } from '../../workOrders/Deadline';
import { useWorkOrderLabels, workOrderStatusColors } from '../../workOrders/workOrderLabels';

/** The work order detail page. */
export const workOrderPath = (id: string) => `/work-orders/${id}`;

export function OrderStatusTag({ status }: { status: WorkOrderStatus }) {
  const labels = useWorkOrderLabels();
  return (
    <Tag color={workOrderStatusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="order-status">
      {labels.status(status)}
    </Tag>
  );
}

/** The order's number as a link to its detail page, the title below it. */
export function OrderLink({ order, showTitle = true }: { order: Pick<WorkOrderListItem, 'id' | 'number' | 'title' | 'supervised'>; showTitle?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0} style={{ width: '100%', minWidth: 0 }}>
      <Space size={4}>
        <Link to={workOrderPath(order.id)} className="zy-mono" data-testid={`order-link-${order.number}`}>
          {order.number}
        </Link>
        {order.supervised && (
          <Tag color="red" bordered={false} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
            {t('serviceCommon.supervised')}
          </Tag>
        )}
      </Space>
      {showTitle && (
        // Within the cell (a long title ran into the next column): cut with an ellipsis at the cell's edge.
        <Typography.Text ellipsis={{ tooltip: order.title }} style={{ fontSize: 12, maxWidth: '100%' }} type="secondary">
          {order.title}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The resolution deadline as the work order pages show it (time left, overdue in red, met). */
export function DeadlineCell({ order }: { order: Pick<WorkOrderListItem, 'resolveDueAt' | 'resolutionState'> }) {
  const now = useNow();
  return <Deadline dueAt={order.resolveDueAt} state={order.resolutionState} now={now} testId="order-deadline" />;
}
