/** The work-order list's search in the URL (?status=submitted,accepted&overdue=true&page=2&sort=resolveDueAt). */
import { workOrderFilter, workOrderSortFields, workOrderStatuses } from '@zhiyuan/core';
import { urlListState, type Filters as UrlFilters } from '../../lib/urlListState';

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
export type Filters = UrlFilters<FilterKey>;

export const workOrderListState = urlListState({
  keys: filterKeys,
  schema: workOrderFilter,
  sortFields: workOrderSortFields,
  lists: { status: workOrderStatuses },
  flags: ['overdue', 'supervised', 'mine'],
  // A range the wrong way round is no range.
  normalize: (f) => {
    const out = { ...f };
    if (out.from && out.to && out.from > out.to) delete out.to;
    return out;
  },
});
const { readFilters } = workOrderListState;

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
