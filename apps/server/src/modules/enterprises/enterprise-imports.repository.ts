import { and, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { enterpriseImports } from './enterprises.tables';

const { items: _items, ...summaryColumns } = getTableColumns(enterpriseImports);
export type ImportRow = Omit<typeof enterpriseImports.$inferSelect, 'items'>;

export const insertImport = async (db: Executor, v: typeof enterpriseImports.$inferInsert): Promise<ImportRow> => (await db.insert(enterpriseImports).values(v).returning(summaryColumns))[0]!;

/** A batch of the given user (another user's batch is not found). */
export const findImport = async (db: Executor, id: string, userId: string | null): Promise<ImportRow | undefined> =>
  (await db.select(summaryColumns).from(enterpriseImports).where(and(eq(enterpriseImports.id, id), userId ? eq(enterpriseImports.userId, userId) : sql`false`)).limit(1))[0];

export const lockImport = async (tx: Executor, id: string) => (await tx.select().from(enterpriseImports).where(eq(enterpriseImports.id, id)).for('update').limit(1))[0];

/** A committed batch keeps its counts; its plan (tens of MB for a large file) is dropped. */
export const markCommitted = (tx: Executor, id: string, at: Date) => tx.update(enterpriseImports).set({ status: 'committed', committedAt: at, items: [] }).where(eq(enterpriseImports.id, id));

/** Previews nobody committed within their time to live. */
export const deleteStalePreviews = (db: Executor, before: Date) => db.delete(enterpriseImports).where(and(eq(enterpriseImports.status, 'previewed'), lt(enterpriseImports.createdAt, before)));

type ItemView = { row: number; uscc: string; name: string; action: 'create' | 'update' | 'unchanged'; fields: { field: string; label: string; before: unknown; after: unknown }[] };

/** One page of a batch's rows, in file order, without the values to be written. */
export async function pageOfItems(db: Executor, id: string, action: string | undefined, page: number, pageSize: number) {
  const rows = sql`FROM ${enterpriseImports}, jsonb_array_elements(${enterpriseImports.items}) WITH ORDINALITY AS x(e, n)
    WHERE ${enterpriseImports.id} = ${id} AND (${action ?? null}::text IS NULL OR e->>'action' = ${action ?? null}::text)`;
  const [items, count] = await Promise.all([
    db.execute<{ item: ItemView }>(sql`SELECT e - 'values' - 'version' - 'movedInOn' AS item ${rows} ORDER BY n LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total ${rows}`),
  ]);
  return { items: items.rows.map((x) => x.item), total: count.rows[0]?.total ?? 0, page, pageSize };
}
