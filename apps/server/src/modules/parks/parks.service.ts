import type { Park, Department } from '@zhiyuan/core';
import type { z } from 'zod';
import type { createDepartmentRequest, createParkRequest, updateDepartmentRequest, updateParkRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { ChangeFeed } from '../../db/change-feed';
import type { Actor, RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { uniqueAs } from '../../db/pg-errors';
import { touched } from '../audit/summary';
import * as repo from './parks.repository';
import type { ParkScope } from './scope';

const toPark = (p: repo.ParkRow): Park => ({
  id: p.id,
  code: p.code,
  name: p.name,
  parentId: p.parentId,
  district: p.district,
  areaKm2: p.areaKm2,
  center: p.centerLon != null && p.centerLat != null ? [p.centerLon, p.centerLat] : null,
  boundary: p.boundary ?? null,
  createdAt: p.createdAt.toISOString(),
});

const toDepartment = (d: repo.DepartmentRow): Department => ({
  id: d.id,
  name: d.name,
  parkId: d.parkId,
  headUserId: d.headUserId,
  phone: d.phone,
  createdAt: d.createdAt.toISOString(),
});

const duplicateCode = (code?: string) => () => new AppError('DUPLICATE', `园区编码 ${code} 已存在`, [{ path: ['code'], message: '编码已存在' }]);
const duplicateDepartment = (name?: string) => () => new AppError('DUPLICATE', `该园区已有名为“${name}”的部门`, [{ path: ['name'], message: '部门名称重复' }]);

export function createParksService(db: Db, audit: AuditService, feed: ChangeFeed) {
  // Every request asks for its caller's scope; the park tree rarely changes (see db/change-feed.ts).
  /** Parks and every park below them, remembered per set of parks until a park changes. */
  function parksWithin(parkIds: readonly string[]): Promise<ParkScope> {
    return feed.memo(['parks'], `parks:scope:${[...parkIds].sort().join(',')}`, async () => {
      const tree = await repo.descendantsOf(db, parkIds);
      return { all: tree.some((p) => p.parentId === null), ids: new Set(tree.map((p) => p.id)) };
    });
  }
  const scopeOf = (actor: Actor) => parksWithin(actor.parkIds);

  async function requirePark(scope: ParkScope, id: string) {
    const park = await repo.findPark(db, scope, id);
    if (!park) throw notFound('园区');
    return park;
  }

  return {
    scopeOf,

    /**
     * Every park (id, code, name, parent, area, map point): a small table other modules resolve names, codes and areas against.
     * Shared by every caller until a park changes: frozen, so a caller that sorts it in place fails loudly.
     */
    directory() {
      return feed.memo(['parks'], 'parks:directory', async () => Object.freeze((await repo.listParks(db, { all: true, ids: new Set() })).map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        parentId: p.parentId,
        areaKm2: p.areaKm2,
        district: p.district,
        center: p.centerLon != null && p.centerLat != null ? ([p.centerLon, p.centerLat] as [number, number]) : null,
      }))));
    },

    /** The park and its descendants; empty when the park does not exist. */
    async subtree(parkId: string) {
      return (await repo.descendantsOf(db, [parkId])).map((p) => p.id);
    },

    async list(ctx: RequestContext) {
      const items = (await repo.listParks(db, await scopeOf(ctx.actor))).map(toPark);
      return { items, total: items.length };
    },

    async get(ctx: RequestContext, id: string) {
      return toPark(await requirePark(await scopeOf(ctx.actor), id));
    },

    async create(ctx: RequestContext, input: z.infer<typeof createParkRequest>) {
      const scope = await scopeOf(ctx.actor);
      if (!input.parentId) {
        if (await repo.findZone(db)) throw new AppError('CONFLICT', '管委会（根园区）已存在，新建分园请指定上级园区', [{ path: ['parentId'], message: '请指定上级园区' }]);
      } else await requirePark(scope, input.parentId);
      const { center, ...rest } = input;
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
          const park = await repo.insertPark(tx, { ...rest, centerLon: center?.[0], centerLat: center?.[1] });
          await feed.publish(tx, 'parks');
          await audit.record(tx, ctx, { action: 'park.create', targetType: 'park', targetId: park.id, summary: { after: { code: park.code, name: park.name, parentId: park.parentId } } });
          return toPark(park);
          }),
        duplicateCode(input.code),
      );
    },

    async update(ctx: RequestContext, id: string, input: z.infer<typeof updateParkRequest>) {
      const before = await requirePark(await scopeOf(ctx.actor), id);
      const { center, ...rest } = input;
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
          const park = await repo.updatePark(tx, id, { ...rest, ...(center ? { centerLon: center[0], centerLat: center[1] } : {}) });
          await feed.publish(tx, 'parks');
          await audit.record(tx, ctx, { action: 'park.update', targetType: 'park', targetId: id, summary: { before: touched(toPark(before), input), after: touched(toPark(park), input) } });
          return toPark(park);
          }),
        duplicateCode(input.code),
      );
    },

    /** Whether the department belongs to one of these parks or a park below them (a user's department). */
    async departmentInParks(parkIds: readonly string[], departmentId: string): Promise<boolean> {
      return !!(await repo.findDepartment(db, await parksWithin(parkIds), departmentId));
    },

    /** `withinParks`: only departments of these parks and the parks below them (the user form's pick). */
    async listDepartments(ctx: RequestContext, f: { q?: string; parkId?: string; withinParks?: string[]; ids?: string[] }, page: number, pageSize: number, sort?: string) {
      const { withinParks, ...rest } = f;
      const r = await repo.listDepartments(db, await scopeOf(ctx.actor), { ...rest, ...(withinParks ? { within: await parksWithin(withinParks) } : {}) }, page, pageSize, sort);
      return { items: r.items.map(toDepartment), total: r.total, page, pageSize };
    },

    async createDepartment(ctx: RequestContext, input: z.infer<typeof createDepartmentRequest>) {
      await requirePark(await scopeOf(ctx.actor), input.parkId);
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
          const d = await repo.insertDepartment(tx, input);
          await audit.record(tx, ctx, { action: 'department.create', targetType: 'department', targetId: d.id, summary: { after: input } });
          return toDepartment(d);
          }),
        duplicateDepartment(input.name),
      );
    },

    async updateDepartment(ctx: RequestContext, id: string, input: z.infer<typeof updateDepartmentRequest>) {
      const before = await repo.findDepartment(db, await scopeOf(ctx.actor), id);
      if (!before) throw notFound('部门');
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
          const d = await repo.updateDepartment(tx, id, input);
          await audit.record(tx, ctx, { action: 'department.update', targetType: 'department', targetId: id, summary: { before: touched(toDepartment(before), input), after: input } });
          return toDepartment(d);
          }),
        duplicateDepartment(input.name),
      );
    },

    async deleteDepartment(ctx: RequestContext, id: string) {
      const before = await repo.findDepartment(db, await scopeOf(ctx.actor), id);
      if (!before) throw notFound('部门');
      await db.transaction(async (tx) => {
        const refs = await repo.departmentReferences(tx, id);
        const parts = [refs.users ? `${refs.users} 名用户` : '', refs.orders ? `${refs.orders} 个工单` : ''].filter(Boolean);
        if (parts.length) throw new AppError('CONFLICT', `部门“${before.name}”仍有${parts.join('、')}，不能删除；请先调整这些用户或工单的部门`);
        // Anything else that still refers to it (a foreign key): the same answer, never a 500.
        await repo.deleteDepartment(tx, id).catch((e: { code?: string; cause?: { code?: string } }) => {
          if ((e.code ?? e.cause?.code) === '23503') throw new AppError('CONFLICT', `部门“${before.name}”仍被其他记录引用，不能删除`);
          throw e;
        });
        await audit.record(tx, ctx, { action: 'department.delete', targetType: 'department', targetId: id, summary: { before: toDepartment(before) } });
      });
    },
  };
}
export type ParksService = ReturnType<typeof createParksService>;
