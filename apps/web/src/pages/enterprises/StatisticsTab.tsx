import { periodParts } from '@zhiyuan/core';
import { Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterpriseSeries, useStatisticsInvalidation, type Indicator, type SeriesPoint } from '../../api/statistics';
import { useShowError } from '../../lib/errors';
import { formatFigure } from '../../lib/figures';
import { rowTestId } from '../../lib/table';
import { axisScale, Chart, lightTheme, type ChartOption } from '../statistics/analysis/charts';
import { Growth } from '../statistics/analysis/Growth';
import { useIndicatorName, usePeriodLabel } from '../statistics/analysis/labels';
import { ReportDrawer } from '../statistics/ReportDrawer';
import { ReportStateTag } from '../statistics/ReportDrawerTags';

const seriesMonths = 36;

/** The indicators the enterprise has figures for, in catalog order. */
function shownIndicators(indicators: readonly Indicator[], points: readonly SeriesPoint[]): Indicator[] {
  const reported = new Set(points.flatMap((p) => Object.keys(p.values)));
  return [...indicators].filter((i) => reported.has(i.code)).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** This year's cumulative figures month by month against last year's (1–12). */
function yearOverYearOption(points: readonly SeriesPoint[], ind: Indicator, labels: { year: (y: number) => string; month: (m: number) => string }): ChartOption | null {
  const last = points[points.length - 1];
  if (!last) return null;
  const year = periodParts(last.period).year;
  const byPeriod = new Map(points.map((p) => [p.period, p.values[ind.code]]));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const valueOf = (y: number, m: number) => byPeriod.get(`${y}-${String(m).padStart(2, '0')}`) ?? null;
  const { divisor, unit } = axisScale(ind, [...byPeriod.values()]);
  const line = (y: number, color: string, dashed: boolean) => ({
    name: labels.year(y),
    type: 'line' as const,
    smooth: true,
    connectNulls: false,
    symbolSize: 6,
    lineStyle: { width: dashed ? 2 : 3, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color },
    data: months.map((m) => {
      const v = valueOf(y, m);
      return v == null ? null : v / divisor;
    }),
  });
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (raw: unknown) => {
        const items = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
        const m = (items[0]?.dataIndex ?? 0) + 1;
        return [`<b>${labels.month(m)}</b>`, `${labels.year(year)}：${formatFigure(valueOf(year, m), ind)}`, `${labels.year(year - 1)}：${formatFigure(valueOf(year - 1, m), ind)}`].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: months.map(labels.month), axisTick: { show: false }, axisLabel: { color: lightTheme.text } },
    yAxis: { type: 'value', name: unit, axisLabel: { color: lightTheme.text }, splitLine: { lineStyle: { color: lightTheme.split } } },
    series: [line(year, lightTheme.colors[0], false), line(year - 1, '#8c8c8c', true)],
  };
}

/**
 * 统计 tab: the enterprise's own monthly reports (GET /statistics/enterprises/:id/series), periods ×
 * main indicators with yoy, revenue this year against last, and each period's report in a drawer.
 */
export function StatisticsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const label = usePeriodLabel();
  const indName = useIndicatorName();
  const series = useEnterpriseSeries(enterpriseId, { months: seriesMonths });
  const [reportId, setReportId] = useState<string | null>(null);
  const invalidate = useStatisticsInvalidation();

  useEffect(() => {
    if (series.error) showError(series.error);
  }, [series.error, showError]);

  const points = useMemo(() => series.data?.points ?? [], [series.data]);
  const indicators = useMemo(() => shownIndicators(series.data?.indicators ?? [], points), [series.data, points]);
  const chartInd = indicators.find((i) => i.code === 'revenue') ?? indicators.find((i) => i.kind === 'flow');
  const option = useMemo(
    () =>
      chartInd
        ? yearOverYearOption(points, chartInd, {
            year: (y) => t('statAnalysis.series.year', { year: y }),
            month: (m) => t('statAnalysis.series.month', { month: m }),
          })
        : null,
    [points, chartInd, t],
  );
  const rows = useMemo(() => [...points].reverse(), [points]);

  const columns: ColumnsType<SeriesPoint> = [
    {
      title: t('statAnalysis.series.period'),
      dataIndex: 'period',
      fixed: 'left',
      width: 150,
      render: (p: string, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => setReportId(r.reportId)} data-testid={`series-open-${p}`}>
            {label(p)}
          </Typography.Link>
          <ReportStateTag state={r.status} testId={`series-status-${p}`} />
        </Space>
      ),
    },
    ...indicators.map((ind) => ({
      key: ind.code,
      title: `${indName(ind)}（${ind.unit}）`,
      align: 'right' as const,
      width: 150,
      render: (_v: unknown, r: SeriesPoint) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatFigure(r.values[ind.code], ind, { scale: 'wan', unit: false, decimals: ind.unit === '万元' ? 2 : undefined })}</span>
          <span style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('statAnalysis.col.yoy')}{' '}
            </Typography.Text>
            <Growth value={r.yoy[ind.code]} />
          </span>
        </Space>
      ),
    })),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-statistics">
      {!series.isLoading && points.length === 0 ? (
        <Card>
          <Empty description={t('statAnalysis.series.empty')} data-testid="series-empty" />
        </Card>
      ) : (
        <>
          {option && chartInd && (
            <Card size="small" title={t('statAnalysis.series.chartTitle', { indicator: indName(chartInd) })} data-testid="series-chart">
              <Chart option={option} height={260} />
            </Card>
          )}
          <Card size="small" title={t('statAnalysis.series.title', { months: seriesMonths })}>
            <Table<SeriesPoint>
              size="small"
              rowKey="period"
              loading={series.isFetching}
              dataSource={rows}
              columns={columns}
              pagination={{ pageSize: 12, showSizeChanger: false }}
              scroll={{ x: 150 + indicators.length * 150 }}
              onRow={(r) => rowTestId('series', r.period)}
              data-testid="series-table"
            />
          </Card>
        </>
      )}
      <ReportDrawer reportId={reportId ?? undefined} onClose={() => setReportId(null)} onReviewed={() => void invalidate.reports()} />
    </Space>
  );
}
