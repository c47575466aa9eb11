import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

type DeadlineState = 'pending' | 'met' | 'overdue' | 'late';

/**
 * One clock for every deadline on screen (a table showed a timer per row): a single interval runs
 * while anything reads it, and all readers see the same instant.
 */
const tickMs = 30_000;
const readers = new Set<() => void>();
let current = Date.now();
let timer: number | undefined;

function subscribe(reader: () => void) {
  readers.add(reader);
  if (timer === undefined) {
    current = Date.now();
    timer = window.setInterval(() => {
      current = Date.now();
      for (const r of readers) r();
    }, tickMs);
  }
  return () => {
    readers.delete(reader);
    if (readers.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current instant, renewed every 30 seconds (remaining times count down on screen). */
function useNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}

/** '2天3小时', '45分钟' (en: '2d 3h', '45m'): the two largest units of a duration. */
function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (d) parts.push(t('workOrders.duration.d', { count: d }));
  if (h) parts.push(t('workOrders.duration.h', { count: h }));
  if (!d && m) parts.push(t('workOrders.duration.m', { count: m }));
  return parts.join(t('workOrders.duration.sep'));
}

/** Near: under this much time left the remaining time turns amber. */
const nearMs = 4 * 3_600_000;

type Props = {
  dueAt: string;
  state: DeadlineState;
  testId?: string;
};

/**
 * A deadline as people read it: time left (amber when near), overdue in red with by how much,
 * met, or met late. The state is the server's (overdueState of core); time left is counted
 * from the browser's clock.
 */
function Deadline({ dueAt, state, testId }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const left = new Date(dueAt).getTime() - now;
  // The sweep runs every minute: between two runs an order may be past due but still 'pending'.
  const effective: DeadlineState = state === 'pending' && left < 0 ? 'overdue' : state;
  const due = formatDateTime(dueAt, 'minute');
  let text: string;
  let type: 'danger' | 'warning' | 'secondary' | 'success' | undefined;
  let icon = <ClockCircleOutlined />;
  switch (effective) {
    case 'pending':
      text = t('workOrders.deadline.left', { time: formatDuration(left, t) });
      type = left < nearMs ? 'warning' : undefined;
      break;
    case 'overdue':
      text = t('workOrders.deadline.overdueBy', { time: formatDuration(left, t) });
      type = 'danger';
      icon = <ExclamationCircleOutlined />;
      break;
    case 'late':
      text = t('workOrders.deadline.late');
      type = 'warning';
      icon = <ExclamationCircleOutlined />;
      break;
    default:
      text = t('workOrders.deadline.met');
      type = 'success';
      icon = <CheckCircleOutlined />;
  }
  return (
    <Tooltip title={t('workOrders.deadline.dueAt', { time: due })}>
      <span data-testid={testId} data-state={effective} style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text type={type} strong={effective === 'overdue'}>
          {icon} {text}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

type OrderDeadlines = { status: string; respondedAt: string | null; responseDueAt: string; responseState: DeadlineState; resolveDueAt: string; resolutionState: DeadlineState };

/**
 * One of an order's deadlines. A withdrawal before a deadline that was still running did not meet it:
 * the park had not answered (for the response) or resolved (for the resolution) — nothing was owed
 * any more (the response rate leaves such an order out, ADR 0009). It says so instead of "met".
 */
export function OrderDeadline({ order, kind, testId }: { order: OrderDeadlines; kind: 'response' | 'resolve'; testId?: string }) {
  const { t } = useTranslation();
  const [dueAt, state] = kind === 'response' ? [order.responseDueAt, order.responseState] : [order.resolveDueAt, order.resolutionState];
  const answered = kind === 'response' && !!order.respondedAt;
  if (order.status === 'withdrawn' && state === 'met' && !answered) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-state="withdrawn">
        {t('workOrders.deadline.withdrawnInTime')}
      </Typography.Text>
    );
  }
  return <Deadline dueAt={dueAt} state={state} testId={testId} />;
}
