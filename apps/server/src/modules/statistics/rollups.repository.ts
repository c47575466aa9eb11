import { and, eq, sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import { insertRecordset } from '../../db/recordset';
import { addMonths } from '@zhiyuan/core';
import type { Executor } from '../../db/pool';
import { statPeriods, statReports, statRollupRuns, statRollups, statRollupsDue } from './statistics.tables';

/** Same-period refreshes from several instances wait for each other instead of interleaving. */
const lockOf = (period: string) => sql`pg_advisory_xact_lock(7262100, ${Number(period.replace('-', ''))})`;

/**
 * Recomputes one period's rollups (DESIGN.md §6) with one aggregating SELECT: value and count from this
 * period's reports; the prior value is last year's value of the same group (each side over its own
 * enterprises), read from last year's rollups when they are current (periods are refreshed oldest
 * first), else summed from last year's reports; like-for-like over the enterprises with a value now
 * and a known prior (the restated figure, else last year's report). Last year's report is joined
 * once per report, not per value: joining the unnested values of both years made PostgreSQL sort
 * ~3 M pairs on disk (bench/README.md, refresh). Returned reports are left out: a statistician
 * refused them.
 */
export async function refreshPeriod(tx: Executor, period: string): Promise<number> {
  const prior = addMonths(period, -12);
  await tx.execute(sql`SELECT ${lockOf(period)}`);
  await tx.delete(statRollups).where(eq(statRollups.period, period));
  const current = await tx.execute<{ ok: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${statRollupRuns} WHERE period = ${prior}) AND NOT EXISTS (SELECT 1 FROM ${statRollupsDue} WHERE period = ${prior}) AS ok`);
  const thenGroups = current.rows[0]!.ok
    ? sql`SELECT park_id, industry_section, above_scale, indicator, value FROM ${statRollups} WHERE period = ${prior} AND value IS NOT NULL`
    : sql`SELECT l.park_id, l.industry_section, l.above_scale, v.key AS indicator, sum(v.value::numeric) AS value
          FROM last l CROSS JOIN LATERAL jsonb_each(l.values) v GROUP BY 1, 2, 3, 4`;
  // A SELECT, then an INSERT of its few thousand rows: PostgreSQL runs an INSERT … SELECT without
  // parallel workers, and the aggregation is where the time goes.
  const r = await tx.execute<{ park_id: string; industry_section: string; above_scale: boolean; indicator: string; value: string | null; prior_value: string | null; num: string | null; den: string | null; n: number }>(sql`
    WITH last AS (
      SELECT enterprise_id, park_id, industry_section, above_scale, values FROM ${statReports}
      WHERE period = ${prior} AND status <> 'returned'
    ), now_g AS (
      SELECT c.park_id, c.industry_section, c.above_scale, v.key AS indicator, sum(v.value::numeric) AS value,
        sum(v.value::numeric) FILTER (WHERE coalesce(c.prior -> v.key, l.values -> v.key) IS NOT NULL) AS num,
        sum(coalesce(c.prior -> v.key, l.values -> v.key)::numeric) AS den, count(*)::int AS n
      FROM ${statReports} c LEFT JOIN last l ON l.enterprise_id = c.enterprise_id
      CROSS JOIN LATERAL jsonb_each(c.values) v
      WHERE c.period = ${period} AND c.status <> 'returned'
      GROUP BY 1, 2, 3, 4
    ), then_g AS (${thenGroups})
    SELECT park_id, industry_section, above_scale, indicator, n.value, t.value AS prior_value, n.num, n.den, coalesce(n.n, 0) AS n
    FROM now_g n FULL JOIN then_g t USING (park_id, industry_section, above_scale, indicator)`);
  const groups = r.rows.map((g) => ({ period, parkId: g.park_id, industrySection: g.industry_section, aboveScale: g.above_scale, indicator: g.indicator, value: g.value, priorValue: g.prior_value, lflNumerator: g.num, lflDenominator: g.den, enterprises: g.n }));
  await insertRecordset(tx, statRollups, ['period', 'parkId', 'industrySection', 'aboveScale', 'indicator', 'value', 'priorValue', 'lflNumerator', 'lflDenominator', 'enterprises'], groups, { batch: 10_000 });
  const rows = groups.length;
  await tx
    .insert(statRollupRuns)
    .values({ period, refreshedAt: sql`now()` as never, rows })
    .onConflictDoUpdate({ target: statRollupRuns.period, set: { refreshedAt: sql`now()`, rows } });
  return rows;
}

/** Every period that has reports, or rollups to clear. */
export async function periodsWithData(db: Executor): Promise<string[]> {
  const r = await db.execute<{ period: string }>(sql`SELECT DISTINCT period FROM ${statReports} UNION SELECT period FROM ${statRollupRuns} ORDER BY 1`);
  return r.rows.map((x) => x.period);
}

/** Marks periods out of date, in the writer's transaction. */
export async function markDue(tx: Executor, periods: readonly string[]): Promise<void> {
  for (const period of periods)
    await tx
      .insert(statRollupsDue)
      .values({ period })
      .onConflictDoUpdate({ target: statRollupsDue.period, set: { generation: sql`${statRollupsDue.generation} + 1`, markedAt: sql`now()` } });
}

export const duePeriods = (db: Executor) => db.select().from(statRollupsDue).orderBy(statRollupsDue.period);

/** Clears a mark unless a write marked the period again meanwhile (then it is refreshed once more). */
export async function clearDue(tx: Executor, period: string, generation: number): Promise<void> {
  await tx.delete(statRollupsDue).where(and(eq(statRollupsDue.period, period), eq(statRollupsDue.generation, generation)));
}

export async function rollupStatus(db: Executor): Promise<{ pending: number; refreshedAt: Date | null }> {
  const r = await db.execute<{ pending: number; refreshed_at: Date | string | null }>(
    sql`SELECT (SELECT count(*)::int FROM ${statRollupsDue}) AS pending, (SELECT max(refreshed_at) FROM ${statRollupRuns}) AS refreshed_at`,
  );
  const row = r.rows[0]!;
  return { pending: row.pending, refreshedAt: row.refreshed_at ? new Date(row.refreshed_at) : null };
}

/** The newest closed period with figures (an open one is still incomplete), else the newest with figures. */
export async function latestRolledUp(db: Executor): Promise<string | null> {
  const r = await db.execute<{ p: string | null }>(sql`
    SELECT coalesce(max(r.period) FILTER (WHERE p.status = 'closed'), max(r.period)) AS p
    FROM ${statRollupRuns} r LEFT JOIN ${statPeriods} p ON p.period = r.period WHERE r.rows > 0`);
  return r.rows[0]?.p ?? null;
}

export type RollupFilter = { parkIds: readonly string[] | null; section?: string; aboveScale?: boolean; indicators?: readonly string[] };
export type GroupColumn = 'park' | 'section' | 'aboveScale' | 'none';
export type SumsRow = { period: string; key: string; indicator: string; value: number | null; priorValue: number | null; lflNumerator: number | null; lflDenominator: number | null; enterprises: number };

/**
 * Rollup sums per period × group × indicator. For park groups `parkGroup` maps every park id
 * (sub-parks included) to the group it counts in; rows of parks outside the map are left out.
 */
export async function sums(db: Executor, periods: readonly string[], by: GroupColumn, f: RollupFilter, parkGroup?: ReadonlyMap<string, string>): Promise<SumsRow[]> {
  const conditions: SQL[] = [sql`r.period = ANY(${arrayLiteral(periods)}::char(7)[])`];
  if (f.parkIds) conditions.push(sql`r.park_id = ANY(${arrayLiteral(f.parkIds)}::uuid[])`);
  if (f.section) conditions.push(sql`r.industry_section = ${f.section}`);
  if (f.aboveScale !== undefined) conditions.push(sql`r.above_scale = ${f.aboveScale}`);
  if (f.indicators) conditions.push(sql`r.indicator = ANY(${arrayLiteral(f.indicators)}::text[])`);
  let key: SQL;
  let join = sql``;
  if (by === 'park') {
    const entries = [...(parkGroup ?? new Map()).entries()];
    join = sql`JOIN unnest(${arrayLiteral(entries.map(([p]) => p))}::uuid[], ${arrayLiteral(entries.map(([, g]) => g))}::text[]) AS g(park_id, key) ON g.park_id = r.park_id`;
    key = sql`g.key`;
  } else key = by === 'section' ? sql`r.industry_section::text` : by === 'aboveScale' ? sql`r.above_scale::text` : sql`''`;
  const r = await db.execute<{ period: string; key: string; indicator: string; value: string | null; prior_value: string | null; num: string | null; den: string | null; n: number }>(sql`
    SELECT r.period, ${key} AS key, r.indicator, sum(r.value) AS value, sum(r.prior_value) AS prior_value, sum(r.lfl_numerator) AS num, sum(r.lfl_denominator) AS den, sum(r.enterprises)::int AS n
    FROM ${statRollups} r ${join} WHERE ${sql.join(conditions, sql` AND `)} GROUP BY 1, 2, 3`);
  const num = (v: string | null) => (v == null ? null : Number(v));
  return r.rows.map((x) => ({ period: x.period, key: x.key, indicator: x.indicator, value: num(x.value), priorValue: num(x.prior_value), lflNumerator: num(x.num), lflDenominator: num(x.den), enterprises: x.n }));
}
