import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import {
  changeRequestPage,
  changeRequestQuery,
  createChangeRequest,
  createEnterpriseRequest,
  createEnterpriseResponse,
  createQualificationKindRequest,
  createQualificationRequest,
  createSavedFilterRequest,
  createStatusEventRequest,
  decideChangeRequest,
  enterprise,
  enterpriseFilter,
  enterpriseHistoryPage,
  enterpriseListQuery,
  enterprisePage,
  expiringPage,
  expiringQuery,
  idParams,
  importChangePage,
  importChangesQuery,
  importPreview,
  importResult,
  kindParams,
  officerList,
  tagList,
  ok,
  pageQuery,
  qualification,
  qualificationKind,
  qualificationKindList,
  qualificationList,
  qualificationParams,
  savedFilter,
  savedFilterList,
  savedFilterQuery,
  similarList,
  similarQuery,
  statusEvent,
  statusEventList,
  updateEnterpriseRequest,
  updateQualificationKindRequest,
  updateQualificationRequest,
  changeRequest,
} from '@zhiyuan/core';
import { requireAny, requirePermission } from '../../plugins/auth';
import { AppError } from '../../errors';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';
import { MAX_IMPORT_BYTES } from '../../xlsx/import-errors';

const tags = ['enterprises'];
const xlsx = (reply: FastifyReply, name: string, body: Readable) => reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${name}.xlsx`, `${name}.xlsx`)).send(body);
const stamp = () => new Date().toISOString().slice(0, 10);

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { enterprises, qualifications, changeRequests, enterpriseImport, enterpriseExport, savedFilters } = app.services;
  const read = requirePermission('enterprise.read');

  app.get('/enterprises', { schema: { tags, summary: '企业检索', querystring: enterpriseListQuery, response: { 200: enterprisePage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return enterprises.list(req.ctx(), filter, page, pageSize, sort);
  });
  app.post('/enterprises', { schema: { tags, summary: '新建企业', body: createEnterpriseRequest, response: { 201: createEnterpriseResponse } }, preHandler: requirePermission('enterprise.write'), config: { action: 'enterprise.create' } }, async (req, reply) =>
    reply.status(201).send(await enterprises.create(req.ctx(), req.body)),
  );
  app.get('/enterprises/similar', { schema: { tags, summary: '同园区名称相近的企业', querystring: similarQuery, response: { 200: similarList } }, preHandler: read }, async (req) =>
    enterprises.similar(req.ctx(), req.query.name, req.query.parkId, req.query.excludeId),
  );
  app.get('/enterprises/tags', { schema: { tags, summary: '在用的企业标签（按使用次数）', response: { 200: tagList } }, preHandler: read }, async (req) => enterprises.tags(req.ctx()));
  app.get('/enterprises/officers', { schema: { tags, summary: '可指派的服务管家', response: { 200: officerList } }, preHandler: read }, async () => enterprises.officers());
  app.get('/enterprises/export', { schema: { tags, summary: '导出检索结果（xlsx，与导入模板同格式）', querystring: enterpriseFilter }, preHandler: requirePermission('enterprise.export') }, async (req, reply) =>
    xlsx(reply, `enterprises-${stamp()}`, await enterpriseExport.export(req.ctx(), req.query)),
  );
  app.get('/enterprises/import-template', { schema: { tags, summary: '企业导入模板（xlsx）' }, preHandler: requirePermission('enterprise.import') }, async (_req, reply) =>
    xlsx(reply, 'enterprise-import-template', await enterpriseExport.template()),
  );

  app.post(
    '/enterprises/imports',
    { schema: { tags, summary: '上传企业名录并预览（multipart，字段 file，≤ 20 MB）', consumes: ['multipart/form-data'], response: { 201: importPreview } }, preHandler: requirePermission('enterprise.import'), config: { action: 'enterprise.import.preview' } },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
      if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的 xlsx 文件', [{ path: ['file'], message: '缺少文件' }]);
      const buf = await file.toBuffer();
      return reply.status(201).send(await enterpriseImport.preview(req.ctx(), file.filename, buf));
    },
  );
  app.get('/enterprises/imports/:id', { schema: { tags, summary: '导入批次', params: idParams, response: { 200: importPreview } }, preHandler: requirePermission('enterprise.import') }, async (req) => enterpriseImport.get(req.ctx(), req.params.id));
  app.get('/enterprises/imports/:id/changes', { schema: { tags, summary: '导入预览：逐行变更', params: idParams, querystring: importChangesQuery, response: { 200: importChangePage } }, preHandler: requirePermission('enterprise.import') }, async (req) =>
    enterpriseImport.changes(req.ctx(), req.params.id, req.query.action, req.query.page, req.query.pageSize),
  );
  app.post('/enterprises/imports/:id/commit', { schema: { tags, summary: '确认导入', params: idParams, response: { 200: importResult } }, preHandler: requirePermission('enterprise.import'), config: { action: 'enterprise.import.commit' } }, async (req) =>
    enterpriseImport.commit(req.ctx(), req.params.id),
  );

  app.get('/enterprises/:id', { schema: { tags, summary: '企业详情', params: idParams, response: { 200: enterprise } }, preHandler: read }, async (req) => enterprises.get(req.ctx(), req.params.id));
  app.patch(
    '/enterprises/:id',
    { schema: { tags, summary: '修改企业（企业用户仅能改联系人和地址）', params: idParams, body: updateEnterpriseRequest, response: { 200: enterprise } }, preHandler: requireAny('enterprise.write', 'enterprise.selfEdit'), config: { action: 'enterprise.update' } },
    async (req) => enterprises.update(req.ctx(), req.params.id, req.body),
  );
  app.get('/enterprises/:id/status-events', { schema: { tags, summary: '状态变更记录', params: idParams, response: { 200: statusEventList } }, preHandler: read }, async (req) => enterprises.statusEvents(req.ctx(), req.params.id));
  app.post('/enterprises/:id/status-events', { schema: { tags, summary: '登记状态变更（入驻、迁出、注销…）', params: idParams, body: createStatusEventRequest, response: { 201: statusEvent } }, preHandler: requirePermission('enterprise.write'), config: { action: 'enterprise.status' } }, async (req, reply) =>
    reply.status(201).send(await enterprises.addStatusEvent(req.ctx(), req.params.id, req.body)),
  );
  app.get('/enterprises/:id/history', { schema: { tags, summary: '变更记录（审计日志）', params: idParams, querystring: pageQuery.omit({ sort: true }), response: { 200: enterpriseHistoryPage } }, preHandler: read }, async (req) =>
    enterprises.history(req.ctx(), req.params.id, req.query.page, req.query.pageSize),
  );

  const qtags = ['qualifications'];
  const writeQ = requirePermission('qualification.write');
  app.get('/enterprises/:id/qualifications', { schema: { tags: qtags, summary: '企业资质', params: idParams, response: { 200: qualificationList } }, preHandler: read }, async (req) => qualifications.list(req.ctx(), req.params.id));
  app.post('/enterprises/:id/qualifications', { schema: { tags: qtags, summary: '新增资质', params: idParams, body: createQualificationRequest, response: { 201: qualification } }, preHandler: writeQ, config: { action: 'enterprise.qualification.create' } }, async (req, reply) =>
    reply.status(201).send(await qualifications.create(req.ctx(), req.params.id, req.body)),
  );
  app.patch('/enterprises/:id/qualifications/:qualificationId', { schema: { tags: qtags, summary: '修改资质', params: qualificationParams, body: updateQualificationRequest, response: { 200: qualification } }, preHandler: writeQ, config: { action: 'enterprise.qualification.update' } }, async (req) =>
    qualifications.update(req.ctx(), req.params.id, req.params.qualificationId, req.body),
  );
  app.delete('/enterprises/:id/qualifications/:qualificationId', { schema: { tags: qtags, summary: '删除资质', params: qualificationParams, response: { 200: ok } }, preHandler: writeQ, config: { action: 'enterprise.qualification.delete' } }, async (req) => {
    await qualifications.remove(req.ctx(), req.params.id, req.params.qualificationId);
    return { ok: true as const };
  });
  app.get('/qualifications/expiring', { schema: { tags: qtags, summary: '即将到期的资质（默认 90 天内）', querystring: expiringQuery, response: { 200: expiringPage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return qualifications.expiring(req.ctx(), f, page, pageSize);
  });
  app.get('/qualifications/expiring/export', { schema: { tags: qtags, summary: '导出即将到期的资质（xlsx）', querystring: expiringQuery.omit({ page: true, pageSize: true, sort: true }) }, preHandler: requirePermission('enterprise.export') }, async (req, reply) =>
    xlsx(reply, `qualifications-expiring-${stamp()}`, await qualifications.exportExpiring(req.ctx(), req.query)),
  );
  app.get('/qualification-kinds', { schema: { tags: qtags, summary: '资质类型', response: { 200: qualificationKindList } }, preHandler: read }, async () => qualifications.kinds());
  app.post('/qualification-kinds', { schema: { tags: qtags, summary: '新增资质类型', body: createQualificationKindRequest, response: { 201: qualificationKind } }, preHandler: requirePermission('qualificationKind.write'), config: { action: 'qualificationKind.create' } }, async (req, reply) =>
    reply.status(201).send(await qualifications.createKind(req.ctx(), req.body)),
  );
  app.patch('/qualification-kinds/:code', { schema: { tags: qtags, summary: '修改资质类型', params: kindParams, body: updateQualificationKindRequest, response: { 200: qualificationKind } }, preHandler: requirePermission('qualificationKind.write'), config: { action: 'qualificationKind.update' } }, async (req) =>
    qualifications.updateKind(req.ctx(), req.params.code, req.body),
  );

  const ctags = ['enterprise change requests'];
  app.get('/enterprises/:id/change-requests', { schema: { tags: ctags, summary: '企业的变更申请', params: idParams, querystring: pageQuery.omit({ sort: true }), response: { 200: changeRequestPage } }, preHandler: read }, async (req) =>
    changeRequests.listFor(req.ctx(), req.params.id, req.query.page, req.query.pageSize),
  );
  app.post('/enterprises/:id/change-requests', { schema: { tags: ctags, summary: '申请变更关键信息（名称、信用代码、园区、行业）', params: idParams, body: createChangeRequest, response: { 201: changeRequest } }, preHandler: requirePermission('enterprise.requestChange'), config: { action: 'enterprise.changeRequest.create' } }, async (req, reply) =>
    reply.status(201).send(await changeRequests.create(req.ctx(), req.params.id, req.body)),
  );
  app.get('/enterprise-change-requests', { schema: { tags: ctags, summary: '变更申请（待审批在前）', querystring: changeRequestQuery, response: { 200: changeRequestPage } }, preHandler: requirePermission('enterprise.approveChange') }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return changeRequests.list(req.ctx(), f, page, pageSize);
  });
  app.post('/enterprise-change-requests/:id/decision', { schema: { tags: ctags, summary: '审批变更申请', params: idParams, body: decideChangeRequest, response: { 200: changeRequest } }, preHandler: requirePermission('enterprise.approveChange'), config: { action: 'enterprise.changeRequest.decide' } }, async (req) =>
    changeRequests.decide(req.ctx(), req.params.id, req.body),
  );

  const stags = ['saved filters'];
  app.get('/saved-filters', { schema: { tags: stags, summary: '我保存的筛选条件', querystring: savedFilterQuery, response: { 200: savedFilterList } }, preHandler: read }, async (req) => savedFilters.list(req.ctx(), req.query.module));
  app.post('/saved-filters', { schema: { tags: stags, summary: '保存筛选条件', body: createSavedFilterRequest, response: { 201: savedFilter } }, preHandler: read }, async (req, reply) => reply.status(201).send(await savedFilters.create(req.ctx(), req.body)));
  app.delete('/saved-filters/:id', { schema: { tags: stags, summary: '删除筛选条件', params: idParams, response: { 200: ok } }, preHandler: read }, async (req) => {
    await savedFilters.remove(req.ctx(), req.params.id);
    return { ok: true as const };
  });
};
