import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import type { PackageAssignment, Visit, WorkOrderListItem } from '@zhiyuan/core';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVisitInvalidation } from '../../api/visits';
import { useEnterpriseService } from '../../api/workbench';
import { useAuth } from '../../auth/AuthContext';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { useServiceLabels } from '../service/common/labels';
import { LinkButton } from '../service/common/LinkButton';
import { DeadlineCell, OrderLink, OrderStatusTag } from '../service/common/OrderCells';
import { AssignmentDrawer } from '../service/packages/AssignmentDrawer';
import { CompletionBar } from '../service/packages/CompletionBar';
import { TopicTags, VisitDate, VisitStatusTag } from '../service/visits/VisitCells';
import { VisitPlanModal } from '../service/visits/VisitPlanModal';
import { VisitRecordModal } from '../service/visits/VisitRecordModal';
import { VisitDueCell } from '../service/workbench/VisitDueCell';

type Dialog = 'plan' | 'record' | null;

/**
 * 服务 tab (GET /enterprises/:id/service): the service officer and visit due date, the enterprise's
 * work orders (counts and the latest), its visits and its service packages with their progress.
 */
export function ServiceTab({ enterprise }: { enterprise: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const labels = useServiceLabels();
  const showError = useShowError();
  const invalidate = useVisitInvalidation();
  const summary = useEnterpriseService(enterprise.id);
  const s = summary.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [assignmentId, setAssignmentId] = useState<string | null>(null);

  useEffect(() => {
    if (summary.error) showError(summary.error);
  }, [summary.error, showError]);

  if (!s) return <div style={{ display: 'grid', placeItems: 'center', minHeight: 200 }}>{summary.isLoading ? <Spin /> : <Empty />}</div>;

  const orderColumns: ColumnsType<WorkOrderListItem> = [
    { key: 'number', title: t('serviceTab.col.order'), width: 200, render: (_, r) => <OrderLink order={r} /> },
    { key: 'type', title: t('serviceTab.col.type'), width: 70, render: (_, r) => labels.orderType(r.type) },
    { key: 'status', title: t('serviceTab.col.status'), width: 90, render: (_, r) => <OrderStatusTag status={r.status} /> },
    { key: 'department', title: t('serviceTab.col.department'), width: 140, ellipsis: true, render: (_, r) => r.departmentName ?? '—' },
    { key: 'createdAt', title: t('serviceTab.col.createdAt'), width: 140, render: (_, r) => formatDateTime(r.createdAt, 'minute') },
    { key: 'due', title: t('serviceTab.col.deadline'), width: 140, render: (_, r) => <DeadlineCell order={r} /> },
    { key: 'rating', title: t('serviceTab.col.rating'), width: 70, align: 'right', render: (_, r) => (r.rating == null ? '—' : `${r.rating}★`) },
  ];
  const visitColumns: ColumnsType<Visit> = [
    { key: 'date', title: t('serviceTab.col.date'), width: 140, render: (_, r) => <VisitDate visit={r} /> },
    { key: 'status', title: t('serviceTab.col.status'), width: 90, render: (_, r) => <VisitStatusTag visit={r} /> },
    { key: 'officer', title: t('serviceTab.col.officer'), width: 100, render: (_, r) => r.officerName ?? '—' },
    { key: 'topics', title: t('serviceTab.col.topics'), render: (_, r) => <TopicTags topics={r.topics} /> },
    { key: 'problems', title: t('serviceTab.col.problems'), width: 80, align: 'right', render: (_, r) => (r.status === 'done' ? r.problems.length : '—') },
    {
      key: 'view',
      title: '',
      width: 70,
      render: (_, r) => (
        <Link to={`/service/visits/${r.id}`} data-testid={`service-visit-${r.id}`}>
          {t('visits.view')}
        </Link>
      ),
    },
  ];
  const packageColumns: ColumnsType<PackageAssignment> = [
    { key: 'name', title: t('serviceTab.col.package'), render: (_, r) => r.packageName },
    { key: 'officer', title: t('serviceTab.col.officer'), width: 110, render: (_, r) => r.officerName ?? '—' },
    { key: 'assignedAt', title: t('serviceTab.col.assignedAt'), width: 140, render: (_, r) => formatDateTime(r.assignedAt, 'minute') },
    { key: 'completion', title: t('serviceTab.col.completion'), width: 200, render: (_, r) => <CompletionBar completion={r.completion} /> },
    {
      key: 'open',
      title: '',
      width: 80,
      render: (_, r) => (
        <LinkButton onClick={() => setAssignmentId(r.id)} data-testid={`service-package-${r.packageName}`}>
          {t('packages.progress')}
        </LinkButton>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-service">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('serviceTab.overview')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('serviceTab.officer')}>{s.serviceOfficerName ?? <Typography.Text type="secondary">{t('serviceTab.noOfficer')}</Typography.Text>}</Descriptions.Item>
              <Descriptions.Item label={t('serviceTab.visitClass')}>
                <Tag color={s.visitClass === 'key' ? 'magenta' : s.visitClass === 'above_scale' ? 'blue' : 'default'}>{labels.visitClass(s.visitClass)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('serviceTab.lastVisit')}>{s.lastVisitOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('serviceTab.nextDue')}>
                <span data-testid="service-next-due">
                  <VisitDueCell e={{ visitState: s.visitState, nextVisitDue: s.nextVisitDue, daysLeft: null }} />
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('serviceTab.ordersCount')} style={{ height: '100%' }} data-testid="service-order-counts">
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t('serviceTab.count.total')} value={s.orders.total} />
              </Col>
              <Col span={8}>
                <Statistic title={t('serviceTab.count.open')} value={s.orders.open} valueStyle={s.orders.open > 0 ? { color: '#722ed1' } : undefined} />
              </Col>
              <Col span={8}>
                <Statistic title={t('serviceTab.count.overdue')} value={s.orders.overdue} valueStyle={s.orders.overdue > 0 ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('serviceTab.recentOrders')}
        extra={
          s.orders.total > 0 && (
            <Link to={`/work-orders?enterpriseId=${enterprise.id}`} data-testid="service-all-orders">
              {t('serviceTab.allOrders', { count: s.orders.total })}
            </Link>
          )
        }
      >
        <Table<WorkOrderListItem>
          size="small"
          rowKey="id"
          dataSource={s.recentOrders}
          columns={orderColumns}
          pagination={false}
          scroll={{ x: 850 }}
          onRow={(r) => rowTestId('service-order', r.number)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceTab.noOrders')} /> }}
        />
      </Card>

      <Card
        size="small"
        title={t('serviceTab.recentVisits')}
        extra={
          <Space>
            {can('visit.write') && (
              <>
                <Button size="small" icon={<CalendarOutlined />} onClick={() => setDialog('plan')} data-testid="service-plan-visit">
                  {t('workbench.planVisit')}
                </Button>
                <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('record')} data-testid="service-record-visit">
                  {t('visits.record.new')}
                </Button>
              </>
            )}
            <Link to={`/service/visits?enterpriseId=${enterprise.id}`}>{t('serviceTab.allVisits')}</Link>
          </Space>
        }
      >
        <Table<Visit>
          size="small"
          rowKey="id"
          dataSource={s.recentVisits}
          columns={visitColumns}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceTab.noVisits')} /> }}
        />
      </Card>

      <Card size="small" title={t('serviceTab.packages')} extra={can('servicePackage.read') && <Link to="/service/packages">{t('packages.nav')}</Link>}>
        <Table<PackageAssignment>
          size="small"
          rowKey="id"
          dataSource={s.packages}
          columns={packageColumns}
          pagination={false}
          scroll={{ x: 650 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceTab.noPackages')} /> }}
        />
      </Card>

      <VisitPlanModal
        open={dialog === 'plan'}
        enterprise={enterprise}
        onClose={() => setDialog(null)}
        onSaved={(v) => {
          void message.success(t('visits.plan.saved', { name: v.enterpriseName, date: v.plannedOn }));
          void invalidate();
        }}
      />
      <VisitRecordModal
        open={dialog === 'record'}
        enterprise={enterprise}
        onClose={() => setDialog(null)}
        onSaved={(v) => {
          void message.success(t('visits.record.saved', { name: v.enterpriseName }));
          void invalidate();
        }}
      />
      <AssignmentDrawer
        assignmentId={assignmentId}
        onClose={() => {
          setAssignmentId(null);
          void summary.refetch();
        }}
      />
    </Space>
  );
}
