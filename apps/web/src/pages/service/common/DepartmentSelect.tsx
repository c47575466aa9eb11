import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useParkNames } from '../../../components/ParkTreeSelect';
import { useDepartments } from '../../workOrders/pickers';

type Props = {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
};

/** A department of the caller's scope, for filters (the work order pages' list, full width by default). */
export function DepartmentSelect({ value, onChange, placeholder, style, id, ...rest }: Props) {
  const { t } = useTranslation();
  const list = useDepartments();
  const parkName = useParkNames();
  const items = list.data?.items ?? [];
  // Departments of different parks may share a name: those get their park after the name.
  const shared = new Set(items.filter((d, i) => items.findIndex((x) => x.name === d.name) !== i).map((d) => d.name));
  const options = items.map((d) => ({ value: d.id, label: shared.has(d.name) ? `${d.name}（${parkName(d.parkId)}）` : d.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: '…' });
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      loading={list.isLoading}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder ?? t('serviceCommon.pickDepartment')}
      notFoundContent={t('common.noData')}
      style={style ?? { width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
