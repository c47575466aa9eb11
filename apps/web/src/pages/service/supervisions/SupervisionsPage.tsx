import { DownloadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  supervisionActionNames,
  supervisionKinds,
  supervisionPermission,
  supervisionStatuses,
  supervisionTransition,
  type Supervision,
  type SupervisionActionName,
} from '@zhiyuan/core';
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { supervisionsApi, useSupervisionInvalidation, type SupervisionFilter } from '../../../api/supervisions';
import { useAuth } from '../../../auth/AuthContext';
import { NoRows } from '../../../components/ListEmpty';
import { Page } from '../../../components/Page';
import { ParkTreeSelect } from '../../../components/ParkTreeSelect';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { loadTable, rowTestId, searchTableProps, setFilters, toListQuery } from '../../../lib/table';
import { DepartmentSelect } from '../../../components/DepartmentSelect';
import { useServiceLabels } from '../common/labels';
import { SupervisionStatusTag } from '../common/SupervisionStatusTag';
import { LinkButton } from '../common/LinkButton';
import { OrderStatusTag, workOrderPath } from '../common/OrderCells';
import { SupervisionActionModal } from './SupervisionActionModal';

type Row = Supervision;
const filterKeys = ['status', 'kind', 'parkId', 'departmentId', 'from', 'to'] as const;

/** 督办: every supervision record in scope, its own status, feedback from the handler, return or close by a supervisor. */
export function SupervisionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const labels = useServiceLabels();
  const showError = useShowError();
  const invalidate = useSupervisionInvalidation();
  const actionRef = useRef<ActionType>(undefined);
  const [filter, setFilter] = useState<SupervisionFilter>({});
  const [acting, setActing] = useState<{ supervision: Supervision; action: SupervisionActionName } | null>(null);

  /** The buttons core's machine allows from this status, for the caller's permissions (the server is the guard). */
  const actionsFor = (s: Supervision) => supervisionActionNames.filter((a) => supervisionTransition(s.status, a).ok && can(supervisionPermission(a)));

  const columns: ProColumns<Row>[] = [
    {
      title: t('supervision.col.order'),
      dataIndex: 'orderNumber',
      search: false,
      width: 200,
      render: (_d, r) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 190 }}>
          <Space size={6}>
            <Link to={workOrderPath(r.orderId)} className="zy-mono" data-testid={`supervision-order-${r.orderNumber}`}>
              {r.orderNumber}
            </Link>
            <OrderStatusTag status={r.orderStatus} />
          </Space>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.orderTitle }} style={{ fontSize: 12, maxWidth: 190 }}>
            {r.orderTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('supervision.col.reason'), dataIndex: 'reason', search: false, ellipsis: true },
    {
      title: t('supervision.col.kind'),
      dataIndex: 'kind',
      width: 140,
      valueType: 'select',
      valueEnum: Object.fromEntries(supervisionKinds.map((k) => [k, { text: labels.supervisionKind(k) }])),
      render: (_d, r) => (
        <Tag color={r.kind === 'auto' ? 'volcano' : 'geekblue'} style={{ marginInlineEnd: 0 }} data-testid="supervision-kind">
          {labels.supervisionTrigger(r.trigger)}
        </Tag>
      ),
    },
    {
      title: t('supervision.col.park'),
      dataIndex: 'parkId',
      hideInTable: true,
      renderFormItem: () => <ParkTreeSelect placeholder={t('serviceStats.allParks')} />,
      render: (_d, r) => r.parkName,
    },
    {
      title: t('supervision.col.department'),
      dataIndex: 'departmentId',
      width: 150,
      ellipsis: true,
      renderFormItem: () => <DepartmentSelect placeholder={t('serviceStats.allDepartments')} />,
      render: (_d, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.departmentName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.parkName, r.assigneeName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('supervision.col.createdAt'),
      dataIndex: 'createdAt',
      valueType: 'dateRange',
      sorter: true,
      width: 130,
      search: { transform: (v: [string, string]) => ({ from: v[0], to: v[1] }) },
      render: (_d, r) => formatDateTime(r.createdAt, 'minute'),
    },
    {
      title: t('supervision.col.status'),
      dataIndex: 'status',
      width: 84,
      valueType: 'select',
      valueEnum: Object.fromEntries(supervisionStatuses.map((s) => [s, { text: labels.supervisionStatus(s) }])),
      render: (_d, r) => <SupervisionStatusTag status={r.status} testId="supervision-status" />,
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 150,
      fixed: 'right',
      render: (_d, r) => {
        const acts = actionsFor(r);
        if (!acts.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return acts.map((a) => (
          <LinkButton key={a} danger={a === 'close'} onClick={() => setActing({ supervision: r, action: a })} data-testid={`supervision-${a}-${r.orderNumber}`}>
            {t(`supervision.action.${a}`)}
          </LinkButton>
        ));
      },
    },
  ];

  return (
    <Page title={t('supervision.title')} subTitle={<Typography.Text type="secondary">{t('supervision.subtitle')}</Typography.Text>}>
      <ProTable<Row>
        rowKey="id"
        locale={{ emptyText: <NoRows text={t('supervision.empty')} /> }}
        actionRef={actionRef}
        columns={columns}
        request={async (params, sort) => {
          const query = toListQuery(params, sort, filterKeys);
          setFilter(setFilters(query, filterKeys) as SupervisionFilter);
          return loadTable(supervisionsApi.list(query), showError);
        }}
        {...searchTableProps}
        onRow={(r) => rowTestId('supervision', r.orderNumber)}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ maxWidth: 1000 }} data-testid={`supervision-detail-${r.orderNumber}`}>
              <Descriptions.Item label={t('supervision.detail.createdBy')}>{r.createdByName ?? t('supervision.detail.system')}</Descriptions.Item>
              <Descriptions.Item label={t('supervision.col.createdAt')}>{formatDateTime(r.createdAt, 'minute')}</Descriptions.Item>
              <Descriptions.Item label={t('supervision.detail.feedback')} span={2}>
                {r.feedback ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>
                    {r.feedback}
                    <Typography.Text type="secondary">
                      {' '}
                      — {r.feedbackByName ?? '—'} {formatDateTime(r.feedbackAt, 'minute')}
                    </Typography.Text>
                  </span>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {r.status === 'closed' && (
                <Descriptions.Item label={t('supervision.detail.closed')} span={2}>
                  {r.closedByName ?? '—'} {formatDateTime(r.closedAt, 'minute')}
                  {r.closeComment ? `：${r.closeComment}` : ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
        toolBarRender={() => [
          <Button key="export" icon={<DownloadOutlined />} href={supervisionsApi.exportUrl(filter)} download data-testid="supervision-export">
            {t('supervision.export')}
          </Button>,
        ]}
      />
      <SupervisionActionModal
        target={acting}
        onClose={() => setActing(null)}
        onDone={(s) => {
          void message.success(t(`supervision.done.${acting?.action ?? 'feedback'}`, { number: s.orderNumber }));
          void invalidate();
          void actionRef.current?.reload();
        }}
      />
    </Page>
  );
}
