import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '@zhiyuan/core';
import { can } from '@zhiyuan/core';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-zy_sid' : 'zy_sid');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * onRequest hook of the authenticated route group: a Bearer token or the session cookie,
 * CSRF for cookie writes, and nothing but the password change while one is pending.
 */
export async function authenticate(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const { services, config } = req.server;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    req.actor = await services.tokens.authenticate(auth.slice(7).trim());
    if (!req.actor) throw new AppError('NOT_SIGNED_IN', '访问令牌无效、已过期或已撤销');
    return;
  }
  const sid = req.cookies[sessionCookieName(config.cookieSecure)];
  const session = sid ? await services.auth.resume(sid) : null;
  if (!session) throw new AppError('NOT_SIGNED_IN', sid ? '会话已过期，请重新登录' : '请先登录');
  req.actor = session.actor;
  req.session = session;
  if (!SAFE_METHODS.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) throw new AppError('CSRF_FAILED', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
  }
  if (session.mustChangePassword && !req.routeOptions.config?.allowPendingPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码');
  }
}

/** preHandler: the role matrix of packages/core decides (the error handler audits the denial). */
export function requirePermission(action: Action) {
  return requireAny(action);
}

/** preHandler for routes that serve several roles; the service then decides what each may do. */
export function requireAny(...anyOf: Action[]) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.actor || !anyOf.some((a) => can(req.actor!.roles, a))) throw new AppError('FORBIDDEN', '您没有执行此操作的权限', [{ permission: anyOf.join(' | ') }]);
  };
}
