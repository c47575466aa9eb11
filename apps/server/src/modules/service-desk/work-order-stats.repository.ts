// The three rates in SQL (ADR 0009, core's work-order-rates.ts header): one pass over the orders of the
// window with count(*) FILTER, the window reached through three range scans (created, closed, rated).
import { satisfiedRating, type RateName, type StatsGroupBy } from '@zhiyuan/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { arrayLiteral } from '../../db/array-literal';
import { openStatusPredicate } from './service-desk.tables';
import { at, shanghaiMonth, withInstants } from './order-filters';

export type RateWindowAt = { from: Date; to: Date; now: Date };

export type RateCountsRow = {
  key: string | null;
  total: number;
  responseDen: number;
  responseNum: number;
  resolutionDen: number;
  resolutionNum: number;
  satisfactionDen: number;
  satisfactionNum: number;
};

const within = (column: SQL, w: RateWindowAt) => sql`${column} >= ${at(w.from)} AND ${column} < ${at(w.to)}`;

/**
 * Orders with any of the three events in the window. `status = 'closed'` is literal so the partial
 * closed index serves its branch; a closed_at outside 'closed' never counts anyway (reopen clears it).
 */
const anyEventWithin = (w: RateWindowAt) =>
  sql`((${within(sql`o.created_at`, w)}) OR (o.status = 'closed' AND ${within(sql`o.closed_at`, w)}) OR (${within(sql`o.rated_at`, w)}))`;

/**
 * In the response rate's denominator: responded, or past the deadline while still waiting — by now,
 * or by its withdrawal for one withdrawn unanswered (LEAST ignores a NULL disposed_at; every other
 * disposition is a response).
 */
const responseMember = (w: RateWindowAt) => sql`(o.responded_at IS NOT NULL OR o.response_due_at < LEAST(${at(w.now)}, o.disposed_at))`;

/** The seven counts; `on` says, per rate, whether the row's event belongs to the window. */
function counts(w: RateWindowAt, on: Record<'created' | 'closed' | 'rated', SQL>): SQL {
  return sql`
    count(*) FILTER (WHERE ${on.created}) AS "total",
    count(*) FILTER (WHERE ${on.created} AND ${responseMember(w)}) AS "responseDen",
    count(*) FILTER (WHERE ${on.created} AND o.responded_at <= o.response_due_at) AS "responseNum",
    count(*) FILTER (WHERE ${on.closed}) AS "resolutionDen",
    count(*) FILTER (WHERE ${on.closed} AND o.solved) AS "resolutionNum",
    count(*) FILTER (WHERE ${on.rated}) AS "satisfactionDen",
    count(*) FILTER (WHERE ${on.rated} AND o.rating >= ${satisfiedRating}) AS "satisfactionNum"`;
}

const keyOf: Record<Exclude<StatsGroupBy, 'month'>, SQL> = {
  department: sql`o.department_id::text`,
  officer: sql`o.assignee_id::text`,
  park: sql`o.park_id::text`,
};

/**
 * Counts over the window, in total (`groupBy` undefined: one row, key null) or per group. A group is
 * the order's current park, lead department or assignee; by month, each rate counts in the Shanghai
 * month of its own event (creation, closing, rating), so an order may add to three months.
 */
export async function rateCounts(db: Executor, where: SQL, w: RateWindowAt, groupBy?: StatsGroupBy): Promise<RateCountsRow[]> {
  if (groupBy === 'month') {
    // Each order expands to its events within the window; ev 1 = created, 2 = closed, 3 = rated.
    const ev = (n: number) => sql`e.ev = ${sql.raw(String(n))}`;
    const r = await db.execute<RateCountsRow>(sql`
      SELECT ${shanghaiMonth(sql`e.at`)} AS key, ${counts(w, { created: ev(1), closed: ev(2), rated: ev(3) })}
      FROM work_orders o
      CROSS JOIN LATERAL (VALUES (1, o.created_at), (2, CASE WHEN o.status = 'closed' THEN o.closed_at END), (3, o.rated_at)) AS e(ev, at)
      WHERE ${anyEventWithin(w)} AND ${where} AND ${within(sql`e.at`, w)}
      GROUP BY 1 ORDER BY 1`);
    return r.rows;
  }
  const key = groupBy ? keyOf[groupBy] : sql`NULL::text`;
  const r = await db.execute<RateCountsRow>(sql`
    SELECT ${key} AS key, ${counts(w, {
      created: within(sql`o.created_at`, w),
      closed: sql`o.status = 'closed' AND ${within(sql`o.closed_at`, w)}`,
      rated: within(sql`o.rated_at`, w),
    })}
    FROM work_orders o
    WHERE ${anyEventWithin(w)} AND ${where}
    ${groupBy ? sql`GROUP BY 1` : sql``}`);
  return r.rows;
}

/** Open orders past a deadline now (any window), and supervision records opened in the window. */
export async function overdueAndSupervisions(db: Executor, where: SQL, w: RateWindowAt): Promise<{ overdueNow: number; supervisions: number }> {
  const r = await db.execute<{ overdueNow: number; supervisions: number }>(sql`
    SELECT
      (SELECT count(*) FROM work_orders o WHERE ${where}
         AND ((o.status = 'submitted' AND o.response_due_at < ${at(w.now)}) OR (${openStatusPredicate} AND o.resolve_due_at < ${at(w.now)}))) AS "overdueNow",
      (SELECT count(*) FROM work_order_supervisions s JOIN work_orders o ON o.id = s.order_id
         WHERE ${within(sql`s.created_at`, w)} AND ${where}) AS "supervisions"`);
  return r.rows[0]!;
}

/**
 * Who is in a rate's denominator and who in its numerator (core's rateOutcome): the event that
 * places the order in the window, membership, and "counted".
 */
export const rateMembership = (w: RateWindowAt): Record<RateName, { event: SQL; member: SQL; counted: SQL }> => ({
  response: { event: sql`o.created_at`, member: responseMember(w), counted: sql`coalesce(o.responded_at <= o.response_due_at, false)` },
  resolution: { event: sql`o.closed_at`, member: sql`o.status = 'closed'`, counted: sql`o.solved IS TRUE` },
  satisfaction: { event: sql`o.rated_at`, member: sql`o.rating IS NOT NULL`, counted: sql`o.rating >= ${satisfiedRating}` },
});

export type DrillDownRow = {
  id: string;
  number: string;
  type: string;
  channel: string;
  priority: string;
  status: string;
  title: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  parkId: string;
  categoryId: string | null;
  departmentId: string | null;
  departmentName: string | null;
  assigneeId: string | null;
  createdAt: Date;
  updatedAt: Date;
  respondedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  disposedAt: Date | null;
  responseDueAt: Date;
  resolveDueAt: Date;
  solved: boolean | null;
  rating: number | null;
  reopenCount: number;
  supervised: boolean;
  counted: boolean;
};

export const drillDownSort: Record<string, string> = {
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
  responseDueAt: 'o.response_due_at',
  resolveDueAt: 'o.resolve_due_at',
  number: 'o.number',
  status: 'o.status',
  priority: 'o.priority',
  rating: 'o.rating',
};

/**
 * The orders behind one rate in the window (optionally one month of its event), counted, against
 * or both, with the names a list shows. `limit` undefined: all of them (the export).
 */
export async function drillDown(
  db: Executor,
  where: SQL,
  w: RateWindowAt,
  q: { rate: RateName; outcome: 'against' | 'counted' | 'all'; orderBy: SQL; limit?: number; offset?: number },
): Promise<{ items: DrillDownRow[]; total: number }> {
  const m = rateMembership(w)[q.rate];
  const outcome = q.outcome === 'all' ? sql`true` : q.outcome === 'counted' ? m.counted : sql`NOT ${m.counted}`;
  const filter = sql`${within(m.event, w)} AND ${m.member} AND ${outcome} AND ${where}`;
  const page = q.limit != null ? sql`LIMIT ${q.limit} OFFSET ${q.offset ?? 0}` : sql``;
  const [items, total] = await Promise.all([
    db.execute<DrillDownRow>(sql`
      SELECT o.id, o.number, o.type, o.channel, o.priority, o.status, o.title, o.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
        o.park_id AS "parkId", o.category_id AS "categoryId", o.department_id AS "departmentId", d.name AS "departmentName", o.assignee_id AS "assigneeId",
        o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.responded_at AS "respondedAt", o.replied_at AS "repliedAt", o.closed_at AS "closedAt",
        o.disposed_at AS "disposedAt", o.response_due_at AS "responseDueAt", o.resolve_due_at AS "resolveDueAt", o.solved, o.rating,
        o.reopen_count AS "reopenCount", o.supervised, ${m.counted} AS counted
      FROM work_orders o LEFT JOIN enterprises e ON e.id = o.enterprise_id LEFT JOIN departments d ON d.id = o.department_id
      WHERE ${filter}
      ORDER BY ${q.orderBy}, o.id
      ${page}`),
    q.limit != null ? db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM work_orders o WHERE ${filter}`) : null,
  ]);
  const rows = withInstants(items.rows, ['createdAt', 'updatedAt', 'respondedAt', 'repliedAt', 'closedAt', 'disposedAt', 'responseDueAt', 'resolveDueAt']);
  return { items: rows, total: total ? total.rows[0]!.n : rows.length };
}

/** Names of departments (the parks module's table, read-only). */
export async function departmentNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM departments WHERE id = ANY(${arrayLiteral(ids)}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
