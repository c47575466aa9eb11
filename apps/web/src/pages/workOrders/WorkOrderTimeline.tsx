import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Empty, Rate, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderEvent } from '../../api/workOrders';
import { formatDateTime } from '../../lib/format';
import { AttachmentList } from './Attachments';
import { useWorkOrderLabels, type WorkOrderLabels } from './workOrderLabels';

const alarming = new Set(['response_overdue', 'resolve_overdue', 'supervise', 'decline']);
const finishing = new Set(['close', 'confirm', 'rate']);

/** Internal entries sit on amber paper with a dashed edge; public ones on plain grey. */
const internalBox = { background: '#fffbe6', border: '1px dashed #ffd666', borderRadius: 6, padding: '6px 10px' } as const;
const contentPublic = { marginTop: 6, padding: '8px 12px', background: '#f5f7fa', borderRadius: 6, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
const contentInternal = { ...contentPublic, background: '#fff' } as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The recorded fields of an entry worth showing (department, score, days, reason, next step …), as label → value. */
function details(ev: WorkOrderEvent, t: (k: string, o?: Record<string, unknown>) => string, labels: WorkOrderLabels, linkOrders: boolean): { label: string; value: ReactNode }[] {
  const d = ev.data;
  const out: { label: string; value: ReactNode }[] = [];
  const push = (label: string, value: ReactNode | undefined) => {
    if (value !== undefined && value !== null && value !== '') out.push({ label, value });
  };
  push(t('workOrders.field.department'), str(d.departmentName));
  push(t('workOrders.field.assignee'), str(d.assigneeName));
  // assign records its co-handling departments as [{departmentId, departmentName}].
  const co = Array.isArray(d.coHandlers) ? d.coHandlers.flatMap((x) => str((x as { departmentName?: unknown } | null)?.departmentName) ?? []) : [];
  if (co.length) push(t('workOrders.field.coHandlers'), co.join(t('workOrders.sep')));
  if (typeof d.solved === 'boolean') push(t('workOrders.timeline.result'), d.solved ? t('workOrders.timeline.solved') : t('workOrders.timeline.notSolved'));
  const score = num(d.score);
  if (score) push(t('workOrders.field.rating'), <Rate disabled value={score} style={{ fontSize: 14 }} />);
  const days = num(d.workingDays);
  if (days) push(t('workOrders.timeline.extensionDays'), t('workOrders.workingDays', { count: days }));
  if (typeof d.approved === 'boolean') push(t('workOrders.timeline.decision'), d.approved ? labels.extensionStatus('approved') : labels.extensionStatus('rejected'));
  // An order this one was merged into, or (merged_in) the order merged into this one: by number, else a plain link.
  const orderRef = (number: string | undefined, orderId: string | undefined) =>
    linkOrders && orderId ? <Link to={`/work-orders/${orderId}`}>{number ?? t('workOrders.timeline.openOrder')}</Link> : number;
  if (ev.action === 'merge') push(t('workOrders.timeline.mergedInto'), orderRef(str(d.intoOrderNumber) ?? str(d.mergedIntoNumber), str(d.intoOrderId) ?? str(d.mergedIntoId)));
  if (ev.action === 'merged_in') push(t('workOrders.timeline.mergedFrom'), orderRef(str(d.orderNumber), str(d.orderId)));
  push(t('workOrders.timeline.referredTo'), str(d.to) ?? str(d.referredTo));
  push(t('workOrders.field.reason'), str(d.reason));
  push(t('workOrders.field.nextStep'), str(d.nextStep));
  push(t('workOrders.timeline.comment'), str(d.comment));
  push(t('workOrders.timeline.note'), str(d.note));
  // A reopening or an approved extension moves the resolution deadline.
  const newDue = str(d.resolveDueAt);
  if (newDue) push(t('workOrders.timeline.newDue'), formatDateTime(newDue, 'minute'));
  return out;
}

type Props = {
  events: readonly WorkOrderEvent[];
  /** Newest first (the portal) or oldest first (staff read the story in order). */
  newestFirst?: boolean;
  /** Links to other orders (staff only: the requester cannot open them). */
  linkOrders?: boolean;
};

/**
 * The order's story: every step with who and when; internal entries (notes, supervision, extension
 * requests) are marked 内部 and set apart so nobody mistakes them for what the requester sees.
 */
export function WorkOrderTimeline({ events, newestFirst, linkOrders = true }: Props) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.timeline.empty')} />;
  const list = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline
      data-testid="work-order-timeline"
      items={list.map((ev) => {
        const internal = ev.visibility === 'internal';
        const statusChanged = ev.fromStatus && ev.toStatus && ev.fromStatus !== ev.toStatus;
        const onBehalf = ev.data.onBehalf === true;
        const rows = details(ev, t, labels, linkOrders);
        return {
          key: ev.id,
          color: alarming.has(ev.action) ? 'red' : internal ? 'orange' : finishing.has(ev.action) ? 'green' : 'blue',
          children: (
            <div
              style={internal ? internalBox : undefined}
              data-testid={`timeline-event-${ev.action}`}
              data-visibility={ev.visibility}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'baseline' }}>
                <Typography.Text strong>{labels.event(ev.action)}</Typography.Text>
                {internal && (
                  <Tag color="orange" icon={<EyeInvisibleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="timeline-internal">
                    {t('workOrders.timeline.internal')}
                  </Tag>
                )}
                {onBehalf && <Tag style={{ marginInlineEnd: 0 }}>{t('workOrders.timeline.onBehalf')}</Tag>}
                {statusChanged && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.status(ev.fromStatus)} → {labels.status(ev.toStatus)}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
                  {ev.actorName ?? (ev.actorId ? '—' : t('workOrders.timeline.system'))} · {formatDateTime(ev.at, 'minute')}
                </Typography.Text>
              </div>
              {ev.content && <div style={internal ? contentInternal : contentPublic}>{ev.content}</div>}
              {rows.length > 0 && (
                <div style={{ marginTop: 4 }}>
                  {rows.map((r) => (
                    <div key={r.label} style={{ fontSize: 13 }}>
                      <Typography.Text type="secondary">
                        {r.label}
                        {t('workOrders.colon')}
                      </Typography.Text>
                      {r.value}
                    </div>
                  ))}
                </div>
              )}
              <AttachmentList items={ev.attachments} compact />
            </div>
          ),
        };
      })}
    />
  );
}
