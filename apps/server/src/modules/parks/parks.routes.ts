import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createDepartmentRequest, createParkRequest, department, departmentListQuery, departmentPage, idParams, ok, park, parkList, updateDepartmentRequest, updateParkRequest } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

export const parkRoutes: FastifyPluginAsyncZod = async (app) => {
  const parks = app.services.parks;
  const tags = ['parks'];

  app.get('/parks', { schema: { tags, summary: '园区列表（权限范围内）', response: { 200: parkList } }, preHandler: requirePermission('park.read') }, async (req) => parks.list(req.ctx()));
  app.get('/parks/:id', { schema: { tags, summary: '园区详情', params: idParams, response: { 200: park } }, preHandler: requirePermission('park.read') }, async (req) => parks.get(req.ctx(), req.params.id));
  app.post('/parks', { schema: { tags, summary: '新建园区', body: createParkRequest, response: { 201: park } }, preHandler: requirePermission('park.write'), config: { action: 'park.create' } }, async (req, reply) =>
    reply.status(201).send(await parks.create(req.ctx(), req.body)),
  );
  app.patch('/parks/:id', { schema: { tags, summary: '修改园区', params: idParams, body: updateParkRequest, response: { 200: park } }, preHandler: requirePermission('park.write'), config: { action: 'park.update' } }, async (req) =>
    parks.update(req.ctx(), req.params.id, req.body),
  );

  const dtags = ['departments'];
  app.get('/departments', { schema: { tags: dtags, summary: '部门列表', querystring: departmentListQuery, response: { 200: departmentPage } }, preHandler: requirePermission('department.read') }, async (req) => {
    const { page, pageSize, sort, ...filter } = req.query;
    return parks.listDepartments(req.ctx(), filter, page, pageSize, sort);
  });
  app.post('/departments', { schema: { tags: dtags, summary: '新建部门', body: createDepartmentRequest, response: { 201: department } }, preHandler: requirePermission('department.write'), config: { action: 'department.create' } }, async (req, reply) =>
    reply.status(201).send(await parks.createDepartment(req.ctx(), req.body)),
  );
  app.patch('/departments/:id', { schema: { tags: dtags, summary: '修改部门', params: idParams, body: updateDepartmentRequest, response: { 200: department } }, preHandler: requirePermission('department.write'), config: { action: 'department.update' } }, async (req) =>
    parks.updateDepartment(req.ctx(), req.params.id, req.body),
  );
  app.delete('/departments/:id', { schema: { tags: dtags, summary: '删除部门', params: idParams, response: { 200: ok } }, preHandler: requirePermission('department.write'), config: { action: 'department.delete' } }, async (req) => {
    await parks.deleteDepartment(req.ctx(), req.params.id);
    return { ok: true as const };
  });
};
