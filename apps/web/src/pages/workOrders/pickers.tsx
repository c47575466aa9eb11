/**
 * Pickers of the service desk's forms and filters: departments, service officers, enterprises
 * (searched on the server), the category tree, and other orders (for a merge).
 */
import { useQuery } from '@tanstack/react-query';
import { buildCategoryTree, type CategoryNode } from '@zhiyuan/core';
import { Select, TreeSelect } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useEnterprise, useOfficers, type EnterprisePage } from '../../api/enterprises';
import { departmentsApi } from '../../api/parks';
import { useWorkOrderCategories, workOrdersApi, type WorkOrderCategory } from '../../api/workOrders';

type SelectProps<V> = { value?: V; onChange?: (v: V | undefined) => void; id?: string; placeholder?: string; disabled?: boolean; 'data-testid'?: string };

/** Every department in the caller's scope (one request, cached). */
export function useDepartments(enabled = true) {
  return useQuery({ queryKey: ['departments', 'all'], queryFn: () => departmentsApi.list({ pageSize: 200, sort: 'name' }), enabled, staleTime: 5 * 60_000 });
}

export function DepartmentSelect({ value, onChange, id, placeholder, disabled, exclude, ...rest }: SelectProps<string> & { exclude?: readonly string[] }) {
  const { t } = useTranslation();
  const list = useDepartments();
  const options = (list.data?.items ?? []).filter((d) => !exclude?.includes(d.id)).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={list.isLoading}
      allowClear
      showSearch
      optionFilterProp="label"
      disabled={disabled}
      placeholder={placeholder ?? t('workOrders.pick.department')}
      notFoundContent={t('common.noData')}
      data-testid={rest['data-testid']}
    />
  );
}

export function DepartmentsSelect({ value, onChange, id, exclude, ...rest }: SelectProps<string[]> & { exclude?: readonly string[] }) {
  const { t } = useTranslation();
  const list = useDepartments();
  const options = (list.data?.items ?? []).filter((d) => !exclude?.includes(d.id)).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={list.isLoading}
      allowClear
      optionFilterProp="label"
      placeholder={t('workOrders.pick.coHandlers')}
      notFoundContent={t('common.noData')}
      data-testid={rest['data-testid']}
    />
  );
}

/** Service officers of the caller's scope. */
export function OfficerSelect({ value, onChange, id, placeholder, ...rest }: SelectProps<string>) {
  const { t } = useTranslation();
  const officers = useOfficers();
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
      loading={officers.isLoading}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder ?? t('workOrders.pick.officer')}
      notFoundContent={t('common.noData')}
      data-testid={rest['data-testid']}
    />
  );
}

/** Enterprises by name or USCC, searched on the server as one types. */
export function EnterpriseSelect({ value, onChange, id, placeholder, ...rest }: SelectProps<string>) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const found = useQuery({
    queryKey: ['enterprises', 'pick', deferred],
    queryFn: ({ signal }) => api.get<EnterprisePage>('/enterprises', { q: deferred || undefined, pageSize: 20, sort: deferred ? undefined : '-updatedAt' }, signal),
    staleTime: 30_000,
  });
  const current = useEnterprise(value && !found.data?.items.some((e) => e.id === value) ? value : undefined);
  const options = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, uscc: e.uscc }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: current.data?.name ?? '…', uscc: current.data?.uscc ?? '' });
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label}
          <span className="zy-mono" style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>
            {o.data.uscc}
          </span>
        </span>
      )}
      placeholder={placeholder ?? t('workOrders.pick.enterprise')}
      notFoundContent={found.isFetching ? t('workOrders.pick.searching') : t('common.noData')}
      data-testid={rest['data-testid']}
    />
  );
}

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
export function CategoryTreeSelect({ value, onChange, id, placeholder, includeInactive = false, ...rest }: SelectProps<string> & { includeInactive?: boolean }) {
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
export function WorkOrderSelect({ value, onChange, id, excludeId, ...rest }: SelectProps<string> & { excludeId?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const found = useQuery({
    queryKey: ['work-orders', 'pick', deferred],
    queryFn: ({ signal }) => workOrdersApi.list({ q: deferred || undefined, pageSize: 20, sort: '-createdAt' }, signal),
    staleTime: 15_000,
  });
  const options = (found.data?.items ?? []).filter((o) => o.id !== excludeId).map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      options={options}
      placeholder={t('workOrders.pick.order')}
      notFoundContent={found.isFetching ? t('workOrders.pick.searching') : t('common.noData')}
      data-testid={rest['data-testid']}
    />
  );
}
