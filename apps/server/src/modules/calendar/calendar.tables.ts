import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Only the exceptions: holidays on weekdays-or-not and make-up working days (调休). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Years whose calendar is loaded; other years fall back to Monday–Friday. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source', { enum: ['chinese-days', 'import', 'manual'] }).notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
