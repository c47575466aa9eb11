import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery, auditVerifyResponse } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';
import { writeAuditWorkbook } from './audit.export';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const audit = app.services.audit;
  app.get('/audit', { schema: { tags, summary: '审计日志', querystring: auditQuery, response: { 200: auditPage } }, preHandler: requirePermission('audit.read') }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return audit.list(filter, page, pageSize, sort);
  });

  app.get('/audit/export', { schema: { tags, summary: '导出审计日志（xlsx）', querystring: auditQuery.omit({ page: true, pageSize: true, sort: true }) }, preHandler: requirePermission('audit.export') }, async (req, reply) => {
    await audit.record(app.database.db, req.ctx(), { action: 'audit.export', targetType: 'audit_log', summary: { filter: req.query } });
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.xlsx"`);
    return reply.send(writeAuditWorkbook(audit.scan(req.query)));
  });

  app.get('/audit/verify', { schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifyResponse } }, preHandler: requirePermission('audit.read') }, async () => audit.verify());
};
