// Reports, their versions, periods and reminders. Reads of the registry (names, parks, statuses of
// enterprises) join the enterprises table read-only: the review list pages over enterprises that
// have not reported, which no call to the enterprises service could page.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import { addMonths, type ReportIssue } from '@zhiyuan/core';
import type { Executor } from '../../db/pool';
import { insertRecordset } from '../../db/recordset';
import { enterprises } from '../enterprises/enterprises.tables';
import { statPeriods, statReminders, statReports, statReportVersions, type StoredValues } from './statistics.tables';

export type ReportRow = typeof statReports.$inferSelect;
export type VersionRow = typeof statReportVersions.$inferSelect;
export type PeriodRow = typeof statPeriods.$inferSelect;
export type ReportSource = ReportRow['source'];

/** What a report needs from the registry. */
export type ReportingEnterprise = { id: string; uscc: string; name: string; parkId: string; industryCode: string; industrySection: string; aboveScale: boolean; status: string };

const enterpriseColumns = {
  id: enterprises.id,
  uscc: enterprises.uscc,
  name: enterprises.name,
  parkId: enterprises.parkId,
  industryCode: enterprises.industryCode,
  industrySection: enterprises.industrySection,
  aboveScale: enterprises.aboveScale,
  status: enterprises.status,
};

export async function enterprisesByUscc(db: Executor, usccs: readonly string[]): Promise<ReportingEnterprise[]> {
  const out: ReportingEnterprise[] = [];
  for (let i = 0; i < usccs.length; i += 10_000) out.push(...(await db.select(enterpriseColumns).from(enterprises).where(inArray(enterprises.uscc, usccs.slice(i, i + 10_000) as string[]))));
  return out;
}

export async function enterpriseById(db: Executor, id: string): Promise<ReportingEnterprise | undefined> {
  const [row] = await db.select(enterpriseColumns).from(enterprises).where(eq(enterprises.id, id));
  return row;
}

// ---------------------------------------------------------------- periods

export async function findPeriod(db: Executor, period: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(statPeriods).where(eq(statPeriods.period, period));
  return row;
}

export async function lockPeriod(db: Executor, period: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(statPeriods).where(eq(statPeriods.period, period)).for('update');
  return row;
}

export async function upsertPeriod(db: Executor, row: typeof statPeriods.$inferInsert): Promise<PeriodRow> {
  const [saved] = await db
    .insert(statPeriods)
    .values(row)
    .onConflictDoUpdate({ target: statPeriods.period, set: { status: row.status, dueOn: row.dueOn, closedAt: row.closedAt ?? null, closedBy: row.closedBy ?? null } })
    .returning();
  return saved!;
}

export const periodRows = (db: Executor, from: string, to: string) =>
  db.select().from(statPeriods).where(sql`${statPeriods.period} BETWEEN ${from} AND ${to}`);

/** The oldest period with a report or a period row (where the period list starts). */
export async function firstPeriod(db: Executor): Promise<string | null> {
  const r = await db.execute<{ p: string | null }>(sql`SELECT least((SELECT min(period) FROM ${statReports}), (SELECT min(period) FROM ${statPeriods})) AS p`);
  return r.rows[0]?.p ?? null;
}

/** Reports per period among the given parks (all parks when null). */
export async function reportCounts(db: Executor, from: string, to: string, parkIds: readonly string[] | null): Promise<Map<string, number>> {
  const rows = await db
    .select({ period: statReports.period, n: sql<number>`count(*)::int` })
    .from(statReports)
    .where(and(sql`${statReports.period} BETWEEN ${from} AND ${to}`, parkIds ? inArray(statReports.parkId, parkIds as string[]) : undefined))
    .groupBy(statReports.period);
  return new Map(rows.map((r) => [r.period, r.n]));
}

/** Enterprises expected to report: registered and not gone (moved out or deregistered). */
const expectedFilter = (parkIds: readonly string[] | null): SQL =>
  and(inArray(enterprises.status, ['active', 'relocating']), parkIds ? inArray(enterprises.parkId, parkIds as string[]) : undefined)!;

/**
 * Enterprises expected to report each period, as the review list counts them: those registered and
 * not gone, plus those gone since that did report the period.
 */
export async function expectedCounts(db: Executor, from: string, to: string, parkIds: readonly string[] | null): Promise<(period: string) => number> {
  const [active] = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(expectedFilter(parkIds));
  const gone = await db
    .select({ period: statReports.period, n: sql<number>`count(*)::int` })
    .from(statReports)
    .innerJoin(enterprises, eq(enterprises.id, statReports.enterpriseId))
    .where(and(sql`${statReports.period} BETWEEN ${from} AND ${to}`, sql`${enterprises.status} NOT IN ('active', 'relocating')`, parkIds ? inArray(statReports.parkId, parkIds as string[]) : undefined))
    .groupBy(statReports.period);
  const goneIn = new Map(gone.map((g) => [g.period, g.n]));
  return (period) => (active?.n ?? 0) + (goneIn.get(period) ?? 0);
}

// ---------------------------------------------------------------- reports

export async function reportsOf(db: Executor, period: string, enterpriseIds: readonly string[]): Promise<Map<string, ReportRow>> {
  const out = new Map<string, ReportRow>();
  for (let i = 0; i < enterpriseIds.length; i += 10_000) {
    const ids = enterpriseIds.slice(i, i + 10_000);
    for (const r of await db.select().from(statReports).where(and(eq(statReports.period, period), sql`${statReports.enterpriseId} = ANY(${arrayLiteral(ids)}::uuid[])`))) out.set(r.enterpriseId, r);
  }
  return out;
}

/**
 * The values each enterprise reported in the given periods (for plausibility checks and the form).
 * One statement per period, so that the planner looks the ids up on the unique key: over several
 * periods at once it expected a fifth of the table and read all of it (bench/README.md, import).
 */
export async function valuesIn(db: Executor, periods: readonly string[], enterpriseIds: readonly string[]): Promise<{ enterpriseId: string; period: string; values: StoredValues }[]> {
  const out: { enterpriseId: string; period: string; values: StoredValues }[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 10_000) {
    const ids = arrayLiteral(enterpriseIds.slice(i, i + 10_000));
    const found = await Promise.all(
      periods.map((period) =>
        db
          .select({ enterpriseId: statReports.enterpriseId, period: statReports.period, values: statReports.values })
          .from(statReports)
          .where(and(eq(statReports.period, period), sql`${statReports.enterpriseId} = ANY(${ids}::uuid[])`)),
      ),
    );
    out.push(...found.flat());
  }
  return out;
}

export type ReportWrite = {
  enterpriseId: string;
  period: string;
  parkId: string;
  industryCode: string;
  industrySection: string;
  aboveScale: boolean;
  values: StoredValues;
  prior: StoredValues;
  flags: ReportIssue[];
  late: boolean;
  source: ReportSource;
  submittedBy: string;
};

/**
 * Creates or replaces reports: a replaced report keeps the park and industry it was first
 * reported under, gets the next version and goes back to review.
 */
export async function upsertReports(tx: Executor, rows: readonly ReportWrite[]): Promise<{ id: string; enterprise_id: string; version: number }[]> {
  const keys = ['enterpriseId', 'period', 'parkId', 'industryCode', 'industrySection', 'aboveScale', 'values', 'prior', 'flags', 'late', 'source', 'submittedBy'];
  return insertRecordset(tx, statReports, keys, rows, {
    onConflict: sql`ON CONFLICT (enterprise_id, period) DO UPDATE SET values = excluded.values, prior = excluded.prior, flags = excluded.flags,
      late = excluded.late, source = excluded.source, submitted_by = excluded.submitted_by, submitted_at = now(), status = 'submitted',
      version = ${statReports}.version + 1, reviewed_at = NULL, reviewed_by = NULL, review_comment = NULL`,
    returning: ['id', 'enterprise_id', 'version'],
  });
}

export async function insertVersions(tx: Executor, rows: readonly (typeof statReportVersions.$inferInsert)[]): Promise<void> {
  await insertRecordset(tx, statReportVersions, ['reportId', 'version', 'values', 'prior', 'source', 'late', 'revision', 'reason', 'submittedBy'], rows);
}

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(statReports).where(eq(statReports.id, id));
  return row;
}

export async function lockReport(tx: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(statReports).where(eq(statReports.id, id)).for('update');
  return row;
}

export const versionsOf = (db: Executor, reportId: string) => db.select().from(statReportVersions).where(eq(statReportVersions.reportId, reportId)).orderBy(desc(statReportVersions.version));

export async function setReview(tx: Executor, id: string, status: 'accepted' | 'returned', by: string, comment: string | null): Promise<ReportRow> {
  const [row] = await tx.update(statReports).set({ status, reviewedAt: sql`now()`, reviewedBy: by, reviewComment: comment }).where(eq(statReports.id, id)).returning();
  return row!;
}

export const seriesOf = (db: Executor, enterpriseId: string, from: string, to: string) =>
  db
    .select()
    .from(statReports)
    .where(and(eq(statReports.enterpriseId, enterpriseId), sql`${statReports.period} BETWEEN ${from} AND ${to}`))
    .orderBy(asc(statReports.period));

// ---------------------------------------------------------------- review list and reminders

export type ReportingFilter = { period: string; parkIds: readonly string[] | null; state?: 'missing' | 'submitted' | 'accepted' | 'returned'; flagged?: boolean; q?: string };

const reportJoin = (period: string) => sql`LEFT JOIN ${statReports} r ON r.enterprise_id = ${enterprises.id} AND r.period = ${period}`;

/** Enterprises expected to report, plus any enterprise that did report (even one that has left since). */
function reportingWhere(f: ReportingFilter): SQL {
  const scope = f.parkIds ? sql`coalesce(r.park_id, ${enterprises.parkId}) = ANY(${arrayLiteral(f.parkIds)}::uuid[])` : sql`true`;
  const state = f.state === 'missing' ? sql`r.id IS NULL` : f.state ? sql`r.status = ${f.state}` : sql`true`;
  const flagged = f.flagged === undefined ? sql`true` : f.flagged ? sql`jsonb_array_length(r.flags) > 0` : sql`coalesce(jsonb_array_length(r.flags), 0) = 0`;
  const q = f.q ? sql`(${enterprises.name} ILIKE ${`%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} OR ${enterprises.uscc} = ${f.q.toUpperCase()})` : sql`true`;
  return sql`(r.id IS NOT NULL OR ${enterprises.status} IN ('active', 'relocating')) AND ${scope} AND ${state} AND ${flagged} AND ${q}`;
}

export async function reportingPage(db: Executor, f: ReportingFilter, page: number, pageSize: number) {
  const where = reportingWhere(f);
  const rows = await db.execute<{
    enterprise_id: string;
    name: string;
    uscc: string;
    park_id: string;
    report_id: string | null;
    status: string | null;
    late: boolean | null;
    flag_count: number | null;
    submitted_at: Date | string | null;
  }>(sql`SELECT ${enterprises.id} AS enterprise_id, ${enterprises.name} AS name, ${enterprises.uscc} AS uscc, coalesce(r.park_id, ${enterprises.parkId}) AS park_id,
      r.id AS report_id, r.status, r.late, jsonb_array_length(r.flags) AS flag_count, r.submitted_at
    FROM ${enterprises} ${reportJoin(f.period)} WHERE ${where}
    ORDER BY (r.id IS NULL) DESC, jsonb_array_length(r.flags) DESC NULLS LAST, ${enterprises.name}, ${enterprises.id}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const counts = await db.execute<{ missing: number; submitted: number; accepted: number; returned: number; flagged: number; total: number }>(sql`
    SELECT count(*) FILTER (WHERE r.id IS NULL)::int AS missing, count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted, count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
      count(*) FILTER (WHERE jsonb_array_length(r.flags) > 0)::int AS flagged,
      count(*) FILTER (WHERE ${where})::int AS total
    FROM ${enterprises} ${reportJoin(f.period)} WHERE ${reportingWhere({ period: f.period, parkIds: f.parkIds, q: f.q })}`);
  return { rows: rows.rows, counts: counts.rows[0]! };
}

/** Enterprises in the parks that have not reported the period (whom a reminder goes to). */
export async function missingEnterprises(db: Executor, period: string, parkIds: readonly string[] | null): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`SELECT ${enterprises.id} AS id FROM ${enterprises} ${reportJoin(period)} WHERE r.id IS NULL AND ${expectedFilter(parkIds)}`);
  return r.rows.map((x) => x.id);
}

export async function insertReminders(tx: Executor, period: string, enterpriseIds: readonly string[], by: string): Promise<void> {
  await insertRecordset(tx, statReminders, ['period', 'enterpriseId', 'sentBy'], enterpriseIds.map((enterpriseId) => ({ period, enterpriseId, sentBy: by })));
}

export async function reminderCounts(db: Executor, period: string, enterpriseIds: readonly string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .select({ id: statReminders.enterpriseId, n: sql<number>`count(*)::int` })
    .from(statReminders)
    .where(and(eq(statReminders.period, period), inArray(statReminders.enterpriseId, enterpriseIds as string[])))
    .groupBy(statReminders.enterpriseId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---------------------------------------------------------------- enterprise rankings

export type RankingFilter = { parkIds: readonly string[] | null; section?: string; aboveScale?: boolean };
export type RankingRow = { report_id: string; enterprise_id: string; name: string; park_id: string; industry_section: string; values: StoredValues; prior: StoredValues; last: StoredValues | null };

/**
 * This period's reports (not returned) with the enterprise's report a year earlier, filtered like
 * the figures. `order` (an SQL expression over value/prior) and `limit` cut it in the database
 * for a reported indicator; a derived one is evaluated by the caller over every row.
 */
export async function rankingRows(db: Executor, period: string, f: RankingFilter, indicator: string | null, order?: { by: 'value' | 'growth' | 'change'; dir: 'asc' | 'desc'; limit: number }): Promise<RankingRow[]> {
  const conditions: SQL[] = [sql`r.period = ${period}`, sql`r.status <> 'returned'`];
  if (f.parkIds) conditions.push(sql`r.park_id = ANY(${arrayLiteral(f.parkIds)}::uuid[])`);
  if (f.section) conditions.push(sql`r.industry_section = ${f.section}`);
  if (f.aboveScale !== undefined) conditions.push(sql`r.above_scale = ${f.aboveScale}`);
  if (indicator) conditions.push(sql`r.values ? ${indicator}`);
  let tail = sql``;
  if (indicator && order) {
    const value = sql`(r.values ->> ${indicator})::numeric`;
    const prior = sql`coalesce((r.prior ->> ${indicator})::numeric, (l.values ->> ${indicator})::numeric)`;
    const expr = order.by === 'value' ? value : order.by === 'change' ? sql`(${value} - ${prior})` : sql`(${value} / nullif(${prior}, 0) - 1)`;
    tail = sql`ORDER BY ${expr} ${sql.raw(order.dir === 'asc' ? 'ASC' : 'DESC')} NULLS LAST, e.name LIMIT ${order.limit}`;
  }
  const r = await db.execute<RankingRow>(sql`
    SELECT r.id AS report_id, r.enterprise_id, e.name, r.park_id, r.industry_section::text AS industry_section, r.values, r.prior, l.values AS last
    FROM ${statReports} r JOIN ${enterprises} e ON e.id = r.enterprise_id
    LEFT JOIN ${statReports} l ON l.enterprise_id = r.enterprise_id AND l.period = ${addMonths(period, -12)}
    WHERE ${sql.join(conditions, sql` AND `)} ${tail}`);
  return r.rows;
}

/** Enterprises expected to report, by USCC, in batches (the import template lists them). */
export async function* expectedEnterprises(db: Executor, parkIds: readonly string[] | null): AsyncGenerator<{ uscc: string; name: string }[]> {
  let after = '';
  for (;;) {
    const batch = await db
      .select({ uscc: enterprises.uscc, name: enterprises.name })
      .from(enterprises)
      .where(and(expectedFilter(parkIds), sql`${enterprises.uscc} > ${after}`))
      .orderBy(asc(enterprises.uscc))
      .limit(2000);
    if (batch.length === 0) return;
    yield batch;
    after = batch.at(-1)!.uscc;
  }
}

// ---------------------------------------------------------------- by qualification

/**
 * Sums per period × qualification kind × indicator over the reports of enterprises that held a
 * valid qualification of that kind at the period's end (an enterprise may count under several
 * kinds, so the groups do not add up to the zone). Read from the reports, not the rollups: a
 * qualification is not a dimension of the rollups (ADR 0008). The like-for-like base is the
 * restated prior, else the enterprise's report a year earlier.
 */
export async function qualificationSums(db: Executor, periods: readonly string[], f: RankingFilter, indicators: readonly string[]) {
  const conditions: SQL[] = [sql`r.period = ANY(${arrayLiteral(periods)}::char(7)[])`, sql`r.status <> 'returned'`, sql`v.key = ANY(${arrayLiteral(indicators)}::text[])`];
  if (f.parkIds) conditions.push(sql`r.park_id = ANY(${arrayLiteral(f.parkIds)}::uuid[])`);
  if (f.section) conditions.push(sql`r.industry_section = ${f.section}`);
  if (f.aboveScale !== undefined) conditions.push(sql`r.above_scale = ${f.aboveScale}`);
  const periodEnd = sql`(to_date(r.period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date`;
  const yearAgo = sql`to_char(to_date(r.period || '-01', 'YYYY-MM-DD') - interval '12 months', 'YYYY-MM')`;
  const prior = sql`coalesce((r.prior -> v.key)::numeric, (l.values -> v.key)::numeric)`;
  const r = await db.execute<{ period: string; key: string; indicator: string; value: string | null; num: string | null; den: string | null; n: number }>(sql`
    SELECT r.period, q.kind AS key, v.key AS indicator, sum(v.value::numeric) AS value,
      sum(v.value::numeric) FILTER (WHERE ${prior} IS NOT NULL) AS num, sum(${prior}) AS den, count(DISTINCT r.enterprise_id)::int AS n
    FROM ${statReports} r
    JOIN enterprise_qualifications q ON q.enterprise_id = r.enterprise_id AND q.valid_from <= ${periodEnd} AND (q.valid_to IS NULL OR q.valid_to >= ${periodEnd})
    CROSS JOIN LATERAL jsonb_each(r.values) v
    LEFT JOIN ${statReports} l ON l.enterprise_id = r.enterprise_id AND l.period = ${yearAgo}
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY 1, 2, 3`);
  const num = (x: string | null) => (x == null ? null : Number(x));
  return r.rows.map((x) => ({ period: x.period, key: x.key, indicator: x.indicator, value: num(x.value), lflNumerator: num(x.num), lflDenominator: num(x.den), enterprises: x.n }));
}
