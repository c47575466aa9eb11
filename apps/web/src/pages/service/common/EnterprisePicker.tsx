import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, useEnterprise } from '../../../api/enterprises';
import { SearchSelect, useSearchText } from '../../../components/PickSelect';

type Option = { value: string; label: string };

type Props = {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Names of values chosen before (a preset enterprise), so the field shows a name, not an id. */
  known?: readonly Option[];
  parkId?: string;
  disabled?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
};

/** Enterprises in the caller's scope, searched on the server (name or USCC) as one types. */
export function EnterprisePicker({ value, onChange, multiple, known = [], parkId, disabled, placeholder, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [deferred, setQ] = useSearchText();
  // Names of the enterprises picked so far (the search results change as one types).
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map(known.map((o) => [o.value, o.label])));
  const found = useQuery({
    queryKey: ['enterprises', 'list', { q: deferred, parkId, pageSize: 20, picker: true }],
    queryFn: () => enterprisesApi.list({ q: deferred || undefined, parkId, pageSize: 20, status: 'active' }),
    enabled: !disabled,
    staleTime: 30_000,
  });
  // A single value chosen elsewhere (e.g. from the URL) whose name is not known yet.
  const single = typeof value === 'string' && !picked.has(value) && !known.some((o) => o.value === value) ? value : undefined;
  const one = useEnterprise(single);
  const options = useMemo(() => {
    const list: Option[] = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (!list.some((o) => o.value === v)) list.unshift({ value: v, label: picked.get(v) ?? known.find((o) => o.value === v)?.label ?? (one.data?.id === v ? one.data.name : '…') });
    }
    return list;
  }, [found.data, value, picked, known, one.data]);

  const remember = (v: string | string[] | undefined) => {
    const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
    setPicked((prev) => {
      const next = new Map(prev);
      for (const x of values) {
        const label = options.find((o) => o.value === x)?.label;
        if (label) next.set(x, label);
      }
      return next;
    });
    onChange?.(v);
  };

  return (
    <SearchSelect<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={remember}
      onSearch={setQ}
      onBlur={() => setQ('')}
      searching={found.isFetching}
      options={options}
      disabled={disabled}
      placeholder={placeholder ?? t('serviceCommon.pickEnterprise')}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
