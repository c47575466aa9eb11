/**
 * The work-order list's search lives in the URL (?status=submitted,accepted&overdue=true&page=2&sort=resolveDueAt)
 * so a search can be bookmarked, shared, linked to from elsewhere and stepped through with the back button.
 * Values are checked against the contract: a hand-edited URL never sends an invalid query.
 */
import { workOrderFilter, workOrderSortFields, workOrderStatuses, type WorkOrderStatus } from '@zhiyuan/core';
import type { Query } from '../../api/client';

export const filterKeys = [
  'q',
  'status',
  'type',
  'channel',
  'priority',
  'parkId',
  'departmentId',
  'assigneeId',
  'enterpriseId',
  'categoryId',
  'overdue',
  'supervised',
  'mine',
  'from',
  'to',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export type ListState = { filters: Filters; page: number; pageSize: number; sort?: string };

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;
const flagKeys: readonly FilterKey[] = ['overdue', 'supervised', 'mine'];

function validFilter(key: FilterKey, value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (key === 'status') {
    const list = [...new Set(v.split(',').map((s) => s.trim()))].filter((s): s is WorkOrderStatus => (workOrderStatuses as readonly string[]).includes(s));
    return list.length ? list.join(',') : undefined;
  }
  if (flagKeys.includes(key)) return v === 'true' || v === 'false' ? v : undefined;
  return workOrderFilter.shape[key].safeParse(v).success ? v : undefined;
}

export function validSort(sort: string | null | undefined): string | undefined {
  if (!sort) return undefined;
  const field = sort.startsWith('-') ? sort.slice(1) : sort;
  return (workOrderSortFields as readonly string[]).includes(field) ? sort : undefined;
}

export function readFilters(source: URLSearchParams | Record<string, unknown>): Filters {
  const get = (k: string) => (source instanceof URLSearchParams ? source.get(k) : source[k]);
  const out: Filters = {};
  for (const k of filterKeys) {
    const raw = get(k);
    const v = typeof raw === 'string' ? validFilter(k, raw) : undefined;
    if (v !== undefined) out[k] = v;
  }
  // A range the wrong way round is no range.
  if (out.from && out.to && out.from > out.to) delete out.to;
  return out;
}

export function readListState(sp: URLSearchParams): ListState {
  const page = Number(sp.get('page'));
  const pageSize = Number(sp.get('pageSize'));
  return {
    filters: readFilters(sp),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
    sort: validSort(sp.get('sort')),
  };
}

/** The URL of a list state: defaults are left out so URLs stay short. */
export function toSearchParams(state: ListState): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of filterKeys) {
    const v = state.filters[k];
    if (v) sp.set(k, v);
  }
  if (state.sort) sp.set('sort', state.sort);
  if (state.page > 1) sp.set('page', String(state.page));
  if (state.pageSize !== defaultPageSize) sp.set('pageSize', String(state.pageSize));
  return sp;
}

export const toListQuery = (state: ListState): Query => ({ ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort });

export const hasFilters = (f: Filters) => filterKeys.some((k) => !!f[k]);

/** Form values of the filter bar: status as a list, flags as 'all' | 'true' | 'false', the dates as a range. */
export type FilterFormValues = Omit<Filters, 'status' | 'overdue' | 'supervised' | 'mine' | 'from' | 'to'> & {
  status?: string[];
  overdue?: string;
  supervised?: string;
  mine?: string;
  created?: [string, string];
};

export function toFormValues(f: Filters): FilterFormValues {
  const { from, to, status, overdue, supervised, mine, ...rest } = f;
  return {
    ...rest,
    status: status ? status.split(',') : [],
    overdue: overdue ?? 'all',
    supervised: supervised ?? 'all',
    mine: mine ?? 'all',
    created: from || to ? [from ?? '', to ?? ''] : undefined,
  };
}

export function fromFormValues(v: FilterFormValues): Filters {
  const { created, status, overdue, supervised, mine, ...rest } = v;
  const flag = (x: string | undefined) => (x === 'all' ? undefined : x);
  return readFilters({
    ...rest,
    status: (status ?? []).join(','),
    overdue: flag(overdue),
    supervised: flag(supervised),
    mine: flag(mine),
    from: created?.[0] || undefined,
    to: created?.[1] || undefined,
  });
}
