import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/pool';
import { changeRequests, enterprises } from './enterprises.tables';
import { scopeFilter } from './enterprises.repository';
import type { EnterpriseScope } from './enterprise-scope';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;

export async function listChangeRequests(db: Db, scope: EnterpriseScope, f: { status?: ChangeRequestRow['status']; enterpriseId?: string }, page: number, pageSize: number) {
  const where = and(scopeFilter(scope), f.status ? eq(changeRequests.status, f.status) : undefined, f.enterpriseId ? eq(changeRequests.enterpriseId, f.enterpriseId) : undefined);
  // Pending first, then the newest.
  const order = sql`(${changeRequests.status} = 'pending') DESC, ${changeRequests.requestedAt} DESC`;
  const [items, [count]] = await Promise.all([
    db.select({ r: changeRequests, enterpriseName: enterprises.name }).from(changeRequests).innerJoin(enterprises, eq(enterprises.id, changeRequests.enterpriseId)).where(where).orderBy(order, desc(changeRequests.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(changeRequests).innerJoin(enterprises, eq(enterprises.id, changeRequests.enterpriseId)).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export const findChangeRequest = async (db: Executor, scope: EnterpriseScope, id: string) =>
  (await db.select({ r: changeRequests, enterpriseName: enterprises.name }).from(changeRequests).innerJoin(enterprises, eq(enterprises.id, changeRequests.enterpriseId)).where(and(eq(changeRequests.id, id), scopeFilter(scope))).limit(1))[0];

export const lockChangeRequest = async (tx: Executor, id: string) => (await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update').limit(1))[0];

export const pendingFor = async (db: Executor, enterpriseId: string) =>
  (await db.select({ id: changeRequests.id }).from(changeRequests).where(and(eq(changeRequests.enterpriseId, enterpriseId), eq(changeRequests.status, 'pending'))).limit(1))[0];

export const insertChangeRequest = async (tx: Executor, v: typeof changeRequests.$inferInsert) => (await tx.insert(changeRequests).values(v).returning())[0]!;
export const decide = async (tx: Executor, id: string, v: Partial<typeof changeRequests.$inferInsert>) => (await tx.update(changeRequests).set(v).where(eq(changeRequests.id, id)).returning())[0]!;
