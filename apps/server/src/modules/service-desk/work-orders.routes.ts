import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentUpload,
  createWorkOrderCategoryRequest,
  createWorkOrderRequest,
  deadlineRule,
  deadlineRuleList,
  deadlineRuleParams,
  idempotencyKeyHeader,
  idParams,
  ok,
  updateDeadlineRuleRequest,
  updateWorkOrderCategoryRequest,
  workOrderActionRequest,
  workOrderAssigneeLimit,
  workOrderAssigneeList,
  workOrderAssigneeQuery,
  workOrderAttachmentLimits,
  workOrderCategory,
  workOrderCategoryList,
  workOrderDetail,
  workOrderFilter,
  workOrderListQuery,
  workOrderPage,
} from '@zhiyuan/core';
import { AppError } from '../../errors';
import { requireAny, requirePermission } from '../../plugins/auth';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';
import { tooLarge } from './work-order-attachments';
import { exportWorkOrders } from './work-order-export';

const tags = ['work orders'];
const stags = ['work order settings'];

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workOrders, workOrderAttachments, serviceDeskSettings: settings, audit } = app.services;
  const read = requirePermission('workOrder.read');
  const configure = requirePermission('workOrder.configure');

  app.get('/work-orders', { schema: { tags, summary: '工单列表', querystring: workOrderListQuery, response: { 200: workOrderPage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return workOrders.list(req.ctx(), filter, page, pageSize, sort);
  });
  app.get('/work-orders/export', { schema: { tags, summary: '导出工单（xlsx，与列表同筛选）', querystring: workOrderFilter }, preHandler: read }, async (req, reply) => {
    const name = `work-orders-${new Date().toISOString().slice(0, 10)}.xlsx`;
    const body = await exportWorkOrders(app.database.db, audit, workOrders, req.ctx(), req.query);
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name)).send(body);
  });
  app.post(
    '/work-orders',
    {
      schema: { tags, summary: '提交工单（同一幂等键重复提交只生成一个工单）', body: createWorkOrderRequest, response: { 201: workOrderDetail } },
      preHandler: requirePermission('workOrder.create'),
      config: { action: 'workOrder.create' },
    },
    async (req, reply) => {
      const header = req.headers[idempotencyKeyHeader];
      const { order, replayed } = await workOrders.create(req.ctx(), req.body, Array.isArray(header) ? header[0] : header);
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(order);
    },
  );
  app.get('/work-orders/:id', { schema: { tags, summary: '工单详情（含时间线与可执行操作）', params: idParams, response: { 200: workOrderDetail } }, preHandler: read }, async (req) => workOrders.detail(req.ctx(), req.params.id));
  app.get(
    '/work-orders/:id/assignees',
    { schema: { tags, summary: `可派给的承办人（本园区有工单办理权限的在用账号，所选部门的人员在前，至多 ${workOrderAssigneeLimit} 人）`, params: idParams, querystring: workOrderAssigneeQuery, response: { 200: workOrderAssigneeList } }, preHandler: requirePermission('workOrder.dispatch') },
    async (req) => workOrders.assignees(req.ctx(), req.params.id, req.query),
  );
  app.post(
    '/work-orders/:id/actions',
    { schema: { tags, summary: '工单操作（受理、派单、答复、确认、评价、督办…）', params: idParams, body: workOrderActionRequest, response: { 200: workOrderDetail } }, preHandler: read, config: { action: 'workOrder.action' } },
    async (req) => workOrders.act(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/work-order-attachments',
    {
      schema: { tags, summary: `上传附件（multipart，字段 file，≤ ${workOrderAttachmentLimits.maxBytes / 1024 / 1024} MB，按内容识别类型）`, consumes: ['multipart/form-data'], response: { 201: attachmentUpload } },
      preHandler: requireAny('workOrder.create', 'workOrder.handle', 'workOrder.dispatch', 'workOrder.supervise'),
      config: { action: 'workOrder.attachment.upload' },
    },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: workOrderAttachmentLimits.maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的文件', [{ path: ['file'], message: '缺少文件' }]);
      const buf = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
      });
      return reply.status(201).send(await workOrderAttachments.upload(req.ctx(), file.filename, buf));
    },
  );
  app.get('/work-order-attachments/:id', { schema: { tags, summary: '下载附件', params: idParams }, preHandler: read }, async (req, reply) => {
    const f = await workOrderAttachments.download(req.ctx(), req.params.id);
    const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '_');
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', attachment(ascii, f.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(f.stream);
  });

  app.get('/work-order-categories', { schema: { tags: stags, summary: '工单分类（扁平，上级在前）', response: { 200: workOrderCategoryList } }, preHandler: requireAny('workOrder.read', 'workOrder.configure') }, async () => ({
    items: [...(await settings.categories())],
  }));
  app.post('/work-order-categories', { schema: { tags: stags, summary: '新增分类', body: createWorkOrderCategoryRequest, response: { 201: workOrderCategory } }, preHandler: configure, config: { action: 'workOrder.category.create' } }, async (req, reply) =>
    reply.status(201).send(await settings.createCategory(req.ctx(), req.body)),
  );
  app.patch('/work-order-categories/:id', { schema: { tags: stags, summary: '修改分类（改名、移动、排序、停用）', params: idParams, body: updateWorkOrderCategoryRequest, response: { 200: workOrderCategory } }, preHandler: configure, config: { action: 'workOrder.category.update' } }, async (req) =>
    settings.updateCategory(req.ctx(), req.params.id, req.body),
  );
  app.delete('/work-order-categories/:id', { schema: { tags: stags, summary: '删除未使用的分类（已使用的请停用）', params: idParams, response: { 200: ok } }, preHandler: configure, config: { action: 'workOrder.category.delete' } }, async (req) => {
    await settings.deleteCategory(req.ctx(), req.params.id);
    return { ok: true as const };
  });

  app.get('/work-order-deadline-rules', { schema: { tags: stags, summary: '办理时限规则（类型 × 优先级）', response: { 200: deadlineRuleList } }, preHandler: requireAny('workOrder.read', 'workOrder.configure') }, async () => settings.rules());
  app.put(
    '/work-order-deadline-rules/:type/:priority',
    { schema: { tags: stags, summary: '修改时限规则（对此后新建的工单生效）', params: deadlineRuleParams, body: updateDeadlineRuleRequest, response: { 200: deadlineRule } }, preHandler: configure, config: { action: 'workOrder.deadlineRule.update' } },
    async (req) => settings.updateRule(req.ctx(), req.params.type, req.params.priority, req.body),
  );
};
