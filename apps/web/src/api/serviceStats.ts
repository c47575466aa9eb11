/**
 * The three rates of 接诉即办 (issue 6 §5, DESIGN.md §7–8): totals, breakdowns by department,
 * officer, park or month with ranks, the drill-down to the orders behind a rate, and their exports.
 * Types are inferred from the zod contracts of packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { breakdownRow, drillDownFilter, drillDownItem, drillDownPage, RateName, StatsGroupBy, workOrderBreakdown, workOrderStats } from '@zhiyuan/core';
import { api, apiUrl, type Query } from './client';

export type WorkOrderStats = z.infer<typeof workOrderStats>;
export type WorkOrderBreakdown = z.infer<typeof workOrderBreakdown>;
export type BreakdownRow = z.infer<typeof breakdownRow>;
export type DrillDownItem = z.infer<typeof drillDownItem>;
export type DrillDownPage = z.infer<typeof drillDownPage>;
export type DrillDownOutcome = z.input<typeof drillDownFilter>['outcome'];

/** The window and scope every stats call takes (`from`/`to` as 'YYYY-MM-DD', `to` included). */
export type StatsQuery = { from: string; to: string; parkId?: string; departmentId?: string };
export type BreakdownQuery = StatsQuery & { groupBy: StatsGroupBy };
export type DrillDownQuery = StatsQuery & {
  rate: RateName;
  outcome?: DrillDownOutcome;
  assigneeId?: string;
  month?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
};

const q = (query: object): Query => ({ ...(query as Query) });

export const serviceStatsApi = {
  /** DESIGN §8: `GET /api/work-orders/stats`. */
  stats: (query: StatsQuery) => api.get<WorkOrderStats>('/work-orders/stats', q(query)),
  breakdown: (query: BreakdownQuery) => api.get<WorkOrderBreakdown>('/work-orders/stats/breakdown', q(query)),
  breakdownExportUrl: (query: BreakdownQuery) => apiUrl('/work-orders/stats/breakdown/export', q(query)),
  orders: (query: DrillDownQuery) => api.get<DrillDownPage>('/work-orders/stats/orders', q(query)),
  ordersExportUrl: (query: DrillDownQuery) => apiUrl('/work-orders/stats/orders/export', q({ ...query, page: undefined, pageSize: undefined })),
};

export const serviceStatsKeys = {
  all: ['work-order-stats'] as const,
  stats: (query: StatsQuery) => ['work-order-stats', 'totals', query] as const,
  breakdown: (query: BreakdownQuery) => ['work-order-stats', 'breakdown', query] as const,
  orders: (query: DrillDownQuery) => ['work-order-stats', 'orders', query] as const,
};

export function useWorkOrderStats(query: StatsQuery, enabled = true) {
  return useQuery({ queryKey: serviceStatsKeys.stats(query), queryFn: () => serviceStatsApi.stats(query), enabled, placeholderData: keepPreviousData });
}

export function useBreakdown(query: BreakdownQuery, enabled = true) {
  return useQuery({ queryKey: serviceStatsKeys.breakdown(query), queryFn: () => serviceStatsApi.breakdown(query), enabled, placeholderData: keepPreviousData });
}

export function useDrillDown(query: DrillDownQuery, enabled = true) {
  return useQuery({ queryKey: serviceStatsKeys.orders(query), queryFn: () => serviceStatsApi.orders(query), enabled, placeholderData: keepPreviousData });
}
