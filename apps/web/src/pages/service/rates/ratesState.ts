import { periodPattern, type RateName, type StatsGroupBy } from '@zhiyuan/core';
import type { StatsQuery } from '../../../api/serviceStats';
import { businessTz, dayjs } from '../../../lib/format';

/** What the rates page shows; all of it lives in the URL query. */
export type RatesState = {
  /** A calendar month (default this month), or a range of days. */
  mode: 'month' | 'range';
  month: string;
  from?: string;
  to?: string;
  parkId?: string;
  departmentId?: string;
  groupBy: StatsGroupBy;
};

/** The drill-down: one rate, optionally narrowed to one breakdown row. */
export type DrillTarget = { rate: RateName; groupBy?: StatsGroupBy; key?: string; name?: string };

const groupBys: readonly StatsGroupBy[] = ['department', 'officer', 'park', 'month'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const thisMonth = () => dayjs().tz(businessTz).format('YYYY-MM');

export function parseRatesState(params: URLSearchParams): RatesState {
  const month = params.get('month') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = params.get('mode') === 'range' && isoDate.test(from) && isoDate.test(to) && from <= to;
  const groupBy = params.get('groupBy') as StatsGroupBy | null;
  return {
    mode: range ? 'range' : 'month',
    month: periodPattern.test(month) ? month : thisMonth(),
    from: range ? from : undefined,
    to: range ? to : undefined,
    parkId: params.get('parkId') || undefined,
    departmentId: params.get('departmentId') || undefined,
    groupBy: groupBy && groupBys.includes(groupBy) ? groupBy : 'department',
  };
}

export function ratesSearch(s: RatesState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.mode === 'range' && s.from && s.to) {
    sp.set('mode', 'range');
    sp.set('from', s.from);
    sp.set('to', s.to);
  } else if (s.month !== thisMonth()) sp.set('month', s.month);
  if (s.parkId) sp.set('parkId', s.parkId);
  if (s.departmentId) sp.set('departmentId', s.departmentId);
  if (s.groupBy !== 'department') sp.set('groupBy', s.groupBy);
  return sp;
}

/** The month's first and last day (`to` includes its day, as the API reads a date). */
export function monthWindow(month: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.endOf('month').format('YYYY-MM-DD') };
}

export function windowOf(s: RatesState): { from: string; to: string } {
  return s.mode === 'range' && s.from && s.to ? { from: s.from, to: s.to } : monthWindow(s.month);
}

export function statsQuery(s: RatesState): StatsQuery {
  return { ...windowOf(s), parkId: s.parkId, departmentId: s.departmentId };
}

/** The trend: twelve months up to the window's last month, same scope. */
export const trendMonths = 12;
export function trendQuery(s: RatesState): StatsQuery {
  const end = dayjs(windowOf(s).to);
  return {
    from: end.startOf('month').subtract(trendMonths - 1, 'month').format('YYYY-MM-DD'),
    to: end.endOf('month').format('YYYY-MM-DD'),
    parkId: s.parkId,
    departmentId: s.departmentId,
  };
}

/** The drill-down filter of a breakdown row (null: a row that names nobody, e.g. 'none'). */
export function rowFilter(groupBy: StatsGroupBy, key: string): { departmentId?: string; assigneeId?: string; parkId?: string; month?: string } | null {
  if (key === 'none') return null;
  switch (groupBy) {
    case 'department':
      return { departmentId: key };
    case 'officer':
      return { assigneeId: key };
    case 'park':
      return { parkId: key };
    case 'month':
      return periodPattern.test(key) ? { month: key } : null;
  }
}
