// Seed data for the working-day calendar from the `chinese-days` package (State Council
// arrangements). Uses the package's raw JSON, not its date API: the API's date handling reads
// local-time getters and shifts days in time zones west of UTC.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { SpecialDay } from './calendar';

// Values look like "Spring Festival,春节,4": English name, Chinese name, number of statutory days.
// `workdays` are make-up working days (调休上班); `inLieuDays` are weekday holidays given in exchange
// for them (a subset of `holidays`) and are not needed here.
const holidays = data.holidays as Record<string, string>;
const workdays = data.workdays as Record<string, string>;

const SHORT_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(raw: string): string {
  const zh = raw.split(',')[1]?.trim() || raw;
  return SHORT_NAMES[zh] ?? zh;
}

/** Years for which chinese-days has an arrangement, ascending. */
export function chineseDaysAvailableYears(): number[] {
  const years = new Set<number>();
  for (const d of Object.keys(holidays)) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/**
 * Holidays (including the weekend days inside a holiday block) and make-up working days
 * (named e.g. '春节补班') for the given years, sorted by date.
 * Throws for a year the package has no data for.
 */
export function chineseDaysSeed(years: number[]): Array<SpecialDay & { name: string }> {
  const available = new Set(chineseDaysAvailableYears());
  const wanted = new Set<string>();
  for (const y of years) {
    if (!available.has(y)) throw new RangeError(`chinese-days 数据不包含 ${y} 年的节假日安排`);
    wanted.add(String(y));
  }
  const out: Array<SpecialDay & { name: string }> = [];
  for (const [date, raw] of Object.entries(holidays)) {
    if (wanted.has(date.slice(0, 4))) out.push({ date, kind: 'holiday', name: chineseName(raw) });
  }
  for (const [date, raw] of Object.entries(workdays)) {
    if (wanted.has(date.slice(0, 4))) out.push({ date, kind: 'workday', name: `${chineseName(raw)}补班` });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
