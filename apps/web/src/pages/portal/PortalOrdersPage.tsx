import { PlusOutlined } from '@ant-design/icons';
import { dispositionStatuses, openWorkOrderStatuses } from '@zhiyuan/core';
import { App, Badge, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useWorkOrderInvalidation, useWorkOrderList, type WorkOrderListItem } from '../../api/workOrders';
import { useUser } from '../../auth/AuthContext';
import { emptyText, NoRows } from '../../components/ListEmpty';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { useWorkOrderLabels, workOrderTypeColors } from '../workOrders/workOrderLabels';
import { WorkOrderStatusTag } from '../workOrders/WorkOrderStatusTag';
import { PortalNoEnterprise } from './PortalNoEnterprise';
import { PortalOrderCreateModal } from './PortalOrderCreateModal';

/** The portal's status groups → the list's status filter. */
const groups = {
  all: undefined,
  open: openWorkOrderStatuses.join(','),
  replied: 'replied',
  closed: ['closed', ...dispositionStatuses].join(','),
} as const;
type Group = keyof typeof groups;
const groupKeys = Object.keys(groups) as Group[];

/**
 * 我的诉求: the enterprise's own orders (the server gives an enterprise user nothing else), newest
 * first, with the ones waiting for its confirmation marked. The group and page live in the URL.
 */
export function PortalOrdersPage() {
  const { t } = useTranslation();
  const user = useUser();
  return user.enterpriseId ? <OrdersContent /> : <PortalNoEnterprise title={t('portalOrders.nav')} />;
}

function OrdersContent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useWorkOrderLabels();
  const navigate = useNavigate();
  const invalidate = useWorkOrderInvalidation();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('new') === '1');
  const group: Group = (groupKeys as string[]).includes(params.get('group') ?? '') ? (params.get('group') as Group) : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useMemo(() => ({ status: groups[group], page, pageSize: 10, sort: '-createdAt' }), [group, page]);
  const list = useWorkOrderList(query);
  const waiting = useWorkOrderList({ status: 'replied', pageSize: 1 });

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const go = (next: { group?: Group; page?: number }) => {
    const g = next.group ?? group;
    const p = next.page ?? 1;
    const sp = new URLSearchParams();
    if (g !== 'all') sp.set('group', g);
    if (p > 1) sp.set('page', String(p));
    setParams(sp);
  };

  const waitingCount = waiting.data?.total ?? 0;

  return (
    <Page
      title={t('portalOrders.nav')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="portal-order-create">
          {t('portalOrders.create.button')}
        </Button>
      }
    >
      <Card>
        <Segmented<Group>
          value={group}
          onChange={(g) => go({ group: g })}
          options={groupKeys.map((g) => ({
            value: g,
            label:
              g === 'replied' && waitingCount > 0 ? (
                <Space size={4}>
                  {t(`portalOrders.group.${g}`)}
                  <Badge count={waitingCount} size="small" data-testid="portal-waiting-count" />
                </Space>
              ) : (
                t(`portalOrders.group.${g}`)
              ),
          }))}
          style={{ marginBottom: 16 }}
          data-testid="portal-order-groups"
        />
        <Table<WorkOrderListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(r) => rowTestId('portal-order', r.number)}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => go({ page: p }) }}
          locale={{
            emptyText: emptyText(
              list,
              <NoRows text={group === 'all' ? t('portalOrders.empty') : t('portalOrders.emptyGroup')} testId="portal-order-empty">
                {group === 'all' && (
                  <Button type="primary" onClick={() => setCreating(true)}>
                    {t('portalOrders.create.button')}
                  </Button>
                )}
              </NoRows>,
            ),
          }}
          columns={[
            {
              title: t('workOrders.field.title'),
              dataIndex: 'title',
              ellipsis: true,
              render: (_d, r) => (
                <Link to={`/portal/orders/${r.id}`} data-testid={`portal-order-link-${r.number}`}>
                  {r.title}
                </Link>
              ),
            },
            { title: t('workOrders.field.number'), dataIndex: 'number', width: 150, render: (_d, r) => <span className="zy-mono">{r.number}</span> },
            {
              title: t('workOrders.field.type'),
              dataIndex: 'type',
              width: 80,
              render: (_d, r) => (
                <Tag color={workOrderTypeColors[r.type]} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {labels.type(r.type)}
                </Tag>
              ),
            },
            {
              title: t('workOrders.field.status'),
              dataIndex: 'status',
              width: 150,
              render: (_d, r) => (
                <>
                  <WorkOrderStatusTag status={r.status} testId="portal-order-status" style={{ marginInlineEnd: 4 }} />
                  {r.status === 'replied' && <Typography.Text type="warning">{t('portalOrders.waitingYou')}</Typography.Text>}
                  {r.status === 'closed' && r.rating == null && <Typography.Text type="secondary">{t('portalOrders.notRated')}</Typography.Text>}
                </>
              ),
            },
            { title: t('portalOrders.submittedAt'), dataIndex: 'createdAt', width: 150, render: (_d, r) => formatDateTime(r.createdAt, 'minute') },
            {
              title: t('portalOrders.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (_d, r) => formatDateTime(r.updatedAt, 'minute'),
            },
          ]}
          data-testid="portal-order-table"
        />
      </Card>
      <PortalOrderCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(order) => {
          setCreating(false);
          void invalidate.order(order);
          void message.success(t('portalOrders.create.done', { number: order.number }));
          navigate(`/portal/orders/${order.id}`);
        }}
      />
    </Page>
  );
}
