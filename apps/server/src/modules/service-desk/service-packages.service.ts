// 服务包: definitions (servicePackage.manage, zone-wide bundles), assignments to enterprises in the
// caller's parks (servicePackage.write) and each item's progress. An assignment outside the caller's
// parks is 404, like one that does not exist.
import { packageCompletion, type PackageAssignment, type PackageItemStatus, type PortalPackage, type ServicePackage } from '@zhiyuan/core';
import type { z } from 'zod';
import type { assignServicePackageRequest, createServicePackageRequest, updateServicePackageRequest } from '@zhiyuan/core';
import type { Db, Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { UserDirectory } from '../identity/user-directory';
import type { ParksService } from '../parks/parks.service';
import { actingUser, everyPark, officerScope, portalEnterprise } from './officer-scope';
import * as repo from './service-packages.repository';

type CreatePackage = z.infer<typeof createServicePackageRequest>;
type UpdatePackage = z.infer<typeof updateServicePackageRequest>;
type Assign = z.infer<typeof assignServicePackageRequest>;
export type AssignmentFilterInput = { packageId?: string; enterpriseId?: string; parkId?: string; officerId?: string; complete?: boolean };

export type ServicePackagesDeps = { db: Db; audit: AuditService; parks: ParksService; enterprises: EnterprisesService; users: UserDirectory };

const duplicateName = (name?: string) => () => new AppError('DUPLICATE', `已有名为“${name}”的服务包`, [{ path: ['name'], message: '服务包名称重复' }]);

export function createServicePackagesService({ db, audit, parks, enterprises, users }: ServicePackagesDeps) {
  const scopeOf = (ctx: RequestContext) => officerScope(enterprises, ctx);

  function toPackage(p: repo.PackageRow, items: repo.ItemRow[], assignedCount: number): ServicePackage {
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      active: p.active,
      items: items.map((i) => ({ id: i.id, name: i.name, description: i.description, sortOrder: i.sortOrder, active: i.active })),
      assignedCount,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  async function packageView(ctx: RequestContext, id: string) {
    const p = await repo.findPackage(db, id);
    if (!p) throw notFound('服务包');
    const [items, counts] = await Promise.all([repo.itemsOf(db, [id]), repo.assignedCounts(db, await scopeOf(ctx), [id])]);
    return toPackage(p, items.get(id) ?? [], counts.get(id) ?? 0);
  }

  async function presentAssignments(rows: repo.AssignmentRow[]): Promise<PackageAssignment[]> {
    const [items, progress, parkList] = await Promise.all([repo.itemsOf(db, rows.map((r) => r.packageId)), repo.progressOf(db, rows.map((r) => r.id)), parks.directory()]);
    const names = await users.byIds([...rows.flatMap((r) => [r.officerId, r.assignedBy]), ...[...progress.values()].flat().map((p) => p.updatedBy)].filter((x): x is string => !!x));
    const parkNames = new Map(parkList.map((p) => [p.id, p.name]));
    const nameOf = (id: string | null) => (id ? (names.get(id)?.displayName ?? null) : null);
    return rows.map((r) => {
      const done = new Map((progress.get(r.id) ?? []).map((p) => [p.itemId, p]));
      // Every active item, todo until someone updates it; a deactivated item's progress is kept but not shown.
      const list = (items.get(r.packageId) ?? [])
        .filter((i) => i.active)
        .map((i) => {
          const p = done.get(i.id);
          return { itemId: i.id, name: i.name, description: i.description, status: (p?.status ?? 'todo') as PackageItemStatus, note: p?.note ?? null, updatedAt: p?.updatedAt.toISOString() ?? null, updatedByName: nameOf(p?.updatedBy ?? null) };
        });
      return {
        id: r.id,
        packageId: r.packageId,
        packageName: r.packageName,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        parkName: parkNames.get(r.parkId) ?? '',
        officerId: r.officerId,
        officerName: nameOf(r.officerId),
        assignedAt: r.assignedAt.toISOString(),
        assignedByName: nameOf(r.assignedBy),
        items: list,
        completion: packageCompletion(list),
      };
    });
  }

  /** An assignment as its enterprise sees it (contracts: portalPackage): no progress notes, no names of who updated them. */
  async function presentToEnterprise(rows: repo.AssignmentRow[]): Promise<PortalPackage[]> {
    const descriptions = new Map(rows.map((r) => [r.id, r.packageDescription]));
    return (await presentAssignments(rows)).map((a) => ({
      id: a.id,
      packageName: a.packageName,
      description: descriptions.get(a.id) ?? null,
      officerName: a.officerName,
      assignedAt: a.assignedAt,
      items: a.items.map((i) => ({ itemId: i.itemId, name: i.name, description: i.description, status: i.status, updatedAt: i.updatedAt })),
      completion: a.completion,
    }));
  }

  async function visibleAssignment(ctx: RequestContext, id: string) {
    const row = await repo.findAssignment(db, await scopeOf(ctx), id);
    if (!row) throw notFound('服务包分配');
    return row;
  }

  /** Items of an update: kept (by id), added (without) and deactivated (left out). */
  async function replaceItems(tx: Tx, packageId: string, current: repo.ItemRow[], input: NonNullable<UpdatePackage['items']>) {
    const known = new Map(current.map((i) => [i.id, i]));
    const details = input.flatMap((it, n) => (it.id && !known.has(it.id) ? [{ path: ['items', n, 'id'], message: '该服务事项不属于此服务包' }] : []));
    if (details.length) throw new AppError('VALIDATION_FAILED', '服务事项不属于此服务包', details);
    const kept = new Set(input.flatMap((it) => (it.id ? [it.id] : [])));
    for (const [n, it] of input.entries()) if (it.id) await repo.updateItem(tx, it.id, { name: it.name, description: it.description ?? null, sortOrder: n, active: true });
    for (const i of current) if (!kept.has(i.id) && i.active) await repo.updateItem(tx, i.id, { active: false });
    await repo.insertItems(tx, input.flatMap((it, n) => (it.id ? [] : [{ packageId, name: it.name, description: it.description ?? null, sortOrder: n }])));
  }

  return {
    presentAssignments,

    async list(ctx: RequestContext, f: { q?: string; active?: boolean }, page: number, pageSize: number, sort?: string) {
      const r = await repo.listPackages(db, await scopeOf(ctx), f, page, pageSize, sort);
      const items = await repo.itemsOf(db, r.items.map((p) => p.id));
      return { items: r.items.map((p) => toPackage(p, items.get(p.id) ?? [], p.assignedCount)), total: r.total, page, pageSize };
    },

    get: packageView,

    async create(ctx: RequestContext, input: CreatePackage) {
      const id = await uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const p = await repo.insertPackage(tx, { name: input.name, description: input.description ?? null, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null });
            await repo.insertItems(tx, input.items.map((it, n) => ({ packageId: p.id, name: it.name, description: it.description ?? null, sortOrder: n })));
            await audit.record(tx, ctx, { action: 'servicePackage.create', targetType: 'service_package', targetId: p.id, summary: { after: { name: p.name, items: input.items.map((i) => i.name) } } });
            return p.id;
          }),
        duplicateName(input.name),
      );
      return packageView(ctx, id);
    },

    async update(ctx: RequestContext, id: string, input: UpdatePackage) {
      await uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const before = await repo.lockPackage(tx, id);
            if (!before) throw notFound('服务包');
            const items = (await repo.itemsOf(tx, [id])).get(id) ?? [];
            if (input.items) await replaceItems(tx, id, items, input.items);
            const after = await repo.updatePackage(tx, id, {
              ...(input.name !== undefined ? { name: input.name } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(input.active !== undefined ? { active: input.active } : {}),
            });
            await audit.record(tx, ctx, {
              action: 'servicePackage.update',
              targetType: 'service_package',
              targetId: id,
              summary: { before: { name: before.name, active: before.active, items: items.filter((i) => i.active).map((i) => i.name) }, after: { name: after.name, active: after.active, ...(input.items ? { items: input.items.map((i) => i.name) } : {}) } },
            });
          }),
        duplicateName(input.name),
      );
      return packageView(ctx, id);
    },

    /** To enterprises of the caller's parks; an enterprise already holding the package is left as it is. */
    async assign(ctx: RequestContext, packageId: string, input: Assign) {
      const me = actingUser(ctx);
      const pkg = await repo.findPackage(db, packageId);
      if (!pkg) throw notFound('服务包');
      if (!pkg.active) throw new AppError('CONFLICT', '服务包已停用，不能再分配');
      if (input.officerId && !(await users.officerById(input.officerId))) throw new AppError('VALIDATION_FAILED', '服务人员应为在用的服务管家账号', [{ path: ['officerId'], message: '不是在用的服务管家' }]);
      const ids = [...new Set(input.enterpriseIds)];
      const found = new Map((await repo.enterprisesInScope(db, await scopeOf(ctx), ids)).map((e) => [e.id, e]));
      const missing = input.enterpriseIds.flatMap((id, n) => (found.has(id) ? [] : [{ path: ['enterpriseIds', n], message: '企业不存在或不在权限范围内' }]));
      if (missing.length) throw new AppError('NOT_FOUND', '所选企业不存在或不在您的权限范围内', missing);
      return db.transaction(async (tx) => {
        const created = await repo.insertAssignments(tx, ids.map((enterpriseId) => ({ packageId, enterpriseId, officerId: input.officerId ?? found.get(enterpriseId)!.serviceOfficerId, assignedBy: me })));
        await audit.record(tx, ctx, { action: 'servicePackage.assign', targetType: 'service_package', targetId: packageId, summary: { after: { enterpriseIds: created.map((c) => c.enterpriseId), officerId: input.officerId ?? null } } });
        return { created: created.length, existing: ids.length - created.length };
      });
    },

    async listAssignments(ctx: RequestContext, f: AssignmentFilterInput, page: number, pageSize: number, sort?: string) {
      const { parkId, ...rest } = f;
      const filter = { ...rest, ...(parkId ? { parkIds: await parks.subtree(parkId) } : {}) };
      const r = await repo.listAssignments(db, await scopeOf(ctx), filter, page, pageSize, sort);
      return { items: await presentAssignments(r.items), total: r.total, page, pageSize };
    },

    async getAssignment(ctx: RequestContext, id: string) {
      return (await presentAssignments([await visibleAssignment(ctx, id)]))[0]!;
    },

    /** 我的服务: the packages of the enterprise user's own enterprise, read-only. */
    async portalList(ctx: RequestContext, page: number, pageSize: number) {
      const enterpriseId = await portalEnterprise(enterprises, ctx);
      if (!enterpriseId) return { items: [], total: 0, page, pageSize };
      const r = await repo.listAssignments(db, everyPark, { enterpriseId }, page, pageSize);
      return { items: await presentToEnterprise(r.items), total: r.total, page, pageSize };
    },

    /** Another enterprise's assignment is 404 like one that does not exist. */
    async portalGet(ctx: RequestContext, id: string) {
      const enterpriseId = await portalEnterprise(enterprises, ctx);
      const row = await repo.findAssignment(db, everyPark, id);
      if (!row || !enterpriseId || row.enterpriseId !== enterpriseId) throw notFound('服务包');
      return (await presentToEnterprise([row]))[0]!;
    },

    async updateItemProgress(ctx: RequestContext, id: string, itemId: string, input: { status: PackageItemStatus; note?: string }) {
      const me = actingUser(ctx);
      const a = await visibleAssignment(ctx, id);
      const item = ((await repo.itemsOf(db, [a.packageId])).get(a.packageId) ?? []).find((i) => i.id === itemId && i.active);
      if (!item) throw notFound('服务事项');
      await db.transaction(async (tx) => {
        const before = await repo.findProgress(tx, id, itemId);
        const after = await repo.upsertProgress(tx, { assignmentId: id, itemId, status: input.status, note: input.note || null, updatedBy: me });
        await audit.record(tx, ctx, {
          action: 'servicePackage.progress',
          targetType: 'service_package_assignment',
          targetId: id,
          summary: { item: item.name, before: { status: before?.status ?? 'todo', note: before?.note ?? null }, after: { status: after.status, note: after.note } },
        });
      });
      return (await presentAssignments([(await repo.findAssignment(db, await scopeOf(ctx), id))!]))[0]!;
    },
  };
}
export type ServicePackagesService = ReturnType<typeof createServicePackagesService>;
