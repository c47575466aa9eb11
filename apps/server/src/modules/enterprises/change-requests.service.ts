import type { ChangeRequest, KeyEnterpriseField } from '@zhiyuan/core';
import type { z } from 'zod';
import type { createChangeRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { duplicateUscc, type EnterprisesService } from './enterprises.service';
import { lockEnterprise } from './enterprises.repository';
import { uniqueAs } from '../../db/pg-errors';
import * as repo from './change-requests.repository';
import type { EnterpriseScope } from './enterprise-scope';

type Filter = { status?: ChangeRequest['status']; enterpriseId?: string };

const toChangeRequest = (r: repo.ChangeRequestRow, enterpriseName: string): ChangeRequest => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  enterpriseName,
  changes: r.changes,
  before: r.before,
  reason: r.reason,
  status: r.status,
  requestedBy: r.requestedByName,
  requestedAt: r.requestedAt.toISOString(),
  decidedBy: r.decidedByName,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  comment: r.comment,
});

/**
 * Key fields (name, USCC, park, industry) of an enterprise change only through a request the
 * enterprise files and park staff approve; approving applies it as an ordinary staff update.
 */
export function createChangeRequestsService(db: Db, audit: AuditService, enterprises: EnterprisesService, clock: () => Date) {
  async function listIn(scope: EnterpriseScope, f: Filter, page: number, pageSize: number) {
    const r = await repo.listChangeRequests(db, scope, f, page, pageSize);
    return { items: r.items.map((x) => toChangeRequest(x.r, x.enterpriseName)), total: r.total, page, pageSize };
  }

  return {
    async list(ctx: RequestContext, f: Filter, page: number, pageSize: number) {
      return listIn(await enterprises.scopeOf(ctx), f, page, pageSize);
    },

    async listFor(ctx: RequestContext, enterpriseId: string, page: number, pageSize: number) {
      const { scope } = await enterprises.visible(ctx, enterpriseId);
      return listIn(scope, { enterpriseId }, page, pageSize);
    },

    async create(ctx: RequestContext, enterpriseId: string, input: z.infer<typeof createChangeRequest>) {
      const { row } = await enterprises.visible(ctx, enterpriseId);
      const changes = Object.fromEntries(Object.entries(input.changes).filter(([k, v]) => v !== undefined && v !== row[k as KeyEnterpriseField])) as Record<string, string>;
      if (Object.keys(changes).length === 0) throw new AppError('VALIDATION_FAILED', '申请的内容与当前信息相同', [{ path: ['changes'], message: '没有需要变更的内容' }]);
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, String(row[k as KeyEnterpriseField])]));
      return db.transaction(async (tx) => {
        if (await repo.pendingFor(tx, enterpriseId)) throw new AppError('CONFLICT', '已有待审批的变更申请，请等待审批后再提交');
        const r = await repo.insertChangeRequest(tx, { enterpriseId, changes, before, reason: input.reason, requestedById: ctx.actor.id, requestedByName: ctx.actor.name });
        await audit.record(tx, ctx, { action: 'enterprise.changeRequest.create', targetType: 'enterprise', targetId: enterpriseId, summary: { changeRequestId: r.id, before, after: changes } });
        return toChangeRequest(r, row.name);
      });
    },

    async decide(ctx: RequestContext, id: string, input: { approve: boolean; comment?: string }) {
      const scope = await enterprises.scopeOf(ctx);
      const found = await repo.findChangeRequest(db, scope, id);
      if (!found) throw notFound('变更申请');
      const run = () =>
        db.transaction(async (tx) => {
          const locked = await repo.lockChangeRequest(tx, id);
          if (locked?.status !== 'pending') throw new AppError('CONFLICT', '该申请已处理');
          // Approving is an ordinary staff update (scope of a new park, uniqueness, audit) in the same transaction.
          if (input.approve) await enterprises.applyUpdate(tx, ctx, scope, (await lockEnterprise(tx, locked.enterpriseId))!, locked.changes);
          const r = await repo.decide(tx, id, { status: input.approve ? 'approved' : 'rejected', decidedById: ctx.actor.id, decidedByName: ctx.actor.name, decidedAt: clock(), comment: input.comment ?? null });
          await audit.record(tx, ctx, { action: input.approve ? 'enterprise.changeRequest.approve' : 'enterprise.changeRequest.reject', targetType: 'enterprise', targetId: r.enterpriseId, summary: { changeRequestId: id, comment: input.comment ?? null } });
          return toChangeRequest(r, found.enterpriseName);
        });
      return uniqueAs(run, duplicateUscc(found.r.changes.uscc));
    },
  };
}
export type ChangeRequestsService = ReturnType<typeof createChangeRequestsService>;
