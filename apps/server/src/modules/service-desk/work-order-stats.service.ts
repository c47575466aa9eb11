// The three rates (DESIGN.md §7, ADR 0009): totals, breakdowns with ranks, the drill-down to the
// orders behind a rate, and their xlsx exports. Counting is SQL (work-order-stats.repository.ts);
// scores and ranks are core's compositeScore and ranks.
import {
  addMonths,
  compositeScore,
  defaultRateWeights,
  overdueState,
  parseInstant,
  periodParts,
  ranks,
  ratio,
  shanghaiDate,
  workOrderStatusNames,
  workOrderTypeNames,
  type BreakdownRow,
  type RateName,
  type StatsGroupBy,
  type WorkOrderBreakdown,
  type WorkOrderStats,
  type WorkOrderStatus,
  type WorkOrderType,
  type drillDownItem,
} from '@zhiyuan/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { UserDirectory } from '../identity/user-directory';
import type { ParksService } from '../parks/parks.service';
import { streamWorkbook, type SheetColumn } from '../../xlsx/write-workbook';
import { orderConditions } from './order-filters';
import { requestWindow } from './request-window';
import type { ServiceDeskSettings } from './service-desk-settings';
import * as repo from './work-order-stats.repository';
import { shanghaiMinute } from './work-order-export';

export type StatsFilter = { from: string; to: string; parkId?: string; departmentId?: string };
export type DrillDownQuery = StatsFilter & { rate: RateName; outcome: 'against' | 'counted' | 'all'; assigneeId?: string; month?: string; page: number; pageSize: number; sort?: string };
type DrillDownItem = z.infer<typeof drillDownItem>;

export type WorkOrderStatsDeps = { db: Db; audit: AuditService; parks: ParksService; users: UserDirectory; settings: Pick<ServiceDeskSettings, 'categories'>; clock: () => Date };

const rateCount = (numerator: number, denominator: number) => ({ numerator, denominator, rate: ratio(numerator, denominator) });
function ratesOf(r: repo.RateCountsRow | undefined) {
  const response = rateCount(r?.responseNum ?? 0, r?.responseDen ?? 0);
  const resolution = rateCount(r?.resolutionNum ?? 0, r?.resolutionDen ?? 0);
  const satisfaction = rateCount(r?.satisfactionNum ?? 0, r?.satisfactionDen ?? 0);
  return { total: r?.total ?? 0, responseRate: response.rate, resolutionRate: resolution.rate, satisfactionRate: satisfaction.rate, response, resolution, satisfaction };
}

const noneNames: Partial<Record<StatsGroupBy, string>> = { department: '未派至部门', officer: '未指定承办人' };
const monthName = (period: string) => {
  const { year, month } = periodParts(period);
  return `${year}年${month}月`;
};
const byName = (a: BreakdownRow, b: BreakdownRow) => a.name.localeCompare(b.name, 'zh-CN');

export function createWorkOrderStatsService({ db, audit, parks, users, settings, clock }: WorkOrderStatsDeps) {
  /** The caller's scope with the requested park (and its sub-parks) and department; the window as instants. */
  async function target(ctx: RequestContext, f: StatsFilter & { assigneeId?: string }) {
    const scope = await parks.scopeOf(ctx.actor);
    let parkIds: string[] | undefined;
    if (f.parkId) {
      if (!scope.all && !scope.ids.has(f.parkId)) throw notFound('园区');
      parkIds = await parks.subtree(f.parkId);
      if (parkIds.length === 0) throw notFound('园区');
    }
    return { where: orderConditions(scope, { parkIds, departmentId: f.departmentId, assigneeId: f.assigneeId }), w: { ...requestWindow(f.from, f.to), now: clock() } };
  }

  async function names(groupBy: StatsGroupBy, keys: string[]): Promise<Map<string, string>> {
    if (groupBy === 'month') return new Map(keys.map((k) => [k, monthName(k)]));
    if (groupBy === 'department') return repo.departmentNames(db, keys);
    if (groupBy === 'officer') return new Map([...(await users.byIds(keys))].map(([id, u]) => [id, u.displayName]));
    const directory = await parks.directory();
    return new Map(directory.filter((p) => keys.includes(p.id)).map((p) => [p.id, p.name]));
  }

  async function stats(ctx: RequestContext, f: StatsFilter): Promise<WorkOrderStats> {
    const { where, w } = await target(ctx, f);
    const [[totals], extra] = await Promise.all([repo.rateCounts(db, where, w), repo.overdueAndSupervisions(db, where, w)]);
    return { from: w.from.toISOString(), to: w.to.toISOString(), ...ratesOf(totals), ...extra };
  }

  async function breakdown(ctx: RequestContext, f: StatsFilter & { groupBy: StatsGroupBy }): Promise<WorkOrderBreakdown> {
    const { where, w } = await target(ctx, f);
    const [groups, [totals]] = await Promise.all([repo.rateCounts(db, where, w, f.groupBy), repo.rateCounts(db, where, w)]);
    const nameOf = await names(f.groupBy, groups.flatMap((g) => (g.key ? [g.key] : [])));
    const rows: BreakdownRow[] = groups.map((g) => {
      const rates = ratesOf(g);
      return { key: g.key ?? 'none', name: g.key ? (nameOf.get(g.key) ?? '（已删除）') : (noneNames[f.groupBy] ?? '—'), ...rates, score: compositeScore(rates), rank: null };
    });
    if (f.groupBy !== 'month') {
      // Ranks among the groups; orders not assigned to anyone are shown but not ranked.
      const ranked = ranks(rows.map((r) => (r.key === 'none' ? null : r.score)));
      rows.forEach((r, i) => (r.rank = ranked[i] ?? null));
      rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a, b));
    }
    const overallRates = ratesOf(totals);
    return {
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      groupBy: f.groupBy,
      weights: defaultRateWeights,
      rows,
      overall: { key: 'all', name: '合计', ...overallRates, score: compositeScore(overallRates), rank: null },
    };
  }

  /** The window narrowed to one month of the rate's event (Asia/Shanghai). */
  function monthWindow(w: repo.RateWindowAt, month: string | undefined): repo.RateWindowAt {
    if (!month) return w;
    // A bare date is Shanghai midnight.
    const from = new Date(Math.max(w.from.getTime(), parseInstant(`${month}-01`)));
    const to = new Date(Math.min(w.to.getTime(), parseInstant(`${addMonths(month, 1)}-01`)));
    return { from, to: to > from ? to : from, now: w.now };
  }

  async function drillDownRows(ctx: RequestContext, q: Omit<DrillDownQuery, 'page' | 'pageSize'>, page?: { page: number; pageSize: number }) {
    const t = await target(ctx, q);
    const w = monthWindow(t.w, q.month);
    const sort = q.sort?.replace(/^-/, '');
    const column = sort ? repo.drillDownSort[sort] : undefined;
    const orderBy = column ? sql.raw(`${column} ${q.sort!.startsWith('-') ? 'DESC' : 'ASC'} NULLS LAST`) : sql`o.created_at DESC`;
    const r = await repo.drillDown(db, t.where, w, { rate: q.rate, outcome: q.outcome, orderBy, limit: page?.pageSize, offset: page ? (page.page - 1) * page.pageSize : 0 });
    const [directory, categories, assignees] = await Promise.all([parks.directory(), settings.categories(), users.byIds(r.items.flatMap((i) => (i.assigneeId ? [i.assigneeId] : [])))]);
    const parkNames = new Map(directory.map((p) => [p.id, p.name]));
    const paths = new Map(categories.map((c) => [c.id, c.path]));
    const items: DrillDownItem[] = r.items.map((o) => {
      const state = overdueState({ ...o, status: o.status as WorkOrderStatus }, w.now);
      return {
        id: o.id,
        number: o.number,
        type: o.type as DrillDownItem['type'],
        channel: o.channel as DrillDownItem['channel'],
        priority: o.priority as DrillDownItem['priority'],
        status: o.status as WorkOrderStatus,
        title: o.title,
        enterpriseId: o.enterpriseId,
        enterpriseName: o.enterpriseName,
        parkId: o.parkId,
        parkName: parkNames.get(o.parkId) ?? '',
        categoryPath: (o.categoryId && paths.get(o.categoryId)) || [],
        departmentId: o.departmentId,
        departmentName: o.departmentName,
        assigneeId: o.assigneeId,
        assigneeName: o.assigneeId ? (assignees.get(o.assigneeId)?.displayName ?? null) : null,
        createdAt: o.createdAt.toISOString(),
        updatedAt: o.updatedAt.toISOString(),
        respondedAt: o.respondedAt?.toISOString() ?? null,
        repliedAt: o.repliedAt?.toISOString() ?? null,
        closedAt: o.closedAt?.toISOString() ?? null,
        responseDueAt: o.responseDueAt.toISOString(),
        resolveDueAt: o.resolveDueAt.toISOString(),
        responseState: state.response,
        resolutionState: state.resolution,
        overdue: state.overdue,
        solved: o.solved,
        rating: o.rating,
        reopenCount: o.reopenCount,
        supervised: o.supervised,
        outcome: o.counted ? 'counted' : 'against',
      };
    });
    return { items, total: r.total };
  }

  const logged = (ctx: RequestContext, what: string, summary: object) => audit.record(db, ctx, { action: 'workOrder.stats.export', targetType: 'work_order_stats', summary: { what, ...summary } });

  return {
    stats,
    breakdown,

    /** Open orders past a deadline now, in the caller's scope (the cockpit's card). */
    async overdueNow(ctx: RequestContext): Promise<number> {
      const today = shanghaiDate(clock());
      const { where, w } = await target(ctx, { from: today, to: today });
      return (await repo.overdueAndSupervisions(db, where, w)).overdueNow;
    },

    async drillDown(ctx: RequestContext, q: DrillDownQuery) {
      const { page, pageSize, ...rest } = q;
      return { ...(await drillDownRows(ctx, rest, { page, pageSize })), page, pageSize };
    },

    async exportBreakdown(ctx: RequestContext, f: StatsFilter & { groupBy: StatsGroupBy }): Promise<Readable> {
      const b = await breakdown(ctx, f);
      await logged(ctx, 'breakdown', f);
      return streamWorkbook([{ name: breakdownSheetName[f.groupBy], columns: breakdownColumns, rows: [[...b.rows, b.overall].map(breakdownLine)] }]);
    },

    async exportDrillDown(ctx: RequestContext, q: Omit<DrillDownQuery, 'page' | 'pageSize'>): Promise<Readable> {
      const { items } = await drillDownRows(ctx, q);
      await logged(ctx, 'orders', q);
      return streamWorkbook([{ name: '工单明细', columns: orderColumns, rows: [items.map(orderLine)] }]);
    },
  };
}
export type WorkOrderStatsService = ReturnType<typeof createWorkOrderStatsService>;

// ---------------------------------------------------------------- workbooks

const col = (header: string, key: string, width = 12): SheetColumn => ({ header, key, width });
const percent = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);
const breakdownSheetName: Record<StatsGroupBy, string> = { department: '按部门', officer: '按承办人', park: '按分园', month: '按月' };
const breakdownColumns = [
  col('名称', 'name', 24),
  col('工单数', 'total', 10),
  col('应响应', 'responseDen', 10),
  col('按时响应', 'responseNum', 10),
  col('响应率（%）', 'responseRate'),
  col('办结', 'resolutionDen', 10),
  col('确认解决', 'resolutionNum', 10),
  col('解决率（%）', 'resolutionRate'),
  col('评价', 'satisfactionDen', 10),
  col('满意（4–5 分）', 'satisfactionNum', 14),
  col('满意率（%）', 'satisfactionRate'),
  col('综合得分', 'score', 10),
  col('排名', 'rank', 8),
];
const breakdownLine = (r: BreakdownRow) => ({
  name: r.name,
  total: r.total,
  responseDen: r.response.denominator,
  responseNum: r.response.numerator,
  responseRate: percent(r.responseRate),
  resolutionDen: r.resolution.denominator,
  resolutionNum: r.resolution.numerator,
  resolutionRate: percent(r.resolutionRate),
  satisfactionDen: r.satisfaction.denominator,
  satisfactionNum: r.satisfaction.numerator,
  satisfactionRate: percent(r.satisfactionRate),
  score: percent(r.score),
  rank: r.rank,
});
const orderColumns = [
  col('工单编号', 'number', 16),
  col('标题', 'title', 32),
  col('类型', 'type', 8),
  col('状态', 'status', 10),
  col('分园', 'parkName', 14),
  col('承办部门', 'departmentName', 16),
  col('承办人', 'assigneeName', 12),
  col('提交时间', 'createdAt', 18),
  col('响应时限', 'responseDueAt', 18),
  col('办结时间', 'closedAt', 18),
  col('确认解决', 'solved', 10),
  col('评分', 'rating', 8),
  col('计入', 'outcome', 10),
];
const orderLine = (i: DrillDownItem) => ({
  ...i,
  type: workOrderTypeNames[i.type as WorkOrderType],
  status: workOrderStatusNames[i.status],
  createdAt: shanghaiMinute(i.createdAt),
  responseDueAt: shanghaiMinute(i.responseDueAt),
  closedAt: shanghaiMinute(i.closedAt),
  solved: i.solved == null ? null : i.solved ? '是' : '否',
  outcome: i.outcome === 'counted' ? '达标' : '未达标',
});
