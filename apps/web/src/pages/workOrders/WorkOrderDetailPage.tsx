import { ArrowLeftOutlined, FlagOutlined } from '@ant-design/icons';
import type { WorkOrderActionName } from '@zhiyuan/core';
import { App, Button, Card, Col, Descriptions, List, Rate, Row, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useWorkOrder, useWorkOrderInvalidation, type WorkOrderDetail } from '../../api/workOrders';
import { useAuth } from '../../auth/AuthContext';
import { PageLoading, useMissingRecord } from '../../components/DetailPage';
import { Page } from '../../components/Page';
import { NotFoundPage } from '../NotFoundPage';
import { formatDateTime } from '../../lib/format';
import { AttachmentList } from './Attachments';
import { OrderDeadline } from './Deadline';
import { WorkOrderActionBar } from './WorkOrderActionBar';
import { WorkOrderActionModal } from './WorkOrderActionModal';
import { SupervisionStatusTag } from '../service/common/SupervisionStatusTag';
import { priorityColors, useWorkOrderLabels, workOrderTypeColors } from './workOrderLabels';
import { WorkOrderStatusTag } from './WorkOrderStatusTag';
import { WorkOrderTimeline } from './WorkOrderTimeline';

/** The tags after an order's title: number, status, type, priority, and for staff 督办 and overdue (internal matters). */
export function OrderTags({ order, staff = true }: { order: WorkOrderDetail; staff?: boolean }) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  return (
    <Space size={[4, 4]} wrap>
      <Typography.Text className="zy-mono" copyable={{ text: order.number }} data-testid="work-order-number">
        {order.number}
      </Typography.Text>
      <WorkOrderStatusTag status={order.status} testId="work-order-status" style={{ marginInlineStart: 4, marginInlineEnd: 8 }} />
      <Tag color={workOrderTypeColors[order.type]} bordered={false}>
        {labels.type(order.type)}
      </Tag>
      {order.priority === 'urgent' && <Tag color={priorityColors.urgent}>{labels.priority('urgent')}</Tag>}
      {staff && order.overdue && (
        <Tag color="red" data-testid="work-order-overdue">
          {t('workOrders.overdueTag')}
        </Tag>
      )}
      {staff && order.supervised && (
        <Tag color="volcano" icon={<FlagOutlined />} data-testid="work-order-supervised">
          {t('workOrders.supervisedTag')}
        </Tag>
      )}
    </Space>
  );
}

/** 工单详情 (staff): what was asked, by whom, the deadlines, the story, and the next steps the caller may take. */
export function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useWorkOrderLabels();
  const invalidate = useWorkOrderInvalidation();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const query = useWorkOrder(id);
  const [acting, setActing] = useState<WorkOrderActionName | null>(null);
  const o = query.data;
  const missing = useMissingRecord(query.error);

  if (missing) return <NotFoundPage message={t('workOrders.notFound')} backTo="/work-orders" backLabel={t('workOrders.backToList')} />;
  if (!o) return <PageLoading title={t('workOrders.title')} loading={query.isLoading} />;

  return (
    <Page
      title={o.title}
      subTitle={<OrderTags order={o} />}
      extra={
        <Link to={`/work-orders${listSearch ? `?${listSearch}` : ''}`}>
          <Button icon={<ArrowLeftOutlined />} data-testid="work-order-back">
            {t('workOrders.backToList')}
          </Button>
        </Link>
      }
      testId="work-order-detail"
    >
      <Card size="small" style={{ marginBottom: 16 }} title={t('workOrders.detail.actions')}>
        <WorkOrderActionBar order={o} side="staff" onPick={setActing} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <OrderInfo order={o} />
          <Card title={t('workOrders.detail.timeline')} style={{ marginTop: 16 }} data-testid="work-order-timeline-card">
            <WorkOrderTimeline events={o.events} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SideCards order={o} />
        </Col>
      </Row>
      <WorkOrderActionModal
        action={acting}
        order={o}
        side="staff"
        onClose={() => setActing(null)}
        onDone={(updated, action) => {
          void invalidate.order(updated);
          void message.success(t('workOrders.actionDone', { action: labels.action(action) }));
        }}
        onConflict={() => void query.refetch()}
      />
    </Page>
  );
}

function OrderInfo({ order: o }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const labels = useWorkOrderLabels();
  const staffSeesRegistry = can('enterprise.read') && !user?.roles.includes('enterprise');
  return (
    <Card title={t('workOrders.detail.info')} data-testid="work-order-info">
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} size="small">
        <Descriptions.Item label={t('workOrders.field.enterprise')}>
          {o.enterpriseId && o.enterpriseName ? (
            staffSeesRegistry ? (
              <Link to={`/enterprises/${o.enterpriseId}`} data-testid="work-order-enterprise">
                {o.enterpriseName}
              </Link>
            ) : (
              o.enterpriseName
            )
          ) : (
            <Typography.Text type="secondary">{t('workOrders.noEnterprise')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.park')}>{o.parkName}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.requester')}>
          <span data-testid="work-order-requester">
            {o.requesterName ?? '—'}
            {o.requesterPhone && <span className="zy-mono" style={{ marginInlineStart: 8 }}>{o.requesterPhone}</span>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.category')}>{o.categoryPath.length ? o.categoryPath.join(' / ') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.channel')}>
          {labels.channel(o.channel)}
          {o.externalNo && (
            <Typography.Text className="zy-mono" copyable style={{ marginInlineStart: 8 }} data-testid="work-order-external-no">
              {o.externalNo}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.createdAt')}>
          {formatDateTime(o.createdAt, 'minute')}
          {o.createdByName && <Typography.Text type="secondary"> · {o.createdByName}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('workOrders.field.description')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="work-order-description">
        {o.description}
      </Typography.Paragraph>
      {o.attachments.length > 0 && (
        <>
          <Typography.Title level={5}>{t('workOrders.field.attachments')}</Typography.Title>
          <AttachmentList items={o.attachments} testId="work-order-attachments" />
        </>
      )}
    </Card>
  );
}

function Row2({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Descriptions.Item label={label} key={label}>
      {children}
    </Descriptions.Item>
  );
}

function SideCards({ order: o }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  const responded = o.respondedAt ? formatDateTime(o.respondedAt, 'minute') : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card size="small" title={t('workOrders.detail.deadlines')} data-testid="work-order-deadlines">
        <Descriptions column={1} size="small">
          {Row2({
            label: t('workOrders.field.responseDue'),
            children: (
              <Space direction="vertical" size={0}>
                <OrderDeadline order={o} kind="response" testId="work-order-response-due" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('workOrders.deadline.dueAt', { time: formatDateTime(o.responseDueAt, 'minute') })}
                  {responded && ` · ${t('workOrders.deadline.respondedAt', { time: responded })}`}
                </Typography.Text>
              </Space>
            ),
          })}
          {Row2({
            label: t('workOrders.field.resolveDue'),
            children: (
              <Space direction="vertical" size={0}>
                <OrderDeadline order={o} kind="resolve" testId="work-order-resolve-due" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('workOrders.deadline.dueAt', { time: formatDateTime(o.resolveDueAt, 'minute') })}
                  {o.extendedWorkingDays > 0 && ` · ${t('workOrders.deadline.extended', { count: o.extendedWorkingDays })}`}
                </Typography.Text>
              </Space>
            ),
          })}
          {o.reopenCount > 0 && Row2({ label: t('workOrders.field.reopenCount'), children: t('workOrders.times', { count: o.reopenCount }) })}
        </Descriptions>
      </Card>
      <Card size="small" title={t('workOrders.detail.handling')} data-testid="work-order-handling">
        <Descriptions column={1} size="small">
          {Row2({ label: t('workOrders.field.department'), children: o.departmentName ?? (o.assigneeId ? '—' : <Typography.Text type="secondary">{t('workOrders.unassigned')}</Typography.Text>) })}
          {Row2({ label: t('workOrders.field.assignee'), children: o.assigneeName ?? '—' })}
          {Row2({
            label: t('workOrders.field.coHandlers'),
            children: o.coHandlers.length ? (
              <Space size={[4, 4]} wrap>
                {o.coHandlers.map((c) => (
                  <Tag key={c.departmentId} style={{ marginInlineEnd: 0 }}>
                    {c.departmentName}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          })}
          {o.assignedAt && Row2({ label: t('workOrders.field.assignedAt'), children: formatDateTime(o.assignedAt, 'minute') })}
          {o.repliedAt && Row2({ label: t('workOrders.field.repliedAt'), children: formatDateTime(o.repliedAt, 'minute') })}
          {o.closedAt && Row2({ label: t('workOrders.field.closedAt'), children: formatDateTime(o.closedAt, 'minute') })}
          {o.status === 'closed' &&
            Row2({
              label: t('workOrders.field.solved'),
              children: o.solved === true ? t('workOrders.solvedYes') : <Typography.Text type="secondary">{t('workOrders.solvedUnconfirmed')}</Typography.Text>,
            })}
        </Descriptions>
      </Card>
      {o.disposition && (
        <Card size="small" title={labels.status(o.disposition.kind)} data-testid="work-order-disposition">
          <Descriptions column={1} size="small">
            {o.disposition.mergedIntoId &&
              Row2({
                label: t('workOrders.timeline.mergedInto'),
                children: <Link to={`/work-orders/${o.disposition.mergedIntoId}`}>{o.disposition.mergedIntoNumber ?? '—'}</Link>,
              })}
            {o.disposition.referredTo && Row2({ label: t('workOrders.timeline.referredTo'), children: o.disposition.referredTo })}
            {Row2({ label: t('workOrders.field.reason'), children: o.disposition.reason })}
            {o.disposition.nextStep && Row2({ label: t('workOrders.field.nextStep'), children: o.disposition.nextStep })}
            {Row2({ label: t('workOrders.disposition.decidedBy'), children: `${o.disposition.decidedByName ?? '—'} · ${formatDateTime(o.disposition.decidedAt, 'minute')}` })}
          </Descriptions>
        </Card>
      )}
      {o.rating != null && (
        <Card size="small" title={t('workOrders.field.rating')} data-testid="work-order-rating">
          <Rate disabled value={o.rating} />
          {o.ratingComment && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{o.ratingComment}</Typography.Paragraph>}
          {o.ratedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(o.ratedAt, 'minute')}
            </Typography.Text>
          )}
        </Card>
      )}
      {o.mergedOrders.length > 0 && (
        <Card size="small" title={t('workOrders.detail.mergedOrders')}>
          <List
            size="small"
            dataSource={o.mergedOrders}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/work-orders/${m.id}`} className="zy-mono">
                  {m.number}
                </Link>
                <Typography.Text ellipsis style={{ marginInlineStart: 8, flex: 1 }}>
                  {m.title}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      {o.supervisions.length > 0 && (
        <Card size="small" title={t('workOrders.detail.supervisions')} data-testid="work-order-supervisions">
          <List
            size="small"
            dataSource={o.supervisions}
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space size={4} wrap>
                      <SupervisionStatusTag status={s.status} />
                      <span>{labels.supervisionTrigger(s.trigger)}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div>{s.reason}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s.createdByName ?? t('workOrders.timeline.system')} · {formatDateTime(s.createdAt, 'minute')}
                      </Typography.Text>
                      {s.feedback && (
                        <div style={{ marginTop: 4 }}>
                          <Typography.Text type="secondary">{t('workOrders.supervision.feedback')}</Typography.Text>
                          {s.feedback}
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {o.extensions.length > 0 && (
        <Card size="small" title={t('workOrders.detail.extensions')} data-testid="work-order-extensions">
          <List
            size="small"
            dataSource={o.extensions}
            renderItem={(x) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space size={4} wrap>
                      <Tag color={x.status === 'pending' ? 'gold' : x.status === 'approved' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                        {labels.extensionStatus(x.status)}
                      </Tag>
                      <span>{t('workOrders.workingDays', { count: x.workingDays })}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div>{x.reason}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {x.requestedByName ?? '—'} · {formatDateTime(x.requestedAt, 'minute')}
                        {x.decidedAt && ` · ${t('workOrders.extensions.decided', { name: x.decidedByName ?? '—', time: formatDateTime(x.decidedAt, 'minute') })}`}
                      </Typography.Text>
                      {x.comment && <div>{x.comment}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
