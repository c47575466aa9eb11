import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUserRequest, idParams, resetPasswordRequest, roleList, roleNames, roleCodes, permissionsOf, setRolesRequest, updateUserRequest, user, userListQuery, userPage } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const users = app.services.users;

  app.get('/users', { schema: { tags, summary: '用户列表', querystring: userListQuery, response: { 200: userPage } }, preHandler: requirePermission('user.read') }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return users.list(req.ctx(), filter, page, pageSize, sort);
  });

  app.post('/users', { schema: { tags, summary: '新建用户', body: createUserRequest, response: { 201: user } }, preHandler: requirePermission('user.write'), config: { action: 'user.create' } }, async (req, reply) =>
    reply.status(201).send(await users.create(req.ctx(), req.body)),
  );

  app.get('/users/:id', { schema: { tags, summary: '用户详情', params: idParams, response: { 200: user } }, preHandler: requirePermission('user.read') }, async (req) => users.get(req.ctx(), req.params.id));

  app.patch('/users/:id', { schema: { tags, summary: '修改用户', params: idParams, body: updateUserRequest, response: { 200: user } }, preHandler: requirePermission('user.write'), config: { action: 'user.update' } }, async (req) =>
    users.update(req.ctx(), req.params.id, req.body),
  );

  app.put('/users/:id/roles', { schema: { tags, summary: '设置角色', params: idParams, body: setRolesRequest, response: { 200: user } }, preHandler: requirePermission('user.assignRoles'), config: { action: 'user.roles' } }, async (req) =>
    users.setRoles(req.ctx(), req.params.id, req.body.roles),
  );

  app.post('/users/:id/reset-password', { schema: { tags, summary: '重置密码（下次登录须修改）', params: idParams, body: resetPasswordRequest, response: { 200: user } }, preHandler: requirePermission('user.secure'), config: { action: 'user.password.reset' } }, async (req) =>
    users.resetPassword(req.ctx(), req.params.id, req.body.password),
  );

  app.post('/users/:id/end-sessions', { schema: { tags, summary: '结束该用户的全部会话', params: idParams, response: { 200: user } }, preHandler: requirePermission('user.secure'), config: { action: 'user.sessions.end' } }, async (req) =>
    users.endSessions(req.ctx(), req.params.id),
  );

  app.post('/users/:id/unlock', { schema: { tags, summary: '解除锁定', params: idParams, response: { 200: user } }, preHandler: requirePermission('user.secure'), config: { action: 'user.unlock' } }, async (req) =>
    users.unlock(req.ctx(), req.params.id),
  );

  app.get('/roles', { schema: { tags, summary: '角色与权限矩阵', response: { 200: roleList } } }, async () =>
    roleCodes.map((code) => ({ code, nameZh: roleNames[code].zh, nameEn: roleNames[code].en, permissions: permissionsOf([code]) })),
  );
};

