import type { Db, Executor } from '../../db/pool';
import type { RequestContext } from '../../context';
import { appendEntries, listEntries, scanEntries, type AuditFilter } from './audit.repository';
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

const entryOf = (ctx: RequestContext, input: AuditInput, at: Date) => ({
  at,
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

export function createAuditService(db: Db) {
  return {
    /** Call inside the transaction of the write it records, so both land or neither does. */
    async record(tx: Executor, ctx: RequestContext, input: AuditInput): Promise<void> {
      await appendEntries(tx, [entryOf(ctx, input, new Date())]);
    },

    /** Many entries of one action (an import's rows) in order, in the caller's transaction. */
    async recordMany(tx: Executor, ctx: RequestContext, inputs: AuditInput[]): Promise<void> {
      const at = new Date();
      await appendEntries(tx, inputs.map((input) => entryOf(ctx, input, at)));
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
