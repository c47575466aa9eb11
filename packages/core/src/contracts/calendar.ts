import { z } from 'zod';

export const isoDate = z.iso.date();
export const dayKind = z.enum(['holiday', 'workday']);

export const calendarDay = z.object({ date: isoDate, kind: dayKind, name: z.string().nullable() });
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarYear = z.object({ year: z.number().int(), holidays: z.number().int(), workdays: z.number().int() });
export const calendarYears = z.object({
  years: z.array(calendarYear),
  missingYearReminder: z.number().int().nullable().describe('next year, when it is November or later and it is not loaded'),
});
export const calendarDaysQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDays = z.object({ year: z.number().int(), days: z.array(calendarDay) });
export const putCalendarDay = z.strictObject({ kind: dayKind, name: z.string().trim().max(32).optional() });
export const importCalendarRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  days: z.array(z.strictObject({ date: isoDate, kind: dayKind, name: z.string().trim().max(32).optional() })).max(400),
});

export const dueQuery = z.object({
  start: z.iso.datetime({ offset: true }),
  workingDays: z.coerce.number().int().min(0).max(366),
});
export const dueResponse = z.object({
  dueAt: z.string(),
  dueDate: isoDate,
  fallbackYears: z.array(z.number().int()).describe('years without a loaded calendar: Monday–Friday was assumed'),
  message: z.string().optional(),
});
