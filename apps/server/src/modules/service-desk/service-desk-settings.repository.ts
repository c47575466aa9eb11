import { asc, eq, sql } from 'drizzle-orm';
import { defaultWorkOrderCategories } from '@zhiyuan/core';
import { notifyChange } from '../../db/change-feed';
import type { Executor } from '../../db/pool';
import { users } from '../identity/identity.tables';
import { workOrderCategories, workOrderDeadlineRules } from './service-desk.tables';

export type CategoryRow = typeof workOrderCategories.$inferSelect;
export type RuleRow = typeof workOrderDeadlineRules.$inferSelect & { updatedByName: string | null };

/** The whole tree, flat; small enough to read whole (paths and subtrees are computed in core). */
export const listCategories = (ex: Executor) => ex.select().from(workOrderCategories).orderBy(asc(workOrderCategories.sortOrder), asc(workOrderCategories.name));

export const findCategory = async (ex: Executor, id: string) => (await ex.select().from(workOrderCategories).where(eq(workOrderCategories.id, id)).limit(1))[0];

export const insertCategory = async (tx: Executor, v: typeof workOrderCategories.$inferInsert) => (await tx.insert(workOrderCategories).values(v).returning())[0]!;

export const updateCategory = async (tx: Executor, id: string, v: Partial<typeof workOrderCategories.$inferInsert>) =>
  (await tx.update(workOrderCategories).set(v).where(eq(workOrderCategories.id, id)).returning())[0]!;

export const deleteCategory = (tx: Executor, id: string) => tx.delete(workOrderCategories).where(eq(workOrderCategories.id, id));

export const childCount = async (ex: Executor, id: string) =>
  (await ex.select({ n: sql<number>`count(*)::int` }).from(workOrderCategories).where(eq(workOrderCategories.parentId, id)))[0]?.n ?? 0;

/**
 * The default top-level categories, once, on an empty table (every start calls it; an edited tree is
 * left alone). Other instances may remember the empty tree: they are told.
 */
export async function seedDefaultCategories(tx: Executor): Promise<number> {
  const [any] = await tx.select({ id: workOrderCategories.id }).from(workOrderCategories).limit(1);
  if (any) return 0;
  await tx.insert(workOrderCategories).values(defaultWorkOrderCategories.map((name, i) => ({ name, sortOrder: (i + 1) * 10 })));
  await notifyChange(tx, 'serviceDeskSettings');
  return defaultWorkOrderCategories.length;
}

const ruleColumns = {
  type: workOrderDeadlineRules.type,
  priority: workOrderDeadlineRules.priority,
  responseHours: workOrderDeadlineRules.responseHours,
  resolveWorkingDays: workOrderDeadlineRules.resolveWorkingDays,
  updatedAt: workOrderDeadlineRules.updatedAt,
  updatedBy: workOrderDeadlineRules.updatedBy,
};

export const listRules = (ex: Executor): Promise<RuleRow[]> =>
  ex
    .select({ ...ruleColumns, updatedByName: users.displayName })
    .from(workOrderDeadlineRules)
    .leftJoin(users, eq(users.id, workOrderDeadlineRules.updatedBy));

export const upsertRule = (tx: Executor, v: typeof workOrderDeadlineRules.$inferInsert) =>
  tx
    .insert(workOrderDeadlineRules)
    .values(v)
    .onConflictDoUpdate({ target: [workOrderDeadlineRules.type, workOrderDeadlineRules.priority], set: { responseHours: v.responseHours, resolveWorkingDays: v.resolveWorkingDays, updatedAt: v.updatedAt, updatedBy: v.updatedBy } });
