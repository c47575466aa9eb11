/**
 * Work order deadlines (DESIGN.md §7): response in calendar hours, resolution in working days,
 * both configurable per type × priority; working hours for "deadline within 4 working hours";
 * the overdue state of an order at an instant. Built on calendar.ts, never a second copy of it.
 */
import { addDays, dueFromInstant, isWorkingDay, parseInstant, shanghaiDate, type DueResult, type WorkCalendar } from './calendar';
import { isDispositionStatus, type WorkOrderPriority, type WorkOrderStatus, type WorkOrderType } from './work-order';

const HOUR_MS = 3_600_000;

export type DeadlineRule = { type: WorkOrderType; priority: WorkOrderPriority; responseHours: number; resolveWorkingDays: number };

/** Defaults (issue 6): response 2 h (urgent 1 h); resolution 3/5/10/10 working days (urgent 1/2/5/5). */
export const defaultDeadlineRules: readonly DeadlineRule[] = [
  { type: 'inquiry', priority: 'normal', responseHours: 2, resolveWorkingDays: 3 },
  { type: 'help', priority: 'normal', responseHours: 2, resolveWorkingDays: 5 },
  { type: 'complaint', priority: 'normal', responseHours: 2, resolveWorkingDays: 10 },
  { type: 'suggestion', priority: 'normal', responseHours: 2, resolveWorkingDays: 10 },
  { type: 'inquiry', priority: 'urgent', responseHours: 1, resolveWorkingDays: 1 },
  { type: 'help', priority: 'urgent', responseHours: 1, resolveWorkingDays: 2 },
  { type: 'complaint', priority: 'urgent', responseHours: 1, resolveWorkingDays: 5 },
  { type: 'suggestion', priority: 'urgent', responseHours: 1, resolveWorkingDays: 5 },
];

/** Bounds the configuration screen accepts. */
export const deadlineRuleLimits = { responseHours: { min: 1, max: 168 }, resolveWorkingDays: { min: 1, max: 60 } } as const;

/** The configured rule for a type and priority; the default when the table lacks it. */
export function deadlineRuleFor(rules: readonly DeadlineRule[], type: WorkOrderType, priority: WorkOrderPriority): DeadlineRule {
  const pick = (list: readonly DeadlineRule[]) => list.find((r) => r.type === type && r.priority === priority);
  return pick(rules) ?? pick(defaultDeadlineRules)!;
}

export interface WorkOrderDeadlines {
  /** createdAt + responseHours (calendar hours), ISO instant. */
  responseDueAt: string;
  /** End (23:59:59 Asia/Shanghai) of the N-th working day after the creation date, ISO instant. */
  resolveDueAt: string;
  /** Years without a loaded calendar (Monday–Friday assumed): the server logs a warning. */
  usedFallbackYears: number[];
}

export function workOrderDeadlines(cal: WorkCalendar, createdAt: Date | string, rule: Pick<DeadlineRule, 'responseHours' | 'resolveWorkingDays'>): WorkOrderDeadlines {
  const start = parseInstant(createdAt);
  const resolve = dueFromInstant(cal, new Date(start), rule.resolveWorkingDays);
  return { responseDueAt: new Date(start + rule.responseHours * HOUR_MS).toISOString(), resolveDueAt: resolve.dueAt, usedFallbackYears: resolve.usedFallbackYears };
}

/**
 * A reopened order gets a fresh resolution deadline, N working days from the reopening
 * (the earlier overdue mark stays in the timeline and in its supervision record).
 */
export function restartedResolveDue(cal: WorkCalendar, reopenedAt: Date | string, rule: Pick<DeadlineRule, 'resolveWorkingDays'>): DueResult {
  return dueFromInstant(cal, reopenedAt, rule.resolveWorkingDays);
}

/** An approved extension: N working days after the current due date (not after today). */
export function extendedResolveDue(cal: WorkCalendar, resolveDueAt: Date | string, workingDays: number): DueResult {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`延期工作日数应为正整数，实际为 ${workingDays}`);
  return dueFromInstant(cal, resolveDueAt, workingDays);
}

// ---------------------------------------------------------------- working hours

/** Office hours on a working day, Asia/Shanghai wall-clock hours [start, end). */
export type WorkingHours = { start: number; end: number };
export const defaultWorkingHours: WorkingHours = { start: 9, end: 18 };

/** [open, close) of a working date in epoch ms, or null on a day off. */
function officeWindow(cal: WorkCalendar, date: string, hours: WorkingHours): [number, number] | null {
  if (!isWorkingDay(cal, date)) return null;
  const midnight = parseInstant(date); // a bare date is Shanghai midnight
  return [midnight + hours.start * HOUR_MS, midnight + hours.end * HOUR_MS];
}

/**
 * Working hours between two instants (fractional): the overlap of [from, to] with 09:00–18:00
 * Asia/Shanghai of every working day (holidays off, 调休 weekends on). Negative when to < from.
 */
export function workingHoursBetween(cal: WorkCalendar, from: Date | string, to: Date | string, hours: WorkingHours = defaultWorkingHours): number {
  const a = parseInstant(from);
  const b = parseInstant(to);
  if (b < a) return -workingHoursBetween(cal, to, from, hours);
  let ms = 0;
  const last = shanghaiDate(new Date(b));
  for (let d = shanghaiDate(new Date(a)); d <= last; d = addDays(d, 1)) {
    const w = officeWindow(cal, d, hours);
    if (w) ms += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
  }
  return ms / HOUR_MS;
}

/**
 * The latest instant t with workingHoursBetween(from, t) ≤ workingHours: where the hours run out,
 * carried through the non-working time that follows to the next opening. "Due within N working
 * hours" is then `now < dueAt ≤ horizon` — one indexed range in the sweep's SQL.
 */
export function workingHoursHorizon(cal: WorkCalendar, from: Date | string, workingHours: number, hours: WorkingHours = defaultWorkingHours): Date {
  if (!(workingHours >= 0)) throw new RangeError(`工作小时数应为非负数，实际为 ${workingHours}`);
  const a = parseInstant(from);
  let left = workingHours * HOUR_MS;
  // 400 days covers the longest holiday block many times over; the calendar refuses longer runs.
  for (let i = 0, d = shanghaiDate(new Date(a)); i < 400; i++, d = addDays(d, 1)) {
    const w = officeWindow(cal, d, hours);
    if (!w || w[1] <= a) continue;
    const open = Math.max(a, w[0]);
    // Hours used up exactly at a closing: the next opening is still within them.
    if (open + left < w[1]) return new Date(open + left);
    left -= w[1] - open;
  }
  throw new Error('日历数据异常：连续过多天没有工作日');
}

/** The resolution deadline falls within `withinWorkingHours` working hours from now (and has not passed). */
export function isDeadlineNear(cal: WorkCalendar, now: Date | string, dueAt: Date | string, withinWorkingHours = 4, hours: WorkingHours = defaultWorkingHours): boolean {
  const n = parseInstant(now);
  const due = parseInstant(dueAt);
  return n < due && due <= workingHoursHorizon(cal, new Date(n), withinWorkingHours, hours).getTime();
}

// ---------------------------------------------------------------- overdue

/** pending: not done, not yet due · met: done by the deadline · overdue: not done, past due · late: done after it. */
export type DeadlineState = 'pending' | 'met' | 'overdue' | 'late';

export interface OverdueFacts {
  status: WorkOrderStatus;
  respondedAt: Date | string | null;
  responseDueAt: Date | string;
  resolveDueAt: Date | string;
  repliedAt: Date | string | null;
  /** When it was merged, referred, declined or withdrawn. */
  disposedAt?: Date | string | null;
}

function stateOf(doneAt: Date | string | null | undefined, dueAt: Date | string, now: number): DeadlineState {
  const due = parseInstant(dueAt);
  if (doneAt != null) return parseInstant(doneAt) <= due ? 'met' : 'late';
  return now > due ? 'overdue' : 'pending';
}

/**
 * Response overdue: not responded (accepted, assigned or disposed) by responseDueAt. An order
 * withdrawn unanswered stopped waiting at its withdrawal: met or late by that instant, never overdue
 * (as the response rate counts it).
 * Resolution overdue: not answered — status not replied/closed/merged/referred/declined — by
 * resolveDueAt. A reopened order is open again and measured against its restarted deadline.
 * SQL (what the sweep and the `overdue` filter use):
 *   response overdue: status = 'submitted' AND response_due_at < now
 *   resolve overdue:  status IN ('submitted','accepted','assigned','in_progress') AND resolve_due_at < now
 */
export function overdueState(order: OverdueFacts, now: Date | string): { response: DeadlineState; resolution: DeadlineState; overdue: boolean } {
  const n = parseInstant(now);
  const disposed = isDispositionStatus(order.status);
  const resolvedAt = order.status === 'replied' || order.status === 'closed' ? order.repliedAt : disposed ? (order.disposedAt ?? order.repliedAt) : null;
  const response = stateOf(order.respondedAt ?? (disposed ? order.disposedAt : null), order.responseDueAt, n);
  const resolution = stateOf(resolvedAt, order.resolveDueAt, n);
  return { response, resolution, overdue: response === 'overdue' || resolution === 'overdue' };
}
