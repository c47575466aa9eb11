import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, loginResponse, ok, permissionsOf, type SessionUser } from '@zhiyuan/core';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { sessionCookieName } from '../../plugins/auth';

/** Sign-in is public and throttled per IP; the rest of /auth needs a session. */
export const loginRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginRequest, response: { 200: loginResponse } },
      config: { auditsItself: true, rateLimit: { max: app.config.loginRatePerIp, timeWindow: '15 minutes' } },
    },
    async (req, reply) => {
      const { sessionId, csrfToken, user } = await app.services.auth.login(req.ctx(), req.body.username, req.body.password);
      reply.setCookie(sessionCookieName(app.config.cookieSecure), sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.cookieSecure,
      });
      return { user, csrfToken };
    },
  );
};

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: loginResponse } }, config: { allowPendingPasswordChange: true } }, async (req) => ({
    user: req.session?.user ?? tokenUser(req.actor!),
    csrfToken: req.session?.csrfToken ?? '',
  }));

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ok } }, config: { allowPendingPasswordChange: true } }, async (req, reply) => {
    if (req.session) await app.services.auth.logout(req.ctx(), req.session.idHash);
    reply.clearCookie(sessionCookieName(app.config.cookieSecure), { path: '/' });
    return { ok: true as const };
  });

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: changePasswordRequest, response: { 200: ok } }, config: { allowPendingPasswordChange: true, action: 'auth.password.change' } },
    async (req) => {
      if (!req.session) throw new AppError('FORBIDDEN', '访问令牌不能修改密码');
      await app.services.auth.changePassword(req.ctx(), req.session.idHash, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
};

/** An integration token seen through /auth/me: its roles and parks, no user behind it. */
function tokenUser(a: Actor): SessionUser {
  return { id: a.id!, username: a.name, displayName: a.name, roles: a.roles, parkIds: a.parkIds, enterpriseId: null, mustChangePassword: false, permissions: permissionsOf(a.roles) };
}
