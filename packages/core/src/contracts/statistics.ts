import { z } from 'zod';
import { periodPattern } from '../statistics';
import { commaList, pageOf, pageQuery, uuid } from './common';

export const period = z.string().regex(periodPattern, '统计期应为 YYYY-MM，例如 2025-03');
export const periodParams = z.object({ period });
export const indicatorCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '指标编码为 2–40 位小写字母、数字或下划线，以字母开头');
export const indicatorKind = z.enum(['flow', 'stock']);

// ---------------------------------------------------------------- indicator catalog

export const indicator = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind: indicatorKind,
  /** A derived indicator's formula over other codes, e.g. "tax + vat_refund"; null for a reported one. */
  formula: z.string().nullable(),
  precision: z.number().int(),
  /** Plausibility bounds: a value outside them is reported with a warning, not refused. */
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  allowNegative: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Indicator = z.infer<typeof indicator>;
export const indicatorList = z.object({ items: z.array(indicator) });

const indicatorFields = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  unit: z.string().trim().min(1).max(16),
  kind: indicatorKind,
  formula: z.string().trim().min(1).max(200).nullable(),
  precision: z.number().int().min(0).max(4),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  allowNegative: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const createIndicatorRequest = z.object({ code: indicatorCode, ...indicatorFields }).partial({ formula: true, minValue: true, maxValue: true, allowNegative: true, active: true, sortOrder: true, precision: true });
export type CreateIndicatorRequest = z.infer<typeof createIndicatorRequest>;
export const updateIndicatorRequest = z.object(indicatorFields).partial();
export type UpdateIndicatorRequest = z.infer<typeof updateIndicatorRequest>;
export const indicatorParams = z.object({ code: indicatorCode });

// ---------------------------------------------------------------- periods

export const periodStatus = z.enum(['open', 'closed']);
export const statPeriod = z.object({
  period: z.string(),
  status: periodStatus,
  /** Reports after this date are marked late. */
  dueOn: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** Reports in the caller's scope / enterprises expected to report (active, in scope). */
  reported: z.number().int(),
  expected: z.number().int(),
});
export type StatPeriod = z.infer<typeof statPeriod>;
export const periodListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const periodList = z.object({ items: z.array(statPeriod) });
export const updatePeriodRequest = z.object({ dueOn: z.iso.date('日期格式应为 YYYY-MM-DD') });

// ---------------------------------------------------------------- reports in

/** Indicator code → number. */
export const valueMap = z.record(z.string(), z.number());
export type ValueMap = z.infer<typeof valueMap>;

/** DESIGN.md §8: each row replaces that enterprise's report for the period. */
export const putReportsRequest = z.object({
  rows: z.array(z.object({ uscc: z.string(), values: z.record(z.string(), z.unknown()), prior: z.record(z.string(), z.unknown()).optional() })).min(1).max(50_000),
  /** Required to correct a closed period (an audited revision); refused otherwise. */
  revisionReason: z.string().trim().min(2).max(200).optional(),
});
export type PutReportsRequest = z.infer<typeof putReportsRequest>;

export const writeResult = z.object({
  accepted: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Reports stored with plausibility warnings (they wait for review). */
  flagged: z.number().int(),
  late: z.number().int(),
});
export type WriteResult = z.infer<typeof writeResult>;

/** One enterprise's own report, from the portal form or a statistician on its behalf. */
export const submitReportRequest = z.object({
  values: z.record(z.string(), z.unknown()),
  prior: z.record(z.string(), z.unknown()).optional(),
  revisionReason: z.string().trim().min(2).max(200).optional(),
});
export type SubmitReportRequest = z.infer<typeof submitReportRequest>;
export const enterprisePeriodParams = z.object({ id: uuid, period });

export const importQuery = z.object({
  period,
  /** Check the whole file and answer what would happen, storing nothing. */
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  revisionReason: z.string().trim().min(2).max(200).optional(),
});
export const templateQuery = z.object({ period: period.optional() });

// ---------------------------------------------------------------- reports out, review

export const reportIssue = z.object({ indicator: z.string(), level: z.enum(['error', 'warning']), message: z.string() });
export type ReportIssue = z.infer<typeof reportIssue>;
export const reportStatus = z.enum(['submitted', 'accepted', 'returned']);
export const reportSource = z.enum(['portal', 'import', 'api', 'staff', 'seed']);

export const reportVersion = z.object({
  version: z.number().int(),
  values: valueMap,
  prior: valueMap,
  source: reportSource,
  late: z.boolean(),
  /** A correction after the period was closed. */
  revision: z.boolean(),
  reason: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
});

export const report = z.object({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  uscc: z.string(),
  period: z.string(),
  parkId: uuid,
  parkName: z.string(),
  industryCode: z.string(),
  industrySection: z.string(),
  aboveScale: z.boolean(),
  values: valueMap,
  prior: valueMap,
  flags: z.array(reportIssue),
  status: reportStatus,
  late: z.boolean(),
  version: z.number().int(),
  source: reportSource,
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
});
export type Report = z.infer<typeof report>;
export const reportDetail = report.extend({ versions: z.array(reportVersion) });
export type ReportDetail = z.infer<typeof reportDetail>;

/** The review list: every enterprise expected to report, with its report's state ('missing' = not yet). */
export const reportingState = z.enum(['missing', 'submitted', 'accepted', 'returned']);
export const reportingQuery = pageQuery.extend({
  period,
  parkId: uuid.optional(),
  state: reportingState.optional(),
  flagged: z.enum(['true', 'false']).optional().transform((v) => (v == null ? undefined : v === 'true')),
  q: z.string().trim().max(60).optional(),
});
export const reportingItem = z.object({
  enterpriseId: uuid,
  enterpriseName: z.string(),
  uscc: z.string(),
  parkName: z.string(),
  reportId: uuid.nullable(),
  state: reportingState,
  late: z.boolean(),
  flagCount: z.number().int(),
  submittedAt: z.string().nullable(),
  reminders: z.number().int(),
});
export type ReportingItem = z.infer<typeof reportingItem>;
export const reportingPage = pageOf(reportingItem).extend({
  counts: z.object({ missing: z.number().int(), submitted: z.number().int(), accepted: z.number().int(), returned: z.number().int(), flagged: z.number().int() }),
});
export type ReportingPage = z.infer<typeof reportingPage>;

export const reviewRequest = z.object({ decision: z.enum(['accept', 'return']), comment: z.string().trim().max(500).optional() }).refine((r) => r.decision === 'accept' || (r.comment?.length ?? 0) >= 2, {
  message: '退回时请填写原因',
  path: ['comment'],
});
export const remindRequest = z.object({ period, parkId: uuid.optional() });
export const remindResult = z.object({ reminded: z.number().int() });

// ---------------------------------------------------------------- the portal form

export const reportForm = z.object({
  period: z.string(),
  periodStatus: periodStatus,
  dueOn: z.string(),
  enterpriseId: uuid,
  enterpriseName: z.string(),
  indicators: z.array(indicator),
  report: report.nullable(),
  /** Last month's and last year's same-month figures, shown beside each field. */
  lastMonth: valueMap,
  lastYear: valueMap,
  /** The usual single-month increment of each flow (mean of the last three months) for the ±50% check. */
  usualIncrement: valueMap,
  /** Each flow's single month of the same month last year: an increment like it is seasonal, not odd. */
  lastYearIncrement: valueMap,
  reminders: z.number().int(),
});
export type ReportForm = z.infer<typeof reportForm>;

// ---------------------------------------------------------------- figures out

/** `qualification`: enterprises holding a valid qualification of each kind at the period's end (one may count in several). */
export const groupBy = z.enum(['zone', 'park', 'industry', 'aboveScale', 'qualification']);
export type GroupBy = z.infer<typeof groupBy>;
const codeList = commaList(z.string(), 200);

/** DESIGN.md §8. */
export const summaryQuery = z.object({ period, groupBy: groupBy.exclude(['aboveScale', 'qualification']).default('park'), parkId: uuid.optional(), indicators: codeList.optional() });
export const indicatorFigure = z.object({ value: z.number().nullable(), yoy: z.number().nullable(), lfl: z.number().nullable(), rank: z.number().int().nullable() });
export const summaryRow = z.object({ key: z.string(), name: z.string(), indicators: z.record(z.string(), indicatorFigure), outputPerKm2: z.number().nullable(), outputPerEmployee: z.number().nullable() });
export const summary = z.object({ period: z.string(), rows: z.array(summaryRow) });
export type Summary = z.infer<typeof summary>;

/** The analysis view: every figure of one indicator per group. */
export const analysisQuery = z.object({
  period,
  groupBy: groupBy.default('park'),
  indicator: z.string().default('revenue'),
  parkId: uuid.optional(),
  /** Industry section letter (A–T) to narrow to. */
  section: z.string().regex(/^[A-T]$/).optional(),
  aboveScale: z.enum(['true', 'false']).optional().transform((v) => (v == null ? undefined : v === 'true')),
});
export type AnalysisQuery = z.input<typeof analysisQuery>;
export const analysisRow = z.object({
  key: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  priorValue: z.number().nullable(),
  yoy: z.number().nullable(),
  lfl: z.number().nullable(),
  rank: z.number().int().nullable(),
  share: z.number().nullable(),
  /** 当月 (flows only). */
  month: z.number().nullable(),
  outputPerKm2: z.number().nullable(),
  outputPerEmployee: z.number().nullable(),
  enterprises: z.number().int(),
});
export type AnalysisRow = z.infer<typeof analysisRow>;
export const analysis = z.object({ period: z.string(), indicator, rows: z.array(analysisRow), total: analysisRow });
export type Analysis = z.infer<typeof analysis>;

export const trendQuery = z.object({
  indicator: z.string().default('revenue'),
  to: period,
  months: z.coerce.number().int().min(1).max(60).default(36),
  parkId: uuid.optional(),
  section: z.string().regex(/^[A-T]$/).optional(),
  aboveScale: z.enum(['true', 'false']).optional().transform((v) => (v == null ? undefined : v === 'true')),
});
export const trendPoint = z.object({ period: z.string(), value: z.number().nullable(), priorValue: z.number().nullable(), yoy: z.number().nullable(), month: z.number().nullable(), priorMonth: z.number().nullable() });
export const trend = z.object({ indicator, points: z.array(trendPoint) });
export type Trend = z.infer<typeof trend>;

/** Top or bottom N enterprises by value or by growth (e.g. the 25 largest revenue declines). */
export const rankingQuery = z.object({
  period,
  indicator: z.string().default('revenue'),
  by: z.enum(['value', 'growth', 'change']).default('value'),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  parkId: uuid.optional(),
  section: z.string().regex(/^[A-T]$/).optional(),
  aboveScale: z.enum(['true', 'false']).optional().transform((v) => (v == null ? undefined : v === 'true')),
});
export type RankingQuery = z.input<typeof rankingQuery>;
export const rankingItem = z.object({
  enterpriseId: uuid,
  enterpriseName: z.string(),
  parkName: z.string(),
  industrySection: z.string(),
  reportId: uuid,
  value: z.number().nullable(),
  prior: z.number().nullable(),
  change: z.number().nullable(),
  growth: z.number().nullable(),
});
export const ranking = z.object({ period: z.string(), indicator, items: z.array(rankingItem) });
export type Ranking = z.infer<typeof ranking>;

/** One enterprise's own series (the statistics tab). */
export const seriesQuery = z.object({ to: period.optional(), months: z.coerce.number().int().min(1).max(60).default(36) });
export const seriesPoint = z.object({ period: z.string(), reportId: uuid, status: reportStatus, values: valueMap, yoy: z.record(z.string(), z.number().nullable()) });
export const series = z.object({ indicators: z.array(indicator), points: z.array(seriesPoint) });
export type Series = z.infer<typeof series>;

export const refreshRequest = z.object({ period: period.optional() });
export const refreshResult = z.object({ periods: z.number().int(), rows: z.number().int() });
export const rollupStatus = z.object({ pending: z.number().int(), refreshedAt: z.string().nullable() });

/** The leadership cockpit in one request (refreshed every few minutes on a projector). */
export const cockpitQuery = z.object({ period: period.optional(), indicator: z.string().default('revenue') });
export const cockpit = z.object({
  /** The newest period with figures when none was asked for. */
  period: z.string().nullable(),
  indicator,
  headline: z.array(z.object({ indicator, value: z.number().nullable(), yoy: z.number().nullable(), lfl: z.number().nullable() })),
  parks: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      district: z.string().nullable(),
      center: z.tuple([z.number(), z.number()]).nullable(),
      value: z.number().nullable(),
      yoy: z.number().nullable(),
      rank: z.number().int().nullable(),
      outputPerKm2: z.number().nullable(),
    }),
  ),
  industries: z.array(z.object({ section: z.string(), name: z.string(), value: z.number().nullable(), share: z.number().nullable(), yoy: z.number().nullable() })),
  trend: z.array(trendPoint),
  enterprises: z.object({ reporting: z.number().int(), aboveScale: z.number().int() }),
  /** Counts from modules that are not built yet are null (warnings, overdue work orders). */
  openWarnings: z.number().int().nullable(),
  overdueOrders: z.number().int().nullable(),
  refreshedAt: z.string().nullable(),
});
export type Cockpit = z.infer<typeof cockpit>;
