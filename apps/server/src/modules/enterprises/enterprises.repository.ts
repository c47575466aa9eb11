import { and, asc, eq, getTableColumns, gt, ilike, inArray, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { EnterpriseFilter } from '@zhiyuan/core';
import type { Db, Executor } from '../../db/pool';
import { likePattern, orderFrom } from '../../db/paging';
import { insertRecordset } from '../../db/recordset';
import { enterprises, qualifications, statusEvents } from './enterprises.tables';
import type { EnterpriseScope } from './enterprise-scope';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'searchGrams'>;
export type StatusEventRow = typeof statusEvents.$inferSelect;

/** Which enterprises the caller may see: its own (enterprise users) or those of its parks. */
export function scopeFilter(scope: EnterpriseScope): SQL | undefined {
  if (scope.kind === 'own') return scope.enterpriseId ? eq(enterprises.id, scope.enterpriseId) : sql`false`;
  if (scope.parks.all) return undefined;
  return scope.parks.ids.size ? inArray(enterprises.parkId, [...scope.parks.ids]) : sql`false`;
}

/** A qualification of the kind valid on `today`. */
const holdsQualification = (kind: string, today: string) => sql`EXISTS (
  SELECT 1 FROM ${qualifications} q WHERE q.enterprise_id = ${enterprises.id} AND q.kind = ${kind}
  AND q.valid_from <= ${today} AND (q.valid_to IS NULL OR q.valid_to >= ${today}))`;

const wholeUscc = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

/**
 * Partial match on name, former names or USCC (ADR 0006): the bigram index narrows and ILIKE
 * confirms. Two characters are one bigram, so the index alone is exact; a whole USCC is an equality.
 */
function textMatch(q: string): SQL {
  if (wholeUscc.test(q)) return eq(enterprises.uscc, q.toUpperCase());
  const p = likePattern(q);
  const confirm = or(ilike(enterprises.name, p), ilike(enterprises.uscc, p), sql`array_to_string(${enterprises.formerNames}, '|') ILIKE ${p}`)!;
  const compact = q.replace(/\s+/g, '');
  if (compact.length < 2) return confirm;
  const grams = sql`${enterprises.searchGrams} @> enterprise_search_grams(${q}, '{}'::text[], '')`;
  return compact.length === 2 && compact === q ? grams : and(grams, confirm)!;
}

/** Text searches count matches up to this many. */
export const COUNT_CAP = 1000;

export type ListFilter = Omit<EnterpriseFilter, 'parkId'> & { parkIds?: string[] };

function filterWhere(scope: EnterpriseScope, f: ListFilter, today: string): SQL | undefined {
  return and(
    scopeFilter(scope),
    f.q ? textMatch(f.q) : undefined,
    f.parkIds ? inArray(enterprises.parkId, f.parkIds.length ? f.parkIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    f.industry ? (/^[A-T]$/.test(f.industry) ? eq(enterprises.industrySection, f.industry) : sql`${enterprises.industryCode} LIKE ${`${f.industry}%`}`) : undefined,
    f.qualification ? holdsQualification(f.qualification, today) : undefined,
    f.status?.length ? inArray(enterprises.status, f.status) : undefined,
    f.tag ? sql`${enterprises.tags} @> ARRAY[${f.tag}]::text[]` : undefined,
    f.officerId ? eq(enterprises.serviceOfficerId, f.officerId) : undefined,
    f.aboveScale !== undefined ? eq(enterprises.aboveScale, f.aboveScale) : undefined,
    f.emergingIndustry ? eq(enterprises.emergingIndustry, f.emergingIndustry) : undefined,
    f.listingStage ? eq(enterprises.listingStage, f.listingStage) : undefined,
  );
}

const sortable = {
  name: enterprises.name,
  uscc: enterprises.uscc,
  industryCode: enterprises.industryCode,
  status: enterprises.status,
  establishedOn: enterprises.establishedOn,
  registeredCapital: enterprises.registeredCapital,
  headcount: enterprises.headcount,
  updatedAt: enterprises.updatedAt,
  createdAt: enterprises.createdAt,
};

export async function listEnterprises(db: Db, scope: EnterpriseScope, f: ListFilter, today: string, page: number, pageSize: number, sort?: string) {
  const where = filterWhere(scope, f, today);
  // With a search text, shorter names containing it come first; otherwise the latest changes.
  const order = sort ? [orderFrom(sort, sortable, sql`${enterprises.updatedAt} DESC`), enterprises.id] : f.q ? [sql`length(${enterprises.name})`, enterprises.name, enterprises.id] : [sql`${enterprises.updatedAt} DESC`, enterprises.id];
  // A search for a common fragment (科技) can match most of the registry: beyond COUNT_CAP the total is "more than".
  const counted = f.q ? db.select({ n: sql<number>`1` }).from(enterprises).where(where).limit(COUNT_CAP + 1) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    counted ? db.select({ n: sql<number>`count(*)::int` }).from(counted.as('c')) : db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where),
  ]);
  const n = count?.n ?? 0;
  const capped = !!counted && n > COUNT_CAP;
  return { items, total: capped ? COUNT_CAP : n, totalCapped: capped };
}

/** Every matching enterprise in id order, one batch at a time (exports). */
export async function* scanEnterprises(db: Db, scope: EnterpriseScope, f: ListFilter, today: string, batch = 2000) {
  let after: string | null = null;
  for (;;) {
    const rows: EnterpriseRow[] = await db
      .select()
      .from(enterprises)
      .where(and(filterWhere(scope, f, today), after ? gt(enterprises.id, after) : undefined))
      .orderBy(asc(enterprises.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export const findEnterprise = async (db: Executor, scope: EnterpriseScope, id: string) =>
  (await db.select().from(enterprises).where(and(eq(enterprises.id, id), scopeFilter(scope))).limit(1))[0];

export const lockEnterprise = async (tx: Executor, id: string) => (await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update').limit(1))[0];

/** Rows by USCC with their version (updated_at as exact text) for an import's optimistic check. */
export async function findByUsccsWithVersion(db: Executor, usccs: string[]) {
  if (usccs.length === 0) return [];
  return db
    .select({ ...getTableColumns(enterprises), version: sql<string>`${enterprises.updatedAt}::text` })
    .from(enterprises)
    .where(inArray(enterprises.uscc, usccs));
}

/** Versions of the rows, locked until the end of the transaction (an import's commit). */
export async function lockVersions(tx: Executor, usccs: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 5000) {
    const rows = await tx
      .select({ uscc: enterprises.uscc, version: sql<string>`${enterprises.updatedAt}::text` })
      .from(enterprises)
      .where(inArray(enterprises.uscc, usccs.slice(i, i + 5000)))
      .for('update');
    for (const r of rows) out.set(r.uscc, r.version);
  }
  return out;
}

export const insertEnterprise = async (tx: Executor, v: NewEnterprise) => (await tx.insert(enterprises).values(v).returning())[0]!;

export const updateEnterprise = async (tx: Executor, id: string, v: Partial<NewEnterprise>) =>
  (await tx.update(enterprises).set({ ...v, updatedAt: new Date() }).where(eq(enterprises.id, id)).returning())[0]!;

/** Inserts or replaces whole rows by USCC, a batch per statement (imports). */
/** Inserts or replaces whole rows by USCC (imports), a few thousand per statement. */
export async function upsertEnterprises(tx: Executor, rows: NewEnterprise[]): Promise<{ id: string; uscc: string }[]> {
  const columns = Object.entries(getTableColumns(enterprises)).filter(([k]) => !['id', 'searchGrams', 'createdAt', 'updatedAt'].includes(k));
  const updates = sql.raw([...columns.filter(([k]) => k !== 'uscc').map(([, c]) => `"${c.name}" = excluded."${c.name}"`), 'updated_at = now()'].join(', '));
  return insertRecordset<{ id: string; uscc: string }>(
    tx,
    enterprises,
    columns.map(([k]) => k),
    rows,
    { defaults: enterpriseDefaults, onConflict: sql`ON CONFLICT (uscc) DO UPDATE SET ${updates}`, returning: ['id', 'uscc'] },
  );
}

/** SQL defaults of the NOT NULL columns an imported row may leave out (see enterprises.tables.ts). */
const enterpriseDefaults: Record<string, string> = {
  former_names: `'{}'::text[]`,
  above_scale: 'false',
  listing_stage: `'none'`,
  contacts: `'[]'::jsonb`,
  tags: `'{}'::text[]`,
  status: `'active'`,
};

/** The tags in use within the scope, most used first (the tag filter's choices). */
export async function tagsInUse(db: Db, scope: EnterpriseScope, limit = 200) {
  const r = await db.execute<{ tag: string; count: number }>(sql`
    SELECT t AS tag, count(*)::int AS count FROM ${enterprises}, unnest(${enterprises.tags}) AS t
    WHERE ${scopeFilter(scope) ?? sql`true`} GROUP BY t ORDER BY count(*) DESC, t LIMIT ${limit}`);
  return r.rows;
}

/** Enterprises of the park whose comparison key equals the name's (near-identical names). */
export const similarByKey = (db: Executor, parkId: string, nameKey: string, excludeId?: string) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
    .from(enterprises)
    .where(and(eq(enterprises.parkId, parkId), eq(enterprises.nameKey, nameKey), excludeId ? sql`${enterprises.id} <> ${excludeId}` : undefined))
    .limit(10);

/** Kinds of the qualifications valid on `today`, per enterprise. */
export async function validKindsOf(db: Executor, enterpriseIds: string[], today: string): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (enterpriseIds.length === 0) return map;
  const rows = await db
    .selectDistinct({ enterpriseId: qualifications.enterpriseId, kind: qualifications.kind })
    .from(qualifications)
    .where(and(inArray(qualifications.enterpriseId, enterpriseIds), lte(qualifications.validFrom, today), or(isNull(qualifications.validTo), gte(qualifications.validTo, today))))
    .orderBy(qualifications.kind);
  for (const r of rows) map.set(r.enterpriseId, [...(map.get(r.enterpriseId) ?? []), r.kind]);
  return map;
}

export const listStatusEvents = (db: Executor, enterpriseId: string) =>
  db.select().from(statusEvents).where(eq(statusEvents.enterpriseId, enterpriseId)).orderBy(sql`${statusEvents.on} DESC, ${statusEvents.createdAt} DESC`);

export const insertStatusEvents = (tx: Executor, rows: (typeof statusEvents.$inferInsert)[]) =>
  insertRecordset(tx, statusEvents, ['enterpriseId', 'kind', 'on', 'destination', 'note', 'actorId', 'actorName'], rows);

export const insertStatusEvent = async (tx: Executor, v: typeof statusEvents.$inferInsert) => (await tx.insert(statusEvents).values(v).returning())[0]!;

/** First moved-in date per enterprise (exports). */
export async function movedInDates(db: Executor, enterpriseIds: string[]): Promise<Map<string, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .select({ enterpriseId: statusEvents.enterpriseId, on: sql<string>`min(${statusEvents.on})::text` })
    .from(statusEvents)
    .where(and(inArray(statusEvents.enterpriseId, enterpriseIds), eq(statusEvents.kind, 'moved_in')))
    .groupBy(statusEvents.enterpriseId);
  return new Map(rows.map((r) => [r.enterpriseId, r.on]));
}
