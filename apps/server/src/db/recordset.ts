import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './pool';

export type RecordsetOptions = {
  /** SQL defaults for NOT NULL columns a row may leave out (a plain INSERT would apply the table's). */
  defaults?: Record<string, string>;
  /** e.g. sql`ON CONFLICT (uscc) DO UPDATE SET …` */
  onConflict?: SQL;
  batch?: number;
};

/**
 * Multi-row INSERT of many rows, each batch sent as one jsonb parameter and expanded by
 * jsonb_to_recordset. Binding every value separately through the query builder (30,000 rows ×
 * 30 columns) costs more CPU than PostgreSQL's own work (bench/README.md, enterprise import).
 * `keys` are the table's property names to write; returns the `returning` columns of every row.
 */
export async function insertRecordset<R extends Record<string, unknown> = Record<string, never>>(
  tx: Executor,
  table: PgTable,
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
  opts: RecordsetOptions & { returning?: string[] } = {},
): Promise<R[]> {
  const all = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const columns = keys.map((k) => [k, all[k]!] as const);
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const recordType = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType().replace(/^bigserial$/, 'bigint')}`).join(', '));
  const values = sql.raw(columns.map(([, c]) => (opts.defaults?.[c.name] ? `coalesce(r."${c.name}", ${opts.defaults[c.name]})` : `r."${c.name}"`)).join(', '));
  const returning = opts.returning?.length ? sql.raw(`RETURNING ${opts.returning.map((n) => `"${n}"`).join(', ')}`) : sql``;
  const out: R[] = [];
  const batch = opts.batch ?? 2000;
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(rows.slice(i, i + batch).map((row) => Object.fromEntries(columns.map(([k, c]) => [c.name, row[k] ?? null]))));
    const r = await tx.execute<R>(sql`INSERT INTO ${table} (${names}) SELECT ${values} FROM jsonb_to_recordset(${json}::jsonb) AS r(${recordType}) ${opts.onConflict ?? sql``} ${returning}`);
    out.push(...(r.rows as R[]));
  }
  return out;
}
