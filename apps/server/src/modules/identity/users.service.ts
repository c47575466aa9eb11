import { adminRoles, roleSetProblem, type CreateUserRequest, type RoleCode, type UpdateUserRequest, type User } from '@zhiyuan/core';
import type { Db, Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import { hashPassword } from '../../crypto/password-hash';
import type { FieldCipher } from '../../crypto/field-cipher';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, forbidden, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { touched } from '../audit/summary';
import type { ParksService } from '../parks/parks.service';
import { coversAll, type ParkScope } from '../parks/scope';
import * as repo from './identity.repository';
import { assertAcceptablePassword } from './password-rules';
import type { SecuritySettingsService } from './security-settings';
import type { SessionCache } from './session-cache';

const holdsAdminRole = (roles: readonly string[]) => roles.some((r) => adminRoles.includes(r as RoleCode));
const maskMobile = (m: string) => m.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2');

/** Whether an enterprise exists within a park scope (from the enterprises module). */
export type EnterpriseLookup = (scope: ParkScope, enterpriseId: string) => Promise<boolean>;

export function createUsersService(db: Db, audit: AuditService, parks: ParksService, settings: SecuritySettingsService, cipher: FieldCipher, sessions: SessionCache, enterpriseInScope: EnterpriseLookup, clock: () => Date = () => new Date()) {
  const toUser = (u: repo.UserRow, showMobile: boolean): User => {
    const mobile = u.mobileEnc ? cipher.decrypt(u.mobileEnc) : null;
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      mobile: mobile && !showMobile ? maskMobile(mobile) : mobile,
      email: u.email,
      status: u.status,
      roles: u.roles as RoleCode[],
      parkIds: u.parkIds,
      enterpriseId: u.enterpriseId,
      departmentId: u.departmentId,
      mustChangePassword: u.mustChangePassword,
      lockedUntil: u.lockedUntil && u.lockedUntil > clock() ? u.lockedUntil.toISOString() : null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
    };
  };

  /** A user the caller may see: out of scope is 404, never 403, so ids are not confirmed. */
  async function visibleUser(ctx: RequestContext, id: string): Promise<{ user: repo.UserRow; scope: ParkScope }> {
    const scope = await parks.scopeOf(ctx.actor);
    const user = await repo.userInScope(db, scope, id);
    if (!user) throw notFound('用户');
    return { user, scope };
  }

  function assertParks(scope: ParkScope, parkIds: readonly string[]) {
    if (parkIds.length > 0 && !coversAll(scope, parkIds)) throw new AppError('NOT_FOUND', '所选园区不存在或不在您的权限范围内', [{ path: ['parkIds'], message: '园区不在权限范围内' }]);
    if (parkIds.length === 0 && !scope.all) throw new AppError('VALIDATION_FAILED', '请为用户选择所属园区', [{ path: ['parkIds'], message: '请选择园区' }]);
  }

  /** An enterprise account is linked to an enterprise of the creator's parks. */
  async function assertEnterprise(scope: ParkScope, enterpriseId: string | null | undefined) {
    if (enterpriseId && !(await enterpriseInScope(scope, enterpriseId)))
      throw new AppError('NOT_FOUND', '所选企业不存在或不在您的权限范围内', [{ path: ['enterpriseId'], message: '企业不存在或不在权限范围内' }]);
  }

  /** A department inside the user's parks; department staff must have one (it decides which work orders they see). */
  async function assertDepartment(roles: readonly string[], parkIds: readonly string[], departmentId: string | null | undefined) {
    if (roles.includes('department_staff') && !departmentId) throw new AppError('VALIDATION_FAILED', '部门工作人员须选择所属部门', [{ path: ['departmentId'], message: '请选择部门' }]);
    if (departmentId && !(await parks.departmentInParks(parkIds, departmentId)))
      throw new AppError('VALIDATION_FAILED', '所选部门不存在或不在该用户的园区内', [{ path: ['departmentId'], message: '部门不在用户的园区内' }]);
  }

  function assertRoles(roles: RoleCode[]) {
    const problem = roleSetProblem(roles);
    if (problem) throw new AppError('INVALID_ROLES', problem, [{ path: ['roles'], message: problem }]);
  }

  /** 三权分立: an administrator account is managed by the security admin only, never by the system admin. */
  function assertMayManage(ctx: RequestContext, target: repo.UserRow) {
    if (holdsAdminRole(target.roles) && !ctx.actor.roles.includes('secadmin')) throw new AppError('FORBIDDEN', '管理员账号（系统、安全、审计）只能由安全管理员管理');
  }

  /** One user change: the row is re-read and locked inside the transaction, so checks see what is written over. */
  async function changeOne(ctx: RequestContext, id: string, action: string, work: (user: repo.UserRow, tx: Tx) => Promise<{ user: repo.UserRow; summary: unknown }>) {
    await visibleUser(ctx, id);
    return db.transaction(async (tx) => {
      const user = (await repo.findUserForUpdate(tx, id))!;
      assertMayManage(ctx, user);
      const result = await work(user, tx);
      // Roles, scope, status and password all live in resumed sessions: none may be served stale.
      await sessions.invalidate(tx, { userId: id });
      await audit.record(tx, ctx, { action, targetType: 'user', targetId: id, summary: result.summary });
      return toUser(result.user, true);
    });
  }

  return {
    async list(ctx: RequestContext, f: repo.UserFilter, page: number, pageSize: number, sort?: string) {
      const r = await repo.listUsers(db, await parks.scopeOf(ctx.actor), f, page, pageSize, sort);
      return { items: r.items.map((u) => toUser(u, false)), total: r.total, page, pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      return toUser((await visibleUser(ctx, id)).user, true);
    },

    async create(ctx: RequestContext, input: CreateUserRequest): Promise<User> {
      const scope = await parks.scopeOf(ctx.actor);
      assertRoles(input.roles);
      // The system admin may only set up the first holder of each administrator role (a fresh install).
      if (holdsAdminRole(input.roles) && !ctx.actor.roles.includes('secadmin') && (await repo.roleHeld(db, input.roles[0]!))) {
        throw new AppError('FORBIDDEN', '管理员账号（系统、安全、审计）只能由安全管理员创建');
      }
      const parkIds = input.parkIds ?? [];
      assertParks(scope, parkIds);
      if (input.roles.includes('enterprise') && !input.enterpriseId) throw new AppError('VALIDATION_FAILED', '企业用户必须关联企业', [{ path: ['enterpriseId'], message: '请选择企业' }]);
      await assertEnterprise(scope, input.enterpriseId);
      await assertDepartment(input.roles, parkIds, input.departmentId);
      await assertAcceptablePassword(input.password, input.username, await settings.get());
      const passwordHash = await hashPassword(input.password);
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const user = await repo.insertUser(tx, {
              username: input.username,
              displayName: input.displayName,
              mobileEnc: input.mobile ? cipher.encrypt(input.mobile) : null,
              email: input.email ?? null,
              roles: input.roles,
              parkIds,
              enterpriseId: input.enterpriseId ?? null,
              departmentId: input.departmentId ?? null,
              passwordHash,
              mustChangePassword: input.mustChangePassword ?? false,
            });
            await repo.insertPasswordHistory(tx, user.id, passwordHash);
            await audit.record(tx, ctx, { action: 'user.create', targetType: 'user', targetId: user.id, summary: { after: { username: user.username, displayName: user.displayName, roles: user.roles, parkIds, enterpriseId: user.enterpriseId, departmentId: user.departmentId } } });
            return toUser(user, true);
          }),
        () => new AppError('DUPLICATE', `用户名 ${input.username} 已被使用`, [{ path: ['username'], message: '用户名已存在' }]),
      );
    },

    async update(ctx: RequestContext, id: string, patch: UpdateUserRequest) {
      const scope = await parks.scopeOf(ctx.actor);
      if (patch.parkIds) assertParks(scope, patch.parkIds);
      await assertEnterprise(scope, patch.enterpriseId);
      if (id === ctx.actor.id && patch.status === 'disabled') throw new AppError('CONFLICT', '不能停用自己的账号');
      return changeOne(ctx, id, 'user.update', async (before, tx) => {
        if (patch.departmentId !== undefined || patch.parkIds) await assertDepartment(before.roles, patch.parkIds ?? before.parkIds, patch.departmentId === undefined ? before.departmentId : patch.departmentId);
        const { mobile, ...rest } = patch;
        const user = await repo.updateUser(tx, id, { ...rest, ...(mobile !== undefined ? { mobileEnc: mobile ? cipher.encrypt(mobile) : null } : {}) });
        if (patch.status === 'disabled') await repo.deleteUserSessions(tx, id);
        const shown = (u: repo.UserRow) => ({ ...touched(toUser(u, false), patch) });
        return { user, summary: { before: shown(before), after: shown(user) } };
      });
    },

    /** Nobody changes their own roles; granting or removing an administrator role is the security admin's. */
    async setRoles(ctx: RequestContext, id: string, roles: RoleCode[]) {
      if (id === ctx.actor.id) throw new AppError('FORBIDDEN', '不能修改自己的角色');
      assertRoles(roles);
      return changeOne(ctx, id, 'user.roles', async (before, tx) => {
        if (holdsAdminRole(roles) && !ctx.actor.roles.includes('secadmin')) throw forbidden();
        if (roles.includes('department_staff')) await assertDepartment(roles, before.parkIds, before.departmentId);
        const user = await repo.updateUser(tx, id, { roles });
        await repo.deleteUserSessions(tx, id);
        return { user, summary: { before: { roles: before.roles }, after: { roles } } };
      });
    },

    async resetPassword(ctx: RequestContext, id: string, password: string) {
      if (id === ctx.actor.id) throw new AppError('FORBIDDEN', '不能重置自己的密码，请使用“修改密码”');
      const { user } = await visibleUser(ctx, id);
      await assertAcceptablePassword(password, user.username, await settings.get());
      const passwordHash = await hashPassword(password);
      return changeOne(ctx, id, 'user.password.reset', async (_before, tx) => {
        const updated = await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: clock(), mustChangePassword: true, lockedUntil: null });
        await repo.insertPasswordHistory(tx, id, passwordHash);
        const ended = await repo.deleteUserSessions(tx, id);
        return { user: updated, summary: { mustChangePassword: true, sessionsEnded: ended } };
      });
    },

    async endSessions(ctx: RequestContext, id: string) {
      return changeOne(ctx, id, 'user.sessions.end', async (user, tx) => ({ user, summary: { sessionsEnded: await repo.deleteUserSessions(tx, id) } }));
    },

    async unlock(ctx: RequestContext, id: string) {
      return changeOne(ctx, id, 'user.unlock', async (before, tx) => ({ user: await repo.updateUser(tx, id, { lockedUntil: null }), summary: { before: { lockedUntil: before.lockedUntil?.toISOString() ?? null } } }));
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
