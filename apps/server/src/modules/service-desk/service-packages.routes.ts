import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignServicePackageRequest,
  assignServicePackageResult,
  createServicePackageRequest,
  idParams,
  itemProgressParams,
  packageAssignment,
  packageAssignmentListQuery,
  packageAssignmentPage,
  portalPackage,
  portalPackageListQuery,
  portalPackagePage,
  servicePackage,
  servicePackageListQuery,
  servicePackagePage,
  updateItemProgressRequest,
  updateServicePackageRequest,
} from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

const tags = ['service packages'];

export const servicePackageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { servicePackages } = app.services;
  const read = requirePermission('servicePackage.read');
  const write = requirePermission('servicePackage.write');
  const manage = requirePermission('servicePackage.manage');

  app.get('/service-packages', { schema: { tags, summary: '服务包', querystring: servicePackageListQuery, response: { 200: servicePackagePage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return servicePackages.list(req.ctx(), f, page, pageSize, sort);
  });
  app.post('/service-packages', { schema: { tags, summary: '新建服务包', body: createServicePackageRequest, response: { 201: servicePackage } }, preHandler: manage, config: { action: 'servicePackage.create' } }, async (req, reply) =>
    reply.status(201).send(await servicePackages.create(req.ctx(), req.body)),
  );
  app.get('/service-packages/:id', { schema: { tags, summary: '服务包详情', params: idParams, response: { 200: servicePackage } }, preHandler: read }, async (req) => servicePackages.get(req.ctx(), req.params.id));
  app.patch(
    '/service-packages/:id',
    { schema: { tags, summary: '修改服务包（items 为完整清单：带 id 的保留，不带的新增，未列出的停用）', params: idParams, body: updateServicePackageRequest, response: { 200: servicePackage } }, preHandler: manage, config: { action: 'servicePackage.update' } },
    async (req) => servicePackages.update(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/service-packages/:id/assignments',
    { schema: { tags, summary: '为企业分配服务包（已有的企业不变）', params: idParams, body: assignServicePackageRequest, response: { 201: assignServicePackageResult } }, preHandler: write, config: { action: 'servicePackage.assign' } },
    async (req, reply) => reply.status(201).send(await servicePackages.assign(req.ctx(), req.params.id, req.body)),
  );
  app.get('/service-package-assignments', { schema: { tags, summary: '服务包分配与进度', querystring: packageAssignmentListQuery, response: { 200: packageAssignmentPage } }, preHandler: read }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return servicePackages.listAssignments(req.ctx(), f, page, pageSize, sort);
  });
  app.get('/service-package-assignments/:id', { schema: { tags, summary: '服务包分配详情', params: idParams, response: { 200: packageAssignment } }, preHandler: read }, async (req) =>
    servicePackages.getAssignment(req.ctx(), req.params.id),
  );
  app.put(
    '/service-package-assignments/:id/items/:itemId',
    { schema: { tags, summary: '更新服务事项进度', params: itemProgressParams, body: updateItemProgressRequest, response: { 200: packageAssignment } }, preHandler: write, config: { action: 'servicePackage.progress' } },
    async (req) => servicePackages.updateItemProgress(req.ctx(), req.params.id, req.params.itemId, req.body),
  );

  // 我的服务 in the portal: an enterprise user reads its own enterprise's packages and their progress
  // (being that enterprise's user is the permission, checked by the service; staff → 403).
  const portal = requirePermission('enterprise.read');
  app.get('/portal/service-packages', { schema: { tags, summary: '本企业的服务包及进度（企业门户）', querystring: portalPackageListQuery, response: { 200: portalPackagePage } }, preHandler: portal }, async (req) =>
    servicePackages.portalList(req.ctx(), req.query.page, req.query.pageSize),
  );
  app.get('/portal/service-packages/:id', { schema: { tags, summary: '本企业的一个服务包（企业门户）', params: idParams, response: { 200: portalPackage } }, preHandler: portal }, async (req) =>
    servicePackages.portalGet(req.ctx(), req.params.id),
  );
};
