import { Card, Empty, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend, type Indicator } from '../../../api/statistics';
import { Chart, trendOption } from './charts';
import { useIndicatorName } from './labels';

type Props = {
  indicator: Indicator | undefined;
  period: string;
  filters: { parkId?: string; section?: string; aboveScale?: 'true' | 'false' };
  scopeName: string;
};

export const trendMonths = 36;

/** The 36-month trend up to the period, of the current drill-down level. */
export function TrendCard({ indicator, period, filters, scopeName }: Props) {
  const { t } = useTranslation();
  const indName = useIndicatorName();
  const trend = useTrend({ indicator: indicator?.code ?? 'revenue', to: period, months: trendMonths, ...filters }, !!indicator);
  const points = trend.data?.points;
  const option = useMemo(() => {
    if (!indicator || !points) return null;
    return trendOption(points, indicator, {
      value: t(indicator.kind === 'flow' ? 'statAnalysis.trend.ytd' : 'statAnalysis.trend.value'),
      prior: t('statAnalysis.trend.prior'),
      month: t('statAnalysis.trend.month'),
      yoy: t('statAnalysis.col.yoy'),
    });
  }, [indicator, points, t]);
  const empty = !!points && points.every((p) => p.value == null && p.priorValue == null);

  return (
    <Card
      title={t('statAnalysis.trend.title', { indicator: indName(indicator, ''), scope: scopeName, months: trendMonths })}
      size="small"
      data-testid="analysis-trend"
      styles={{ body: { minHeight: 340 } }}
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statAnalysis.trend.empty')} />
      ) : option ? (
        <Chart option={option} height={320} testId="analysis-trend-chart" />
      ) : (
        <div style={{ display: 'grid', placeItems: 'center', height: 320 }}>{trend.error ? trend.error.message : <Spin />}</div>
      )}
    </Card>
  );
}
