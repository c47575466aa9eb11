/**
 * A list page's search lives in the URL (?status=a,b&page=2&sort=-updatedAt) so a search can be bookmarked,
 * shared, linked to from elsewhere and stepped through with the back button.
 * Values are checked against the contract: a hand-edited URL never sends an invalid query.
 */
import type { Query } from '../api/client';

export type Filters<K extends string> = Partial<Record<K, string>>;
export type ListState<K extends string> = { filters: Filters<K>; page: number; pageSize: number; sort?: string };

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

type Spec<K extends string> = {
  keys: readonly K[];
  /** The contract's filter object: each key's value is checked by its schema. */
  schema: { shape: Record<K, { safeParse: (v: unknown) => { success: boolean } }> };
  sortFields: readonly string[];
  /** Keys holding a comma-separated list of allowed values (unknown ones are dropped). */
  lists?: Partial<Record<K, readonly string[]>>;
  /** Yes/no keys: 'true' or 'false' (a saved search may hold them as booleans). */
  flags?: readonly K[];
  /** A last look at the whole, e.g. a date range the wrong way round. */
  normalize?: (f: Filters<K>) => Filters<K>;
};

/** The URL codec of one list page's search. */
export function urlListState<K extends string>({ keys, schema, sortFields, lists = {}, flags = [], normalize = (f) => f }: Spec<K>) {
  const validFilter = (key: K, value: string): string | undefined => {
    const v = value.trim();
    if (!v) return undefined;
    const allowed: readonly string[] | undefined = lists[key];
    if (allowed) {
      const list = [...new Set(v.split(',').map((s) => s.trim()))].filter((s) => allowed.includes(s));
      return list.length ? list.join(',') : undefined;
    }
    if (flags.includes(key)) return v === 'true' || v === 'false' ? v : undefined;
    return schema.shape[key].safeParse(v).success ? v : undefined;
  };

  const validSort = (sort: string | null | undefined): string | undefined => {
    if (!sort) return undefined;
    const field = sort.startsWith('-') ? sort.slice(1) : sort;
    return sortFields.includes(field) ? sort : undefined;
  };

  const readFilters = (source: URLSearchParams | Record<string, unknown>): Filters<K> => {
    const get = (k: string) => (source instanceof URLSearchParams ? source.get(k) : source[k]);
    const out: Filters<K> = {};
    for (const k of keys) {
      const raw = get(k);
      const v = typeof raw === 'string' ? validFilter(k, raw) : typeof raw === 'boolean' && flags.includes(k) ? String(raw) : undefined;
      if (v !== undefined) out[k] = v;
    }
    return normalize(out);
  };

  const readListState = (sp: URLSearchParams): ListState<K> => {
    const page = Number(sp.get('page'));
    const pageSize = Number(sp.get('pageSize'));
    return {
      filters: readFilters(sp),
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
      sort: validSort(sp.get('sort')),
    };
  };

  /** The URL of a list state: defaults are left out so URLs stay short. */
  const toSearchParams = (state: ListState<K>): URLSearchParams => {
    const sp = new URLSearchParams();
    for (const k of keys) {
      const v = state.filters[k];
      if (v) sp.set(k, v);
    }
    if (state.sort) sp.set('sort', state.sort);
    if (state.page > 1) sp.set('page', String(state.page));
    if (state.pageSize !== defaultPageSize) sp.set('pageSize', String(state.pageSize));
    return sp;
  };

  const toListQuery = (state: ListState<K>): Query => ({ ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort });
  const hasFilters = (f: Filters<K>) => keys.some((k) => !!f[k]);

  return { keys, validSort, readFilters, readListState, toSearchParams, toListQuery, hasFilters };
}

export type UrlListState<K extends string> = ReturnType<typeof urlListState<K>>;
