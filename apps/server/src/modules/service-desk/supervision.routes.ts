import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, supervision, supervisionActionRequest, supervisionFilter, supervisionListQuery, supervisionPage } from '@zhiyuan/core';
import { requireAny } from '../../plugins/auth';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';

const tags = ['service-desk'];
const exportQuery = supervisionFilter.extend({ sort: supervisionListQuery.shape.sort });

/** 督办: who supervises (leaders, park admins) and who handles (officers, department staff) see the list. */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { supervisions } = app.services;
  const involved = requireAny('workOrder.supervise', 'workOrder.handle');

  app.get('/supervisions', { schema: { tags, summary: '督办列表', querystring: supervisionListQuery, response: { 200: supervisionPage } }, preHandler: involved }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return supervisions.list(req.ctx(), f, page, pageSize, sort);
  });
  app.get('/supervisions/export', { schema: { tags, summary: '导出督办列表（xlsx）', querystring: exportQuery }, preHandler: involved }, async (req, reply) => {
    const { sort, ...f } = req.query;
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('supervisions.xlsx', '督办列表.xlsx')).send(await supervisions.export(req.ctx(), f, sort));
  });
  app.post(
    '/supervisions/:id/actions',
    { schema: { tags, summary: '督办操作：反馈、退回、结束（顺序不对 → 409）', params: idParams, body: supervisionActionRequest, response: { 200: supervision } }, preHandler: involved, config: { action: 'supervision.act' } },
    async (req) => supervisions.act(req.ctx(), req.params.id, req.body),
  );
};
