import { addMonths, periodRange, shanghaiPeriod, type StatPeriod } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { ChangeFeed } from '../../db/change-feed';
import type { RequestContext } from '../../context';
import { AppError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import * as repo from './reports.repository';
import { parkFilterOf, requireZoneWide, staffScope } from './statistics-scope';

/** Reports are due by this day of the following month unless a statistician sets another date. */
const DEFAULT_DUE_DAY = 15;
export const defaultDueOn = (period: string) => `${addMonths(period, 1)}-${String(DEFAULT_DUE_DAY).padStart(2, '0')}`;

export type PeriodInfo = { period: string; status: 'open' | 'closed'; dueOn: string; closedAt: Date | null; closedBy: string | null };

/** A month is open until a statistician closes it; a month without a row is open with the default due date. */
export function createPeriodsService(db: Db, audit: AuditService, enterprises: EnterprisesService, feed: ChangeFeed, clock: () => Date) {
  async function info(period: string): Promise<PeriodInfo> {
    const row = await repo.findPeriod(db, period);
    return row ?? { period, status: 'open', dueOn: defaultDueOn(period), closedAt: null, closedBy: null };
  }

  /** The current month (Asia/Shanghai). */
  const currentPeriod = () => shanghaiPeriod(clock());
  /** A month is reported once it is over: the newest reportable period is last month. */
  const newestPeriod = () => addMonths(currentPeriod(), -1);

  function assertReportable(period: string) {
    if (period > newestPeriod()) throw new AppError('VALIDATION_FAILED', `统计期 ${period} 尚未结束，不能报送`, [{ path: ['period'], message: '统计期不能晚于上月' }]);
  }

  const view = (p: PeriodInfo, reported: number, expected: number): StatPeriod => ({
    period: p.period,
    status: p.status,
    dueOn: p.dueOn,
    closedAt: p.closedAt?.toISOString() ?? null,
    closedBy: p.closedBy,
    reported,
    expected,
  });

  async function change(ctx: RequestContext, period: string, apply: (p: PeriodInfo) => PeriodInfo, action: string) {
    await requireZoneWide(enterprises, ctx);
    assertReportable(period);
    const saved = await db.transaction(async (tx) => {
      const before = (await repo.lockPeriod(tx, period)) ?? (await info(period));
      const next = apply(before);
      const row = await repo.upsertPeriod(tx, next);
      await feed.publish(tx, 'rollups'); // the newest closed period is what the cockpit opens on
      await audit.record(tx, ctx, { action, targetType: 'stat_period', targetId: period, summary: { before: { status: before.status, dueOn: before.dueOn }, after: { status: row.status, dueOn: row.dueOn } } });
      return row;
    });
    const [counts, expected] = await Promise.all([repo.reportCounts(db, period, period, null), repo.expectedCounts(db, period, period, null)]);
    return view(saved, counts.get(period) ?? 0, expected(period));
  }

  return {
    info,
    currentPeriod,
    assertReportable,

    /** Newest first: every month from the first report (or the last 12 months) to last month. */
    async list(ctx: RequestContext, year?: number): Promise<StatPeriod[]> {
      const parkIds = parkFilterOf(await staffScope(enterprises, ctx));
      const last = newestPeriod();
      const first = (await repo.firstPeriod(db)) ?? addMonths(last, -11);
      const from = year ? `${year}-01` : first < addMonths(last, -11) ? first : addMonths(last, -11);
      const to = year ? (`${year}-12` < last ? `${year}-12` : last) : last;
      const [rows, counts, expected] = await Promise.all([repo.periodRows(db, from, to), repo.reportCounts(db, from, to, parkIds), repo.expectedCounts(db, from, to, parkIds)]);
      const byPeriod = new Map(rows.map((r) => [r.period, r]));
      return periodRange(from, to)
        .reverse()
        .map((p) => view(byPeriod.get(p) ?? { period: p, status: 'open', dueOn: defaultDueOn(p), closedAt: null, closedBy: null }, counts.get(p) ?? 0, expected(p)));
    },

    setDue: (ctx: RequestContext, period: string, dueOn: string) => change(ctx, period, (p) => ({ ...p, dueOn }), 'statistics.period.due'),

    close: (ctx: RequestContext, period: string) =>
      change(
        ctx,
        period,
        (p) => {
          if (p.status === 'closed') throw new AppError('CONFLICT', `统计期 ${period} 已关账`);
          return { ...p, status: 'closed', closedAt: clock(), closedBy: ctx.actor.name };
        },
        'statistics.period.close',
      ),

    reopen: (ctx: RequestContext, period: string) =>
      change(
        ctx,
        period,
        (p) => {
          if (p.status === 'open') throw new AppError('CONFLICT', `统计期 ${period} 未关账`);
          return { ...p, status: 'open', closedAt: null, closedBy: null };
        },
        'statistics.period.reopen',
      ),
  };
}
export type PeriodsService = ReturnType<typeof createPeriodsService>;
