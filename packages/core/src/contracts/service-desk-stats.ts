/**
 * The three rates (DESIGN.md §7, §8): totals, breakdowns with ranks, and the drill-down to the
 * orders behind a rate. Definitions and their SQL: work-order-rates.ts of core.
 */
import { z } from 'zod';
import { periodPattern } from '../statistics';
import { rateNames, statsWindow } from '../work-order-rates';
import { pageOf, pageQuery, uuid } from './common';
import { workOrderListItem } from './service-desk';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

// ---------------------------------------------------------------- the three rates

/** 'YYYY-MM-DD' (Asia/Shanghai, `to` includes its day) or an ISO instant (`to` exclusive); see statsWindow of core. */
const windowBound = z
  .string()
  .trim()
  .refine((s) => isoDate.safeParse(s).success || z.iso.datetime({ offset: true }).safeParse(s).success, '应为日期 YYYY-MM-DD 或带时区的 ISO 时间');
const statsShape = { from: windowBound, to: windowBound, parkId: uuid.optional(), departmentId: uuid.optional() };
const windowOrdered = (v: { from: string; to: string }, ctx: z.RefinementCtx) => {
  try {
    statsWindow(v.from, v.to);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束不能早于开始' });
  }
};

/** DESIGN §8: `GET /api/work-orders/stats?from&to[&parkId][&departmentId]`. */
export const workOrderStatsQuery = z.object(statsShape).superRefine(windowOrdered);
export type WorkOrderStatsQuery = z.infer<typeof workOrderStatsQuery>;

export const rateCount = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
export type RateCountDto = z.infer<typeof rateCount>;
const rates = {
  total: z.number().int().describe('orders created in the window'),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  response: rateCount,
  resolution: rateCount,
  satisfaction: rateCount,
};
export const workOrderStats = z.object({
  from: z.string().describe('ISO instant, inclusive'),
  to: z.string().describe('ISO instant, exclusive'),
  ...rates,
  /** Open orders past a deadline now, in scope (not limited to the window). */
  overdueNow: z.number().int(),
  /** Supervision records opened in the window. */
  supervisions: z.number().int(),
});
export type WorkOrderStats = z.infer<typeof workOrderStats>;

export const statsGroupBy = z.enum(['department', 'officer', 'park', 'month']);
export type StatsGroupBy = z.infer<typeof statsGroupBy>;
/** `GET /api/work-orders/stats/breakdown` and its export `/stats/breakdown/export`. */
export const workOrderBreakdownQuery = z.object({ ...statsShape, groupBy: statsGroupBy.default('department') }).superRefine(windowOrdered);
export const breakdownRow = z.object({
  /** department / user / park id, 'YYYY-MM', or 'none' (not assigned to any). */
  key: z.string(),
  name: z.string(),
  ...rates,
  /** compositeScore of core with `weights`; rank 1 = highest, ties share a rank (months are not ranked). */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type BreakdownRow = z.infer<typeof breakdownRow>;
export const workOrderBreakdown = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: statsGroupBy,
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  rows: z.array(breakdownRow),
  overall: breakdownRow,
});
export type WorkOrderBreakdown = z.infer<typeof workOrderBreakdown>;

/**
 * `GET /api/work-orders/stats/orders`: the orders behind one rate (rateOutcome of core);
 * 'against' = in the denominator but not the numerator. Narrow to a breakdown row with its key.
 */
export const drillDownFilter = z.object({
  ...statsShape,
  rate: z.enum(rateNames),
  outcome: z.enum(['against', 'counted', 'all']).default('against'),
  assigneeId: uuid.optional(),
  month: z.string().regex(periodPattern, '月份应为 YYYY-MM').optional(),
});
export const workOrderDrillDownQuery = pageQuery.extend(drillDownFilter.shape).superRefine(windowOrdered);
export const drillDownItem = workOrderListItem.extend({ outcome: z.enum(['counted', 'against']) });
export const drillDownPage = pageOf(drillDownItem);
