import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { savedFilters } from './enterprises.tables';

export type SavedFilterRow = typeof savedFilters.$inferSelect;

// Saved filters belong to one user: every query takes the owner.
export const listSavedFilters = (db: Executor, userId: string, module: string) =>
  db.select().from(savedFilters).where(and(eq(savedFilters.userId, userId), eq(savedFilters.module, module))).orderBy(asc(savedFilters.name));
export const insertSavedFilter = async (db: Executor, v: typeof savedFilters.$inferInsert) => (await db.insert(savedFilters).values(v).returning())[0]!;
export const deleteSavedFilter = async (db: Executor, userId: string, id: string) =>
  (await db.delete(savedFilters).where(and(eq(savedFilters.id, id), eq(savedFilters.userId, userId))).returning({ id: savedFilters.id })).length > 0;
