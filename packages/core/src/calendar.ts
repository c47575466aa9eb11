// Working-day arithmetic for service-desk deadlines (DESIGN.md §7).
// Business dates are Asia/Shanghai (UTC+8, no DST). All math is done on UTC day numbers with a
// fixed +8h shift; local-time Date getters are never used, so results do not depend on process TZ.

export type SpecialDayKind = 'holiday' | 'workday';

export interface SpecialDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** holiday = day off (even on a weekday); workday = make-up working day (调休上班, even on a weekend) */
  kind: SpecialDayKind;
  name?: string | null;
}

export interface WorkCalendar {
  readonly days: ReadonlyMap<string, { kind: SpecialDayKind; name: string | null }>;
  /** Years whose holiday arrangement is known; other years fall back to Monday–Friday. */
  readonly loadedYears: ReadonlySet<number>;
}

export interface DueResult {
  /** ISO instant in UTC: 23:59:59 Asia/Shanghai of dueDate, e.g. '2025-02-05T15:59:59.000Z' */
  dueAt: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai) */
  dueDate: string;
  /** years touched by the computation that had no loaded calendar (Monday–Friday assumed), ascending */
  usedFallbackYears: number[];
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Longest run of non-working days tolerated before the calendar data is considered broken. */
const MAX_NON_WORKING_RUN = 370;

// ---- date helpers (day number = days since 1970-01-01) ----

// Integer arithmetic (H. Hinnant's civil-date algorithms), not Date objects: bulk code (the demo
// data and the 200,000-enterprise scale load) calls these millions of times.
const daysInMonth = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

function civilDays(y: number, m: number, d: number): number {
  const yy = y - (m <= 2 ? 1 : 0);
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The number of `len` decimal digits at `from`, or -1 when any is not a digit. */
function digitsAt(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function dayNumber(date: string): number {
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const y = digitsAt(date, 0, 4);
    const mo = digitsAt(date, 5, 2);
    const d = digitsAt(date, 8, 2);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return civilDays(y, mo, d);
  }
  throw new RangeError(`无效日期：${date}（应为 YYYY-MM-DD）`);
}

function dayString(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The calendar date `n` days later (earlier when negative). */
export const addDays = (date: string, n: number): string => dayString(dayNumber(date) + n);

/** Whole days from `from` to `to`; negative when `to` comes first. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The same month and day `years` later; 29 February becomes 1 March, as Date does. */
export function addYears(date: string, years: number): string {
  dayNumber(date); // validates
  return dayString(civilDays(digitsAt(date, 0, 4) + years, digitsAt(date, 5, 2), 1) + digitsAt(date, 8, 2) - 1);
}

function yearOf(n: number): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

// ---- calendar ----

/**
 * Build a calendar from special days. A year counts as loaded when it is listed in `loadedYears`
 * or has at least one special day. Later entries for the same date win.
 */
export function createCalendar(days: Iterable<SpecialDay>, loadedYears: Iterable<number> = []): WorkCalendar {
  const map = new Map<string, { kind: SpecialDayKind; name: string | null }>();
  const years = new Set<number>(loadedYears);
  for (const d of days) {
    const n = dayNumber(d.date);
    if (d.kind !== 'holiday' && d.kind !== 'workday') throw new RangeError(`无效的日期类型：${String(d.kind)}`);
    map.set(d.date, { kind: d.kind, name: d.name ?? null });
    years.add(yearOf(n));
  }
  return { days: map, loadedYears: years };
}

function isWorkingDayNumber(cal: WorkCalendar, n: number, fallback: Set<number> | null): boolean {
  const year = yearOf(n);
  if (cal.loadedYears.has(year)) {
    const special = cal.days.get(dayString(n));
    if (special) return special.kind === 'workday';
  } else {
    fallback?.add(year);
  }
  const wd = weekdayOf(n);
  return wd >= 1 && wd <= 5;
}

/** Mon–Fri that is not a holiday, or a make-up working day (调休) on a weekend. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return isWorkingDayNumber(cal, dayNumber(date), null);
}

function addWorkingDayNumbers(cal: WorkCalendar, start: number, n: number, fallback: Set<number>): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，实际为 ${n}`);
  let d = start;
  let run = 0;
  if (n === 0) {
    while (!isWorkingDayNumber(cal, d, fallback)) {
      d++;
      if (++run > MAX_NON_WORKING_RUN) throw new Error('日历数据异常：连续过多天没有工作日');
    }
    return d;
  }
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingDayNumber(cal, d, fallback)) {
      left--;
      run = 0;
    } else if (++run > MAX_NON_WORKING_RUN) {
      throw new Error('日历数据异常：连续过多天没有工作日');
    }
  }
  return d;
}

/**
 * The n-th working day strictly after `startDate` (n ≥ 1). The start date itself never counts,
 * whether or not it is a working day.
 * n = 0 → `startDate` itself when it is a working day, otherwise the next working day.
 */
export function addWorkingDays(cal: WorkCalendar, startDate: string, n: number): string {
  return dayString(addWorkingDayNumbers(cal, dayNumber(startDate), n, new Set()));
}

/**
 * Number of working days d with from < d ≤ to (the start excluded, the end included), so that
 * workingDaysBetween(cal, s, addWorkingDays(cal, s, n)) === n for n ≥ 1.
 * When to < from the result is negative: −(working days in (to, from]).
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkingDayNumber(cal, d, null)) count++;
  return count;
}

// ---- instants and Asia/Shanghai ----

/**
 * Parse an instant: a Date, an ISO date-time with 'Z' or an offset, an ISO date-time without offset
 * (read as Asia/Shanghai wall time) or a bare 'YYYY-MM-DD' (Shanghai midnight).
 */
export function parseInstant(instant: Date | string): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new RangeError('无效时间');
    return t;
  }
  const s = String(instant).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return dayNumber(s) * DAY_MS - SHANGHAI_OFFSET_MS;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (m) {
    dayNumber(m[1]!); // rejects impossible dates such as 2025-02-30
    let zone = m[3] ?? '+08:00';
    if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const time = m[2]!.replace(/(\.\d{3})\d+$/, '$1');
    const t = Date.parse(`${m[1]}T${time}${zone.toUpperCase()}`);
    if (!Number.isNaN(t)) return t;
  }
  throw new RangeError(`无效时间：${s}（应为 ISO 8601 时间）`);
}

/** Calendar date ('YYYY-MM-DD') of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date | string): string {
  return new Date(parseInstant(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 23:59:59 Asia/Shanghai of a date, as an ISO instant in UTC. */
export function endOfShanghaiDay(date: string): string {
  return new Date((dayNumber(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1000).toISOString();
}

/**
 * Resolution deadline: the end (23:59:59 Asia/Shanghai) of the N-th working day after the
 * Shanghai calendar date of `start`. workingDays = 0 → end of that date if it is a working day,
 * else of the next working day.
 */
export function dueFromInstant(cal: WorkCalendar, start: string | Date, workingDays: number): DueResult {
  const startDay = dayNumber(shanghaiDate(start));
  const fallback = new Set<number>();
  const due = dayString(addWorkingDayNumbers(cal, startDay, workingDays, fallback));
  return {
    dueAt: endOfShanghaiDay(due),
    dueDate: due,
    usedFallbackYears: [...fallback].sort((x, y) => x - y),
  };
}

/**
 * In November and December (Asia/Shanghai), remind admins to load next year's calendar:
 * returns next year when it is not loaded, else null.
 */
export function missingCalendarYearReminder(loadedYears: Iterable<number>, now: Date = new Date()): number | null {
  const local = new Date(parseInstant(now) + SHANGHAI_OFFSET_MS);
  const month = local.getUTCMonth() + 1;
  const next = local.getUTCFullYear() + 1;
  if (month < 11) return null;
  return new Set(loadedYears).has(next) ? null : next;
}
