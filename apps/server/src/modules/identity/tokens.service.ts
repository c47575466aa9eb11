import { adminRoles, type RoleCode } from '@zhiyuan/core';
import type { z } from 'zod';
import type { createTokenRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { Actor, RequestContext } from '../../context';
import { randomToken, sha256 } from '../../crypto/random';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { ParksService } from '../parks/parks.service';
import { coversAll } from '../parks/scope';
import * as repo from './identity.repository';

const MAX_LIFETIME_MS = 366 * 86_400_000;

export function createTokensService(db: Db, audit: AuditService, parks: ParksService, clock: () => Date = () => new Date()) {
  const toToken = (t: repo.TokenRow, createdBy: string) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    roles: t.roles as RoleCode[],
    parkIds: t.parkIds,
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    createdBy,
  });

  return {
    /** The actor behind a Bearer token: only live tokens, stored as sha256 so the database never holds one. */
    async authenticate(token: string): Promise<Actor | null> {
      const now = clock();
      const row = await repo.findLiveToken(db, sha256(token), now);
      if (!row) return null;
      await repo.touchToken(db, row.id, now);
      return { kind: 'token', id: row.id, name: `token:${row.name}`, roles: row.roles as RoleCode[], parkIds: row.parkIds, enterpriseId: null };
    },

    async list(ctx: RequestContext, page: number, pageSize: number) {
      const r = await repo.listTokens(db, await parks.scopeOf(ctx.actor), page, pageSize);
      return { items: r.items.map((x) => toToken(x.token, x.createdBy)), total: r.total, page, pageSize };
    },

    async create(ctx: RequestContext, input: z.infer<typeof createTokenRequest>) {
      if (input.roles.some((r) => adminRoles.includes(r))) throw new AppError('INVALID_ROLES', '访问令牌不能授予管理员角色', [{ path: ['roles'], message: '不能包含管理员角色' }]);
      if (!coversAll(await parks.scopeOf(ctx.actor), input.parkIds)) throw new AppError('NOT_FOUND', '所选园区不存在或不在您的权限范围内', [{ path: ['parkIds'], message: '园区不在权限范围内' }]);
      const expiresAt = new Date(input.expiresAt);
      const now = clock();
      if (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS) throw new AppError('VALIDATION_FAILED', '有效期须在当前时间之后且不超过一年', [{ path: ['expiresAt'], message: '有效期无效' }]);
      const token = `zy_${randomToken()}`;
      return db.transaction(async (tx) => {
        const row = await repo.insertToken(tx, { name: input.name, prefix: token.slice(0, 10), tokenHash: sha256(token), roles: input.roles, parkIds: input.parkIds, expiresAt, createdBy: ctx.actor.id! });
        await audit.record(tx, ctx, { action: 'token.create', targetType: 'token', targetId: row.id, summary: { after: { name: row.name, roles: row.roles, parkIds: row.parkIds, expiresAt: input.expiresAt } } });
        return { ...toToken(row, ctx.actor.name), token };
      });
    },

    async revoke(ctx: RequestContext, id: string): Promise<void> {
      const scope = await parks.scopeOf(ctx.actor);
      const existing = await repo.findToken(db, id);
      if (!existing || !coversAll(scope, existing.parkIds)) throw notFound('访问令牌');
      await db.transaction(async (tx) => {
        const row = await repo.revokeToken(tx, id, clock());
        if (!row) throw new AppError('CONFLICT', '该访问令牌已撤销');
        await audit.record(tx, ctx, { action: 'token.revoke', targetType: 'token', targetId: id, summary: { name: row.name } });
      });
    },
  };
}
export type TokensService = ReturnType<typeof createTokensService>;
