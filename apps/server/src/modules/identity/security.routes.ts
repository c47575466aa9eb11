import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTokenRequest, createdToken, idParams, ok, pageQuery, securitySettings, tokenPage, updateSecuritySettings } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/security/settings', { schema: { tags: ['security'], summary: '安全策略', response: { 200: securitySettings } }, preHandler: requirePermission('security.read') }, async () =>
    app.services.securitySettings.get(),
  );
  app.put(
    '/security/settings',
    { schema: { tags: ['security'], summary: '修改安全策略', body: updateSecuritySettings, response: { 200: securitySettings } }, preHandler: requirePermission('security.write'), config: { action: 'security.settings.update' } },
    async (req) => app.services.securitySettings.update(req.ctx(), req.body),
  );
};

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tokens = app.services.tokens;
  const tags = ['tokens'];
  app.get('/tokens', { schema: { tags, summary: '访问令牌列表', querystring: pageQuery, response: { 200: tokenPage } }, preHandler: requirePermission('token.manage') }, async (req) =>
    tokens.list(req.ctx(), req.query.page, req.query.pageSize),
  );
  app.post('/tokens', { schema: { tags, summary: '新建访问令牌（令牌只显示一次）', body: createTokenRequest, response: { 201: createdToken } }, preHandler: requirePermission('token.manage'), config: { action: 'token.create' } }, async (req, reply) =>
    reply.status(201).send(await tokens.create(req.ctx(), req.body)),
  );
  app.post('/tokens/:id/revoke', { schema: { tags, summary: '撤销访问令牌', params: idParams, response: { 200: ok } }, preHandler: requirePermission('token.manage'), config: { action: 'token.revoke' } }, async (req) => {
    await tokens.revoke(req.ctx(), req.params.id);
    return { ok: true as const };
  });
};
