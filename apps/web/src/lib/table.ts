import type { SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import type { Page } from '../api/types';
import type { Query } from '../api/client';

/** ProTable's sort object → the API's `sort=field` / `sort=-field`. */
export function toSortParam(sort: Record<string, SortOrder> | undefined): string | undefined {
  if (!sort) return undefined;
  for (const [field, order] of Object.entries(sort)) {
    if (order === 'ascend') return field;
    if (order === 'descend') return `-${field}`;
  }
  return undefined;
}

type TableParams = { current?: number; pageSize?: number; keyword?: string } & Record<string, unknown>;

/** ProTable params (current, pageSize, search form fields) → list query. */
export function toListQuery(params: TableParams, sort: Record<string, SortOrder> | undefined, pick: readonly string[]): Query {
  const q: Query = { page: params.current ?? 1, pageSize: params.pageSize ?? 20, sort: toSortParam(sort) };
  for (const k of pick) {
    const v = params[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') q[k] = typeof v === 'string' ? v.trim() : v;
  }
  return q;
}

export function toTableResult<T>(page: Page<T>) {
  return { data: page.items, total: page.total, success: true };
}

/** Table row attributes for end-to-end tests. */
export function rowTestId(prefix: string, key: string) {
  return { 'data-testid': `${prefix}-row-${key}` } as HTMLAttributes<HTMLElement>;
}

/** The sort arrow a column shows for the API's `sort` (`field` / `-field`). */
export const sortOrderOf = (sort: string | undefined, field: string): SortOrder | undefined =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : undefined;

/** A ProTable request's answer: the page, or an empty table once the error is shown. */
export async function loadTable<T>(load: Promise<Page<T>>, showError: (e: unknown) => void) {
  try {
    return toTableResult(await load);
  } catch (e) {
    showError(e);
    return { data: [] as T[], total: 0, success: false };
  }
}

/** The filters of a list query that are set, as strings (what the page's export link repeats). */
export const setFilters = (query: Query, keys: readonly string[]): Record<string, string> =>
  Object.fromEntries(keys.filter((k) => query[k] != null).map((k) => [k, String(query[k])]));

/** How the service pages' tables search (the form open), page (20, size changer), scroll and refresh. */
export const searchTableProps = {
  search: { labelWidth: 'auto', defaultCollapsed: false },
  pagination: { defaultPageSize: 20, showSizeChanger: true },
  scroll: { x: 1000 },
  options: { density: false, setting: false, reload: true },
} as const;
