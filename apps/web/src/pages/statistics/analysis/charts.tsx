/**
 * ECharts for the statistics pages, tree-shaken (echarts/core + the charts we draw), and the trend
 * chart every statistics view shares (analysis, cockpit, an enterprise's tab).
 */
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Indicator, TrendPoint } from '../../../api/statistics';
import { formatFigure, formatGrowth, noFigure } from '../../../lib/figures';

echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

export type ChartOption = ComposeOption<LineSeriesOption | BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- echarts' event params are loosely typed
export type ChartEvents = Record<string, (params: any) => void>;

type ChartProps = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- options of charts registered elsewhere (geo, treemap) too
  option: ChartOption | Record<string, any>;
  height: number | string;
  onEvents?: ChartEvents;
  style?: CSSProperties;
  testId?: string;
  /** Text drawn that the option does not hold (e.g. the map's district names), for the font check. */
  extraText?: string;
};

/** The bundled font (DESIGN.md §4): canvases get it too, so Chinese renders on machines without CJK fonts. */
export const chartFont = "'Noto Sans SC', sans-serif";

const cjk = /[\u2000-\u206f\u3000-\u9fff\uff00-\uffef]/g;

/** The Chinese characters of an option's strings (labels, names, categories). */
function cjkText(option: unknown, extra = ''): string {
  const chars = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') for (const c of v.match(cjk) ?? []) chars.add(c);
    else if (depth < 8 && Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (depth < 8 && v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(option, 0);
  walk(extra, 0);
  return [...chars].join('');
}

/**
 * One chart; the option replaces the previous one (no merge), the chart follows its container's size.
 * A canvas does not wait for a web font: when the characters it draws are not loaded yet, they are
 * loaded and the chart drawn again.
 */
export function Chart({ option, height, onEvents, style, testId, extraText }: ChartProps) {
  const ref = useRef<ReactEChartsCore>(null);
  const full = useMemo(() => {
    const tooltip = option.tooltip && typeof option.tooltip === 'object' && !Array.isArray(option.tooltip) ? { ...option.tooltip, textStyle: { fontFamily: chartFont, ...option.tooltip.textStyle } } : option.tooltip;
    return { ...option, textStyle: { fontFamily: chartFont, ...option.textStyle }, ...(tooltip ? { tooltip } : {}) };
  }, [option]);
  useEffect(() => {
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    const text = cjkText(full, extraText);
    if (!fonts || !text) return;
    const specs = ["16px 'Noto Sans SC'", "bold 16px 'Noto Sans SC'"];
    if (specs.every((s) => fonts.check(s, text))) return;
    let cancelled = false;
    void Promise.all(specs.map((s) => fonts.load(s, text)))
      .then(() => {
        if (!cancelled) ref.current?.getEchartsInstance().setOption(full, true);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [full, extraText]);
  return <ReactEChartsCore ref={ref} echarts={echarts} option={full} notMerge lazyUpdate onEvents={onEvents} style={{ height, width: '100%', ...style }} data-testid={testId} />;
}

/** How a chart axis shows an indicator: 万元 amounts of 1 亿 or more in 亿元 (the values divided). */
export function axisScale(ind: Pick<Indicator, 'unit'>, values: readonly (number | null | undefined)[]): { divisor: number; unit: string } {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return ind.unit === '万元' && max >= 10_000 ? { divisor: 10_000, unit: '亿元' } : { divisor: 1, unit: ind.unit };
}

const scaled = (v: number | null | undefined, divisor: number) => (v == null ? null : v / divisor);

export type TrendLabels = {
  value: string;
  prior: string;
  month: string;
  yoy: string;
};

export type ChartTheme = {
  text: string;
  axis: string;
  split: string;
  colors: [string, string, string];
  fontSize: number;
  tooltip?: TooltipComponentOption;
};

export const lightTheme: ChartTheme = { text: '#595959', axis: '#bfbfbf', split: '#f0f0f0', colors: ['#1677ff', '#bfbfbf', '#91caff'], fontSize: 12 };

/**
 * The 36-month trend: this period's value (YTD for flows) and the same month a year earlier as lines,
 * plus single-month bars for flows (当月). Tooltip per period with yoy ('—' when there is none).
 */
export function trendOption(points: readonly TrendPoint[], ind: Indicator, labels: TrendLabels, theme: ChartTheme = lightTheme): ChartOption {
  const flow = ind.kind === 'flow';
  const { divisor, unit } = axisScale(ind, points.flatMap((p) => [p.value, p.priorValue]));
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const fmt = (v: number | null | undefined) => formatFigure(v, ind);
  const series: (LineSeriesOption | BarSeriesOption)[] = [];
  if (flow) {
    series.push({
      name: labels.month,
      type: 'bar',
      yAxisIndex: 1,
      barMaxWidth: 14,
      itemStyle: { color: theme.colors[2], borderRadius: [2, 2, 0, 0] },
      data: points.map((p) => scaled(p.month, divisor)),
    });
  }
  // A flow's year-to-date restarts every January: one line per year (same name, one legend entry),
  // so December does not seem to fall to January.
  const years = flow ? [...new Set(points.map((p) => p.period.slice(0, 4)))] : [''];
  const only = (year: string, v: number | null | undefined, period: string) => (year && !period.startsWith(year) ? null : scaled(v, divisor));
  for (const year of years) {
    series.push(
      { name: labels.value, type: 'line', showSymbol: false, connectNulls: false, lineStyle: { width: 3 }, itemStyle: { color: theme.colors[0] }, data: points.map((p) => only(year, p.value, p.period)) },
      {
        name: labels.prior,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 2, type: 'dashed' },
        itemStyle: { color: theme.colors[1] },
        data: points.map((p) => only(year, p.priorValue, p.period)),
      },
    );
  }
  const axisLabel = { color: theme.text, fontSize: theme.fontSize };
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: theme.fontSize } },
    tooltip: {
      trigger: 'axis',
      ...theme.tooltip,
      formatter: (raw: unknown) => {
        const items = (Array.isArray(raw) ? raw : [raw]) as { axisValue?: string }[];
        const period = items[0]?.axisValue ?? '';
        const p = byPeriod.get(period);
        if (!p) return period;
        const lines = [`<b>${period}</b>`, `${labels.value}：${fmt(p.value)}`, `${labels.prior}：${fmt(p.priorValue)}`];
        if (flow) lines.push(`${labels.month}：${fmt(p.month)}`);
        lines.push(`${labels.yoy}：${p.yoy == null ? noFigure : formatGrowth(p.yoy)}`);
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.period), axisLabel, axisLine: { lineStyle: { color: theme.axis } }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', name: unit, nameTextStyle: axisLabel, axisLabel, splitLine: { lineStyle: { color: theme.split } } },
      { type: 'value', show: flow, alignTicks: true, name: flow ? unit : '', nameTextStyle: axisLabel, axisLabel, splitLine: { show: false } },
    ],
    series,
  };
}
