import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { drillDownPage, workOrderBreakdown, workOrderBreakdownQuery, workOrderDrillDownQuery, workOrderStats, workOrderStatsQuery } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';

const tags = ['service-desk'];

/**
 * The three rates under /work-orders/stats. Registered before the work-order routes, so that
 * "stats" is never read as an order id.
 */
export const serviceDeskStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workOrderStats: stats } = app.services;
  const allowed = requirePermission('workOrder.stats');
  const day = (iso: string) => iso.slice(0, 10);

  app.get('/work-orders/stats', { schema: { tags, summary: '三率：响应率、解决率、满意率', querystring: workOrderStatsQuery, response: { 200: workOrderStats } }, preHandler: allowed }, async (req) =>
    stats.stats(req.ctx(), req.query),
  );
  app.get('/work-orders/stats/breakdown', { schema: { tags, summary: '三率按部门、承办人、分园或月份（含综合排名）', querystring: workOrderBreakdownQuery, response: { 200: workOrderBreakdown } }, preHandler: allowed }, async (req) =>
    stats.breakdown(req.ctx(), req.query),
  );
  app.get('/work-orders/stats/breakdown/export', { schema: { tags, summary: '导出三率分组统计（xlsx）', querystring: workOrderBreakdownQuery }, preHandler: allowed }, async (req, reply) =>
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachment(`work-order-rates-${req.query.groupBy}-${day(req.query.from)}-${day(req.query.to)}.xlsx`))
      .send(await stats.exportBreakdown(req.ctx(), req.query)),
  );
  app.get('/work-orders/stats/orders', { schema: { tags, summary: '三率明细：计入某一比率的工单（默认未达标的）', querystring: workOrderDrillDownQuery, response: { 200: drillDownPage } }, preHandler: allowed }, async (req) =>
    stats.drillDown(req.ctx(), req.query),
  );
  app.get('/work-orders/stats/orders/export', { schema: { tags, summary: '导出三率明细（xlsx）', querystring: workOrderDrillDownQuery }, preHandler: allowed }, async (req, reply) => {
    const { page: _page, pageSize: _size, ...q } = req.query;
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachment(`work-order-rates-${q.rate}-${q.outcome}-${day(q.from)}-${day(q.to)}.xlsx`))
      .send(await stats.exportDrillDown(req.ctx(), q));
  });
};
