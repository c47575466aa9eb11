// 走访: plan, record, cancel; problems found, each turned into a work order in one click; the
// frequency rules per enterprise class. A visit's park (the enterprise's when it was planned or
// recorded) decides who sees it; outside the caller's parks it is 404.
import {
  defaultVisitFrequency,
  shanghaiDate,
  visitClasses,
  visitStatusNames,
  type CreateVisitRequest,
  type PortalVisit,
  type RecordVisitRequest,
  type Visit,
  type VisitClass,
  type VisitFrequencyRules,
  type VisitStatus,
} from '@zhiyuan/core';
import type { z } from 'zod';
import type { problemToWorkOrderRequest, updateVisitPlanRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { streamWorkbook } from '../../xlsx/write-workbook';
import type { AuditService } from '../audit/audit.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { UserDirectory } from '../identity/user-directory';
import type { ParksService } from '../parks/parks.service';
import { actingUser, everyPark, officerScope, portalEnterprise } from './officer-scope';
import * as repo from './visits.repository';
import type { VisitOrderCreator } from './visit-orders';

export type VisitFilterInput = { enterpriseId?: string; officerId?: string; parkId?: string; status?: VisitStatus; mine?: boolean; from?: string; to?: string };
type UpdatePlan = z.infer<typeof updateVisitPlanRequest>;
type ProblemToOrder = z.infer<typeof problemToWorkOrderRequest>;

export type VisitsDeps = { db: Db; audit: AuditService; parks: ParksService; enterprises: EnterprisesService; users: UserDirectory; clock: () => Date; orders: VisitOrderCreator };

const problemHasOrder = (number: string | null) => new AppError('PROBLEM_HAS_ORDER', `该问题已转为工单${number ? ` ${number}` : ''}，不能重复转办`);
const conflict = (message: string) => new AppError('CONFLICT', message);
const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path: [path], message }]);

export function createVisitsService({ db, audit, parks, enterprises, users, clock, orders }: VisitsDeps) {
  const today = () => shanghaiDate(clock());
  const scopeOf = (ctx: RequestContext) => officerScope(enterprises, ctx);

  async function present(rows: repo.VisitListRow[]): Promise<Visit[]> {
    const [problems, names, parkList] = await Promise.all([
      repo.problemsOf(db, rows.map((r) => r.id)),
      users.byIds(rows.flatMap((r) => [r.officerId, r.createdBy])),
      parks.directory(),
    ]);
    const parkNames = new Map(parkList.map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      parkId: r.parkId,
      parkName: parkNames.get(r.parkId) ?? '',
      officerId: r.officerId,
      officerName: names.get(r.officerId)?.displayName ?? null,
      status: r.status,
      plannedOn: r.plannedOn,
      visitedOn: r.visitedOn,
      people: r.people,
      topics: r.topics,
      problems: (problems.get(r.id) ?? []).map((p) => ({ id: p.id, text: p.text, workOrderId: p.workOrderId, workOrderNumber: p.workOrderNumber })),
      notes: r.notes,
      cancelReason: r.cancelReason,
      createdAt: r.createdAt.toISOString(),
      createdByName: names.get(r.createdBy)?.displayName ?? null,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async function visible(ctx: RequestContext, id: string) {
    const row = await repo.findVisit(db, await scopeOf(ctx), id);
    if (!row) throw notFound('走访记录');
    return row;
  }

  async function one(ctx: RequestContext, id: string) {
    return (await present([await visible(ctx, id)]))[0]!;
  }

  /** The enterprise named in a body, if the caller manages it (404 with the field otherwise). */
  async function enterpriseOf(ctx: RequestContext, id: string) {
    try {
      return (await enterprises.visible(ctx, id)).row;
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', '企业不存在或不在您的权限范围内', [{ path: ['enterpriseId'], message: '企业不在权限范围内' }]);
      throw e;
    }
  }

  async function assertOfficer(ctx: RequestContext, id: string | undefined) {
    if (id && id !== ctx.actor.id && !(await users.officerById(id))) throw invalid('officerId', '走访人应为在用的服务管家账号');
  }

  function assertPlannedOn(day: string | undefined) {
    if (day && day < today()) throw invalid('plannedOn', '计划走访日期不能早于今天');
  }
  function assertVisitedOn(day: string) {
    if (day > today()) throw invalid('visitedOn', '走访日期不能晚于今天');
  }

  async function filterOf(ctx: RequestContext, f: VisitFilterInput): Promise<repo.VisitListFilter> {
    const { parkId, mine, ...rest } = f;
    return { ...rest, ...(mine ? { officerId: ctx.actor.id ?? undefined } : {}), ...(parkId ? { parkIds: await parks.subtree(parkId) } : {}) };
  }

  async function rules(): Promise<VisitFrequencyRules> {
    const rows = await repo.frequencyRules(db);
    return { ...defaultVisitFrequency, ...Object.fromEntries(rows.map((r) => [r.class, r.intervalDays])) };
  }

  /** The portal's visits: made and planned (a cancelled plan is the park's own business). */
  const portalStatuses = ['planned', 'done'] as const;

  /** A visit as its enterprise sees it (contracts: portalVisit); a problem links to its order when the order is the enterprise's. */
  async function presentToEnterprise(enterpriseId: string, rows: repo.VisitListRow[]): Promise<PortalVisit[]> {
    const [problems, names] = await Promise.all([repo.problemsOf(db, rows.map((r) => r.id)), users.byIds(rows.map((r) => r.officerId))]);
    return rows.map((r) => ({
      id: r.id,
      status: r.status === 'done' ? 'done' : 'planned',
      plannedOn: r.plannedOn,
      visitedOn: r.visitedOn,
      officerName: names.get(r.officerId)?.displayName ?? null,
      people: r.people,
      topics: r.topics,
      problems: (problems.get(r.id) ?? []).map((p) => {
        const own = p.workOrderEnterpriseId === enterpriseId;
        return { text: p.text, workOrderId: own ? p.workOrderId : null, workOrderNumber: own ? p.workOrderNumber : null };
      }),
    }));
  }

  const auditView = (v: repo.VisitRow) => ({ enterpriseId: v.enterpriseId, officerId: v.officerId, status: v.status, plannedOn: v.plannedOn, visitedOn: v.visitedOn, topics: v.topics });

  return {
    scopeOf,
    rules,
    present,

    async list(ctx: RequestContext, f: VisitFilterInput, page: number, pageSize: number, sort?: string) {
      const r = await repo.listVisits(db, await scopeOf(ctx), await filterOf(ctx, f), page, pageSize, sort);
      return { items: await present(r.items), total: r.total, page, pageSize };
    },

    get: one,

    /** 我的服务: the enterprise user's own enterprise's visits, read-only. */
    async portalList(ctx: RequestContext, page: number, pageSize: number) {
      const enterpriseId = await portalEnterprise(enterprises, ctx);
      if (!enterpriseId) return { items: [], total: 0, page, pageSize };
      const r = await repo.listVisits(db, everyPark, { enterpriseId, statuses: portalStatuses }, page, pageSize);
      return { items: await presentToEnterprise(enterpriseId, r.items), total: r.total, page, pageSize };
    },

    /** Another enterprise's visit, or a cancelled plan, is 404 like one that does not exist. */
    async portalGet(ctx: RequestContext, id: string) {
      const enterpriseId = await portalEnterprise(enterprises, ctx);
      const row = await repo.findVisit(db, everyPark, id);
      if (!row || !enterpriseId || row.enterpriseId !== enterpriseId || row.status === 'cancelled') throw notFound('走访记录');
      return (await presentToEnterprise(enterpriseId, [row]))[0]!;
    },

    async export(ctx: RequestContext, f: VisitFilterInput) {
      const scope = await scopeOf(ctx);
      const filter = await filterOf(ctx, f);
      await audit.record(db, ctx, { action: 'visit.export', targetType: 'visit', summary: { filter: f } });
      const rows = async function* () {
        for await (const batch of repo.scanVisits(db, scope, filter)) {
          yield (await present(batch)).map((v) => ({
            ...v,
            status: visitStatusNames[v.status],
            people: v.people.join('、'),
            topics: v.topics.join('、'),
            problems: v.problems.map((p, i) => `${i + 1}. ${p.text}`).join('\n'),
            orders: v.problems.flatMap((p) => (p.workOrderNumber ? [p.workOrderNumber] : [])).join('、'),
            createdAt: v.createdAt.slice(0, 10),
          }));
        }
      };
      const col = (header: string, key: string, width = 14) => ({ header, key, width });
      return streamWorkbook([
        {
          name: '走访记录',
          columns: [
            col('企业名称', 'enterpriseName', 32),
            col('园区', 'parkName'),
            col('走访人', 'officerName', 12),
            col('状态', 'status', 10),
            col('计划日期', 'plannedOn', 12),
            col('走访日期', 'visitedOn', 12),
            col('参加人员', 'people', 24),
            col('走访内容', 'topics', 30),
            col('发现问题', 'problems', 40),
            col('转办工单', 'orders', 20),
            col('备注', 'notes', 30),
            col('取消原因', 'cancelReason', 20),
            col('登记人', 'createdByName', 12),
            col('登记日期', 'createdAt', 12),
          ],
          rows: rows(),
        },
      ]);
    },

    /** A plan (plannedOn), or a visit already made (visitedOn with the record). */
    async create(ctx: RequestContext, input: CreateVisitRequest) {
      const me = actingUser(ctx);
      const enterprise = await enterpriseOf(ctx, input.enterpriseId);
      await assertOfficer(ctx, input.officerId);
      assertPlannedOn(input.plannedOn);
      if (input.visitedOn) assertVisitedOn(input.visitedOn);
      const done = !!input.visitedOn;
      const id = await db.transaction(async (tx) => {
        const v = await repo.insertVisit(tx, {
          enterpriseId: enterprise.id,
          parkId: enterprise.parkId,
          officerId: input.officerId ?? me,
          status: done ? 'done' : 'planned',
          plannedOn: input.plannedOn ?? null,
          visitedOn: input.visitedOn ?? null,
          people: input.people ?? [],
          topics: input.topics ?? [],
          notes: input.notes || null,
          createdBy: me,
        });
        const problems = await repo.insertProblems(tx, v.id, (input.problemsFound ?? []).map((p) => p.text));
        await audit.record(tx, ctx, { action: 'visit.create', targetType: 'visit', targetId: v.id, summary: { after: { ...auditView(v), problems: problems.length } } });
        return v.id;
      });
      return one(ctx, id);
    },

    async updatePlan(ctx: RequestContext, id: string, input: UpdatePlan) {
      await visible(ctx, id);
      await assertOfficer(ctx, input.officerId);
      assertPlannedOn(input.plannedOn);
      await db.transaction(async (tx) => {
        const before = (await repo.lockVisit(tx, id))!;
        if (before.status !== 'planned') throw conflict('只能修改计划中的走访');
        const after = await repo.updateVisit(tx, id, { ...(input.plannedOn ? { plannedOn: input.plannedOn } : {}), ...(input.topics ? { topics: input.topics } : {}), ...(input.officerId ? { officerId: input.officerId } : {}) });
        await audit.record(tx, ctx, { action: 'visit.update', targetType: 'visit', targetId: id, summary: { before: auditView(before), after: auditView(after) } });
      });
      return one(ctx, id);
    },

    /** A planned visit took place: the enterprise's park now is the visit's scope. */
    async record(ctx: RequestContext, id: string, input: RecordVisitRequest) {
      const current = await visible(ctx, id);
      assertVisitedOn(input.visitedOn);
      const enterprise = await enterpriseOf(ctx, current.enterpriseId);
      await db.transaction(async (tx) => {
        const before = (await repo.lockVisit(tx, id))!;
        if (before.status !== 'planned') throw conflict(before.status === 'done' ? '该走访已登记' : '已取消的走访不能登记');
        const after = await repo.updateVisit(tx, id, { status: 'done', visitedOn: input.visitedOn, people: input.people, topics: input.topics, notes: input.notes || null, parkId: enterprise.parkId });
        const problems = await repo.insertProblems(tx, id, (input.problemsFound ?? []).map((p) => p.text));
        await audit.record(tx, ctx, { action: 'visit.record', targetType: 'visit', targetId: id, summary: { before: auditView(before), after: { ...auditView(after), problems: problems.length } } });
      });
      return one(ctx, id);
    },

    async cancel(ctx: RequestContext, id: string, reason: string) {
      await visible(ctx, id);
      await db.transaction(async (tx) => {
        const before = (await repo.lockVisit(tx, id))!;
        if (before.status !== 'planned') throw conflict(before.status === 'done' ? '已走访的记录不能取消' : '该走访已取消');
        await repo.updateVisit(tx, id, { status: 'cancelled', cancelReason: reason });
        await audit.record(tx, ctx, { action: 'visit.cancel', targetType: 'visit', targetId: id, summary: { before: { status: before.status }, after: { status: 'cancelled', reason } } });
      });
      return one(ctx, id);
    },

    async addProblem(ctx: RequestContext, id: string, text: string) {
      await visible(ctx, id);
      await db.transaction(async (tx) => {
        const v = (await repo.lockVisit(tx, id))!;
        if (v.status !== 'done') throw conflict('走访登记后才能补充发现的问题');
        const [p] = await repo.insertProblems(tx, id, [text]);
        await audit.record(tx, ctx, { action: 'visit.problem.add', targetType: 'visit', targetId: id, summary: { after: { problemId: p!.id, text } } });
      });
      return one(ctx, id);
    },

    /**
     * "Problem found → work order in one click": the order (channel visit, the visit's enterprise,
     * the problem's text) and the problem's link in one transaction. The problem row is locked first,
     * so a double click waits and then finds the order: 409, never a second order.
     */
    async problemToWorkOrder(ctx: RequestContext, id: string, problemId: string, input: ProblemToOrder) {
      const visit = await visible(ctx, id);
      const orderId = await db.transaction(async (tx) => {
        const problem = await repo.lockProblem(tx, id, problemId);
        if (!problem) throw notFound('问题');
        if (problem.workOrderId) throw problemHasOrder((await repo.problemsOf(tx, [id])).get(id)?.find((p) => p.id === problemId)?.workOrderNumber ?? null);
        const text = problem.text;
        const title = input.title ?? (text.length >= 2 ? text.slice(0, 50) : `走访发现：${text}`);
        const order = await orders.createFromVisit(tx, ctx, {
          type: input.type,
          title,
          description: text,
          enterpriseId: visit.enterpriseId,
          ...(input.categoryId ? { categoryId: input.categoryId } : {}),
          ...(input.priority ? { priority: input.priority } : {}),
          ...(input.departmentId ? { departmentId: input.departmentId } : {}),
          ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
        });
        await repo.linkProblem(tx, problemId, order.id);
        await audit.record(tx, ctx, { action: 'visit.problem.workOrder', targetType: 'visit', targetId: id, summary: { after: { problemId, workOrderId: order.id, number: order.number } } });
        return order.id;
      });
      return orders.detail(ctx, orderId);
    },

    async frequencyRules() {
      const rows = new Map((await repo.frequencyRules(db)).map((r) => [r.class, r]));
      return { items: visitClasses.map((c) => ({ class: c, intervalDays: rows.get(c)?.intervalDays ?? defaultVisitFrequency[c], updatedAt: rows.get(c)?.updatedAt.toISOString() ?? null })) };
    },

    async updateFrequencyRule(ctx: RequestContext, cls: VisitClass, intervalDays: number) {
      const before = await rules();
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertFrequencyRule(tx, cls, intervalDays, ctx.actor.kind === 'user' ? ctx.actor.id : null);
        await audit.record(tx, ctx, { action: 'visit.frequency.update', targetType: 'visit_frequency_rule', targetId: cls, summary: { before: { intervalDays: before[cls] }, after: { intervalDays } } });
        return saved;
      });
      return { class: row.class, intervalDays: row.intervalDays, updatedAt: row.updatedAt.toISOString() };
    },
  };
}
export type VisitsService = ReturnType<typeof createVisitsService>;
