/**
 * Pickers of the work-order forms and filters: the category tree, other orders (for a merge) and
 * who may take an order (for an assignment). Enterprises: components/EnterprisePicker.
 */
import { useQuery } from '@tanstack/react-query';
import { buildCategoryTree, type CategoryNode } from '@zhiyuan/core';
import { Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect, useSearchText, type PickerProps } from '../../components/PickSelect';
import { useWorkOrderCategories, workOrdersApi, type WorkOrderAssigneeList, type WorkOrderCategory } from '../../api/workOrders';
import { useLanguage } from '../../i18n/LanguageContext';

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

type Assignee = WorkOrderAssigneeList['items'][number];

/**
 * Who may take the order (the server's rule: handling rights in the order's park), searched by name.
 * With a lead department chosen, its staff come first under its name; each person shows their
 * department, or their roles when they have none.
 */
export function AssigneeSelect({ orderId, departmentId, current, placeholder, value, onChange, ...props }: PickerProps<string> & { orderId: string; departmentId?: string; current?: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { roleName } = useLanguage();
  const [q, setQ] = useSearchText();
  // The person picked, shown as picked when another search or department leaves them out of the results.
  const [picked, setPicked] = useState<Assignee>();
  const found = useQuery({
    queryKey: ['work-orders', orderId, 'assignees', departmentId ?? '', q],
    queryFn: ({ signal }) => workOrdersApi.assignees(orderId, { departmentId, q: q || undefined }, signal),
    staleTime: 15_000,
  });
  const items = found.data?.items ?? [];
  const option = (a: Assignee) => ({
    value: a.id,
    label: (
      <Space size={8}>
        {a.displayName}
        <Typography.Text type="secondary">{a.departmentName ?? a.roles.map(roleName).join('、')}</Typography.Text>
      </Space>
    ),
  });
  const ofDepartment = departmentId ? items.filter((a) => a.departmentId === departmentId) : [];
  const others = items.filter((a) => !ofDepartment.includes(a));
  const options = ofDepartment.length
    ? [
        { label: ofDepartment[0]!.departmentName, options: ofDepartment.map(option) },
        ...(others.length ? [{ label: t('workOrders.pick.otherAssignees'), options: others.map(option) }] : []),
      ]
    : others.map(option);
  // Or the order's handler, with whom a transfer opens.
  const held = !value || items.some((a) => a.id === value) ? [] : [picked?.id === value ? option(picked) : { value, label: current?.id === value ? current.name : '…' }];
  return (
    <SearchSelect<string>
      {...props}
      value={value}
      onChange={(v) => {
        setPicked(items.find((a) => a.id === v));
        onChange?.(v);
      }}
      onSearch={setQ}
      searching={found.isFetching}
      options={[...held, ...options]}
      placeholder={placeholder ?? t('workOrders.pick.assignee')}
    />
  );
}
