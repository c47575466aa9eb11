// Every figure view as a workbook, and the monthly bulletin (统计月报) with the standard tables.
// Figures are written as numbers (growth in per cent, one decimal) so they can be computed on.
import { periodLabel, type AnalysisRow, type GroupBy, type Ranking } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { AuditService } from '../audit/audit.service';
import { streamWorkbook, type SheetColumn, type SheetSpec } from '../../xlsx/write-workbook';
import type { FiguresService } from './figures.service';
import type { IndicatorsService } from './indicators.service';
import type { RankingService } from './ranking.service';

type AnalysisQuery = Parameters<FiguresService['analysis']>[1];
type RankingQuery = Parameters<RankingService['ranking']>[1];

const percent = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);
const round = (v: number | null, digits = 4) => (v == null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const col = (header: string, key: string, width = 14): SheetColumn => ({ header, key, width });

function analysisSheet(name: string, unit: string, rows: AnalysisRow[], total: AnalysisRow, opts: { area: boolean }): SheetSpec {
  const columns = [
    col('名称', 'name', 24),
    col(`数值（${unit}）`, 'value', 16),
    col(`上年同期（${unit}）`, 'priorValue', 16),
    col('同比（%）', 'yoy'),
    col('同口径增速（%）', 'lfl'),
    col('排名', 'rank', 8),
    col('占比（%）', 'share'),
    col(`当月（${unit}）`, 'month'),
    ...(opts.area ? [col('地均产出（亿元/km²）', 'outputPerKm2', 18)] : []),
    col('劳均产出（万元/人）', 'outputPerEmployee', 18),
    col('企业数', 'enterprises', 10),
  ];
  const line = (r: AnalysisRow) => ({ ...r, value: round(r.value), priorValue: round(r.priorValue), yoy: percent(r.yoy), lfl: percent(r.lfl), share: percent(r.share), month: round(r.month), outputPerKm2: round(r.outputPerKm2), outputPerEmployee: round(r.outputPerEmployee) });
  return { name, columns, rows: [[...rows.map(line), line(total)]] };
}

function rankingSheet(name: string, r: Ranking): SheetSpec {
  const unit = r.indicator.unit;
  return {
    name,
    columns: [col('序号', 'no', 6), col('企业名称', 'enterpriseName', 32), col('分园', 'parkName', 14), col('行业门类', 'industrySection', 8), col(`本期（${unit}）`, 'value', 16), col(`上年同期（${unit}）`, 'prior', 16), col(`增减额（${unit}）`, 'change', 16), col('增速（%）', 'growth')],
    rows: [r.items.map((i, n) => ({ ...i, no: n + 1, value: round(i.value), prior: round(i.prior), change: round(i.change), growth: percent(i.growth) }))],
  };
}

const groupNames: Record<GroupBy, string> = { zone: '全区', park: '分园', industry: '行业', aboveScale: '规模', qualification: '资质' };

export function createStatisticsExport(db: Db, audit: AuditService, indicators: IndicatorsService, figures: FiguresService, rankings: RankingService) {
  const logged = (ctx: RequestContext, what: string, summary: Record<string, unknown>) => audit.record(db, ctx, { action: 'statistics.export', targetType: 'statistics', summary: { what, ...summary } });

  return {
    async analysis(ctx: RequestContext, q: AnalysisQuery) {
      const a = await figures.analysis(ctx, q);
      await logged(ctx, 'analysis', q);
      return streamWorkbook([analysisSheet(`按${groupNames[q.groupBy]}`.slice(0, 31), a.indicator.unit, a.rows, a.total, { area: q.groupBy === 'park' || q.groupBy === 'zone' })]);
    },

    async ranking(ctx: RequestContext, q: RankingQuery) {
      const r = await rankings.ranking(ctx, q);
      await logged(ctx, 'ranking', q);
      return streamWorkbook([rankingSheet('企业排行', r)]);
    },

    /** 统计月报: the zone's main indicators, then by sub-park, by industry, by size, and the enterprises that moved most. */
    async bulletin(ctx: RequestContext, period: string) {
      const main = await figures.summary(ctx, { period, groupBy: 'zone' });
      const [byPark, byIndustry, bySize, top, declines] = await Promise.all([
        figures.analysis(ctx, { period, groupBy: 'park', indicator: 'revenue' }),
        figures.analysis(ctx, { period, groupBy: 'industry', indicator: 'revenue' }),
        figures.analysis(ctx, { period, groupBy: 'aboveScale', indicator: 'revenue' }),
        rankings.ranking(ctx, { period, indicator: 'revenue', by: 'value', order: 'desc', limit: 25 }),
        rankings.ranking(ctx, { period, indicator: 'revenue', by: 'change', order: 'asc', limit: 25 }),
      ]);
      const catalog = new Map((await indicators.catalog()).map((i) => [i.code, i]));
      const mainRows = Object.entries(main.rows[0]?.indicators ?? {}).map(([code, f]) => ({ name: catalog.get(code)?.nameZh ?? code, unit: catalog.get(code)?.unit ?? '', value: round(f.value), yoy: percent(f.yoy), lfl: percent(f.lfl) }));
      await logged(ctx, 'bulletin', { period });
      return streamWorkbook([
        {
          name: '表1 主要指标',
          columns: [col(`指标（${periodLabel(period)}）`, 'name', 24), col('单位', 'unit', 8), col('数值', 'value', 16), col('同比（%）', 'yoy'), col('同口径增速（%）', 'lfl')],
          rows: [mainRows],
        },
        analysisSheet('表2 分园区营业收入', '万元', byPark.rows, byPark.total, { area: true }),
        analysisSheet('表3 分行业营业收入', '万元', byIndustry.rows, byIndustry.total, { area: false }),
        analysisSheet('表4 规上与规下企业', '万元', bySize.rows, bySize.total, { area: false }),
        rankingSheet('表5 营业收入前25', top),
        rankingSheet('表6 营业收入降幅前25', declines),
      ]);
    },
  };
}
export type StatisticsExport = ReturnType<typeof createStatisticsExport>;
