import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentsApi } from '../api/parks';
import { useParkNames } from './ParkTreeSelect';
import { LocalSelect, SearchSelect, useSearchText, type PickerProps } from './PickSelect';

/** Every department in the caller's scope (one request, cached). */
export function useDepartments(enabled = true) {
  return useQuery({ queryKey: ['departments', 'all'], queryFn: () => departmentsApi.list({ pageSize: 200, sort: 'name' }), enabled, staleTime: 5 * 60_000 });
}

type DepartmentSelectProps = Omit<PickerProps<string>, 'value' | 'onChange'> & {
  exclude?: readonly string[];
  style?: CSSProperties;
} & ({ multiple?: false; value?: string; onChange?: (v: string | undefined) => void } | { multiple: true; value?: string[]; onChange?: (v: string[] | undefined) => void });

/** A department of the caller's scope (or several: co-handlers), full width by default. */
export function DepartmentSelect({ exclude, style, multiple, placeholder, ...props }: DepartmentSelectProps) {
  const { t } = useTranslation();
  const list = useDepartments();
  const parkName = useParkNames();
  const items = (list.data?.items ?? []).filter((d) => !exclude?.includes(d.id));
  // Departments of different parks may share a name: those get their park after the name.
  const shared = new Set(items.filter((d, i) => items.findIndex((x) => x.name === d.name) !== i).map((d) => d.name));
  const options = items.map((d) => ({ value: d.id, label: shared.has(d.name) ? `${d.name}（${parkName(d.parkId)}）` : d.name }));
  const { value } = props;
  if (typeof value === 'string' && !options.some((o) => o.value === value)) options.unshift({ value, label: '…' });
  return (
    <LocalSelect<string | string[]>
      {...(props as PickerProps<string | string[]>)}
      mode={multiple ? 'multiple' : undefined}
      options={options}
      loading={list.isLoading}
      placeholder={placeholder ?? t(multiple ? 'workOrders.pick.coHandlers' : 'workOrders.pick.department')}
      style={style ?? { width: '100%' }}
    />
  );
}

/**
 * A department of these parks or the parks below them (a user's department: the server requires
 * it inside the user's parks), searched on the server by name as one types, so that any number of
 * departments can be found. Nothing to pick before a park is chosen.
 */
export function DepartmentInParksSelect({ parkIds, value, placeholder, ...props }: PickerProps<string> & { parkIds: readonly string[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useSearchText();
  const parkName = useParkNames();
  const withinParks = [...parkIds].sort().join(',');
  const found = useQuery({
    queryKey: ['departments', 'within', withinParks, q],
    queryFn: () => departmentsApi.list({ withinParks, q: q || undefined, pageSize: 20, sort: 'name' }),
    enabled: parkIds.length > 0,
    placeholderData: keepPreviousData,
  });
  // The chosen department's name while the results do not hold it (an edited user's).
  const current = useQuery({ queryKey: ['departments', 'one', value], queryFn: () => departmentsApi.list({ ids: value! }), enabled: !!value, staleTime: 5 * 60_000 });
  const label = (d: { name: string; parkId: string }) => `${d.name}（${parkName(d.parkId)}）`;
  const options = parkIds.length ? (found.data?.items ?? []).map((d) => ({ value: d.id, label: label(d) })) : [];
  const held = current.data?.items[0];
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: held ? label(held) : '…' });
  return (
    <SearchSelect<string>
      {...props}
      value={value}
      onSearch={setQ}
      searching={found.isFetching}
      options={options}
      disabled={props.disabled || parkIds.length === 0}
      placeholder={parkIds.length ? (placeholder ?? t('users.departmentPick')) : t('users.departmentParksFirst')}
    />
  );
}
