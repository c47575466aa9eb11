import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addVisitProblemRequest,
  cancelVisitRequest,
  createVisitRequest,
  idParams,
  portalVisit,
  portalVisitListQuery,
  portalVisitPage,
  problemToWorkOrderRequest,
  recordVisitRequest,
  updateVisitFrequencyRequest,
  updateVisitPlanRequest,
  visit,
  visitFilter,
  visitFrequencyParams,
  visitFrequencyRule,
  visitFrequencyRuleList,
  visitListQuery,
  visitPage,
  visitProblemParams,
  workOrderDetail,
} from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';

const tags = ['visits'];

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { visits } = app.services;
  const read = requirePermission('visit.read');
  const write = requirePermission('visit.write');

  app.get('/visits', { schema: { tags, summary: '走访记录', querystring: visitListQuery, response: { 200: visitPage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return visits.list(req.ctx(), filter, page, pageSize, sort);
  });
  app.get('/visits/export', { schema: { tags, summary: '导出走访记录（xlsx）', querystring: visitFilter }, preHandler: read }, async (req, reply) => {
    const name = `visits-${new Date().toISOString().slice(0, 10)}.xlsx`;
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name, `走访记录-${name.slice(7)}`)).send(await visits.export(req.ctx(), req.query));
  });
  app.get('/visits/frequency-rules', { schema: { tags, summary: '走访频次（按企业类别）', response: { 200: visitFrequencyRuleList } }, preHandler: read }, async () => visits.frequencyRules());
  app.put(
    '/visits/frequency-rules/:class',
    { schema: { tags, summary: '修改走访频次', params: visitFrequencyParams, body: updateVisitFrequencyRequest, response: { 200: visitFrequencyRule } }, preHandler: requirePermission('workOrder.configure'), config: { action: 'visit.frequency.update' } },
    async (req) => visits.updateFrequencyRule(req.ctx(), req.params.class, req.body.intervalDays),
  );
  app.post('/visits', { schema: { tags, summary: '计划走访，或登记已完成的走访', body: createVisitRequest, response: { 201: visit } }, preHandler: write, config: { action: 'visit.create' } }, async (req, reply) =>
    reply.status(201).send(await visits.create(req.ctx(), req.body)),
  );
  app.get('/visits/:id', { schema: { tags, summary: '走访详情', params: idParams, response: { 200: visit } }, preHandler: read }, async (req) => visits.get(req.ctx(), req.params.id));
  app.patch('/visits/:id', { schema: { tags, summary: '修改走访计划', params: idParams, body: updateVisitPlanRequest, response: { 200: visit } }, preHandler: write, config: { action: 'visit.update' } }, async (req) =>
    visits.updatePlan(req.ctx(), req.params.id, req.body),
  );
  app.post('/visits/:id/record', { schema: { tags, summary: '登记走访情况', params: idParams, body: recordVisitRequest, response: { 200: visit } }, preHandler: write, config: { action: 'visit.record' } }, async (req) =>
    visits.record(req.ctx(), req.params.id, req.body),
  );
  app.post('/visits/:id/cancel', { schema: { tags, summary: '取消走访计划', params: idParams, body: cancelVisitRequest, response: { 200: visit } }, preHandler: write, config: { action: 'visit.cancel' } }, async (req) =>
    visits.cancel(req.ctx(), req.params.id, req.body.reason),
  );
  app.post('/visits/:id/problems', { schema: { tags, summary: '补充走访发现的问题', params: idParams, body: addVisitProblemRequest, response: { 200: visit } }, preHandler: write, config: { action: 'visit.problem.add' } }, async (req) =>
    visits.addProblem(req.ctx(), req.params.id, req.body.text),
  );
  app.post(
    '/visits/:id/problems/:problemId/work-order',
    { schema: { tags, summary: '问题一键转工单（已转过 → 409 PROBLEM_HAS_ORDER）', params: visitProblemParams, body: problemToWorkOrderRequest, response: { 201: workOrderDetail } }, preHandler: write, config: { action: 'visit.problem.workOrder' } },
    async (req, reply) => reply.status(201).send(await visits.problemToWorkOrder(req.ctx(), req.params.id, req.params.problemId, req.body)),
  );

  // 我的服务 in the portal: an enterprise user reads its own enterprise's visits (being that
  // enterprise's user is the permission, checked by the service; staff → 403).
  const portal = requirePermission('enterprise.read');
  app.get('/portal/visits', { schema: { tags, summary: '本企业的走访（企业门户）', querystring: portalVisitListQuery, response: { 200: portalVisitPage } }, preHandler: portal }, async (req) =>
    visits.portalList(req.ctx(), req.query.page, req.query.pageSize),
  );
  app.get('/portal/visits/:id', { schema: { tags, summary: '本企业的一次走访（企业门户）', params: idParams, response: { 200: portalVisit } }, preHandler: portal }, async (req) => visits.portalGet(req.ctx(), req.params.id));
};
