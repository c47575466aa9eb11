/** Pickers of the work-order forms and filters: the category tree, and other orders (for a merge). Enterprises: components/EnterprisePicker. */
import { useQuery } from '@tanstack/react-query';
import { buildCategoryTree, type CategoryNode } from '@zhiyuan/core';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect, useSearchText, type PickerProps } from '../../components/PickSelect';
import { useWorkOrderCategories, workOrdersApi, type WorkOrderCategory } from '../../api/workOrders';

type CategoryOption = { title: string; value: string; disabled?: boolean; children?: CategoryOption[] };

function toOptions(nodes: CategoryNode<WorkOrderCategory>[], includeInactive: boolean, inactiveLabel: string): CategoryOption[] {
  return nodes
    .filter((n) => includeInactive || n.active)
    .map((n) => ({
      title: n.active ? n.name : `${n.name}（${inactiveLabel}）`,
      value: n.id,
      ...(n.children.length ? { children: toOptions(n.children, includeInactive, inactiveLabel) } : {}),
    }));
}

/** The category tree; inactive categories are offered only where they filter old orders. */
export function CategoryTreeSelect({ value, onChange, id, placeholder, includeInactive = false, ...rest }: PickerProps<string> & { includeInactive?: boolean }) {
  const { t } = useTranslation();
  const list = useWorkOrderCategories();
  const treeData = useMemo(() => toOptions(buildCategoryTree(list.data?.items ?? []), includeInactive, t('workOrders.categories.inactive')), [list.data, includeInactive, t]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loading={list.isLoading}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={placeholder ?? t('workOrders.pick.category')}
      notFoundContent={t('common.noData')}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** Another order of the caller's scope, by number or title (the target of a merge). */
export function WorkOrderSelect({ excludeId, placeholder, ...props }: PickerProps<string> & { excludeId?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useSearchText();
  const found = useQuery({
    queryKey: ['work-orders', 'pick', q],
    queryFn: ({ signal }) => workOrdersApi.list({ q: q || undefined, pageSize: 20, sort: '-createdAt' }, signal),
    staleTime: 15_000,
  });
  const options = (found.data?.items ?? []).filter((o) => o.id !== excludeId).map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }));
  return <SearchSelect<string> {...props} onSearch={setQ} searching={found.isFetching} options={options} placeholder={placeholder ?? t('workOrders.pick.order')} />;
}
