/** The cockpit's chart options (dark, large type for a projector). */
import type { Cockpit, Indicator } from '../../../api/statistics';
import { formatFigure, formatGrowth, formatShare, growthDirection, noFigure } from '../../../lib/figures';
import { axisScale, type ChartTheme } from '../analysis/charts';
import { mapName } from './geo';

export const palette = {
  text: '#e6f1ff',
  muted: '#8fb3e6',
  accent: '#4fd1ff',
  gold: '#ffc53d',
  up: '#ff7a45',
  down: '#36cfc9',
  line: 'rgba(79, 209, 255, 0.25)',
  area: '#0b2a55',
  areaPark: '#124a86',
  border: '#3fa7ff',
};

const tooltip = {
  backgroundColor: 'rgba(4, 20, 48, 0.92)',
  borderColor: palette.border,
  textStyle: { color: palette.text, fontSize: 16 },
  extraCssText: 'box-shadow: 0 0 12px rgba(63,167,255,0.4);',
};

export const darkTheme: ChartTheme = {
  text: palette.muted,
  axis: 'rgba(143, 179, 230, 0.4)',
  split: 'rgba(143, 179, 230, 0.12)',
  colors: [palette.accent, '#7d8fb3', 'rgba(79, 209, 255, 0.35)'],
  fontSize: 14,
  tooltip,
};

const growthColor = (g: number | null) => {
  const d = growthDirection(g);
  return d === 'up' ? palette.up : d === 'down' ? palette.down : palette.muted;
};

export type Park = Cockpit['parks'][number];

/** The sub-parks with a figure, largest first. */
export const rankedParks = (parks: readonly Park[]) => [...parks].filter((p) => p.value != null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));

/** Sub-parks ranked by the indicator (largest on top), bars coloured by yoy, value and yoy at the end; `unit` is the labels'. */
export function parkRankingOption(parks: readonly Park[], ind: Indicator, yoyLabel: string) {
  const ranked = rankedParks(parks);
  const { divisor, unit } = axisScale(ind, ranked.map((p) => p.value));
  return { unit, count: ranked.length, option: {
    grid: { left: 8, right: 150, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltip,
      formatter: (p: { dataIndex: number }) => {
        const park = ranked[p.dataIndex];
        return park ? `<b>${park.name}</b><br/>${formatFigure(park.value, ind)}<br/>${yoyLabel} ${formatGrowth(park.yoy)}` : '';
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((p) => p.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize: 16, margin: 12 },
    },
    series: [
      {
        type: 'bar',
        barWidth: 16,
        showBackground: true,
        backgroundStyle: { color: 'rgba(79, 209, 255, 0.06)', borderRadius: 8 },
        itemStyle: { borderRadius: 8 },
        data: ranked.map((p) => ({
          value: p.value == null ? null : p.value / divisor,
          parkId: p.id,
          itemStyle: {
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: 'rgba(79, 209, 255, 0.25)' },
                { offset: 1, color: growthDirection(p.yoy) === 'down' ? palette.down : palette.accent },
              ],
            },
          },
        })),
        label: {
          show: true,
          position: 'right',
          distance: 10,
          fontSize: 15,
          formatter: (p: { dataIndex: number }) => {
            const park = ranked[p.dataIndex];
            if (!park) return '';
            return `{v|${formatFigure(park.value, ind, { scale: divisor === 1 ? 'wan' : 'yi', unit: false, decimals: ind.unit === '万元' ? 2 : undefined })}} {${growthDirection(park.yoy) ?? 'none'}|${formatGrowth(park.yoy)}}`;
          },
          rich: {
            v: { color: palette.text, fontSize: 15 },
            up: { color: palette.up, fontSize: 14 },
            down: { color: palette.down, fontSize: 14 },
            flat: { color: palette.muted, fontSize: 14 },
            none: { color: palette.muted, fontSize: 14 },
          },
        },
      },
    ],
  } };
}

/** Industry structure by section: a ring of the largest sections, the rest as one slice. */
export function industryOption(industries: Cockpit['industries'], ind: Indicator, otherLabel: string, yoyLabel: string) {
  const sorted = [...industries].filter((i) => (i.value ?? 0) > 0).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const top = sorted.slice(0, 7);
  const rest = sorted.slice(7);
  const data = top.map((i) => ({ name: i.name, value: i.value, share: i.share, yoy: i.yoy }));
  if (rest.length) {
    const value = rest.reduce((s, i) => s + (i.value ?? 0), 0);
    const share = rest.reduce<number | null>((s, i) => (i.share == null || s == null ? null : s + i.share), 0);
    data.push({ name: otherLabel, value, share, yoy: null });
  }
  const short = (name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name);
  return { count: data.length, option: {
    color: ['#4fd1ff', '#3fa7ff', '#7b61ff', '#ffc53d', '#ff7a45', '#36cfc9', '#95de64', '#8fb3e6'],
    tooltip: {
      trigger: 'item',
      ...tooltip,
      formatter: (p: { name: string; data: { value: number | null; share: number | null; yoy: number | null } }) =>
        `<b>${p.name}</b><br/>${formatFigure(p.data.value, ind)}（${formatShare(p.data.share)}）<br/>${yoyLabel} ${p.data.yoy == null ? noFigure : formatGrowth(p.data.yoy)}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '54%'],
        itemStyle: { borderColor: '#061a3a', borderWidth: 2 },
        label: {
          color: palette.text,
          fontSize: 14,
          formatter: (p: { name: string; data: { share: number | null } }) => `${short(p.name)}\n{s|${formatShare(p.data.share)}}`,
          rich: { s: { color: palette.gold, fontSize: 15, lineHeight: 22 } },
        },
        labelLine: { length: 10, length2: 12, lineStyle: { color: 'rgba(143, 179, 230, 0.5)' } },
        data,
      },
    ],
  } };
}

const labelledParks = 8;

/** Beijing's districts with each sub-park a pulsing bubble at its centre, sized by the indicator. */
export function mapOption(parks: readonly Park[], ind: Indicator, districts: readonly string[], labels: { yoy: string; rank: string; drill: string }) {
  const placed = [...parks].filter((p): p is Park & { center: [number, number] } => p.center != null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const max = Math.max(1, ...placed.map((p) => Math.abs(p.value ?? 0)));
  const parkDistricts = new Set(parks.map((p) => p.district).filter((d): d is string => !!d));
  return {
    tooltip: {
      trigger: 'item',
      ...tooltip,
      formatter: (p: { seriesType?: string; dataIndex: number }) => {
        const park = p.seriesType === 'effectScatter' ? placed[p.dataIndex] : undefined;
        if (!park) return '';
        return [
          `<b style="font-size:18px">${park.name}</b>`,
          `${formatFigure(park.value, ind)}`,
          `${labels.yoy} <span style="color:${growthColor(park.yoy)}">${formatGrowth(park.yoy)}</span>`,
          `${labels.rank} ${park.rank ?? noFigure}`,
          `<span style="color:${palette.muted};font-size:13px">${labels.drill}</span>`,
        ].join('<br/>');
      },
    },
    geo: {
      map: mapName,
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '100%',
      aspectScale: 0.78,
      itemStyle: { areaColor: palette.area, borderColor: 'rgba(63, 167, 255, 0.7)', borderWidth: 1, shadowColor: 'rgba(63, 167, 255, 0.35)', shadowBlur: 18 },
      label: { show: true, color: 'rgba(143, 179, 230, 0.55)', fontSize: 12 },
      emphasis: { disabled: true },
      tooltip: { show: false },
      regions: districts.filter((d) => parkDistricts.has(d)).map((name) => ({ name, itemStyle: { areaColor: palette.areaPark } })),
    },
    series: [
      {
        type: 'effectScatter',
        coordinateSystem: 'geo',
        // The geo's tooltip is off (districts need none); a series on it must turn its own back on.
        tooltip: { show: true },
        zlevel: 2,
        rippleEffect: { scale: 2.6, brushType: 'stroke', period: 5 },
        symbolSize: (val: [number, number, number | null]) => 10 + 34 * Math.sqrt(Math.abs(val[2] ?? 0) / max),
        itemStyle: { color: palette.gold, shadowBlur: 12, shadowColor: palette.gold },
        label: { show: true, position: 'right', formatter: '{b}', color: palette.text, fontSize: 15, textBorderColor: '#020817', textBorderWidth: 3 },
        // The largest parks are named; the small ones crowded in the centre show theirs on hover.
        labelLayout: { hideOverlap: true },
        emphasis: { scale: 1.3, label: { fontSize: 18 } },
        data: placed.map((p, i) => ({ name: p.name, value: [p.center[0], p.center[1], p.value], parkId: p.id, label: { show: i < labelledParks } })),
        cursor: 'pointer',
      },
    ],
  };
}
