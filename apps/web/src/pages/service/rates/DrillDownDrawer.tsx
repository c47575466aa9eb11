import { DownloadOutlined } from '@ant-design/icons';
import type { RateName } from '@zhiyuan/core';
import { Button, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceStatsApi, useDrillDown, type DrillDownItem, type DrillDownQuery, type StatsQuery } from '../../../api/serviceStats';
import { emptyText, NoRows } from '../../../components/ListEmpty';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { rowTestId } from '../../../lib/table';
import { useServiceLabels } from '../common/labels';
import { OrderLink, OrderStatusTag } from '../common/OrderCells';
import { rowFilter, type DrillTarget } from './ratesState';

type Outcome = 'against' | 'all';

/** The fields of an order that decide how it counts for a rate. */
function useRateColumns(rate: RateName): ColumnsType<DrillDownItem> {
  const { t } = useTranslation();
  const time = (title: string, pick: (r: DrillDownItem) => string | null, key: string) => ({ key, title, width: 140, render: (_: unknown, r: DrillDownItem) => formatDateTime(pick(r), 'minute') });
  switch (rate) {
    case 'response':
      return [
        time(t('serviceStats.drill.createdAt'), (r) => r.createdAt, 'createdAt'),
        time(t('serviceStats.drill.responseDueAt'), (r) => r.responseDueAt, 'responseDueAt'),
        time(t('serviceStats.drill.respondedAt'), (r) => r.respondedAt, 'respondedAt'),
      ];
    case 'resolution':
      return [
        time(t('serviceStats.drill.closedAt'), (r) => r.closedAt, 'closedAt'),
        {
          key: 'solved',
          title: t('serviceStats.drill.solved'),
          width: 110,
          render: (_: unknown, r: DrillDownItem) =>
            r.solved === true ? <Tag color="success">{t('serviceStats.drill.solvedYes')}</Tag> : <Tag>{t('serviceStats.drill.solvedUnconfirmed')}</Tag>,
        },
      ];
    case 'satisfaction':
      return [
        {
          key: 'rating',
          title: t('serviceStats.drill.rating'),
          width: 100,
          render: (_: unknown, r: DrillDownItem) => (r.rating == null ? '—' : <Typography.Text type={r.rating >= 4 ? 'success' : 'danger'}>{t('serviceStats.drill.stars', { score: r.rating })}</Typography.Text>),
        },
      ];
  }
}

type Props = { base: StatsQuery; target: DrillTarget | null; windowText: string; canExport: boolean; onClose: () => void };

/** The orders behind one rate (by default those that count against it), narrowed to a breakdown row. */
export function DrillDownDrawer({ base, target, windowText, canExport, onClose }: Props) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const showError = useShowError();
  const [outcome, setOutcome] = useState<Outcome>('against');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const rate = target?.rate ?? 'response';
  const narrow = target?.groupBy && target.key ? rowFilter(target.groupBy, target.key) : null;
  const query: DrillDownQuery = { ...base, ...narrow, rate, outcome, page, pageSize };
  const list = useDrillDown(query, !!target);
  const rateColumns = useRateColumns(rate);

  useEffect(() => {
    setOutcome('against');
    setPage(1);
  }, [target]);
  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const columns: ColumnsType<DrillDownItem> = [
    { key: 'number', title: t('serviceStats.drill.number'), width: 200, render: (_, r) => <OrderLink order={r} /> },
    { key: 'enterprise', title: t('serviceStats.drill.enterprise'), ellipsis: true, render: (_, r) => r.enterpriseName ?? '—' },
    { key: 'department', title: t('serviceStats.drill.department'), width: 130, ellipsis: true, render: (_, r) => r.departmentName ?? '—' },
    { key: 'assignee', title: t('serviceStats.drill.assignee'), width: 130, ellipsis: true, render: (_, r) => r.assigneeName ?? '—' },
    { key: 'status', title: t('serviceStats.drill.status'), width: 90, render: (_, r) => <OrderStatusTag status={r.status} /> },
    ...rateColumns,
    {
      key: 'outcome',
      title: t('serviceStats.drill.outcome'),
      width: 90,
      fixed: 'right',
      render: (_, r) => <Tag color={r.outcome === 'against' ? 'red' : 'green'}>{t(`serviceStats.drill.outcomes.${r.outcome}`)}</Tag>,
    },
  ];

  const scope = [labels.rate(rate), target?.name, windowText].filter(Boolean).join(' · ');
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      width={1080}
      title={<span data-testid="drill-title">{t('serviceStats.drill.title', { scope })}</span>}
      extra={
        canExport && (
          <Button icon={<DownloadOutlined />} href={serviceStatsApi.ordersExportUrl(query)} download data-testid="drill-export">
            {t('serviceStats.export')}
          </Button>
        )
      }
      destroyOnHidden
      data-testid="drill-drawer"
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<Outcome>
            value={outcome}
            onChange={(o) => {
              setOutcome(o);
              setPage(1);
            }}
            options={[
              { value: 'against', label: t('serviceStats.drill.onlyAgainst') },
              { value: 'all', label: t('serviceStats.drill.all') },
            ]}
            data-testid="drill-outcome"
          />
          <Typography.Text type="secondary">{t(`serviceStats.drill.explain.${rate}`)}</Typography.Text>
        </Space>
        <Table<DrillDownItem>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          columns={columns}
          scroll={{ x: 1000 }}
          onRow={(r) => rowTestId('drill', r.number)}
          locale={{ emptyText: emptyText(list, <NoRows text={t(outcome === 'against' ? 'serviceStats.drill.emptyAgainst' : 'serviceStats.drill.empty')} />) }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('serviceStats.drill.total', { count: total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Space>
    </Drawer>
  );
}
