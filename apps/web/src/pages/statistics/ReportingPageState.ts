/**
 * The review list's state lives in the URL (?period=2025-03&parkId=…&tab=missing&q=…&page=2)
 * so a view can be bookmarked and stepped through with the back button.
 */
import { reportingState, uuid } from '@zhiyuan/core';
import type { ReportingQuery, ReportingState } from '../../api/statistics';
import { newestPeriod, periodOrNewest } from './PeriodsPagePicker';

/** The tabs: all, one state, or the reports with warnings. */
export type ReportingTab = 'all' | ReportingState | 'flagged';
export const reportingTabs: readonly ReportingTab[] = ['all', 'missing', 'submitted', 'accepted', 'returned', 'flagged'];

export type ReportingView = { period: string; parkId?: string; tab: ReportingTab; q?: string; page: number; pageSize: number; reportId?: string };

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

export function readView(sp: URLSearchParams): ReportingView {
  const tab = sp.get('tab');
  const page = Number(sp.get('page'));
  const pageSize = Number(sp.get('pageSize'));
  const parkId = sp.get('parkId') ?? '';
  const reportId = sp.get('report') ?? '';
  const q = (sp.get('q') ?? '').trim().slice(0, 60);
  return {
    period: periodOrNewest(sp.get('period')),
    parkId: uuid.safeParse(parkId).success ? parkId : undefined,
    tab: tab === 'flagged' || reportingState.safeParse(tab).success ? (tab as ReportingTab) : 'all',
    q: q || undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
    reportId: uuid.safeParse(reportId).success ? reportId : undefined,
  };
}

/** Defaults are left out so URLs stay short. */
export function toSearchParams(v: ReportingView): URLSearchParams {
  const sp = new URLSearchParams();
  if (v.period !== newestPeriod()) sp.set('period', v.period);
  if (v.parkId) sp.set('parkId', v.parkId);
  if (v.tab !== 'all') sp.set('tab', v.tab);
  if (v.q) sp.set('q', v.q);
  if (v.page > 1) sp.set('page', String(v.page));
  if (v.pageSize !== defaultPageSize) sp.set('pageSize', String(v.pageSize));
  if (v.reportId) sp.set('report', v.reportId);
  return sp;
}

export function toQuery(v: ReportingView): ReportingQuery {
  return {
    period: v.period,
    parkId: v.parkId,
    state: v.tab === 'all' || v.tab === 'flagged' ? undefined : v.tab,
    flagged: v.tab === 'flagged' ? 'true' : undefined,
    q: v.q,
    page: v.page,
    pageSize: v.pageSize,
  };
}
