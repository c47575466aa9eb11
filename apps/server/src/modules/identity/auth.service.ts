import { permissionsOf, type RoleCode, type SessionUser } from '@zhiyuan/core';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool';
import type { Actor, RequestContext } from '../../context';
import { dummyHash, hashPassword, verifyPassword } from '../../crypto/password-hash';
import { randomToken, sha256 } from '../../crypto/random';
import { AppError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import * as repo from './identity.repository';
import { assertAcceptablePassword } from './password-rules';
import type { SecuritySettingsService } from './security-settings';
import type { SessionCache } from './session-cache';

const LOCKOUT_WINDOW_MS = 15 * 60_000;
const LOGIN_LOCK = 7262004;
// last_seen_at is written at most this often: sessions stay cheap to resume.
const TOUCH_EVERY_MS = 60_000;

export type ResumedSession = { idHash: string; csrfToken: string; actor: Actor; user: SessionUser; mustChangePassword: boolean };

export const actorOf = (u: repo.UserRow): Actor => ({
  kind: 'user',
  id: u.id,
  name: u.username,
  roles: u.roles as RoleCode[],
  parkIds: u.parkIds,
  enterpriseId: u.enterpriseId,
});

function passwordExpired(u: repo.UserRow, expiryDays: number, now: Date): boolean {
  return expiryDays > 0 && now.getTime() - u.passwordChangedAt.getTime() > expiryDays * 86_400_000;
}

export function createAuthService(db: Db, audit: AuditService, settings: SecuritySettingsService, cache: SessionCache, clock: () => Date = () => new Date()) {
  const sessionUser = (u: repo.UserRow, mustChange: boolean): SessionUser => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as RoleCode[],
    parkIds: u.parkIds,
    enterpriseId: u.enterpriseId,
    mustChangePassword: mustChange,
    permissions: permissionsOf(u.roles),
  });

  /** Records a refused sign-in in the caller's transaction (locking the account on the last allowed failure) and returns the error to answer. */
  async function failLogin(tx: Tx, ctx: RequestContext, username: string, user: repo.UserRow | undefined, reason: string, code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED'): Promise<AppError> {
    const s = await settings.get();
    const now = clock();
    let locked = false;
    if (code === 'INVALID_CREDENTIALS') await repo.insertAttempt(tx, { username, userId: user?.id, ip: ctx.ip, success: false, at: now });
    if (user && code === 'INVALID_CREDENTIALS' && (await repo.recentFailures(tx, user.id, new Date(now.getTime() - LOCKOUT_WINDOW_MS))) >= s.lockoutThreshold) {
      await repo.updateUser(tx, user.id, { lockedUntil: new Date(now.getTime() + s.lockoutMinutes * 60_000) });
      await audit.record(tx, ctx, { action: 'auth.lockout', targetType: 'user', targetId: user.id, result: 'success', summary: { username: user.username, minutes: s.lockoutMinutes } });
      locked = true;
    }
    await audit.record(tx, ctx, { action: 'auth.login', targetType: 'user', targetId: user?.id ?? null, result: 'failure', summary: { username, reason, ...(locked ? { lockedNow: true } : {}) } });
    if (code === 'ACCOUNT_LOCKED') {
      const minutes = Math.max(1, Math.ceil(((user?.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
      return new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);
    }
    return new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }

  function resumed(idHash: string, csrfToken: string, user: repo.UserRow, expiryDays: number, now: Date): ResumedSession {
    const mustChange = user.mustChangePassword || passwordExpired(user, expiryDays, now);
    return { idHash, csrfToken, actor: actorOf(user), user: sessionUser(user, mustChange), mustChangePassword: mustChange };
  }

  return {
    sessionUser,

    async login(ctx: RequestContext, username: string, password: string): Promise<{ sessionId: string; csrfToken: string; user: SessionUser }> {
      const found = await repo.findUserByUsername(db, username);
      if (!found) {
        await verifyPassword(password, await dummyHash);
        throw await db.transaction((tx) => failLogin(tx, ctx, username, undefined, 'unknown user', 'INVALID_CREDENTIALS'));
      }
      const now = clock();
      const s = await settings.get();
      const sessionId = randomToken();
      const csrfToken = randomToken();
      // One sign-in at a time per account, decided on a fresh row: parallel guesses cannot outrun the lockout.
      const outcome = await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOGIN_LOCK}, hashtext(${found.id}))`);
        const user = (await repo.findUserById(tx, found.id))!;
        if (user.lockedUntil && user.lockedUntil > now) return failLogin(tx, ctx, username, user, 'locked', 'ACCOUNT_LOCKED');
        if (!(await verifyPassword(password, user.passwordHash))) return failLogin(tx, ctx, username, user, 'wrong password', 'INVALID_CREDENTIALS');
        if (user.status !== 'active') return failLogin(tx, ctx, username, user, 'disabled', 'INVALID_CREDENTIALS');
        await repo.insertAttempt(tx, { username, userId: user.id, ip: ctx.ip, success: true, at: now });
        await repo.insertSession(tx, { idHash: sha256(sessionId), userId: user.id, csrfToken, ip: ctx.ip, userAgent: ctx.userAgent?.slice(0, 512), createdAt: now, lastSeenAt: now });
        await repo.updateUser(tx, user.id, { lastLoginAt: now, lockedUntil: null });
        await audit.record(tx, { ...ctx, actor: actorOf(user) }, { action: 'auth.login', targetType: 'user', targetId: user.id, summary: { username: user.username } });
        return user;
      });
      if (outcome instanceof AppError) throw outcome;
      return { sessionId, csrfToken, user: sessionUser(outcome, outcome.mustChangePassword || passwordExpired(outcome, s.passwordExpiryDays, now)) };
    },

    /** The session behind a cookie value, or null when unknown, idle too long, too old, or its user disabled. */
    async resume(sessionId: string): Promise<ResumedSession | null> {
      const idHash = sha256(sessionId);
      const s = await settings.get();
      const now = clock();
      const tooOld = (createdAt: Date) => now.getTime() - createdAt.getTime() > s.absoluteTimeoutHours * 3_600_000;
      // Within the touch interval nothing needs writing and nothing can have expired: memory answers.
      const cached = cache.get(idHash, now.getTime());
      if (cached && now.getTime() - cached.session.lastSeenAt.getTime() <= TOUCH_EVERY_MS && !tooOld(cached.session.createdAt)) {
        return resumed(idHash, cached.session.csrfToken, cached.user, s.passwordExpiryDays, now);
      }
      const since = cache.generation;
      const row = await repo.findSessionWithUser(db, idHash);
      if (!row) return null;
      const { session, user } = row;
      const idle = now.getTime() - session.lastSeenAt.getTime() > s.idleTimeoutMinutes * 60_000;
      if (idle || tooOld(session.createdAt) || user.status !== 'active') {
        await repo.deleteSession(db, idHash);
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(db, idHash, now);
        session.lastSeenAt = now;
      }
      cache.set(idHash, { session, user }, now.getTime(), since);
      return resumed(idHash, session.csrfToken, user, s.passwordExpiryDays, now);
    },

    async logout(ctx: RequestContext, idHash: string): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, idHash);
        await cache.invalidate(tx, { sessionIdHash: idHash });
        await audit.record(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.id });
      });
    },

    /** Changes one's own password; other sessions of the user end, this one stays. */
    async changePassword(ctx: RequestContext, idHash: string, currentPassword: string, newPassword: string): Promise<void> {
      const user = await repo.findUserById(db, ctx.actor.id!);
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ path: ['currentPassword'], message: '当前密码不正确' }]);
      }
      const s = await settings.get();
      const history = await repo.lastPasswordHashes(db, user.id, s.passwordHistory);
      await assertAcceptablePassword(newPassword, user.username, s, [user.passwordHash, ...history]);
      const hash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash: hash, passwordChangedAt: clock(), mustChangePassword: false });
        await repo.insertPasswordHistory(tx, user.id, hash);
        const ended = await repo.deleteUserSessions(tx, user.id, idHash);
        await cache.invalidate(tx, { userId: user.id });
        await audit.record(tx, ctx, { action: 'auth.password.change', targetType: 'user', targetId: user.id, summary: { otherSessionsEnded: ended } });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
