import {
  applyStatusEvent,
  enterpriseNameKey,
  sectionOfDivision,
  shanghaiDate,
  type CreateEnterpriseRequest,
  type EnterpriseFilter,
  type StatusEventKind,
  type UpdateEnterpriseRequest,
} from '@zhiyuan/core';
import type { Db, Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { ParksService } from '../parks/parks.service';
import type { ParkScope } from '../parks/scope';
import type { UserDirectory } from '../identity/user-directory';
import { contactsForAudit, storeContacts, toEnterprise, toListItem, type Presented } from './enterprise-mapping';
import { enterpriseScopeOf, parkInScope, type EnterpriseScope } from './enterprise-scope';
import * as repo from './enterprises.repository';

/** Fields an enterprise user may change on its own enterprise; key fields go through change requests. */
const selfEditable = new Set(['registeredAddress', 'operatingAddress', 'contacts']);

export const duplicateUscc = (uscc?: string) => () =>
  new AppError('DUPLICATE_USCC', `统一社会信用代码 ${uscc ?? ''} 已登记`, [{ path: ['uscc'], message: '该统一社会信用代码已登记' }]);

const statusEventView = (e: repo.StatusEventRow) => ({
  id: e.id,
  kind: e.kind,
  on: e.on,
  destination: e.destination,
  note: e.note,
  actorName: e.actorName,
  createdAt: e.createdAt.toISOString(),
});

export type EnterpriseDeps = { db: Db; audit: AuditService; parks: ParksService; users: UserDirectory; cipher: FieldCipher; clock: () => Date };

export function createEnterprisesService({ db, audit, parks, users, cipher, clock }: EnterpriseDeps) {
  const today = () => shanghaiDate(clock());
  const scopeOf = (ctx: RequestContext) => enterpriseScopeOf(ctx.actor, parks.scopeOf);

  /** The enterprise if the caller may see it; anything else is 404 so ids are not confirmed. */
  async function visible(ctx: RequestContext, id: string) {
    const scope = await scopeOf(ctx);
    const row = await repo.findEnterprise(db, scope, id);
    if (!row) throw notFound('企业');
    return { row, scope };
  }

  async function present(rows: repo.EnterpriseRow[]): Promise<Presented[]> {
    const [officers, kinds, parkList] = await Promise.all([
      users.byIds(rows.flatMap((r) => (r.serviceOfficerId ? [r.serviceOfficerId] : []))),
      repo.validKindsOf(db, rows.map((r) => r.id), today()),
      parks.directory(),
    ]);
    const parkNames = new Map(parkList.map((p) => [p.id, p.name]));
    return rows.map((r) => ({ row: r, parkName: parkNames.get(r.parkId) ?? '', officerName: r.serviceOfficerId ? (officers.get(r.serviceOfficerId)?.displayName ?? null) : null, kinds: kinds.get(r.id) ?? [] }));
  }

  async function full(row: repo.EnterpriseRow) {
    const [p] = await present([row]);
    return toEnterprise(p!, cipher);
  }

  function assertPark(scope: EnterpriseScope, parkId: string) {
    if (!parkInScope(scope, parkId)) throw new AppError('NOT_FOUND', '所选园区不存在或不在您的权限范围内', [{ path: ['parkId'], message: '园区不在权限范围内' }]);
  }

  async function assertParkExists(parkId: string) {
    if ((await parks.subtree(parkId)).length === 0) throw new AppError('NOT_FOUND', '所选园区不存在', [{ path: ['parkId'], message: '园区不存在' }]);
  }

  async function assertOfficer(id: string | null | undefined) {
    if (id && !(await users.officerById(id))) throw new AppError('VALIDATION_FAILED', '服务管家应为在用的服务管家账号', [{ path: ['serviceOfficerId'], message: '不是在用的服务管家' }]);
  }

  function assertDates(v: { establishedOn?: string | null; movedInOn?: string }) {
    const t = today();
    if (v.establishedOn && v.establishedOn > t) throw new AppError('VALIDATION_FAILED', '成立日期不能晚于今天', [{ path: ['establishedOn'], message: '成立日期不能晚于今天' }]);
    if (v.movedInOn && v.movedInOn > t) throw new AppError('VALIDATION_FAILED', '入驻日期不能晚于今天', [{ path: ['movedInOn'], message: '入驻日期不能晚于今天' }]);
    if (v.establishedOn && v.movedInOn && v.movedInOn < v.establishedOn)
      throw new AppError('VALIDATION_FAILED', '入驻日期不能早于成立日期', [{ path: ['movedInOn'], message: '入驻日期不能早于成立日期' }]);
  }

  /** Filters of the list and the export: a park filter means the park and its sub-parks. */
  async function listFilter(f: EnterpriseFilter): Promise<repo.ListFilter> {
    const { parkId, ...rest } = f;
    return parkId ? { ...rest, parkIds: await parks.subtree(parkId) } : rest;
  }

  /** Column values of a create or update, with derived columns (name key, industry section). */
  function columnsOf(input: Omit<UpdateEnterpriseRequest, 'contacts' | 'location'> & { contacts?: UpdateEnterpriseRequest['contacts']; location?: UpdateEnterpriseRequest['location'] }) {
    const { contacts, location, ...rest } = input;
    return {
      ...rest,
      ...(rest.name !== undefined ? { nameKey: enterpriseNameKey(rest.name) } : {}),
      ...(rest.industryCode !== undefined ? { industrySection: (sectionOfDivision(rest.industryCode) ?? '') } : {}),
      ...(contacts !== undefined ? { contacts: storeContacts(contacts, cipher) } : {}),
      ...(location !== undefined ? { lon: location?.[0] ?? null, lat: location?.[1] ?? null } : {}),
    };
  }

  const auditView = (r: repo.EnterpriseRow, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, k === 'contacts' ? contactsForAudit(r.contacts, cipher) : k === 'location' ? (r.lon != null ? [r.lon, r.lat] : null) : r[k as keyof repo.EnterpriseRow]]));

  /** One update inside the caller's transaction: field rules by role, scope of a new park, audit. */
  async function applyUpdate(tx: Tx, ctx: RequestContext, scope: EnterpriseScope, before: repo.EnterpriseRow, input: UpdateEnterpriseRequest) {
    const keys = Object.keys(input).filter((k) => input[k as keyof UpdateEnterpriseRequest] !== undefined);
    if (scope.kind === 'own') {
      const refused = keys.filter((k) => !selfEditable.has(k));
      if (refused.length)
        throw new AppError('FORBIDDEN', '企业用户只能修改联系人和地址；名称、信用代码、园区、行业等请提交变更申请', refused.map((k) => ({ path: [k], message: '不能直接修改此项' })));
    }
    if (input.parkId && input.parkId !== before.parkId) {
      assertPark(scope, input.parkId);
      await assertParkExists(input.parkId);
    }
    if (input.serviceOfficerId !== undefined && input.serviceOfficerId !== before.serviceOfficerId) await assertOfficer(input.serviceOfficerId);
    assertDates({ establishedOn: input.establishedOn });
    // A renamed enterprise keeps its old name among the former names (unless they are being set).
    const formerNames = input.name && input.name !== before.name && !input.formerNames && !before.formerNames.includes(before.name) ? [...before.formerNames, before.name] : undefined;
    const updated = await repo.updateEnterprise(tx, before.id, { ...columnsOf(input), ...(formerNames ? { formerNames } : {}) });
    const changed = [...keys, ...(formerNames ? ['formerNames'] : [])];
    await audit.record(tx, ctx, { action: 'enterprise.update', targetType: 'enterprise', targetId: before.id, summary: { before: auditView(before, changed), after: auditView(updated, changed) } });
    return updated;
  }

  return {
    scopeOf,
    visible,
    today,
    listFilter,

    async list(ctx: RequestContext, f: EnterpriseFilter, page: number, pageSize: number, sort?: string) {
      const r = await repo.listEnterprises(db, await scopeOf(ctx), await listFilter(f), today(), page, pageSize, sort);
      return { items: (await present(r.items)).map(toListItem), total: r.total, totalCapped: r.totalCapped, page, pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      return full((await visible(ctx, id)).row);
    },

    async similar(ctx: RequestContext, name: string, parkId: string, excludeId?: string) {
      const scope = await scopeOf(ctx);
      if (!parkInScope(scope, parkId)) return { items: [] };
      return { items: await repo.similarByKey(db, parkId, enterpriseNameKey(name), excludeId) };
    },

    /** For the users module: an enterprise account must name an enterprise of the creator's parks. */
    async existsInParks(parkScope: ParkScope, id: string) {
      return !!(await repo.findEnterprise(db, { kind: 'parks', parks: parkScope }, id));
    },

    async tags(ctx: RequestContext) {
      return { items: await repo.tagsInUse(db, await scopeOf(ctx)) };
    },

    async officers() {
      return { items: (await users.officers()).map((o) => ({ id: o.id, displayName: o.displayName })) };
    },

    async create(ctx: RequestContext, input: CreateEnterpriseRequest) {
      const scope = await scopeOf(ctx);
      assertPark(scope, input.parkId);
      await assertParkExists(input.parkId);
      await assertOfficer(input.serviceOfficerId);
      const movedInOn = input.movedInOn ?? today();
      assertDates({ establishedOn: input.establishedOn, movedInOn });
      const { movedInOn: _movedIn, ...fields } = input;
      const row = await uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const created = await repo.insertEnterprise(tx, { ...columnsOf(fields), uscc: input.uscc, name: input.name, nameKey: enterpriseNameKey(input.name), parkId: input.parkId, industryCode: input.industryCode, industrySection: (sectionOfDivision(input.industryCode) ?? ''), status: 'active', statusSince: movedInOn });
            await repo.insertStatusEvent(tx, { enterpriseId: created.id, kind: 'moved_in', on: movedInOn, actorId: ctx.actor.id, actorName: ctx.actor.name });
            await audit.record(tx, ctx, { action: 'enterprise.create', targetType: 'enterprise', targetId: created.id, summary: { after: { uscc: created.uscc, name: created.name, parkId: created.parkId, industryCode: created.industryCode } } });
            return created;
          }),
        duplicateUscc(input.uscc),
      );
      return { ...(await full(row)), similar: await repo.similarByKey(db, row.parkId, row.nameKey, row.id) };
    },

    async update(ctx: RequestContext, id: string, input: UpdateEnterpriseRequest) {
      const { row: before, scope } = await visible(ctx, id);
      const row = await uniqueAs(() => db.transaction((tx) => applyUpdate(tx, ctx, scope, before, input)), duplicateUscc(input.uscc));
      return full(row);
    },

    applyUpdate,

    async statusEvents(ctx: RequestContext, id: string) {
      await visible(ctx, id);
      return { items: (await repo.listStatusEvents(db, id)).map(statusEventView) };
    },

    async addStatusEvent(ctx: RequestContext, id: string, input: { kind: StatusEventKind; on: string; destination?: string; note?: string }) {
      const { row } = await visible(ctx, id);
      if (input.on > today()) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ path: ['on'], message: '日期不能晚于今天' }]);
      if (row.establishedOn && input.on < row.establishedOn) throw new AppError('VALIDATION_FAILED', '日期不能早于成立日期', [{ path: ['on'], message: `不能早于成立日期 ${row.establishedOn}` }]);
      return db.transaction(async (tx) => {
        const locked = (await repo.lockEnterprise(tx, id))!;
        const next = applyStatusEvent(locked.status, input.kind);
        if ('error' in next) throw new AppError('CONFLICT', next.error);
        if (locked.statusSince && input.on < locked.statusSince)
          throw new AppError('VALIDATION_FAILED', `日期不能早于上一次状态变更（${locked.statusSince}）`, [{ path: ['on'], message: `不能早于 ${locked.statusSince}` }]);
        const event = await repo.insertStatusEvent(tx, { enterpriseId: id, kind: input.kind, on: input.on, destination: input.destination ?? null, note: input.note ?? null, actorId: ctx.actor.id, actorName: ctx.actor.name });
        await repo.updateEnterprise(tx, id, { status: next.status, statusSince: input.on });
        await audit.record(tx, ctx, { action: 'enterprise.status', targetType: 'enterprise', targetId: id, summary: { before: { status: locked.status }, after: { status: next.status, on: input.on, destination: input.destination ?? null } } });
        return statusEventView(event);
      });
    },

    async history(ctx: RequestContext, id: string, page: number, pageSize: number) {
      await visible(ctx, id);
      const r = await audit.list({ targetType: 'enterprise', targetId: id }, page, pageSize);
      return { items: r.items.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, action: e.action, summary: e.summary })), total: r.total, page, pageSize };
    },
  };
}
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
