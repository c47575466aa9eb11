import { asc, between, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { calendarDays, calendarYears } from './calendar.tables';

export type DayRow = typeof calendarDays.$inferSelect;
type Source = (typeof calendarYears.$inferInsert)['source'];

const yearRange = (year: number) => between(calendarDays.date, `${year}-01-01`, `${year}-12-31`);

export const allDays = (db: Executor) => db.select().from(calendarDays).orderBy(asc(calendarDays.date));
export const daysOfYear = (db: Executor, year: number) => db.select().from(calendarDays).where(yearRange(year)).orderBy(asc(calendarDays.date));
export const loadedYears = async (db: Executor) => (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year);

export async function yearSummaries(db: Executor) {
  const r = await db.execute<{ year: number; holidays: number; workdays: number }>(sql`
    SELECT y.year, count(d.date) FILTER (WHERE d.kind = 'holiday')::int AS holidays, count(d.date) FILTER (WHERE d.kind = 'workday')::int AS workdays
    FROM ${calendarYears} y LEFT JOIN ${calendarDays} d ON extract(year FROM d.date) = y.year
    GROUP BY y.year ORDER BY y.year`);
  return r.rows;
}

export const findDay = async (db: Executor, date: string) => (await db.select().from(calendarDays).where(eq(calendarDays.date, date)).limit(1))[0];

export const upsertDay = (tx: Executor, d: { date: string; kind: 'holiday' | 'workday'; name: string | null }) =>
  tx.insert(calendarDays).values(d).onConflictDoUpdate({ target: calendarDays.date, set: { kind: d.kind, name: d.name, updatedAt: new Date() } });

export const deleteDay = (tx: Executor, date: string) => tx.delete(calendarDays).where(eq(calendarDays.date, date));

export async function replaceYear(tx: Executor, year: number, days: { date: string; kind: 'holiday' | 'workday'; name: string | null }[], source: Source) {
  await tx.delete(calendarDays).where(yearRange(year));
  if (days.length) await tx.insert(calendarDays).values(days);
  await markYearLoaded(tx, year, source, true);
}

export const markYearLoaded = (tx: Executor, year: number, source: Source, replace = false) =>
  replace
    ? tx.insert(calendarYears).values({ year, source }).onConflictDoUpdate({ target: calendarYears.year, set: { source, loadedAt: new Date() } })
    : tx.insert(calendarYears).values({ year, source }).onConflictDoNothing();
