import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { indicators } from './statistics.tables';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

export const listIndicators = (db: Executor) => db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code));

export async function findIndicator(db: Executor, code: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code)).for('update');
  return row;
}

export async function insertIndicator(db: Executor, row: NewIndicator): Promise<IndicatorRow | undefined> {
  const [created] = await db.insert(indicators).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateIndicator(db: Executor, code: string, patch: Partial<NewIndicator>): Promise<IndicatorRow> {
  const [row] = await db
    .update(indicators)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(indicators.code, code))
    .returning();
  return row!;
}
