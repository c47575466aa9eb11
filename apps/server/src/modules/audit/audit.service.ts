import type { Db, Executor } from '../../db/pool';
import type { RequestContext } from '../../context';
import { appendEntry, listEntries, scanEntries, type AuditFilter } from './audit.repository';
import { GENESIS, entryHash } from './audit.chain';

export type AuditInput = {
  action: string;
  targetType?: string;
  targetId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  /** A before/after summary; never passwords, tokens or other secrets. */
  summary?: unknown;
};

type Row = Awaited<ReturnType<typeof listEntries>>['items'][number];

export const toAuditEntry = (r: Row) => ({
  id: String(r.id),
  at: r.at.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  ip: r.ip,
  userAgent: r.userAgent,
  action: r.action,
  targetType: r.targetType,
  targetId: r.targetId,
  result: r.result,
  summary: r.summary ?? null,
});

export function createAuditService(db: Db) {
  return {
    /** Call inside the transaction of the write it records, so both land or neither does. */
    async record(tx: Executor, ctx: RequestContext, input: AuditInput): Promise<void> {
      await appendEntry(tx, {
        at: new Date(),
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 512) ?? null,
        action: input.action,
        targetType: input.targetType ?? null,
        targetId: input.targetId ?? null,
        result: input.result ?? 'success',
        summary: input.summary ?? null,
      });
    },

    async list(filter: AuditFilter, page: number, pageSize: number, sort?: string) {
      const { items, total } = await listEntries(db, filter, page, pageSize, sort === 'at' || sort === 'id');
      return { items: items.map(toAuditEntry), total, page, pageSize };
    },

    scan: (filter: AuditFilter) => scanEntries(db, filter),

    /** Recomputes the chain from the first entry; reports the first entry whose hash does not follow. */
    async verify(): Promise<{ ok: boolean; checked: number; firstBrokenId: string | null }> {
      let prev = GENESIS;
      let checked = 0;
      for await (const rows of scanEntries(db, {})) {
        for (const r of rows) {
          if (r.prevHash !== prev || entryHash(prev, r) !== r.hash) return { ok: false, checked, firstBrokenId: String(r.id) };
          prev = r.hash;
          checked++;
        }
      }
      return { ok: true, checked, firstBrokenId: null };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
