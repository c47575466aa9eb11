import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { toSortParam } from './table';
import { pageSizes, type Filters, type ListState, type UrlListState } from './urlListState';

type ListQuery<T> = { data?: { items: T[]; total: number }; isFetching: boolean; isLoading: boolean; refetch: () => unknown };

/**
 * A list page whose search lives in the URL: the state read from it, the API query, and the moves
 * (a new search, page or order) that write it; with the table's pagination and sort wired to them.
 */
export function useUrlList<K extends string>(codec: UrlListState<K>) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => codec.readListState(params), [codec, params]);
  const query = useMemo(() => codec.toListQuery(state), [codec, state]);

  /**
   * A new search or page is a new history entry (the back button returns to the previous one).
   * Built on the URL as it is now: table callbacks may come from an earlier render.
   */
  const go = (next: Partial<ListState<K>> | ((current: ListState<K>) => Partial<ListState<K>>)) =>
    setParams((prev) => {
      const current = codec.readListState(prev);
      return codec.toSearchParams({ ...current, ...(typeof next === 'function' ? next(current) : next) });
    });
  const applyFilters = (filters: Filters<K>, sort?: string) => go((current) => ({ filters, sort: sort ?? current.sort, page: 1 }));

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: pageSizes.map(String),
  });

  const onTableChange = <T>(p: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = toSortParam(s?.field && s.order ? { [String(s.field)]: s.order } : undefined);
    go((current) => {
      const pageSize = p.pageSize ?? current.pageSize;
      // A new order or page size starts at the first page.
      const page = sort !== current.sort || pageSize !== current.pageSize ? 1 : (p.current ?? 1);
      return { sort, page, pageSize };
    });
  };

  /** The props of the page's ProTable that come from the list: rows, loading, paging, sorting, empty text, reload. */
  const tableProps = <T>(list: ListQuery<T>, empty: ReactNode) => ({
    dataSource: list.data?.items,
    loading: list.isFetching,
    search: false as const,
    pagination: pagination(list.data?.total),
    onChange: onTableChange<T>,
    locale: { emptyText: list.isLoading ? ' ' : empty },
    options: { density: false, setting: false, reload: () => void list.refetch() },
  });

  // The sort arrows follow the URL (ProTable keeps its own sort state): the table's key changes with the URL's sort.
  return { params, state, query, filtered: codec.hasFilters(state.filters), go, applyFilters, tableKey: `sort:${state.sort ?? ''}`, tableProps };
}
