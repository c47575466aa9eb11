import { DownloadOutlined, TrophyFilled } from '@ant-design/icons';
import type { RateName, StatsGroupBy } from '@zhiyuan/core';
import { Button, Card, Empty, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, WorkOrderBreakdown } from '../../../api/serviceStats';
import { formatPercent } from '../../../lib/format';
import { rowTestId } from '../../../lib/table';
import { useParkNames } from '../../../components/ParkTreeSelect';
import { useDepartments } from '../../../components/DepartmentSelect';
import { useServiceLabels } from '../common/labels';
import { RateCell } from './RateCell';
import { rowFilter } from './ratesState';

const groupBys: readonly StatsGroupBy[] = ['department', 'officer', 'park', 'month'];
const medal = ['#d4b106', '#8c8c8c', '#ad6800'];

type Props = {
  monthLabel: (m: string) => string;
  groupBy: StatsGroupBy;
  onGroupBy: (g: StatsGroupBy) => void;
  data: WorkOrderBreakdown | undefined;
  loading: boolean;
  windowText: string;
  exportUrl?: string;
  onDrill: (rate: RateName, row?: BreakdownRow) => void;
};

/** The rates by department, officer, park or month, ranked by the composite score (months are not ranked). */
export function BreakdownCard({ monthLabel, groupBy, onGroupBy, data, loading, windowText, exportUrl, onDrill }: Props) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const ranked = groupBy !== 'month';
  const departments = useDepartments(groupBy === 'department');
  const parkName = useParkNames();
  const departmentPark = (id: string) => {
    const d = departments.data?.items.find((x) => x.id === id);
    return d ? parkName(d.parkId) : undefined;
  };
  const rows = data?.groupBy === groupBy ? data.rows : [];
  const weights = data?.weights;

  const rateColumn = (rate: RateName) => ({
    key: rate,
    title: labels.rate(rate),
    align: 'right' as const,
    width: 120,
    render: (_: unknown, r: BreakdownRow) => (
      <RateCell count={r[rate]} onDrill={rowFilter(groupBy, r.key) ? () => onDrill(rate, r) : undefined} testId={`breakdown-${rate}-${r.key}`} />
    ),
  });

  const columns: ColumnsType<BreakdownRow> = [
    ...(ranked
      ? [
          {
            key: 'rank',
            title: t('serviceStats.col.rank'),
            width: 72,
            align: 'center' as const,
            render: (_: unknown, r: BreakdownRow) =>
              r.rank == null ? (
                '—'
              ) : r.rank <= 3 ? (
                <span style={{ color: medal[r.rank - 1], fontWeight: 600 }} data-testid={`rank-${r.key}`}>
                  <TrophyFilled /> {r.rank}
                </span>
              ) : (
                <span data-testid={`rank-${r.key}`}>{r.rank}</span>
              ),
          },
        ]
      : []),
    {
      key: 'name',
      title: t(`serviceStats.col.name.${groupBy}`),
      ellipsis: true,
      render: (_: unknown, r: BreakdownRow) => {
        if (r.key === 'none') return <Typography.Text type="secondary">{t(`serviceStats.none.${groupBy}`)}</Typography.Text>;
        // Departments of different parks may share a name (企业服务处): the park tells them apart.
        const park = groupBy === 'department' ? departmentPark(r.key) : undefined;
        return (
          <span data-testid={`breakdown-name-${r.key}`}>
            {groupBy === 'month' ? monthLabel(r.key) : r.name}
            {park && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {park}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    { key: 'total', title: t('serviceStats.col.total'), dataIndex: 'total', align: 'right', width: 90 },
    rateColumn('response'),
    rateColumn('resolution'),
    rateColumn('satisfaction'),
    ...(ranked
      ? [
          {
            key: 'score',
            title: t('serviceStats.col.score'),
            align: 'right' as const,
            width: 100,
            render: (_: unknown, r: BreakdownRow) => <Typography.Text strong={r.rank === 1}>{formatPercent(r.score)}</Typography.Text>,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={
        <span data-testid="breakdown-heading">
          {t(ranked ? 'serviceStats.rankingTitle' : 'serviceStats.monthlyTitle', { window: windowText, groupBy: t(`serviceStats.groupByTitle.${groupBy}`) })}
        </span>
      }
      extra={
        exportUrl && (
          <Button size="small" icon={<DownloadOutlined />} href={exportUrl} download data-testid="breakdown-export">
            {t('serviceStats.export')}
          </Button>
        )
      }
      data-testid="breakdown-card"
    >
      <Segmented<StatsGroupBy>
        value={groupBy}
        onChange={onGroupBy}
        options={groupBys.map((g) => ({ value: g, label: labels.groupBy(g) }))}
        style={{ marginBottom: 12 }}
        data-testid="breakdown-group-by"
      />
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(r) => rowTestId('breakdown', r.key)}
        locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceStats.emptyBreakdown')} /> }}
        scroll={{ x: 640 }}
        summary={() =>
          data && data.groupBy === groupBy && rows.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ background: '#fafafa' }} data-testid="breakdown-overall">
                {ranked && <Table.Summary.Cell index={0} />}
                <Table.Summary.Cell index={1}>
                  <Typography.Text strong>{t('serviceStats.overall')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {data.overall.total}
                </Table.Summary.Cell>
                {(['response', 'resolution', 'satisfaction'] as const).map((rate, i) => (
                  <Table.Summary.Cell key={rate} index={3 + i} align="right">
                    <RateCell count={data.overall[rate]} onDrill={() => onDrill(rate)} />
                  </Table.Summary.Cell>
                ))}
                {ranked && (
                  <Table.Summary.Cell index={6} align="right">
                    {formatPercent(data.overall.score)}
                  </Table.Summary.Cell>
                )}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {ranked && weights && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('serviceStats.scoreNote', {
            response: formatPercent(weights.response, 0),
            resolution: formatPercent(weights.resolution, 0),
            satisfaction: formatPercent(weights.satisfaction, 0),
          })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
