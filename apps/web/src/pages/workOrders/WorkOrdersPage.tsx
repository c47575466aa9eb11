import { DownloadOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useEnterprise } from '../../api/enterprises';
import { useWorkOrderList, workOrdersApi, type WorkOrderListItem } from '../../api/workOrders';
import { useAuth } from '../../auth/AuthContext';
import { emptyText, ListEmpty } from '../../components/ListEmpty';
import { Page } from '../../components/Page';
import { canOpen } from '../../routes/access';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId, sortOrderOf } from '../../lib/table';
import { useUrlList } from '../../lib/useUrlList';
import { OrderDeadline } from './Deadline';
import { WorkOrderFilterBar } from './WorkOrderFilterBar';
import { workOrderListState } from './workOrderFilters';
import { priorityColors, useWorkOrderLabels, workOrderTypeColors } from './workOrderLabels';
import { WorkOrderStatusTag } from './WorkOrderStatusTag';

/** 工单: every order of the caller's scope, searched on the server; the search lives in the URL. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const showError = useShowError();
  const labels = useWorkOrderLabels();
  const { params, state, query, filtered, applyFilters, tableKey, tableProps } = useUrlList(workOrderListState);
  const list = useWorkOrderList(query);
  // A link from an enterprise's page filters by it: name it on the filter's tag.
  const filterEnterprise = useEnterprise(state.filters.enterpriseId);

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const columns: ProColumns<WorkOrderListItem>[] = [
    {
      title: t('workOrders.field.number'),
      dataIndex: 'number',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'number'),
      fixed: 'left',
      width: 148,
      render: (_d, r) => (
        <Link to={`/work-orders/${r.id}`} state={{ listSearch: params.toString() }} className="zy-mono" data-testid={`work-order-link-${r.number}`}>
          {r.number}
        </Link>
      ),
    },
    {
      title: t('workOrders.field.title'),
      dataIndex: 'title',
      width: 220,
      ellipsis: true,
      render: (_d, r) => (
        <Space size={4}>
          {r.supervised && (
            <Tooltip title={t('workOrders.supervisedTag')}>
              <FlagOutlined style={{ color: '#cf1322' }} aria-label={t('workOrders.supervisedTag')} />
            </Tooltip>
          )}
          {r.priority === 'urgent' && (
            <Tag color={priorityColors.urgent} style={{ marginInlineEnd: 0 }}>
              {labels.priority('urgent')}
            </Tag>
          )}
          <span title={r.title}>{r.title}</span>
        </Space>
      ),
    },
    {
      title: t('workOrders.field.status'),
      dataIndex: 'status',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'status'),
      width: 96,
      render: (_d, r) => <WorkOrderStatusTag status={r.status} testId="work-order-status" />,
    },
    {
      title: t('workOrders.field.resolveDue'),
      dataIndex: 'resolveDueAt',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'resolveDueAt'),
      width: 150,
      render: (_d, r) => <OrderDeadline order={r} kind="resolve" testId="work-order-resolve-due" />,
    },
    {
      title: t('workOrders.field.responseDue'),
      dataIndex: 'responseDueAt',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'responseDueAt'),
      width: 140,
      render: (_d, r) => <OrderDeadline order={r} kind="response" testId="work-order-response-due" />,
    },
    {
      title: t('workOrders.field.type'),
      dataIndex: 'type',
      width: 70,
      render: (_d, r) => (
        <Tag color={workOrderTypeColors[r.type]} style={{ marginInlineEnd: 0 }} bordered={false}>
          {labels.type(r.type)}
        </Tag>
      ),
    },
    { title: t('workOrders.field.enterprise'), dataIndex: 'enterpriseName', width: 180, ellipsis: true, render: (_d, r) => r.enterpriseName ?? '—' },
    { title: t('workOrders.field.category'), dataIndex: 'categoryPath', width: 120, ellipsis: true, render: (_d, r) => (r.categoryPath.length ? r.categoryPath.join(' / ') : '—') },
    {
      title: t('workOrders.field.handler'),
      dataIndex: 'departmentName',
      width: 150,
      ellipsis: true,
      render: (_d, r) => [r.departmentName, r.assigneeName].filter(Boolean).join(' · ') || <Typography.Text type="secondary">{t('workOrders.unassigned')}</Typography.Text>,
    },
    { title: t('workOrders.field.park'), dataIndex: 'parkName', width: 100, ellipsis: true },
    { title: t('workOrders.field.channel'), dataIndex: 'channel', width: 100, render: (_d, r) => labels.channel(r.channel) },
    {
      title: t('workOrders.field.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'createdAt'),
      width: 140,
      render: (_d, r) => formatDateTime(r.createdAt, 'minute'),
    },
  ];

  const empty = (
    <ListEmpty
      filtered={filtered}
      empty={t('workOrders.empty')}
      emptyFiltered={t('workOrders.emptyFiltered')}
      hint={filtered ? t('workOrders.emptyFilteredHint') : ''}
      clearLabel={t('workOrders.clearFilters')}
      onClear={() => applyFilters({})}
      testId="work-order"
    />
  );

  const canCreate = !!user && canOpen(user, 'workOrderCreate');

  return (
    <Page title={t('workOrders.title')}>
      <WorkOrderFilterBar filters={state.filters} onApply={applyFilters} />
      {state.filters.enterpriseId && (
        <Space style={{ marginBottom: 12 }}>
          <Tag closable onClose={() => applyFilters({ ...state.filters, enterpriseId: undefined })} data-testid="work-order-enterprise-filter">
            {t('workOrders.filter.byEnterprise', { name: filterEnterprise.data?.name ?? '…' })}
          </Tag>
        </Space>
      )}
      <ProTable<WorkOrderListItem>
        key={tableKey}
        {...tableProps(list, emptyText(list, empty))}
        rowKey="id"
        columns={columns}
        headerTitle={list.data ? <Typography.Text type="secondary">{t('workOrders.total', { count: list.data.total })}</Typography.Text> : undefined}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        onRow={(r) => rowTestId('work-order', r.number)}
        toolBarRender={() => [
          <Tooltip key="export" title={t('workOrders.exportHint')}>
            <Button icon={<DownloadOutlined />} href={workOrdersApi.exportUrl({ ...state.filters, sort: state.sort })} download data-testid="work-order-export">
              {t('workOrders.export')}
            </Button>
          </Tooltip>,
          canCreate && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/work-orders/new')} data-testid="work-order-create">
              {t('workOrders.create')}
            </Button>
          ),
        ]}
        data-testid="work-order-table"
      />
    </Page>
  );
}
