import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/pool';
import { enterprises, qualificationKinds, qualifications } from './enterprises.tables';
import { scopeFilter } from './enterprises.repository';
import type { EnterpriseScope } from './enterprise-scope';

export type QualificationRow = typeof qualifications.$inferSelect;
export type KindRow = typeof qualificationKinds.$inferSelect;

export const listKinds = (db: Executor) => db.select().from(qualificationKinds).orderBy(asc(qualificationKinds.sort), asc(qualificationKinds.code));
export const findKind = async (db: Executor, code: string) => (await db.select().from(qualificationKinds).where(eq(qualificationKinds.code, code)).limit(1))[0];
export const insertKind = async (tx: Executor, v: typeof qualificationKinds.$inferInsert) => (await tx.insert(qualificationKinds).values(v).returning())[0]!;
export const updateKind = async (tx: Executor, code: string, v: Partial<typeof qualificationKinds.$inferInsert>) =>
  (await tx.update(qualificationKinds).set(v).where(eq(qualificationKinds.code, code)).returning())[0]!;

export const listQualifications = (db: Executor, enterpriseId: string) =>
  db.select().from(qualifications).where(eq(qualifications.enterpriseId, enterpriseId)).orderBy(sql`${qualifications.validTo} DESC NULLS FIRST`, asc(qualifications.kind));
export const findQualification = async (db: Executor, enterpriseId: string, id: string) =>
  (await db.select().from(qualifications).where(and(eq(qualifications.id, id), eq(qualifications.enterpriseId, enterpriseId))).limit(1))[0];
export const insertQualification = async (tx: Executor, v: typeof qualifications.$inferInsert) => (await tx.insert(qualifications).values(v).returning())[0]!;
export const updateQualification = async (tx: Executor, id: string, v: Partial<typeof qualifications.$inferInsert>) =>
  (await tx.update(qualifications).set({ ...v, updatedAt: new Date() }).where(eq(qualifications.id, id)).returning())[0]!;
export const deleteQualification = (tx: Executor, id: string) => tx.delete(qualifications).where(eq(qualifications.id, id));

export type ExpiringFilter = { from: string; to: string; parkIds?: string[]; kind?: string };

function expiringWhere(scope: EnterpriseScope, f: ExpiringFilter) {
  return and(
    scopeFilter(scope),
    gte(qualifications.validTo, f.from),
    lte(qualifications.validTo, f.to),
    f.parkIds ? sql`${enterprises.parkId} = ANY(${f.parkIds}::uuid[])` : undefined,
    f.kind ? eq(qualifications.kind, f.kind) : undefined,
  );
}

const expiringColumns = { q: qualifications, enterpriseName: enterprises.name, uscc: enterprises.uscc, parkId: enterprises.parkId };

/** Qualifications whose validity ends between the two dates, soonest first, in the caller's scope. */
export async function listExpiring(db: Db, scope: EnterpriseScope, f: ExpiringFilter, page: number, pageSize: number) {
  const where = expiringWhere(scope, f);
  const [items, [count]] = await Promise.all([
    db
      .select(expiringColumns)
      .from(qualifications)
      .innerJoin(enterprises, eq(enterprises.id, qualifications.enterpriseId))
      .where(where)
      .orderBy(asc(qualifications.validTo), asc(enterprises.name), asc(qualifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(qualifications).innerJoin(enterprises, eq(enterprises.id, qualifications.enterpriseId)).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** The whole expiring list for an export (bounded by the date window). */
export const allExpiring = (db: Db, scope: EnterpriseScope, f: ExpiringFilter) =>
  db.select(expiringColumns).from(qualifications).innerJoin(enterprises, eq(enterprises.id, qualifications.enterpriseId)).where(expiringWhere(scope, f)).orderBy(asc(qualifications.validTo), asc(enterprises.name)).limit(100_000);
