import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import type { ParkScope } from '../parks/scope';

/**
 * Conditions on a work order aliased `o` (raw SQL, for the set-based queries of the rates and the
 * supervision list). The caller's park scope always applies; the other filters narrow it.
 */
export type OrderFilter = {
  /** The requested park and its sub-parks (already checked against the scope). */
  parkIds?: readonly string[];
  /** Lead department. */
  departmentId?: string;
  assigneeId?: string;
  /** Department staff: orders whose lead or co-handling department is this one (null: none at all). */
  handledBy?: string | null;
};

const uuids = (ids: readonly string[]) => sql`${arrayLiteral(ids)}::uuid[]`;

export function orderConditions(scope: ParkScope, f: OrderFilter = {}): SQL {
  const parts: SQL[] = [];
  if (!scope.all) parts.push(scope.ids.size ? sql`o.park_id = ANY(${uuids([...scope.ids])})` : sql`false`);
  if (f.parkIds) parts.push(f.parkIds.length ? sql`o.park_id = ANY(${uuids(f.parkIds)})` : sql`false`);
  if (f.departmentId) parts.push(sql`o.department_id = ${f.departmentId}::uuid`);
  if (f.assigneeId) parts.push(sql`o.assignee_id = ${f.assigneeId}::uuid`);
  if (f.handledBy === null) parts.push(sql`false`);
  else if (f.handledBy)
    parts.push(sql`(o.department_id = ${f.handledBy}::uuid OR EXISTS (SELECT 1 FROM work_order_co_handlers c WHERE c.order_id = o.id AND c.department_id = ${f.handledBy}::uuid))`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

/** A timestamptz parameter (a bare parameter in VALUES or CASE would be text). */
export const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Asia/Shanghai month of an instant column, 'YYYY-MM'. */
export const shanghaiMonth = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

/**
 * A timestamptz of a raw `db.execute` row: drizzle leaves them as PostgreSQL's text
 * ('2025-03-10 01:00:00.5+00'), which is made ISO here before Date reads it.
 */
export function instant(v: Date | string): Date;
export function instant(v: Date | string | null): Date | null;
export function instant(v: Date | string | null): Date | null {
  if (v == null || v instanceof Date) return v;
  return new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** The named timestamp fields of raw rows as Dates. */
export function withInstants<T extends Record<string, unknown>>(rows: readonly T[], keys: readonly (keyof T)[]): T[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const k of keys) out[k as string] = instant(r[k] as Date | string | null);
    return out as T;
  });
}
