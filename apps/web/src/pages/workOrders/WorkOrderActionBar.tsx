import { staffActsForRequester, type WorkOrderActionName } from '@zhiyuan/core';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '../../api/workOrders';
import { finalActions } from './WorkOrderActionModal';
import { useWorkOrderLabels } from './workOrderLabels';

/** The forward step of each state, shown as the primary button when available. */
const primaryOrder: readonly WorkOrderActionName[] = ['accept', 'assign', 'start', 'reply', 'confirm', 'rate', 'decideExtension'];
/** Button order: moving the order on first, side steps after, the final ones last. */
const buttonOrder: readonly WorkOrderActionName[] = [
  'accept',
  'assign',
  'start',
  'reply',
  'confirm',
  'rate',
  'addInfo',
  'decideExtension',
  'requestExtension',
  'note',
  'supervise',
  'reopen',
  'close',
  'merge',
  'refer',
  'decline',
  'withdraw',
];

type Props = { order: WorkOrderDetail; side: 'staff' | 'requester'; onPick: (action: WorkOrderActionName) => void };

/** The buttons of the detail's `availableActions` (state × side × permissions, from core): never a hard-coded list. */
export function WorkOrderActionBar({ order, side, onPick }: Props) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  const available = buttonOrder.filter((a) => order.availableActions.includes(a));
  if (!available.length) return <Typography.Text type="secondary">{t('workOrders.noActions')}</Typography.Text>;
  // Assigning an order already assigned is a transfer (转派): a side step, not the way forward.
  const transfer = (order.status === 'assigned' || order.status === 'in_progress') && !!(order.departmentId || order.assigneeId);
  const primary = primaryOrder.find((a) => available.includes(a) && !(a === 'assign' && transfer));
  const label = (a: WorkOrderActionName) => {
    if (a === 'assign' && transfer) return labels.event('transfer');
    return side === 'staff' && staffActsForRequester(a, order.channel) ? t('workOrders.onBehalf', { action: labels.action(a) }) : labels.action(a);
  };
  return (
    <Space wrap size={[8, 8]} data-testid="work-order-actions">
      {available.map((a) => (
        <Button
          key={a}
          type={a === primary ? 'primary' : 'default'}
          danger={finalActions.includes(a) && a !== 'close'}
          onClick={() => onPick(a)}
          data-testid={`action-${a}`}
        >
          {label(a)}
        </Button>
      ))}
    </Space>
  );
}
