import { ArrowLeftOutlined } from '@ant-design/icons';
import { isDispositionStatus, type WorkOrderActionName } from '@zhiyuan/core';
import { Alert, App, Button, Card, Col, Descriptions, Rate, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWorkOrder, useWorkOrderInvalidation } from '../../api/workOrders';
import { PageLoading, useMissingRecord } from '../../components/DetailPage';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../lib/format';
import { AttachmentList } from '../workOrders/Attachments';
import { WorkOrderActionBar } from '../workOrders/WorkOrderActionBar';
import { WorkOrderActionModal } from '../workOrders/WorkOrderActionModal';
import { OrderTags } from '../workOrders/WorkOrderDetailPage';
import { useWorkOrderLabels } from '../workOrders/workOrderLabels';
import { WorkOrderTimeline } from '../workOrders/WorkOrderTimeline';
import { PortalOrderProgress } from './PortalOrderProgress';

/**
 * 诉求详情 (portal): the public story of one of the enterprise's own orders, and what the requester may
 * do now — add information, confirm solved or not, rate, reopen — from the detail's `availableActions`.
 * Another enterprise's order answers 404 (the server's scope), shown as not found.
 */
export function PortalOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useWorkOrderLabels();
  const invalidate = useWorkOrderInvalidation();
  const query = useWorkOrder(id);
  const [acting, setActing] = useState<{ action: WorkOrderActionName; solved?: boolean } | null>(null);
  const o = query.data;
  const missing = useMissingRecord(query.error);

  const back = (
    <Link to="/portal/orders">
      <Button icon={<ArrowLeftOutlined />} data-testid="portal-order-back">
        {t('portalOrders.backToList')}
      </Button>
    </Link>
  );
  if (missing)
    return (
      <Page title={t('portalOrders.nav')}>
        {/* antd's Result drops data-* attributes: the test id goes on the title. */}
        <Result status="404" title={<span data-testid="not-found">{t('portalOrders.notFound')}</span>} extra={back} />
      </Page>
    );
  if (!o) return <PageLoading title={t('portalOrders.nav')} loading={query.isLoading} />;

  const can = (a: WorkOrderActionName) => o.availableActions.includes(a);

  return (
    <Page title={o.title} subTitle={<OrderTags order={o} staff={false} />} extra={back} testId="portal-order-detail">
      {o.status === 'replied' && can('confirm') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('portalOrders.confirmPrompt')}
          description={t('portalOrders.confirmPromptHint')}
          data-testid="portal-confirm-prompt"
          action={
            <Space direction="vertical">
              <Button type="primary" onClick={() => setActing({ action: 'confirm', solved: true })} data-testid="portal-solved">
                {t('workOrders.actionForm.solvedYes')}
              </Button>
              <Button onClick={() => setActing({ action: 'confirm', solved: false })} data-testid="portal-not-solved">
                {t('workOrders.actionForm.solvedNo')}
              </Button>
            </Space>
          }
        />
      )}
      {o.status === 'closed' && can('rate') && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('portalOrders.ratePrompt')}
          action={
            <Button type="primary" onClick={() => setActing({ action: 'rate' })} data-testid="portal-rate">
              {labels.action('rate')}
            </Button>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <PortalOrderProgress order={o} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('portalOrders.myRequest')} data-testid="portal-order-info">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('workOrders.field.category')}>{o.categoryPath.length ? o.categoryPath.join(' / ') : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('portalOrders.submittedAt')}>{formatDateTime(o.createdAt, 'minute')}</Descriptions.Item>
              <Descriptions.Item label={t('portalOrders.handler')}>{o.departmentName ?? t('portalOrders.notYetAssigned')}</Descriptions.Item>
              {!isDispositionStatus(o.status) && o.status !== 'closed' && (
                <Descriptions.Item label={t('portalOrders.expectedBy')}>{formatDateTime(o.resolveDueAt, 'minute')}</Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 8 }} data-testid="portal-order-description">
              {o.description}
            </Typography.Paragraph>
            <AttachmentList items={o.attachments} />
          </Card>
          <Card title={t('portalOrders.progress')} style={{ marginTop: 16 }}>
            <WorkOrderTimeline events={o.events} newestFirst linkOrders={false} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('portalOrders.whatYouCanDo')}>
              <WorkOrderActionBar order={o} side="requester" onPick={(action) => setActing({ action })} />
            </Card>
            {o.rating != null && (
              <Card size="small" title={t('portalOrders.yourRating')} data-testid="portal-rating">
                <Rate disabled value={o.rating} />
                {o.ratingComment && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{o.ratingComment}</Typography.Paragraph>}
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      <WorkOrderActionModal
        action={acting?.action ?? null}
        preset={acting?.solved === undefined ? undefined : { solved: acting.solved }}
        order={o}
        side="requester"
        onClose={() => setActing(null)}
        onDone={(updated, action) => {
          void invalidate.order(updated);
          void message.success(t(`portalOrders.done.${action}`, { defaultValue: t('workOrders.actionDone', { action: labels.action(action) }) }));
        }}
        onConflict={() => void query.refetch()}
      />
    </Page>
  );
}
