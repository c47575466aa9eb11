// The SLA sweep (ADR 0009): a pg-boss job every minute on a queue that never runs two at once marks
// orders whose response or resolution deadline passed, opens their automatic supervision, writes
// the timeline and notifies (one digest to whoever has more than a few); then tells holders of
// deadlines within 4 working hours. One transaction per run; `now` from the app's clock, so tests
// move time.
import { workingHoursHorizon } from '@zhiyuan/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/pool';
import { systemContext } from '../../context';
import type { AuditService } from '../audit/audit.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { CalendarService } from '../calendar/calendar.service';
import * as repo from './sweep.repository';

/** "Deadline near": the resolution deadline within this many working hours (issue 6 §9). */
export const deadlineNearWorkingHours = 4;

/** A mass deadline (a holiday's backlog) keeps the statements' CTEs in memory, not in temp files. */
export const sweepWorkMem = `SET LOCAL work_mem = '64MB'`;

export type SweepResult = {
  at: string;
  /** Orders newly marked past their response deadline, and past their resolution deadline. */
  responseOverdue: number;
  resolveOverdue: number;
  /** New overdue notifications (holders and department heads): one per order, or one digest per person with more than a few. */
  overdueNotified: number;
  /** New "deadline near" notifications. */
  nearNotified: number;
};

export type SweepDeps = {
  db: Db;
  audit: AuditService;
  notifications: Pick<NotificationsService, 'insertFromSelect'>;
  calendar: Pick<CalendarService, 'workCalendar'>;
  clock: () => Date;
};

export function createSweepService({ db, audit, notifications, calendar, clock }: SweepDeps) {
  return {
    /** One run at `now` (default: the app's clock). Running it again at the same instant changes nothing. */
    async sweep(now: Date = clock()): Promise<SweepResult> {
      const horizon = workingHoursHorizon(await calendar.workCalendar(), now, deadlineNearWorkingHours);
      return db.transaction(async (tx) => {
        await tx.execute(sql.raw(sweepWorkMem));
        const response = await repo.markOverdue(tx, 'response', now);
        const resolve = await repo.markOverdue(tx, 'resolve', now);
        const nearNotified = await notifications.insertFromSelect(tx, repo.deadlineNearNotifications(now, horizon));
        const result: SweepResult = {
          at: now.toISOString(),
          responseOverdue: response.orders,
          resolveOverdue: resolve.orders,
          overdueNotified: response.notified + resolve.notified,
          nearNotified,
        };
        // A run that changed nothing leaves no trace (it runs every minute).
        if (result.responseOverdue + result.resolveOverdue + nearNotified > 0) {
          await audit.record(tx, systemContext, { action: 'workOrder.sweep', targetType: 'work_order', summary: result });
        }
        return result;
      });
    },
  };
}
export type SweepService = ReturnType<typeof createSweepService>;
