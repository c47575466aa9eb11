import {
  availableWorkOrderActions,
  can,
  formatWorkOrderNumber,
  idempotencyKey as idempotencyKeySchema,
  parseWorkOrderNumber,
  workOrderActionPermissions,
  workOrderDeadlines,
  workOrderAssigneeLimit,
  workOrderNumberYear,
  type CreateWorkOrderRequest,
  type RoleCode,
  type WorkOrderActionName,
  type WorkOrderActionRequest,
  type WorkOrderAssignee,
  type WorkOrderAssigneeQuery,
  type WorkOrderDetail,
  type WorkOrderFilter,
} from '@zhiyuan/core';
import type { Tx } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { VisitOrderInput } from './visit-orders';
import { createWorkOrderActions } from './work-order-actions';
import { createWorkOrderHandlers } from './work-order-handlers';
import { actingUserId, unknownAttachments, type WorkOrderDeps } from './work-order-deps';
import { workOrderScopeOf, type WorkOrderScope } from './work-order-scope';
import * as timeline from './work-order-timeline.repository';
import { toAttachment, toEvent, toExtension, toListItem, toSupervision, toWorkOrder } from './work-order-view';
import * as repo from './work-orders.repository';

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };
/** The PostgreSQL error of a failed query (drizzle may wrap it as `cause`). */
const pgError = (e: unknown): PgFailure => ((e as PgFailure).code ? (e as PgFailure) : ((e as PgFailure).cause ?? {}));

/** A new order's fields once the channel, enterprise and park are settled. */
type NewOrder = Omit<CreateWorkOrderRequest, 'enterpriseId' | 'parkId' | 'channel' | 'idempotencyKey'> & {
  channel: NonNullable<CreateWorkOrderRequest['channel']>;
  enterprise: { id: string; name: string; parkId: string; serviceOfficerId: string | null } | null;
  parkId: string;
  idempotencyKey?: string;
};

/** A new order with everything read and checked: what is left is writing it. */
type PreparedOrder = {
  values: Omit<repo.NewWorkOrder, 'number'> & { createdAt: Date };
  year: number;
  createdByName: string;
  attachmentIds: string[];
  enterprise: NewOrder['enterprise'];
};

/** What hangs off an order in its detail. */
type OrderParts = {
  coHandlers: { departmentId: string; departmentName: string }[];
  events: timeline.EventRow[];
  attachments: timeline.AttachmentRow[];
  extensions: timeline.ExtensionRow[];
  supervisions: timeline.SupervisionRow[];
  merged: { id: string; number: string; title: string }[];
};

export function createWorkOrdersService(deps: WorkOrderDeps) {
  const { db, audit, parks, enterprises, users, calendar, notifications, settings, cipher, clock } = deps;
  const scopeOf = (ctx: RequestContext) => workOrderScopeOf(ctx, parks, users);
  const handlers = createWorkOrderHandlers(parks, users);
  const actions = createWorkOrderActions(deps, handlers);

  /** The order if the caller reaches it; anything else is 404 so ids are not confirmed. */
  async function visible(ctx: RequestContext, id: string, scope?: WorkOrderScope) {
    const s = scope ?? (await scopeOf(ctx));
    const row = await repo.findOrder(db, s, id);
    if (!row) throw notFound('工单');
    return { row, scope: s };
  }

  const parkNames = async () => new Map((await parks.directory()).map((p) => [p.id, p.name]));
  const categoryPaths = async () => new Map((await settings.categories()).map((c) => [c.id, c.path]));

  /** The actions this caller may take now: core's buttons, narrowed to the caller's matrix actions. */
  function actionsFor(ctx: RequestContext, scope: WorkOrderScope, row: repo.WorkOrderRow, pendingExtension: boolean): WorkOrderActionName[] {
    const facts = { status: row.status, rated: row.rating != null, channel: row.channel, pendingExtension };
    if (scope.kind === 'requester') return availableWorkOrderActions(facts, 'requester');
    if (ctx.actor.kind !== 'user') return [];
    const roles = ctx.actor.roles;
    const isHead = !!row.departmentHeadId && row.departmentHeadId === ctx.actor.id;
    return availableWorkOrderActions(facts, 'staff', (a) =>
      a === 'decideExtension' ? can(roles, 'workOrder.approveExtension') || (can(roles, 'workOrder.handle') && isHead) : workOrderActionPermissions(a).some((p) => can(roles, p)),
    );
  }

  async function present(ctx: RequestContext, scope: WorkOrderScope, row: repo.WorkOrderRow): Promise<WorkOrderDetail> {
    const requester = scope.kind === 'requester';
    const [coHandlers, events, attachments, extensions, supervisions, merged] = await Promise.all([
      timeline.coHandlersOf(db, row.id),
      timeline.eventsOf(db, row.id, requester),
      timeline.attachmentsOf(db, row.id),
      timeline.extensionsOf(db, row.id),
      requester ? Promise.resolve([]) : timeline.supervisionsOf(db, row.id),
      repo.mergedInto(db, row.id),
    ]);
    return assemble(ctx, scope, row, { coHandlers, events, attachments, extensions, supervisions, merged });
  }

  /** The detail from the order and what hangs off it (the requester's `events` are the public ones). */
  async function assemble(ctx: RequestContext, scope: WorkOrderScope, row: repo.WorkOrderRow, { coHandlers, events, attachments, extensions, supervisions, merged }: OrderParts): Promise<WorkOrderDetail> {
    const requester = scope.kind === 'requester';
    const [names, paths] = await Promise.all([parkNames(), categoryPaths()]);
    const parkName = names.get(row.parkId) ?? '';
    const shownEvents = new Set(events.map((e) => e.id));
    // An attachment shares its timeline entry's visibility: the requester never sees an internal note's file.
    const files = attachments.filter((a) => a.eventId == null || shownEvents.has(a.eventId)).map(toAttachment);
    const roles = ctx.actor.roles;
    return {
      ...toWorkOrder(row, { parkName, categoryPath: row.categoryId ? (paths.get(row.categoryId) ?? []) : [], coHandlers, showPhone: !requester && (can(roles, 'workOrder.handle') || can(roles, 'workOrder.dispatch')), now: clock() }, cipher),
      events: events.map((e) => toEvent(e, files.filter((f) => f.eventId === e.id))),
      attachments: files.filter((f) => f.eventId == null),
      supervisions: supervisions.map((s) => toSupervision(s, row, parkName)),
      extensions: requester ? [] : extensions.map(toExtension),
      mergedOrders: merged,
      availableActions: actionsFor(ctx, scope, row, extensions.some((x) => x.status === 'pending')),
    };
  }

  async function detail(ctx: RequestContext, id: string): Promise<WorkOrderDetail> {
    const { row, scope } = await visible(ctx, id);
    return present(ctx, scope, row);
  }

  /** Park and category filters expanded to their subtrees; `mine` needs a user. */
  async function listFilter(ctx: RequestContext, f: WorkOrderFilter): Promise<{ filter: repo.ListFilter; number: string | null }> {
    const { parkId, categoryId, ...rest } = f;
    const parsed = f.q ? parseWorkOrderNumber(f.q) : null;
    return {
      filter: {
        ...rest,
        ...(parkId ? { parkIds: await parks.subtree(parkId) } : {}),
        ...(categoryId ? { categoryIds: await settings.categorySubtree(categoryId) } : {}),
        me: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
      number: parsed ? formatWorkOrderNumber(parsed.year, parsed.seq) : null,
    };
  }

  /** The caller's display name for the timeline. */
  async function displayName(ctx: RequestContext): Promise<string> {
    const id = actingUserId(ctx);
    return (await users.byIds([id])).get(id)?.displayName ?? ctx.actor.name;
  }

  /**
   * Reads and checks everything a new order needs (category, deadline rule, calendar, the creator's
   * name) before any transaction's locks: the category, the rules and the calendar are remembered.
   */
  async function prepare(ctx: RequestContext, v: NewOrder): Promise<PreparedOrder> {
    const userId = actingUserId(ctx);
    const now = clock();
    const priority = v.priority ?? 'normal';
    const [categories, cal, rule, createdByName] = await Promise.all([v.categoryId ? settings.categories() : [], calendar.workCalendar(), settings.ruleFor(v.type, priority), displayName(ctx)]);
    if (v.categoryId && !categories.find((c) => c.id === v.categoryId)?.active) throw new AppError('VALIDATION_FAILED', '所选分类不存在或已停用', [{ path: ['categoryId'], message: '分类不存在或已停用' }]);
    const due = workOrderDeadlines(cal, now, rule);
    if (due.usedFallbackYears.length) deps.log?.warn({ years: due.usedFallbackYears }, '工单期限按周一至周五计算：这些年份的节假日安排尚未导入');
    return {
      values: {
        type: v.type,
        channel: v.channel,
        externalNo: v.externalNo ?? null,
        priority,
        title: v.title,
        description: v.description,
        enterpriseId: v.enterprise?.id ?? null,
        parkId: v.parkId,
        categoryId: v.categoryId ?? null,
        requesterName: v.requesterName ?? null,
        requesterPhoneEnc: v.requesterPhone ? cipher.encrypt(v.requesterPhone) : null,
        createdBy: userId,
        createdAt: now,
        updatedAt: now,
        responseDueAt: new Date(due.responseDueAt),
        resolveDueAt: new Date(due.resolveDueAt),
        idempotencyKey: v.idempotencyKey ?? null,
      },
      year: workOrderNumberYear(now),
      createdByName,
      attachmentIds: [...new Set(v.attachmentIds ?? [])],
      enterprise: v.enterprise,
    };
  }

  /**
   * Writes a prepared order in the caller's transaction. The year's counter row (numbers without gaps,
   * ADR 0009) is its first lock and the audit chain its last: until the commit, creations wait for each
   * other only over these few inserts. (An order from a visit's problem is written in the visit's
   * transaction, which then assigns it and links the problem: it holds both longer. Visits are few.)
   */
  async function insert(tx: Tx, ctx: RequestContext, p: PreparedOrder) {
    const { values: v } = p;
    const order = await repo.insertOrder(tx, { ...v, number: formatWorkOrderNumber(p.year, await repo.nextNumber(tx, p.year)) });
    const event = await timeline.insertEvent(tx, { orderId: order.id, at: v.createdAt, actorId: v.createdBy, actorName: p.createdByName, action: 'create', toStatus: 'submitted', visibility: 'public', data: { channel: v.channel, type: v.type, priority: v.priority } });
    if ((await timeline.linkAttachments(tx, p.attachmentIds, v.createdBy, order.id, null)) !== p.attachmentIds.length) throw unknownAttachments();
    // A new order waits for the enterprise's service officer (ADR 0009: the "submitted" notification).
    const officer = p.enterprise?.serviceOfficerId;
    if (officer && officer !== v.createdBy) await notifications.notify(tx, [officer], { kind: 'submitted', title: `新工单待受理：${order.number}`, body: order.title, link: `/work-orders/${order.id}` });
    await audit.record(tx, ctx, { action: 'workOrder.create', targetType: 'work_order', targetId: order.id, summary: { after: { number: order.number, type: order.type, channel: order.channel, enterpriseId: order.enterpriseId, parkId: order.parkId, priority: order.priority } } });
    return { order, event };
  }

  /** The creator's detail of an order just written, from what the create knows (the same as `detail`; only linked attachments are read back). */
  async function presentNew(ctx: RequestContext, p: PreparedOrder, { order, event }: Awaited<ReturnType<typeof insert>>): Promise<WorkOrderDetail> {
    const row: repo.WorkOrderRow = {
      ...order,
      enterpriseName: p.enterprise?.name ?? null,
      serviceOfficerId: p.enterprise?.serviceOfficerId ?? null,
      departmentName: null,
      departmentHeadId: null,
      assigneeName: null,
      createdByName: p.createdByName,
      decidedByName: null,
      mergedIntoNumber: null,
    };
    const [scope, attachments] = await Promise.all([scopeOf(ctx), p.attachmentIds.length ? timeline.attachmentsOf(db, order.id) : []]);
    return assemble(ctx, scope, row, { coHandlers: [], events: [event], attachments, extensions: [], supervisions: [], merged: [] });
  }

  /** Channel, enterprise and park of a create, by who is asking. */
  async function placement(ctx: RequestContext, input: CreateWorkOrderRequest): Promise<Pick<NewOrder, 'channel' | 'enterprise' | 'parkId'>> {
    const scope = await enterprises.scopeOf(ctx);
    if (scope.kind === 'own') {
      // The portal: always the user's own enterprise.
      if (!scope.enterpriseId) throw new AppError('FORBIDDEN', '您的账号未关联企业，不能提交工单');
      if (input.enterpriseId && input.enterpriseId !== scope.enterpriseId) throw notFound('企业');
      if (input.channel && input.channel !== 'portal') throw new AppError('VALIDATION_FAILED', '企业用户提交的工单渠道为企业门户', [{ path: ['channel'], message: '企业用户只能通过企业门户提交' }]);
      const e = (await repo.enterpriseOf(db, scope.enterpriseId))!;
      return { channel: 'portal', enterprise: e, parkId: e.parkId };
    }
    const channel = input.channel ?? 'staff';
    if (channel === 'portal') throw new AppError('VALIDATION_FAILED', '企业门户工单只能由企业用户提交', [{ path: ['channel'], message: '请选择来电、走访、12345 或工作人员录入' }]);
    if (input.enterpriseId) {
      const { row } = await enterprises.visible(ctx, input.enterpriseId);
      return { channel, enterprise: { id: row.id, name: row.name, parkId: row.parkId, serviceOfficerId: row.serviceOfficerId }, parkId: row.parkId };
    }
    const parkId = input.parkId ?? (ctx.actor.parkIds.length === 1 ? ctx.actor.parkIds[0] : undefined);
    if (!parkId) throw new AppError('VALIDATION_FAILED', '请选择工单所属园区', [{ path: ['parkId'], message: '请选择园区' }]);
    const parkScope = scope.parks;
    if (!(parkScope.all || parkScope.ids.has(parkId)) || (await parks.subtree(parkId)).length === 0) throw new AppError('NOT_FOUND', '所选园区不存在或不在您的权限范围内', [{ path: ['parkId'], message: '园区不在权限范围内' }]);
    return { channel, enterprise: null, parkId };
  }

  return {
    scopeOf,
    visible,
    present,
    detail,
    actingUserId,
    displayName,

    async list(ctx: RequestContext, f: WorkOrderFilter, page: number, pageSize: number, sort?: string) {
      const [scope, { filter, number }, names, paths] = await Promise.all([scopeOf(ctx), listFilter(ctx, f), parkNames(), categoryPaths()]);
      const now = clock();
      const r = await repo.listOrders(db, scope, filter, now, number, page, pageSize, sort);
      const items = r.items.map((row) => toListItem(row, { parkName: names.get(row.parkId) ?? '', categoryPath: row.categoryId ? (paths.get(row.categoryId) ?? []) : [], now }));
      return { items, total: r.total, page, pageSize };
    },

    /** Batches of list items for the xlsx export (same filter and scope as the list). */
    async *scan(ctx: RequestContext, f: WorkOrderFilter) {
      const [scope, { filter, number }, names, paths] = await Promise.all([scopeOf(ctx), listFilter(ctx, f), parkNames(), categoryPaths()]);
      const now = clock();
      for await (const rows of repo.scanOrders(db, scope, filter, now, number)) {
        yield rows.map((row) => ({ ...toListItem(row, { parkName: names.get(row.parkId) ?? '', categoryPath: row.categoryId ? (paths.get(row.categoryId) ?? []) : [], now }), externalNo: row.externalNo }));
      }
    },

    /**
     * `POST /api/work-orders`. The idempotency key (body or header) makes a double submit answer the
     * order the first one made: `replayed` tells the route to say so.
     */
    async create(ctx: RequestContext, input: CreateWorkOrderRequest, headerKey?: string): Promise<{ order: WorkOrderDetail; replayed: boolean }> {
      const userId = actingUserId(ctx);
      if (headerKey !== undefined) {
        const parsed = idempotencyKeySchema.safeParse(headerKey);
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues[0]!.message, [{ path: ['Idempotency-Key'], message: parsed.error.issues[0]!.message }]);
        if (input.idempotencyKey && input.idempotencyKey !== parsed.data) throw new AppError('BAD_REQUEST', '请求体与 Idempotency-Key 请求头中的幂等键不一致', [{ path: ['idempotencyKey'], message: '与请求头不一致' }]);
        headerKey = parsed.data;
      }
      const key = input.idempotencyKey ?? headerKey;
      const replay = async () => {
        const done = key ? await repo.findByIdempotencyKey(db, userId, key) : undefined;
        return done ? { order: await detail(ctx, done.id), replayed: true } : null;
      };
      const earlier = await replay();
      if (earlier) return earlier;
      const prepared = await prepare(ctx, { ...input, ...(await placement(ctx, input)), idempotencyKey: key });
      try {
        const written = await db.transaction((tx) => insert(tx, ctx, prepared));
        return { order: await presentNew(ctx, prepared, written), replayed: false };
      } catch (e) {
        // A concurrent submit with the same key committed first: answer its order.
        const pg = pgError(e);
        if (pg.code === '23505' && pg.constraint === 'work_orders_idempotency_key') {
          const again = await replay();
          if (again) return again;
        }
        throw e;
      }
    },

    /** For visits: "problem → order" inside the visit's transaction (channel visit, the visit's enterprise). */
    async createFromVisit(tx: Tx, ctx: RequestContext, input: VisitOrderInput): Promise<{ id: string; number: string }> {
      const e = await repo.enterpriseOf(tx, input.enterpriseId);
      if (!e) throw notFound('企业');
      const { departmentId, assigneeId, enterpriseId: _e, ...fields } = input;
      const { order } = await insert(tx, ctx, await prepare(ctx, { ...fields, channel: 'visit', enterprise: e, parkId: e.parkId }));
      // Routed at once when the visitor knows who should handle it (their notification is in this transaction).
      if (departmentId || assigneeId) await actions.apply(tx, ctx, await scopeOf(ctx), order.id, { action: 'assign', departmentId, assigneeId });
      return { id: order.id, number: order.number };
    },

    /**
     * `GET /api/work-orders/:id/assignees`: who the order may be assigned to (the rule the assign
     * checks), the chosen department's staff first. An order out of reach is 404.
     */
    async assignees(ctx: RequestContext, id: string, query: WorkOrderAssigneeQuery): Promise<{ items: WorkOrderAssignee[] }> {
      const { row } = await visible(ctx, id);
      const found = await handlers.list(row.parkId, { departmentFirst: query.departmentId, q: query.q || undefined, limit: workOrderAssigneeLimit });
      return { items: found.map((u) => ({ id: u.id, displayName: u.displayName, departmentId: u.departmentId, departmentName: u.departmentName, roles: u.roles as RoleCode[] })) };
    },

    /**
     * `POST /api/work-orders/:id/actions`. Staff without a matrix action for it get 403 before the
     * order is looked up; an order out of reach is 404; the state machine's "no" is 403 or 409.
     */
    async act(ctx: RequestContext, id: string, input: WorkOrderActionRequest): Promise<WorkOrderDetail> {
      const scope = await scopeOf(ctx);
      if (scope.kind === 'staff') actions.assertMatrix(ctx, input.action);
      await visible(ctx, id, scope);
      const afterCommit = await db.transaction((tx) => actions.apply(tx, ctx, scope, id, input));
      await afterCommit();
      return detail(ctx, id);
    },
  };
}
export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>;
