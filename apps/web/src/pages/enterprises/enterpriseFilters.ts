/** The registry's search in the URL (?q=…&parkId=…&status=active,relocating&page=2&sort=-updatedAt). */
import { enterpriseFilter, enterpriseSortFields, enterpriseStatuses } from '@zhiyuan/core';
import { urlListState, type Filters as UrlFilters } from '../../lib/urlListState';

export const filterKeys = ['q', 'parkId', 'industry', 'qualification', 'status', 'tag', 'officerId', 'aboveScale', 'emergingIndustry', 'listingStage'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = UrlFilters<FilterKey>;

export const enterpriseListState = urlListState({
  keys: filterKeys,
  schema: enterpriseFilter,
  sortFields: enterpriseSortFields,
  lists: { status: enterpriseStatuses },
  flags: ['aboveScale'],
});
const { readFilters } = enterpriseListState;

/** Form values of the filter bar (status as a list, above-scale as 'all' | 'true' | 'false'). */
export type FilterFormValues = Omit<Filters, 'status' | 'aboveScale'> & { status?: string[]; aboveScale?: string };

export function toFormValues(f: Filters): FilterFormValues {
  return { ...f, status: f.status ? f.status.split(',') : [], aboveScale: f.aboveScale ?? 'all' };
}

export function fromFormValues(v: FilterFormValues): Filters {
  const raw: Record<string, unknown> = { ...v, status: (v.status ?? []).join(','), aboveScale: v.aboveScale === 'all' ? undefined : v.aboveScale };
  return readFilters(raw);
}
