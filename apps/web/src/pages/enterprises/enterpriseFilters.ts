/**
 * The registry's search lives in the URL (?q=…&parkId=…&status=active,relocating&page=2&sort=-updatedAt)
 * so a search can be bookmarked, shared and stepped through with the back button.
 * Values are checked against the contract: a hand-edited URL never sends an invalid query.
 */
import { enterpriseFilter, enterpriseSortFields, enterpriseStatuses, type EnterpriseStatus } from '@zhiyuan/core';
import type { Query } from '../../api/client';

export const filterKeys = ['q', 'parkId', 'industry', 'qualification', 'status', 'tag', 'officerId', 'aboveScale', 'emergingIndustry', 'listingStage'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export type ListState = { filters: Filters; page: number; pageSize: number; sort?: string };

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

function validFilter(key: FilterKey, value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (key === 'status') {
    const list = [...new Set(v.split(',').map((s) => s.trim()))].filter((s): s is EnterpriseStatus => (enterpriseStatuses as readonly string[]).includes(s));
    return list.length ? list.join(',') : undefined;
  }
  if (key === 'aboveScale') return v === 'true' || v === 'false' ? v : undefined;
  return enterpriseFilter.shape[key].safeParse(v).success ? v : undefined;
}

export function validSort(sort: string | null | undefined): string | undefined {
  if (!sort) return undefined;
  const field = sort.startsWith('-') ? sort.slice(1) : sort;
  return (enterpriseSortFields as readonly string[]).includes(field) ? sort : undefined;
}

export function readFilters(source: URLSearchParams | Record<string, unknown>): Filters {
  const get = (k: string) => (source instanceof URLSearchParams ? source.get(k) : source[k]);
  const out: Filters = {};
  for (const k of filterKeys) {
    const raw = get(k);
    const v = typeof raw === 'string' ? validFilter(k, raw) : typeof raw === 'boolean' && k === 'aboveScale' ? String(raw) : undefined;
    if (v !== undefined) out[k] = v;
  }
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

/** Form values of the filter bar (status as a list, above-scale as 'all' | 'true' | 'false'). */
export type FilterFormValues = Omit<Filters, 'status' | 'aboveScale'> & { status?: string[]; aboveScale?: string };

export function toFormValues(f: Filters): FilterFormValues {
  return { ...f, status: f.status ? f.status.split(',') : [], aboveScale: f.aboveScale ?? 'all' };
}

export function fromFormValues(v: FilterFormValues): Filters {
  const raw: Record<string, unknown> = { ...v, status: (v.status ?? []).join(','), aboveScale: v.aboveScale === 'all' ? undefined : v.aboveScale };
  return readFilters(raw);
}
