import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprise, useEnterpriseList } from '../api/enterprises';
import { SearchSelect, useSearchText } from './PickSelect';

type Option = { value: string; label: string; uscc: string };

type Props = {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Only enterprises in the park (planning new work); otherwise those of every status the caller sees (a call, a filter of old records). */
  activeOnly?: boolean;
  /** Names of values chosen before (a preset enterprise), so the field shows a name, not an id. */
  known?: readonly { value: string; label: string }[];
  parkId?: string;
  disabled?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
};

/**
 * Enterprises in the caller's scope, searched on the server by name or USCC as one types (the most
 * recently updated first before one types), with the USCC beside each name to tell namesakes apart.
 * The names of picked enterprises stay while the search results change.
 */
export function EnterprisePicker({ value, onChange, multiple, activeOnly, known = [], parkId, disabled, placeholder, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useSearchText();
  const [picked, setPicked] = useState<Map<string, Option>>(() => new Map(known.map((o) => [o.value, { ...o, uscc: '' }])));
  const found = useEnterpriseList({ q: q || undefined, parkId, status: activeOnly ? 'active' : undefined, pageSize: 20, sort: q ? undefined : '-updatedAt' }, !disabled);
  // A single value chosen elsewhere (e.g. from the URL) whose name is not known yet.
  const single = typeof value === 'string' && !picked.has(value) ? value : undefined;
  const one = useEnterprise(single);
  const options = useMemo(() => {
    const list: Option[] = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, uscc: e.uscc }));
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (list.some((o) => o.value === v)) continue;
      const fetched = one.data?.id === v ? { value: v, label: one.data.name, uscc: one.data.uscc } : undefined;
      list.unshift(picked.get(v) ?? fetched ?? { value: v, label: '…', uscc: '' });
    }
    return list;
  }, [found.data, value, picked, one.data]);

  const remember = (v: string | string[] | undefined) => {
    const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
    setPicked((prev) => {
      const next = new Map(prev);
      for (const x of values) {
        const o = options.find((option) => option.value === x);
        if (o) next.set(x, o);
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
      optionRender={(o) => (
        <span>
          {o.label}
          {o.data.uscc && (
            <span className="zy-mono" style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>
              {o.data.uscc}
            </span>
          )}
        </span>
      )}
      disabled={disabled}
      placeholder={placeholder ?? t('serviceCommon.pickEnterprise')}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
