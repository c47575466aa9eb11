import { ReloadOutlined } from '@ant-design/icons';
import type { RateName, StatsGroupBy } from '@zhiyuan/core';
import { Button, Card, DatePicker, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { serviceStatsApi, useBreakdown, useWorkOrderStats, type BreakdownRow } from '../../../api/serviceStats';
import { useAuth } from '../../../auth/AuthContext';
import { Page } from '../../../components/Page';
import { ParkTreeSelect } from '../../../components/ParkTreeSelect';
import { useShowError } from '../../../lib/errors';
import { dayjs } from '../../../lib/format';
import { DepartmentSelect } from '../../../components/DepartmentSelect';
import { useServiceLabels } from '../common/labels';
import { BreakdownCard } from './BreakdownCard';
import { DrillDownDrawer } from './DrillDownDrawer';
import { RateCards } from './RateCards';
import { parseRatesState, ratesSearch, statsQuery, thisMonth, trendMonths, trendQuery, windowOf, type DrillTarget, type RatesState } from './ratesState';

/** The chart (and echarts with it) loads after the figures, in its own chunk. */
const RatesTrendChart = lazy(async () => ({ default: (await import('./RatesTrendChart')).RatesTrendChart }));

function useMonthLabel() {
  const { t } = useTranslation();
  return useCallback((m: string) => t('serviceStats.monthLabel', { year: m.slice(0, 4), month: Number(m.slice(5, 7)), mm: m.slice(5, 7) }), [t]);
}

/**
 * 接诉即办三率: the response, resolution and satisfaction rates of a window (a month by default),
 * ranked by department, officer or park, their trend by month, and the orders behind every rate.
 * The window, filters and grouping live in the URL.
 */
export function RatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useServiceLabels();
  const showError = useShowError();
  const monthLabel = useMonthLabel();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseRatesState(params), [params]);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const patch = (p: Partial<RatesState>) => setParams(ratesSearch({ ...state, ...p }), { replace: true });

  const query = useMemo(() => statsQuery(state), [state]);
  const stats = useWorkOrderStats(query);
  const breakdownQuery = { ...query, groupBy: state.groupBy };
  const breakdown = useBreakdown(breakdownQuery);
  const tQuery = useMemo(() => trendQuery(state), [state]);
  const trend = useBreakdown({ ...tQuery, groupBy: 'month' });
  const months = useMemo(() => {
    const start = dayjs(tQuery.from);
    return Array.from({ length: trendMonths }, (_, i) => start.add(i, 'month').format('YYYY-MM'));
  }, [tQuery.from]);

  const error = stats.error ?? breakdown.error ?? trend.error;
  useEffect(() => {
    if (error) showError(error);
  }, [error, showError]);

  const win = windowOf(state);
  const windowText = state.mode === 'month' ? monthLabel(state.month) : t('serviceStats.rangeLabel', { from: win.from, to: win.to });
  const onDrill = (rate: RateName, row?: BreakdownRow, groupBy: StatsGroupBy = state.groupBy) =>
    setDrill(row ? { rate, groupBy, key: row.key, name: row.name } : { rate });
  const refetch = () => void Promise.all([stats.refetch(), breakdown.refetch(), trend.refetch()]);
  const trendHasData = (trend.data?.rows ?? []).some((r) => r.response.denominator + r.resolution.denominator + r.satisfaction.denominator > 0);

  return (
    <Page
      title={t('serviceStats.title')}
      subTitle={<Typography.Text type="secondary">{t('serviceStats.subtitle')}</Typography.Text>}
      extra={
        <Button icon={<ReloadOutlined />} onClick={refetch} loading={stats.isFetching || breakdown.isFetching} data-testid="rates-refresh">
          {t('serviceStats.refresh')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap size={[24, 12]}>
            <Space wrap>
              <span>{t('serviceStats.window')}</span>
              <Segmented<'month' | 'range'>
                value={state.mode}
                onChange={(mode) => (mode === 'month' ? patch({ mode, from: undefined, to: undefined }) : patch({ mode, ...monthWindowOf(state) }))}
                options={[
                  { value: 'month', label: t('serviceStats.byMonth') },
                  { value: 'range', label: t('serviceStats.byRange') },
                ]}
                data-testid="rates-mode"
              />
              {state.mode === 'month' ? (
                <DatePicker
                  picker="month"
                  value={dayjs(`${state.month}-01`)}
                  allowClear={false}
                  disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                  onChange={(d) => d && patch({ month: d.format('YYYY-MM') })}
                  format={(d) => monthLabel(d.format('YYYY-MM'))}
                  data-testid="rates-month"
                />
              ) : (
                <DatePicker.RangePicker
                  value={[dayjs(win.from), dayjs(win.to)]}
                  allowClear={false}
                  onChange={(r) => r?.[0] && r[1] && patch({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
                  data-testid="rates-range"
                />
              )}
            </Space>
            <Space>
              <span>{t('serviceStats.park')}</span>
              <div style={{ width: 200 }}>
                <ParkTreeSelect value={state.parkId} onChange={(v) => patch({ parkId: typeof v === 'string' ? v : undefined })} placeholder={t('serviceStats.allParks')} data-testid="rates-park" />
              </div>
            </Space>
            <Space>
              <span>{t('serviceStats.department')}</span>
              <DepartmentSelect value={state.departmentId} onChange={(v) => patch({ departmentId: v })} placeholder={t('serviceStats.allDepartments')} style={{ width: 200 }} data-testid="rates-department" />
            </Space>
            {(state.parkId || state.departmentId || state.mode === 'range' || state.month !== thisMonth()) && (
              <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })} data-testid="rates-reset">
                {t('common.reset')}
              </Button>
            )}
          </Space>
        </Card>

        <RateCards stats={stats.data} loading={stats.isLoading} onDrill={(rate) => onDrill(rate)} />

        <BreakdownCard
          monthLabel={monthLabel}
          groupBy={state.groupBy}
          onGroupBy={(groupBy) => patch({ groupBy })}
          data={breakdown.data}
          loading={breakdown.isFetching}
          windowText={windowText}
          exportUrl={can('workOrder.stats') ? serviceStatsApi.breakdownExportUrl(breakdownQuery) : undefined}
          onDrill={(rate, row) => onDrill(rate, row)}
        />

        <Card size="small" title={t('serviceStats.trendTitle', { months: trendMonths, to: monthLabel(months[months.length - 1] ?? state.month) })} data-testid="rates-trend">
          {trend.data && !trendHasData ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('serviceStats.emptyTrend')} data-testid="rates-trend-empty" />
          ) : trend.data ? (
            <Suspense fallback={<div style={{ display: 'grid', placeItems: 'center', height: 300 }}><Spin /></div>}>
              <RatesTrendChart
                months={months}
                rows={trend.data.rows}
                rateLabel={labels.rate}
                monthLabel={monthLabel}
                onMonth={(month) => patch({ mode: 'month', month, from: undefined, to: undefined })}
              />
            </Suspense>
          ) : (
            <div style={{ display: 'grid', placeItems: 'center', height: 300 }}>{trend.isError ? null : <Spin />}</div>
          )}
        </Card>
      </Space>
      <DrillDownDrawer base={query} target={drill} windowText={windowText} canExport={can('workOrder.stats')} onClose={() => setDrill(null)} />
    </Page>
  );
}

/** Switching to a range starts from the month shown. */
function monthWindowOf(s: RatesState) {
  return windowOf({ ...s, mode: 'month' });
}
