import { AlertOutlined, CalendarOutlined, FileTextOutlined, ReloadOutlined, ShopOutlined } from '@ant-design/icons';
import type { OfficerEnterprise, Visit, WorkOrderListItem } from '@zhiyuan/core';
import { App, Badge, Button, Card, Col, Row, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVisitInvalidation } from '../../../api/visits';
import { useWorkbench } from '../../../api/workbench';
import { useAuth, useUser } from '../../../auth/AuthContext';
import { emptyText, NoRows } from '../../../components/ListEmpty';
import { Page } from '../../../components/Page';
import { useShowError } from '../../../lib/errors';
import { rowTestId } from '../../../lib/table';
import { LinkButton } from '../common/LinkButton';
import { DeadlineCell, OrderLink, OrderStatusTag } from '../common/OrderCells';
import { today, VisitPlanModal } from '../visits/VisitPlanModal';
import { VisitRecordModal } from '../visits/VisitRecordModal';
import { MyEnterprisesCard } from './MyEnterprisesCard';
import { VisitDueCell } from './VisitDueCell';

function CountCard({ title, value, icon, color, extra, testId }: { title: string; value: number | undefined; icon: ReactNode; color: string; extra?: ReactNode; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Space align="start" size={16} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Statistic title={title} value={value ?? '—'} valueStyle={{ fontWeight: 600 }} />
        <span style={{ fontSize: 28, color }}>{icon}</span>
      </Space>
      <div style={{ minHeight: 22 }}>{extra}</div>
    </Card>
  );
}

const ellipsis = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

type Dialog = { kind: 'plan'; enterprise: { id: string; name: string } } | { kind: 'record'; visit: Visit } | null;

/**
 * 服务管家工作台 (the service officer's landing page): counts, open orders with their deadlines,
 * visits due and planned, and the officer's enterprises with one-click visit planning.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useVisitInvalidation();
  const wb = useWorkbench();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canVisit = can('visit.write');
  const d = wb.data;
  const todayIso = today().format('YYYY-MM-DD');

  useEffect(() => {
    if (wb.error) showError(wb.error);
  }, [wb.error, showError]);

  const orderColumns: ColumnsType<WorkOrderListItem> = [
    { key: 'number', title: t('workbench.col.order'), width: 190, render: (_, r) => <OrderLink order={r} /> },
    { key: 'enterprise', title: t('workbench.col.enterprise'), ellipsis: true, render: (_, r) => r.enterpriseName ?? '—' },
    { key: 'status', title: t('workbench.col.status'), width: 86, render: (_, r) => <OrderStatusTag status={r.status} /> },
    { key: 'due', title: t('workbench.col.deadline'), width: 150, render: (_, r) => <DeadlineCell order={r} /> },
  ];
  const orderTable = (rows: WorkOrderListItem[] | undefined, empty: string, testId: string) => (
    <Table<WorkOrderListItem>
      size="small"
      rowKey="id"
      loading={wb.isLoading}
      dataSource={rows}
      columns={orderColumns}
      pagination={false}
      scroll={{ y: 360, x: 560 }}
      onRow={(r) => rowTestId(testId, r.number)}
      locale={{ emptyText: emptyText(wb, <NoRows text={empty} />) }}
      data-testid={testId}
    />
  );

  const dueColumns: ColumnsType<OfficerEnterprise> = [
    { key: 'name', title: t('workbench.col.enterprise'), ellipsis: true, render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=service`}>{r.enterpriseName}</Link> },
    { key: 'due', title: t('workbench.col.nextDue'), width: 120, render: (_, r) => <VisitDueCell e={r} /> },
    {
      key: 'plan',
      title: '',
      width: 96,
      align: 'right',
      render: (_, r) =>
        r.plannedVisitOn ? (
          <Tooltip title={t('workbench.plannedOn', { date: r.plannedVisitOn })}>
            <Tag icon={<CalendarOutlined />} color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
              {r.plannedVisitOn.slice(5)}
            </Tag>
          </Tooltip>
        ) : (
          canVisit && (
            <LinkButton onClick={() => setDialog({ kind: 'plan', enterprise: { id: r.enterpriseId, name: r.enterpriseName } })} data-testid={`due-plan-${r.enterpriseId}`}>
              {t('workbench.planVisit')}
            </LinkButton>
          )
        ),
    },
  ];
  const plannedColumns: ColumnsType<Visit> = [
    {
      key: 'date',
      title: t('workbench.col.plannedOn'),
      width: 104,
      render: (_, r) => (
        <Typography.Text type={r.plannedOn && r.plannedOn < todayIso ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {r.plannedOn ?? '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'name',
      title: t('workbench.col.enterprise'),
      ellipsis: true,
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/service/visits/${r.id}`} title={r.enterpriseName} style={ellipsis}>
            {r.enterpriseName}
          </Link>
          {r.topics.length > 0 && (
            <Typography.Text type="secondary" style={{ ...ellipsis, fontSize: 12 }}>
              {r.topics.join('、')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'record',
      title: '',
      width: 56,
      align: 'right',
      render: (_, r) =>
        canVisit && (
          <LinkButton onClick={() => setDialog({ kind: 'record', visit: r })} data-testid={`planned-record-${r.id}`}>
            {t('workbench.record')}
          </LinkButton>
        ),
    },
  ];

  const c = d?.counts;
  return (
    <Page
      title={t('workbench.title')}
      subTitle={<Typography.Text type="secondary">{t('workbench.hello', { name: user.displayName })}</Typography.Text>}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void wb.refetch()} loading={wb.isFetching} data-testid="workbench-refresh">
            {t('serviceStats.refresh')}
          </Button>
          {canVisit && (
            <Link to="/service/visits">
              <Button icon={<CalendarOutlined />}>{t('visits.nav')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]} data-testid="workbench-counts">
          <Col xs={12} xl={6}>
            <CountCard title={t('workbench.count.enterprises')} value={c?.enterprises} icon={<ShopOutlined />} color="#1677ff" testId="count-enterprises" />
          </Col>
          <Col xs={12} xl={6}>
            <CountCard
              title={t('workbench.count.openOrders')}
              value={c?.openOrders}
              icon={<FileTextOutlined />}
              color="#722ed1"
              testId="count-open-orders"
              extra={c && c.overdueOrders > 0 && <Typography.Text type="danger">{t('workbench.count.overdue', { count: c.overdueOrders })}</Typography.Text>}
            />
          </Col>
          <Col xs={12} xl={6}>
            <CountCard title={t('workbench.count.deadlinesNear')} value={c?.deadlinesNear} icon={<AlertOutlined />} color={c && c.deadlinesNear > 0 ? '#fa541c' : '#bfbfbf'} testId="count-deadlines" />
          </Col>
          <Col xs={12} xl={6}>
            <CountCard
              title={t('workbench.count.visitsDue')}
              value={c?.visitsDue}
              icon={<CalendarOutlined />}
              color={c && c.visitsDue > 0 ? '#d4380d' : '#52c41a'}
              testId="count-visits"
              extra={c && <Typography.Text type="secondary">{t('workbench.count.planned', { count: c.plannedVisits })}</Typography.Text>}
            />
          </Col>
        </Row>

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('workbench.orders')} extra={<Link to="/work-orders?mine=true">{t('workbench.allOrders')}</Link>} style={{ height: '100%' }} data-testid="workbench-orders">
              <Tabs
                size="small"
                items={[
                  {
                    key: 'open',
                    label: (
                      <span data-testid="workbench-tab-open">
                        {t('workbench.tab.open')} <Badge count={c?.openOrders ?? 0} color="#722ed1" overflowCount={999} showZero={false} />
                      </span>
                    ),
                    children: orderTable(d?.openOrders, t('workbench.emptyOrders'), 'workbench-open'),
                  },
                  {
                    key: 'near',
                    label: (
                      <span data-testid="workbench-tab-near">
                        {t('workbench.tab.near')} <Badge count={c?.deadlinesNear ?? 0} overflowCount={999} showZero={false} />
                      </span>
                    ),
                    children: orderTable(d?.deadlinesNear, t('workbench.emptyNear'), 'workbench-near'),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('workbench.visits')} style={{ height: '100%' }} data-testid="workbench-visits">
              <Tabs
                size="small"
                items={[
                  {
                    key: 'due',
                    label: (
                      <span data-testid="workbench-tab-due">
                        {t('workbench.tab.due')} <Badge count={c?.visitsDue ?? 0} overflowCount={999} showZero={false} />
                      </span>
                    ),
                    children: (
                      <Table<OfficerEnterprise>
                        size="small"
                        rowKey="enterpriseId"
                        loading={wb.isLoading}
                        dataSource={d?.visitsDue}
                        columns={dueColumns}
                        pagination={false}
                        scroll={{ y: 360 }}
                        onRow={(r) => rowTestId('visit-due', r.enterpriseName)}
                        locale={{ emptyText: emptyText(wb, <NoRows text={t('workbench.emptyDue')} />) }}
                      />
                    ),
                  },
                  {
                    key: 'planned',
                    label: (
                      <span data-testid="workbench-tab-planned">
                        {t('workbench.tab.planned')} <Badge count={c?.plannedVisits ?? 0} color="#1677ff" overflowCount={999} showZero={false} />
                      </span>
                    ),
                    children: (
                      <Table<Visit>
                        size="small"
                        rowKey="id"
                        loading={wb.isLoading}
                        dataSource={d?.plannedVisits}
                        columns={plannedColumns}
                        pagination={false}
                        scroll={{ y: 360 }}
                        onRow={(r) => rowTestId('planned-visit', r.enterpriseName)}
                        locale={{ emptyText: emptyText(wb, <NoRows text={t('workbench.emptyPlanned')} />) }}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>

        <MyEnterprisesCard canPlan={canVisit} onPlan={(e) => setDialog({ kind: 'plan', enterprise: { id: e.enterpriseId, name: e.enterpriseName } })} />
      </Space>

      <VisitPlanModal
        open={dialog?.kind === 'plan'}
        enterprise={dialog?.kind === 'plan' ? dialog.enterprise : undefined}
        onClose={() => setDialog(null)}
        onSaved={(v) => {
          void message.success(t('visits.plan.saved', { name: v.enterpriseName, date: v.plannedOn }));
          void invalidate();
        }}
      />
      <VisitRecordModal
        open={dialog?.kind === 'record'}
        visit={dialog?.kind === 'record' ? dialog.visit : undefined}
        onClose={() => setDialog(null)}
        onSaved={(v) => {
          void message.success(t('visits.record.saved', { name: v.enterpriseName }));
          void invalidate();
        }}
      />
    </Page>
  );
}
