import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildParkTree, parkTreeOptions, useParks } from '../api/parks';

type Props = {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
  /** Ids not to offer (e.g. a park cannot be its own parent). */
  exclude?: string;
};

/** Picks parks from the zone → sub-park tree (a park includes its sub-parks). */
export function ParkTreeSelect({ value, onChange, multiple, placeholder, allowClear = true, disabled, id, exclude, ...rest }: Props) {
  const { t } = useTranslation();
  const parks = useParks();
  const treeData = useMemo(() => parkTreeOptions(buildParkTree((parks.data?.items ?? []).filter((p) => p.id !== exclude))), [parks.data, exclude]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      multiple={multiple}
      loading={parks.isLoading}
      allowClear={allowClear}
      disabled={disabled}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={placeholder ?? t('parks.pick')}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** id → park name, for table cells. */
export function useParkNames(enabled = true): (id: string) => string {
  const parks = useParks(enabled);
  return useMemo(() => {
    const byId = new Map((parks.data?.items ?? []).map((p) => [p.id, p.name]));
    return (id: string) => byId.get(id) ?? id.slice(0, 8);
  }, [parks.data]);
}
