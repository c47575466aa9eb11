import { CalendarOutlined } from '@ant-design/icons';
import type { OfficerEnterprise, VisitDueState } from '@zhiyuan/core';
import { Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyEnterprises } from '../../../api/workbench';
import { emptyText, NoRows } from '../../../components/ListEmpty';
import { useShowError } from '../../../lib/errors';
import { rowTestId } from '../../../lib/table';
import { useServiceLabels } from '../common/labels';
import { LinkButton } from '../common/LinkButton';
import { VisitDueCell } from './VisitDueCell';

type StateFilter = VisitDueState | 'all';
const stateFilters: StateFilter[] = ['all', 'overdue', 'never', 'due_soon', 'ok'];

/** The officer's enterprises: last visit, next due (overdue in red), a planned visit, open orders; "plan visit" in one click. */
export function MyEnterprisesCard({ onPlan, canPlan }: { onPlan: (e: OfficerEnterprise) => void; canPlan: boolean }) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const [visitState, setVisitState] = useState<StateFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useMyEnterprises({ q: q.trim() || undefined, visitState: visitState === 'all' ? undefined : visitState, page, pageSize });
  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const columns: ColumnsType<OfficerEnterprise> = [
    {
      key: 'name',
      title: t('workbench.col.enterprise'),
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/enterprises/${r.enterpriseId}?tab=service`} data-testid={`my-enterprise-${r.enterpriseId}`}>
          {r.enterpriseName}
        </Link>
      ),
    },
    { key: 'park', title: t('workbench.col.park'), width: 110, ellipsis: true, render: (_, r) => r.parkName },
    { key: 'class', title: t('workbench.col.class'), width: 100, render: (_, r) => <Tag color={r.visitClass === 'key' ? 'magenta' : r.visitClass === 'above_scale' ? 'blue' : 'default'}>{labels.visitClass(r.visitClass)}</Tag> },
    { key: 'last', title: t('workbench.col.lastVisit'), width: 110, render: (_, r) => r.lastVisitOn ?? '—' },
    { key: 'next', title: t('workbench.col.nextDue'), width: 130, render: (_, r) => <VisitDueCell e={r} /> },
    { key: 'open', title: t('workbench.col.openOrders'), width: 90, align: 'right', render: (_, r) => (r.openOrders > 0 ? <Typography.Text strong>{r.openOrders}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>) },
    {
      key: 'plan',
      title: t('workbench.col.plannedVisit'),
      width: 140,
      render: (_, r) =>
        r.plannedVisitOn ? (
          <Space size={4}>
            <CalendarOutlined style={{ color: '#1677ff' }} />
            {r.plannedVisitOn}
          </Space>
        ) : canPlan ? (
          <LinkButton onClick={() => onPlan(r)} data-testid={`plan-visit-${r.enterpriseId}`}>
            {t('workbench.planVisit')}
          </LinkButton>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('workbench.myEnterprises')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('workbench.searchEnterprise')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 220 }}
          data-testid="my-enterprises-search"
        />
      }
      data-testid="my-enterprises"
    >
      <Segmented<StateFilter>
        value={visitState}
        onChange={(v) => {
          setVisitState(v);
          setPage(1);
        }}
        options={stateFilters.map((s) => ({ value: s, label: s === 'all' ? t('workbench.allStates') : labels.visitDue(s) }))}
        style={{ marginBottom: 12 }}
        data-testid="my-enterprises-state"
      />
      <Table<OfficerEnterprise>
        size="small"
        rowKey="enterpriseId"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 860 }}
        onRow={(r) => rowTestId('my-enterprise', r.enterpriseName)}
        locale={{
          emptyText: emptyText(list, <NoRows text={q || visitState !== 'all' ? t('workbench.emptyFiltered') : t('workbench.emptyEnterprises')} />),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: ['10', '20', '50'],
          showTotal: (total) => t('workbench.totalEnterprises', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
