import type { WorkOrderListItem, WorkOrderStatus } from '@zhiyuan/core';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderDeadline } from '../../workOrders/Deadline';
import { WorkOrderStatusTag } from '../../workOrders/WorkOrderStatusTag';

/** The work order detail page. */
export const workOrderPath = (id: string) => `/work-orders/${id}`;

/** The status in the service pages' tables (test id order-status). */
export const OrderStatusTag = ({ status }: { status: WorkOrderStatus }) => <WorkOrderStatusTag status={status} testId="order-status" />;

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

/** The resolution deadline as the work order pages show it (time left, overdue in red, met, withdrawn in time). */
export const DeadlineCell = ({ order }: { order: Pick<WorkOrderListItem, 'status' | 'respondedAt' | 'responseDueAt' | 'responseState' | 'resolveDueAt' | 'resolutionState'> }) => (
  <OrderDeadline order={order} kind="resolve" testId="order-deadline" />
);
