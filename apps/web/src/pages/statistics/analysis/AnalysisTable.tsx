import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { GroupBy } from '@zhiyuan/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, AnalysisRow, Indicator } from '../../../api/statistics';
import { formatFigure, formatNumber, formatShare, scaledUnit } from '../../../lib/figures';
import { rowTestId } from '../../../lib/table';
import { Growth } from './Growth';
import { useIndicatorName } from './labels';

type Props = {
  data: Analysis;
  groupBy: GroupBy;
  loading: boolean;
  /** Drill into a group (undefined at the last level). */
  onDrill?: (row: AnalysisRow) => void;
};

type Col = { key: string; title: ReactNode; align?: 'right'; width?: number; cell: (r: AnalysisRow, total: boolean) => ReactNode; sort?: (r: AnalysisRow) => number | null };

const byNumber = (f: (r: AnalysisRow) => number | null) => (a: AnalysisRow, b: AnalysisRow) => (f(a) ?? -Infinity) - (f(b) ?? -Infinity);

/**
 * One indicator per group: value, 同比, 同口径, 排名, 占比, 当月 (flows), 地均 (parks), 劳均, enterprises,
 * and the total row. 万元 columns switch to 亿元 together when their largest figure is 1 亿 or more.
 */
export function AnalysisTable({ data, groupBy, loading, onDrill }: Props) {
  const { t } = useTranslation();
  const indName = useIndicatorName();
  const ind: Indicator = data.indicator;
  const money = ind.unit === '万元';
  const max = Math.max(0, ...[...data.rows, data.total].map((r) => Math.abs(r.value ?? 0)));
  const scale: 'wan' | 'yi' = money && max >= 10_000 ? 'yi' : 'wan';
  const unit = scaledUnit(ind, scale);
  const fig = (v: number | null) => formatFigure(v, ind, { scale, unit: false, decimals: money ? 2 : undefined });

  const cols: Col[] = [
    {
      key: 'name',
      title: t(`statAnalysis.groupName.${groupBy}`),
      width: 160,
      cell: (r, total) =>
        total ? (
          <b>{t('statAnalysis.total')}</b>
        ) : onDrill ? (
          <Typography.Link onClick={() => onDrill(r)} data-testid={`analysis-drill-${r.key}`}>
            {r.name}
          </Typography.Link>
        ) : (
          r.name
        ),
    },
    { key: 'value', title: `${indName(ind)}（${unit}）`, align: 'right', width: 150, cell: (r) => fig(r.value), sort: (r) => r.value },
    { key: 'yoy', title: t('statAnalysis.col.yoy'), align: 'right', width: 100, cell: (r) => <Growth value={r.yoy} />, sort: (r) => r.yoy },
    { key: 'lfl', title: t('statAnalysis.col.lfl'), align: 'right', width: 110, cell: (r) => <Growth value={r.lfl} />, sort: (r) => r.lfl },
    { key: 'rank', title: t('statAnalysis.col.rank'), align: 'right', width: 70, cell: (r, total) => (total ? '' : (r.rank ?? '—')), sort: (r) => (r.rank == null ? null : -r.rank) },
    { key: 'share', title: t('statAnalysis.col.share'), align: 'right', width: 90, cell: (r) => formatShare(r.share), sort: (r) => r.share },
  ];
  if (ind.kind === 'flow') cols.push({ key: 'month', title: `${t('statAnalysis.col.month')}（${unit}）`, align: 'right', width: 140, cell: (r) => fig(r.month), sort: (r) => r.month });
  if (groupBy === 'park')
    cols.push({ key: 'perKm2', title: t('statAnalysis.col.perKm2'), align: 'right', width: 170, cell: (r) => formatNumber(r.outputPerKm2, 2), sort: (r) => r.outputPerKm2 });
  cols.push(
    { key: 'perEmployee', title: t('statAnalysis.col.perEmployee'), align: 'right', width: 170, cell: (r) => formatNumber(r.outputPerEmployee, 2), sort: (r) => r.outputPerEmployee },
    { key: 'enterprises', title: t('statAnalysis.col.enterprises'), align: 'right', width: 90, cell: (r) => formatNumber(r.enterprises), sort: (r) => r.enterprises },
  );

  const columns: ColumnsType<AnalysisRow> = cols.map((c) => ({
    key: c.key,
    title: c.title,
    align: c.align,
    width: c.width,
    render: (_v: unknown, r: AnalysisRow) => c.cell(r, false),
    sorter: c.sort ? byNumber(c.sort) : undefined,
    sortDirections: ['descend', 'ascend'],
  }));

  return (
    <Table<AnalysisRow>
      size="middle"
      rowKey="key"
      loading={loading}
      dataSource={data.rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1300 }}
      data-testid="analysis-table"
      onRow={(r) => rowTestId('analysis', r.key)}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row data-testid="analysis-total">
            {cols.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i} align={c.align}>
                {c.cell(data.total, true)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
