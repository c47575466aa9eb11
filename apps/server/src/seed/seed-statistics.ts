// The demo zone's statistics (SEED_DEMO_STATISTICS): 36 months of reports of the demo enterprises,
// each with its first version, and the periods (all closed but the last). Written straight to the
// tables, like a migration; the caller refreshes the rollups of the periods returned.
// ~72,000 reports: the INSERTs (one jsonb parameter per 5,000 rows) and their foreign-key checks
// take most of the time; the generator ~0.3 s.
import { sql } from 'drizzle-orm';
import { addMonths, defaultIndicators, monthIncrements, periodParts, plausibilityWarnings, usualIncrements, type ReportIssue } from '@zhiyuan/core';
import type { Executor } from '../db/pool';
import { insertRecordset } from '../db/recordset';
import { statPeriods, statReports, statReportVersions } from '../modules/statistics/statistics.tables';
import { closedOnOf, DEMO_STATISTICS_MONTHS, demoStatisticsPeriods, dueOnOf, generateDemoStatistics, type DemoReport, type StatEnterprise } from './demo-statistics';

export type DemoStatisticsSeedOptions = {
  enterprises: readonly StatEnterprise[];
  /** YYYY-MM-DD (Beijing): the periods end with the month before its month. */
  today: string;
  /** The demo enterprise account's enterprise: it has no report for the last period (an e2e test reports it). */
  excludeLastPeriodFor?: string | null;
  months?: number;
  seed?: number;
};
export type DemoStatisticsSeedResult = {
  reports: number;
  /** Every seeded period, oldest first (for the rollup refresh). */
  periods: string[];
};

/** Who closed the seeded periods and accepted their reports. */
export const SEED_ACTOR = 'system';
const REPORT_KEYS = ['enterpriseId', 'period', 'parkId', 'industryCode', 'industrySection', 'aboveScale', 'values', 'prior', 'flags', 'status', 'late', 'source', 'submittedAt', 'reviewedAt', 'reviewedBy'] as const;
/** Rows per INSERT: ~450 bytes of JSON each. */
const BATCH = 5000;

/** Inserts the demo statistics: the periods, the reports and one version (1, 'seed') of each. */
export async function seedDemoStatistics(tx: Executor, opts: DemoStatisticsSeedOptions): Promise<DemoStatisticsSeedResult> {
  const periods = demoStatisticsPeriods(opts.today, opts.months ?? DEMO_STATISTICS_MONTHS);
  const last = periods.at(-1)!;
  await tx
    .insert(statPeriods)
    .values(periods.map((period) => (period === last ? { period, status: 'open' as const, dueOn: dueOnOf(period) } : { period, status: 'closed' as const, dueOn: dueOnOf(period), closedAt: shanghaiEvening(closedOnOf(period)), closedBy: SEED_ACTOR })))
    .onConflictDoNothing();

  const reports = generateDemoStatistics(opts.enterprises, { to: last, months: periods.length, seed: opts.seed ?? 20_250_101, today: opts.today, excludeLastPeriodFor: opts.excludeLastPeriodFor ? [opts.excludeLastPeriodFor] : [] });
  const flagsOf = lastPeriodFlags(reports, last);
  for (let i = 0; i < reports.length; i += BATCH) {
    const rows = reports.slice(i, i + BATCH).map((r) => ({ ...r, flags: flagsOf(r), source: 'seed', reviewedBy: r.reviewedAt ? SEED_ACTOR : null }));
    await insertRecordset(tx, statReports, REPORT_KEYS, rows, { batch: BATCH });
  }
  // Each report's first version, copied in the database rather than sent again.
  await tx.execute(sql`
    INSERT INTO ${statReportVersions} (report_id, version, "values", prior, source, late, submitted_at)
    SELECT r.id, r.version, r."values", r.prior, r.source, r.late, r.submitted_at FROM ${statReports} r
     WHERE r.source = 'seed' AND NOT EXISTS (SELECT 1 FROM ${statReportVersions} v WHERE v.report_id = r.id)`);
  return { reports: reports.length, periods };
}

/**
 * The open period's reports wait for review: they carry the plausibility warnings the write path
 * would have found (core's checks over the enterprise's own history), so 报送审核 shows flagged values.
 */
function lastPeriodFlags(reports: readonly DemoReport[], last: string): (r: DemoReport) => ReportIssue[] {
  const catalog = defaultIndicators.map((i) => ({ ...i, minValue: null, maxValue: null, active: true }));
  const history = new Map<string, { period: string; values: Record<string, number> }[]>();
  for (const r of reports) history.set(r.enterpriseId, [...(history.get(r.enterpriseId) ?? []), r]);
  const month = periodParts(last).month;
  return (r) => {
    if (r.period !== last) return [];
    const past = history.get(r.enterpriseId) ?? [];
    const lastMonth = past.find((h) => h.period === addMonths(last, -1))?.values;
    return plausibilityWarnings(catalog, r.values, { month, lastMonth, usualIncrement: usualIncrements(catalog, last, past), lastYearIncrement: monthIncrements(catalog, addMonths(last, -12), past) });
  };
}

/** 18:00 Beijing of a day. */
const shanghaiEvening = (day: string) => new Date(`${day}T18:00:00+08:00`);
