/** The two kinds of pickers: among options already loaded, or among what the server finds as one types. */
import { Select, type SelectProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A picker's own props (a form item gives it value, onChange and id). */
export type PickerProps<V> = { value?: V; onChange?: (v: V | undefined) => void; id?: string; placeholder?: string; disabled?: boolean; 'data-testid'?: string };

/** A pick among loaded options, found by their label as one types. */
export function LocalSelect<V>(props: SelectProps<V>) {
  const { t } = useTranslation();
  return <Select<V> allowClear showSearch optionFilterProp="label" notFoundContent={t('common.noData')} {...props} />;
}

/** A pick among what the server finds: the caller runs the search on the text `onSearch` gets (see useSearchText). */
export function SearchSelect<V>({ searching, ...props }: SelectProps<V> & { searching: boolean }) {
  const { t } = useTranslation();
  return <Select<V> showSearch allowClear filterOption={false} loading={searching} notFoundContent={searching ? t('common.searching') : t('common.noData')} {...props} />;
}

/** The text typed into a SearchSelect, deferred so that typing is not held up by each request. */
export function useSearchText() {
  const [q, setQ] = useState('');
  return [useDeferredValue(q.trim()), setQ] as const;
}
