import { isDispositionStatus, type DispositionStatus, type WorkOrderStatus } from '@zhiyuan/core';
import { Steps, Typography, type StepProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '../../api/workOrders';
import { formatDateTime } from '../../lib/format';
import { useWorkOrderLabels } from '../workOrders/workOrderLabels';

/** The lifecycle as the requester reads it: 提交 → 受理 → 办理 → 答复 → 办结. */
const stages = ['submitted', 'accepted', 'handling', 'replied', 'closed'] as const;

/** The stage under way in each status (assigned and in progress are both 办理; replied waits for 办结 by the requester). */
const underWay: Record<Exclude<WorkOrderStatus, DispositionStatus>, number> = { submitted: 1, accepted: 2, assigned: 2, in_progress: 2, replied: 4, closed: 4 };

/** When each stage was reached, if it was. */
const reachedAt = (o: WorkOrderDetail) => [o.createdAt, o.respondedAt, o.assignedAt, o.repliedAt, o.closedAt];

/** The status an order was disposed of from (its disposition event's), so the bar stops where the order did. */
function disposedFrom(o: WorkOrderDetail): Exclude<WorkOrderStatus, DispositionStatus> {
  const from = o.events.findLast((e) => e.toStatus === o.status)?.fromStatus;
  return from && !isDispositionStatus(from) ? from : 'submitted';
}

/**
 * 办理进度 on the portal: the stages done with their times, the one under way with what it waits
 * for; a merge, referral, decline or withdrawal ends the bar, its reason and the next step below it.
 */
export function PortalOrderProgress({ order: o }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  const times = reachedAt(o);
  const disposed = isDispositionStatus(o.status);
  const current = disposed ? underWay[disposedFrom(o)] : underWay[o.status as Exclude<WorkOrderStatus, DispositionStatus>];
  const stageStatus = o.status === 'closed' ? 'finish' : 'process';

  const items: StepProps[] = stages.slice(0, disposed ? current : stages.length).map((stage, i) => {
    const time = i <= current && times[i] ? formatDateTime(times[i], 'minute') : null;
    const hint = !disposed && i === current && o.status !== 'closed' ? t(`portalOrders.waitingFor.${o.status}`) : null;
    return { title: t(`portalOrders.stage.${stage}`), description: lines(time, hint && <Typography.Text type="secondary">{hint}</Typography.Text>) };
  });
  const d = o.disposition;
  if (d) items.push({ title: labels.status(d.kind), status: d.kind === 'declined' ? 'error' : 'finish', description: formatDateTime(d.decidedAt, 'minute') });
  return (
    <>
      <Steps
        size="small"
        current={disposed ? items.length - 1 : current}
        status={disposed ? undefined : stageStatus}
        items={items}
        data-testid="portal-order-steps"
        data-current={disposed ? o.status : stages[current]}
      />
      {/* Under the bar, full width: a step's description is too narrow for a reason and a next step. */}
      {d && (
        <div data-testid="portal-disposition" style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0', overflowWrap: 'anywhere' }}>
          {lines(
            d.reason && `${t('workOrders.field.reason')}${t('workOrders.colon')}${d.reason}`,
            d.referredTo && `${t('workOrders.timeline.referredTo')}${t('workOrders.colon')}${d.referredTo}`,
            d.mergedIntoNumber && `${t('workOrders.timeline.mergedInto')}${t('workOrders.colon')}${d.mergedIntoNumber}`,
            d.nextStep && (
              <Typography.Text strong>
                {t('portalOrders.nextStep')}
                {t('workOrders.colon')}
                {d.nextStep}
              </Typography.Text>
            ),
          )}
        </div>
      )}
    </>
  );
}

/** Lines of a step's description; empty ones left out. */
function lines(...parts: ReactNode[]) {
  const shown = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  return shown.length ? shown.map((p, i) => <div key={i}>{p}</div>) : undefined;
}
