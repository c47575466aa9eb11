import { createCalendar, dueFromInstant, missingCalendarYearReminder, type WorkCalendar } from '@zhiyuan/core';
import { chineseDaysSeed } from '@zhiyuan/core/calendar-seed';
import type { ChangeFeed } from '../../db/change-feed';
import type { Db, Executor } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import * as repo from './calendar.repository';

type Kind = 'holiday' | 'workday';
const toDay = (d: repo.DayRow) => ({ date: d.date, kind: d.kind, name: d.name });

/** Every write publishes the `calendar` topic: deadlines on every instance use the calendar it remembers. */
export function createCalendarService(db: Db, audit: AuditService, feed: ChangeFeed, clock: () => Date = () => new Date()) {
  return {
    async years() {
      const years = await repo.yearSummaries(db);
      return { years, missingYearReminder: missingCalendarYearReminder(years.map((y) => y.year), clock()) };
    },

    async days(year: number) {
      return { year, days: (await repo.daysOfYear(db, year)).map(toDay) };
    },

    async putDay(ctx: RequestContext, date: string, kind: Kind, name?: string) {
      const before = await repo.findDay(db, date);
      const day = { date, kind, name: name ?? null };
      await feed.write(db, 'calendar', async (tx) => {
        await repo.upsertDay(tx, day);
        await repo.markYearLoaded(tx, Number(date.slice(0, 4)), 'manual');
        await audit.record(tx, ctx, { action: 'calendar.day.put', targetType: 'calendar_day', targetId: date, summary: { before: before ? toDay(before) : null, after: day } });
      });
      return day;
    },

    async deleteDay(ctx: RequestContext, date: string) {
      const before = await repo.findDay(db, date);
      if (!before) throw new AppError('NOT_FOUND', `${date} 不是节假日或调休工作日`);
      await feed.write(db, 'calendar', async (tx) => {
        await repo.deleteDay(tx, date);
        await audit.record(tx, ctx, { action: 'calendar.day.delete', targetType: 'calendar_day', targetId: date, summary: { before: toDay(before) } });
      });
    },

    /** Replaces a whole year's special days at once; any bad row rejects the import. */
    async importYear(ctx: RequestContext, year: number, days: { date: string; kind: Kind; name?: string }[]) {
      const details: { row: number; column: string; message: string }[] = [];
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (!d.date.startsWith(`${year}-`)) details.push({ row: i + 1, column: 'date', message: `${d.date} 不属于 ${year} 年` });
        if (seen.has(d.date)) details.push({ row: i + 1, column: 'date', message: `${d.date} 重复出现` });
        seen.add(d.date);
      });
      if (details.length) throw new AppError('IMPORT_REJECTED', `导入被拒绝：${details.length} 处错误，未做任何修改`, details);
      await feed.write(db, 'calendar', async (tx) => {
        await repo.replaceYear(tx, year, days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })), 'import');
        await audit.record(tx, ctx, { action: 'calendar.import', targetType: 'calendar_year', targetId: String(year), summary: { days: days.length } });
      });
      return this.days(year);
    },

    /**
     * The working-day calendar as loaded now (a few dozen special days per year: read whole), remembered
     * per instance until a write of it anywhere (db/change-feed.ts). Shared: callers must not change it.
     */
    workCalendar(): Promise<WorkCalendar> {
      return feed.memo(['calendar'], 'calendar:work', async () => {
        const [days, loaded] = await Promise.all([repo.allDays(db), repo.loadedYears(db)]);
        return createCalendar(days, loaded);
      });
    },

    async due(startIso: string, workingDays: number) {
      const r = dueFromInstant(await this.workCalendar(), startIso, workingDays);
      return {
        dueAt: r.dueAt,
        dueDate: r.dueDate,
        fallbackYears: r.usedFallbackYears,
        ...(r.usedFallbackYears.length ? { message: `${r.usedFallbackYears.join('、')} 年的节假日安排尚未导入，已按周一至周五计算` } : {}),
      };
    },

    /** Seeds years from the chinese-days package, leaving years an admin already loaded alone. */
    async seed(tx: Executor, years: number[]) {
      const loaded = new Set(await repo.loadedYears(tx));
      const missing = years.filter((y) => !loaded.has(y));
      for (const year of missing) {
        const days = chineseDaysSeed([year]).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null }));
        await repo.replaceYear(tx, year, days, 'chinese-days');
      }
      if (missing.length) await feed.publish(tx, 'calendar');
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
