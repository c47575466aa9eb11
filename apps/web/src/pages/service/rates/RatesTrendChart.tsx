/**
 * The three rates month by month (loaded on demand: echarts comes in its own chunk, as on the
 * statistics pages). A month without anything to count has no point (a gap, never 0 %).
 */
import { rateNames, type RateName } from '@zhiyuan/core';
import { useMemo } from 'react';
import type { BreakdownRow } from '../../../api/serviceStats';
import { formatPercent } from '../../../lib/format';
import { Chart, lightTheme, type ChartOption } from '../../statistics/analysis/charts';

const colors: Record<RateName, string> = { response: '#1677ff', resolution: '#52c41a', satisfaction: '#fa8c16' };

type Props = { months: readonly string[]; rows: readonly BreakdownRow[]; rateLabel: (r: RateName) => string; monthLabel: (m: string) => string; onMonth?: (month: string) => void };

export function RatesTrendChart({ months, rows, rateLabel, monthLabel, onMonth }: Props) {
  const option = useMemo<ChartOption>(() => {
    const byMonth = new Map(rows.map((r) => [r.key, r]));
    const axisLabel = { color: lightTheme.text, fontSize: lightTheme.fontSize };
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: lightTheme.text } },
      tooltip: {
        trigger: 'axis',
        formatter: (raw: unknown) => {
          const items = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
          const month = months[items[0]?.dataIndex ?? 0] ?? '';
          const row = byMonth.get(month);
          const lines = [`<b>${monthLabel(month)}</b>`];
          for (const rate of rateNames) {
            const c = row?.[rate];
            lines.push(`${rateLabel(rate)}：${formatPercent(c?.rate ?? null)}${c && c.denominator > 0 ? `（${c.numerator}/${c.denominator}）` : ''}`);
          }
          return lines.join('<br/>');
        },
      },
      xAxis: { type: 'category', data: months.map(monthLabel), axisLabel, axisTick: { show: false }, axisLine: { lineStyle: { color: lightTheme.axis } } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { ...axisLabel, formatter: '{value}%' },
        splitLine: { lineStyle: { color: lightTheme.split } },
      },
      series: rateNames.map((rate) => ({
        name: rateLabel(rate),
        type: 'line' as const,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: rate === 'response' ? 2 : 3 },
        itemStyle: { color: colors[rate] },
        data: months.map((m) => {
          const v = byMonth.get(m)?.[rate].rate;
          return v == null ? null : Math.round(v * 1000) / 10;
        }),
      })),
    };
  }, [months, rows, rateLabel, monthLabel]);
  return (
    <Chart
      option={option}
      height={300}
      testId="rates-trend-chart"
      onEvents={onMonth ? { click: (p: { dataIndex?: number }) => p.dataIndex != null && months[p.dataIndex] && onMonth(months[p.dataIndex]!) } : undefined}
    />
  );
}
