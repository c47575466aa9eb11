import { addMonths } from '@zhiyuan/core';
import type { Db, Executor } from '../../db/pool';
import type { ChangeFeed } from '../../db/change-feed';
import type { RequestContext } from '../../context';
import type { Jobs } from '../../jobs/jobs';
import { queues } from '../../jobs/jobs';
import type { AuditService } from '../audit/audit.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import * as repo from './rollups.repository';
import { requireZoneWide } from './statistics-scope';

/**
 * Rollups are refreshed per period: a write marks its period (and the one a year later, whose
 * prior values and like-for-like base it feeds) in its own transaction, then wakes the pg-boss
 * worker, which drains every marked period. A full refresh recomputes every period on demand.
 */
export function createRollupsService(db: Db, audit: AuditService, enterprises: EnterprisesService, feed: ChangeFeed, jobs: () => Jobs | null, currentPeriod: () => string) {
  /** Every refresh tells the figures' caches (db/change-feed.ts) on every instance. */
  async function refreshIn(tx: Executor, period: string): Promise<number> {
    const rows = await repo.refreshPeriod(tx, period);
    await feed.publish(tx, 'rollups');
    return rows;
  }

  return {
    /** In the writer's transaction: the periods whose figures this write changes. */
    async markChanged(tx: Executor, period: string): Promise<void> {
      const next = addMonths(period, 12);
      await repo.markDue(tx, next <= currentPeriod() ? [period, next] : [period]);
    },

    /** After the writer's commit: ask a worker (on any instance) to refresh. */
    async wake(): Promise<void> {
      await jobs()?.wake(queues.statisticsRollups.name);
    },

    /** The job: refreshes every marked period, oldest first, until none is left. */
    async drainDue(): Promise<number> {
      let refreshed = 0;
      for (let due = await repo.duePeriods(db); due.length > 0; due = await repo.duePeriods(db)) {
        for (const d of due) {
          await db.transaction(async (tx) => {
            await refreshIn(tx, d.period);
            await repo.clearDue(tx, d.period, d.generation);
          });
          feed.committed('rollups');
          refreshed++;
        }
      }
      return refreshed;
    },

    /** Seeds and scripts: refresh these periods inside their transaction. */
    async refreshIn(tx: Executor, periods: readonly string[]): Promise<number> {
      let rows = 0;
      for (const p of periods) rows += await refreshIn(tx, p);
      return rows;
    },

    /** On demand (statistics.manage, zone-wide): one period, or every period with data. */
    async refresh(ctx: RequestContext, period?: string): Promise<{ periods: number; rows: number }> {
      await requireZoneWide(enterprises, ctx);
      const periods = period ? [period] : await repo.periodsWithData(db);
      let rows = 0;
      for (const p of periods) rows += await db.transaction((tx) => refreshIn(tx, p));
      feed.committed('rollups');
      await db.transaction((tx) => audit.record(tx, ctx, { action: 'statistics.rollups.refresh', summary: { period: period ?? 'all', periods: periods.length, rows } }));
      return { periods: periods.length, rows };
    },

    async status() {
      const s = await repo.rollupStatus(db);
      return { pending: s.pending, refreshedAt: s.refreshedAt?.toISOString() ?? null };
    },

    latest: () => repo.latestRolledUp(db),
  };
}
export type RollupsService = ReturnType<typeof createRollupsService>;
