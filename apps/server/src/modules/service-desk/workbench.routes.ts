import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enterpriseServiceSummary, idParams, myEnterprisesPage, myEnterprisesQuery, workbench } from '@zhiyuan/core';
import { requireAny, requirePermission } from '../../plugins/auth';

const tags = ['service desk'];

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workbench: bench } = app.services;
  // The workbench belongs to those who visit and look after enterprises (service officers, park admins).
  const officer = requirePermission('visit.write');

  app.get('/service-desk/workbench', { schema: { tags, summary: '服务管家工作台', response: { 200: workbench } }, preHandler: officer }, async (req) => bench.workbench(req.ctx()));
  app.get('/service-desk/my-enterprises', { schema: { tags, summary: '我服务的企业（走访到期情况）', querystring: myEnterprisesQuery, response: { 200: myEnterprisesPage } }, preHandler: officer }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return bench.myEnterprises(req.ctx(), f, page, pageSize, sort);
  });
  app.get(
    '/enterprises/:id/service',
    { schema: { tags: ['enterprises'], summary: '企业详情的服务页签：工单、走访、服务包', params: idParams, response: { 200: enterpriseServiceSummary } }, preHandler: requireAny('workOrder.read', 'visit.read') },
    async (req) => bench.enterpriseSummary(req.ctx(), req.params.id),
  );
};
