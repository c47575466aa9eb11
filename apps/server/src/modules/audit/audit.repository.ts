import { and, asc, desc, eq, gt, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Executor, Tx } from '../../db/pool';
import { auditLog } from './audit.tables';
import { insertRecordset } from '../../db/recordset';
import { GENESIS, entryHash, type Chained } from './audit.chain';

// One lock for the whole chain: entries get their predecessor's hash in commit order.
const CHAIN_LOCK = 7262002;

export type AuditFilter = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  result?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
};

/**
 * Appends entries in order under the chain lock, inside the caller's transaction or a transaction of
 * its own: the lock needs one and lasts until it ends. No savepoint in the caller's transaction: it
 * would only add two round trips while every other audited write waits for the lock. Many entries
 * (an import) cost one lock and a few multi-row inserts.
 */
const chainedColumns = ['at', 'actorId', 'actorName', 'ip', 'userAgent', 'action', 'targetType', 'targetId', 'result', 'summary', 'prevHash', 'hash'];

export async function appendEntries(executor: Executor, entries: Chained[], batch = 2000): Promise<void> {
  if (entries.length === 0) return;
  const inTransaction = (work: (tx: Tx) => Promise<void>) => (executor instanceof PgTransaction ? work(executor) : executor.transaction(work));
  await inTransaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    let prevHash = last?.hash ?? GENESIS;
    const rows = entries.map((entry) => {
      const row = { ...entry, prevHash, hash: entryHash(prevHash, entry) };
      prevHash = row.hash;
      return row;
    });
    if (rows.length === 1) await tx.insert(auditLog).values(rows);
    else await insertRecordset(tx, auditLog, chainedColumns, rows, { batch });
  });
}

function where(f: AuditFilter): SQL | undefined {
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
    f.to ? lte(auditLog.at, new Date(f.to)) : undefined,
    f.actor ? ilike(auditLog.actorName, `%${escape(f.actor)}%`) : undefined,
    f.action ? or(eq(auditLog.action, f.action), ilike(auditLog.action, `${escape(f.action)}%`)) : undefined,
    f.result ? eq(auditLog.result, f.result) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
  );
}

export async function listEntries(db: Db, f: AuditFilter, page: number, pageSize: number, ascending: boolean) {
  const w = where(f);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(w)
      .orderBy(ascending ? asc(auditLog.id) : desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Entries in id order, one batch at a time, for export and chain verification. */
export async function* scanEntries(db: Db, f: AuditFilter, batch = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(where(f), gt(auditLog.id, after)))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}
