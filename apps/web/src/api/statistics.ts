/**
 * Every statistics call of the web app (.tmp/statistics-api.md): the indicator catalog, periods,
 * the portal form and submissions, review and reminders, xlsx import, and the figures out
 * (summary, analysis, trend, ranking, an enterprise's series, the cockpit, rollups).
 * Types are inferred from the zod contracts of packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type {
  analysis,
  analysisQuery,
  analysisRow,
  cockpit,
  cockpitQuery,
  createIndicatorRequest,
  indicator,
  indicatorFigure,
  indicatorList,
  periodList,
  putReportsRequest,
  ranking,
  rankingItem,
  rankingQuery,
  refreshResult,
  remindResult,
  report,
  reportDetail,
  reportForm,
  reportingItem,
  reportingPage,
  reportingState,
  reportIssue,
  reportStatus,
  reportSource,
  reportVersion,
  reviewRequest,
  rollupStatus,
  series,
  seriesPoint,
  statPeriod,
  submitReportRequest,
  summary,
  summaryRow,
  trend,
  trendPoint,
  updateIndicatorRequest,
  writeResult,
} from '@zhiyuan/core';
import { api, apiUrl, toQueryString, type Query } from './client';

// ---- Types (inferred from the contracts) -------------------------------------------------------

export type Indicator = z.infer<typeof indicator>;
export type IndicatorList = z.infer<typeof indicatorList>;
export type CreateIndicatorRequest = z.input<typeof createIndicatorRequest>;
export type UpdateIndicatorRequest = z.input<typeof updateIndicatorRequest>;

export type StatPeriod = z.infer<typeof statPeriod>;
export type PeriodList = z.infer<typeof periodList>;

export type PutReportsRequest = z.input<typeof putReportsRequest>;
export type SubmitReportRequest = z.input<typeof submitReportRequest>;
export type WriteResult = z.infer<typeof writeResult>;

export type ReportIssue = z.infer<typeof reportIssue>;
export type ReportStatus = z.infer<typeof reportStatus>;
export type ReportSource = z.infer<typeof reportSource>;
export type Report = z.infer<typeof report>;
export type ReportVersion = z.infer<typeof reportVersion>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type ReportForm = z.infer<typeof reportForm>;
export type ReviewRequest = z.input<typeof reviewRequest>;
export type RemindResult = z.infer<typeof remindResult>;

export type ReportingState = z.infer<typeof reportingState>;
export type ReportingItem = z.infer<typeof reportingItem>;
export type ReportingPage = z.infer<typeof reportingPage>;
export type ReportingQuery = { period: string; parkId?: string; state?: ReportingState; flagged?: 'true' | 'false'; q?: string; page?: number; pageSize?: number; sort?: string };

export type IndicatorFigure = z.infer<typeof indicatorFigure>;
export type SummaryRow = z.infer<typeof summaryRow>;
export type Summary = z.infer<typeof summary>;
export type SummaryQuery = { period: string; groupBy?: 'zone' | 'park' | 'industry'; parkId?: string; /** comma-separated codes */ indicators?: string };

export type AnalysisQuery = z.input<typeof analysisQuery>;
export type AnalysisRow = z.infer<typeof analysisRow>;
export type Analysis = z.infer<typeof analysis>;

export type TrendQuery = { indicator?: string; to: string; months?: number; parkId?: string; section?: string; aboveScale?: 'true' | 'false' };
export type TrendPoint = z.infer<typeof trendPoint>;
export type Trend = z.infer<typeof trend>;

export type RankingQuery = z.input<typeof rankingQuery>;
export type RankingItem = z.infer<typeof rankingItem>;
export type Ranking = z.infer<typeof ranking>;

export type SeriesQuery = { to?: string; months?: number };
export type SeriesPoint = z.infer<typeof seriesPoint>;
export type Series = z.infer<typeof series>;

export type CockpitQuery = z.input<typeof cockpitQuery>;
export type Cockpit = z.infer<typeof cockpit>;

export type RefreshResult = z.infer<typeof refreshResult>;
export type RollupStatus = z.infer<typeof rollupStatus>;

export type ImportQuery = { period: string; dryRun: boolean; revisionReason?: string };

/** A 422 of a report write: `column` is the indicator code (or a field such as revisionReason). */
export type ReportProblem = { row: number; column: string; message: string };

// ---- Calls -------------------------------------------------------------------------------------

const enc = encodeURIComponent;
/** Query objects of typed shapes → the client's Query (undefined values are skipped). */
const q = (query: object | undefined): Query => ({ ...(query as Query) });

export const statisticsApi = {
  // indicator catalog
  indicators: () => api.get<IndicatorList>('/statistics/indicators'),
  createIndicator: (body: CreateIndicatorRequest) => api.post<Indicator>('/statistics/indicators', body),
  updateIndicator: (code: string, body: UpdateIndicatorRequest) => api.patch<Indicator>(`/statistics/indicators/${enc(code)}`, body),

  // periods
  periods: (year?: number) => api.get<PeriodList>('/statistics/periods', { year }),
  updatePeriod: (period: string, dueOn: string) => api.patch<StatPeriod>(`/statistics/periods/${enc(period)}`, { dueOn }),
  closePeriod: (period: string) => api.post<StatPeriod>(`/statistics/periods/${enc(period)}/close`),
  reopenPeriod: (period: string) => api.post<StatPeriod>(`/statistics/periods/${enc(period)}/reopen`),

  // reports in
  /** Batch of rows by USCC (DESIGN.md §8); 422 details [{row, column, message}]. */
  putReports: (period: string, body: PutReportsRequest) => api.put<WriteResult>(`/statistics/reports/${enc(period)}`, body),
  form: (enterpriseId: string, period: string) => api.get<ReportForm>(`/statistics/enterprises/${enc(enterpriseId)}/form`, { period }),
  /** The stored report (with flags); 422 details [{row: 1, column: <code>, message}]. */
  submit: (enterpriseId: string, period: string, body: SubmitReportRequest) => api.put<Report>(`/statistics/enterprises/${enc(enterpriseId)}/reports/${enc(period)}`, body),
  series: (enterpriseId: string, query?: SeriesQuery) => api.get<Series>(`/statistics/enterprises/${enc(enterpriseId)}/series`, q(query)),

  // review
  reporting: (query: ReportingQuery) => api.get<ReportingPage>('/statistics/reporting', q(query)),
  report: (id: string) => api.get<ReportDetail>(`/statistics/reports/${enc(id)}`),
  review: (id: string, body: ReviewRequest) => api.post<Report>(`/statistics/reports/${enc(id)}/review`, body),
  remind: (period: string, parkId?: string) => api.post<RemindResult>('/statistics/reminders', { period, parkId }),

  // xlsx import
  templateUrl: (period?: string) => apiUrl('/statistics/import-template', { period }),
  /** Dry run or the real thing; 422 IMPORT_REJECTED details [{sheet,row,column,message}], 400 INVALID_FILE, 413 over 20 MB. */
  importFile: (file: File, query: ImportQuery) =>
    api.upload<WriteResult>(`/statistics/imports${toQueryString({ period: query.period, dryRun: query.dryRun, revisionReason: query.revisionReason })}`, file),

  // figures out
  summary: (query: SummaryQuery) => api.get<Summary>('/statistics/summary', q(query)),
  analysis: (query: AnalysisQuery) => api.get<Analysis>('/statistics/analysis', q(query)),
  analysisExportUrl: (query: AnalysisQuery) => apiUrl('/statistics/analysis/export', q(query)),
  trend: (query: TrendQuery) => api.get<Trend>('/statistics/trend', q(query)),
  ranking: (query: RankingQuery) => api.get<Ranking>('/statistics/ranking', q(query)),
  rankingExportUrl: (query: RankingQuery) => apiUrl('/statistics/ranking/export', q(query)),
  bulletinUrl: (period: string) => apiUrl('/statistics/bulletin', { period }),
  cockpit: (query?: CockpitQuery) => api.get<Cockpit>('/statistics/cockpit', q(query)),

  // rollups
  refreshRollups: (period?: string) => api.post<RefreshResult>('/statistics/rollups/refresh', period ? { period } : {}),
  rollupStatus: () => api.get<RollupStatus>('/statistics/rollups/status'),
};

/** The per-field problems of a 422 report write (details with a string `column`); [] otherwise. */
export function reportProblems(err: unknown): ReportProblem[] {
  const details = (err as { details?: unknown[] } | null)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { row, column, message, path } = d as { row?: unknown; column?: unknown; message?: unknown; path?: unknown };
    if (typeof message !== 'string') return [];
    // Validation errors of the request body name a path (values.revenue) instead of a column.
    const col = typeof column === 'string' ? column : Array.isArray(path) ? String(path[path.length - 1] ?? '') : '';
    return [{ row: typeof row === 'number' ? row : 1, column: col, message }];
  });
}

// ---- Query keys and hooks ----------------------------------------------------------------------

export const statisticsKeys = {
  all: ['statistics'] as const,
  indicators: ['statistics', 'indicators'] as const,
  periods: (year?: number) => ['statistics', 'periods', year ?? null] as const,
  form: (enterpriseId: string, period: string) => ['statistics', 'form', enterpriseId, period] as const,
  series: (enterpriseId: string, query?: SeriesQuery) => ['statistics', 'series', enterpriseId, query ?? {}] as const,
  reporting: (query: ReportingQuery) => ['statistics', 'reporting', query] as const,
  report: (id: string) => ['statistics', 'report', id] as const,
  summary: (query: SummaryQuery) => ['statistics', 'figures', 'summary', query] as const,
  analysis: (query: AnalysisQuery) => ['statistics', 'figures', 'analysis', query] as const,
  trend: (query: TrendQuery) => ['statistics', 'figures', 'trend', query] as const,
  ranking: (query: RankingQuery) => ['statistics', 'figures', 'ranking', query] as const,
  cockpit: (query?: CockpitQuery) => ['statistics', 'figures', 'cockpit', query ?? {}] as const,
  rollupStatus: ['statistics', 'rollups', 'status'] as const,
};

/** The indicator catalog (all, active or not, in sort order as the server sends it). */
export function useIndicators(enabled = true) {
  return useQuery({ queryKey: statisticsKeys.indicators, queryFn: statisticsApi.indicators, enabled, staleTime: 5 * 60_000 });
}

/** code → indicator, for table cells and labels. */
export function useIndicatorMap(enabled = true): Map<string, Indicator> {
  const list = useIndicators(enabled);
  const items = list.data?.items;
  return useMemo(() => new Map((items ?? []).map((i) => [i.code, i])), [items]);
}

/** Periods newest first (of one year when given). */
export function usePeriods(year?: number, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.periods(year), queryFn: () => statisticsApi.periods(year), enabled, staleTime: 30_000 });
}

/** The portal form of one enterprise and period (indicators, stored report, last month / last year). */
export function useReportForm(enterpriseId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: statisticsKeys.form(enterpriseId ?? '', period ?? ''),
    queryFn: () => statisticsApi.form(enterpriseId!, period!),
    enabled: !!enterpriseId && !!period,
    retry: false,
  });
}

/** One enterprise's own series (points oldest first). */
export function useEnterpriseSeries(enterpriseId: string | undefined, query?: SeriesQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.series(enterpriseId ?? '', query), queryFn: () => statisticsApi.series(enterpriseId!, query), enabled: enabled && !!enterpriseId });
}

/** The review list of a period (the previous page stays on screen while the next loads). */
export function useReporting(query: ReportingQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.reporting(query), queryFn: () => statisticsApi.reporting(query), enabled, placeholderData: keepPreviousData });
}

/** One report with its versions. */
export function useReport(id: string | null | undefined) {
  return useQuery({ queryKey: statisticsKeys.report(id ?? ''), queryFn: () => statisticsApi.report(id!), enabled: !!id });
}

export function useSummary(query: SummaryQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.summary(query), queryFn: () => statisticsApi.summary(query), enabled, placeholderData: keepPreviousData });
}

export function useAnalysis(query: AnalysisQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.analysis(query), queryFn: () => statisticsApi.analysis(query), enabled, placeholderData: keepPreviousData });
}

export function useTrend(query: TrendQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.trend(query), queryFn: () => statisticsApi.trend(query), enabled, placeholderData: keepPreviousData });
}

export function useRanking(query: RankingQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.ranking(query), queryFn: () => statisticsApi.ranking(query), enabled, placeholderData: keepPreviousData });
}

/** The cockpit; `refetchInterval` (ms) for the projector screen. */
export function useCockpit(query?: CockpitQuery, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: statisticsKeys.cockpit(query),
    queryFn: () => statisticsApi.cockpit(query),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchInterval,
    placeholderData: keepPreviousData,
  });
}

export function useRollupStatus(enabled = true, refetchInterval?: number) {
  return useQuery({ queryKey: statisticsKeys.rollupStatus, queryFn: statisticsApi.rollupStatus, enabled, refetchInterval });
}

/**
 * Invalidation after a write: `reports()` after a submission, review, import or reminder
 * (forms, review lists, reports, periods' counts, series, figures); `indicators()` after a catalog edit;
 * `periods()` after closing, reopening or a new due date.
 */
export function useStatisticsInvalidation() {
  const qc = useQueryClient();
  return {
    reports: () =>
      Promise.all(
        (['form', 'reporting', 'report', 'periods', 'series', 'figures', 'rollups'] as const).map((k) => qc.invalidateQueries({ queryKey: ['statistics', k] })),
      ),
    indicators: () => qc.invalidateQueries({ queryKey: statisticsKeys.indicators }),
    periods: () => Promise.all([qc.invalidateQueries({ queryKey: ['statistics', 'periods'] }), qc.invalidateQueries({ queryKey: ['statistics', 'form'] })]),
    all: () => qc.invalidateQueries({ queryKey: statisticsKeys.all }),
  };
}
