import { ProForm, ProFormDateRangePicker, ProFormText, QueryFilter, type ProFormInstance } from '@ant-design/pro-components';
import { workOrderChannels, workOrderPriorities, workOrderStatuses, workOrderTypes } from '@zhiyuan/core';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { CategoryTreeSelect, DepartmentSelect, OfficerSelect } from './pickers';
import { filterKeys, fromFormValues, toFormValues, type FilterFormValues, type Filters } from './workOrderFilters';
import { useWorkOrderLabels } from './workOrderLabels';

type Props = { filters: Filters; onApply: (f: Filters) => void };

/** Every filter key present (undefined when unset), so setting the form also clears what is not in the URL. */
const fullValues = (f: Filters): FilterFormValues => ({ ...Object.fromEntries([...filterKeys, 'created'].map((k) => [k, undefined])), ...toFormValues(f) });

const advancedKeys = ['channel', 'priority', 'parkId', 'departmentId', 'assigneeId', 'categoryId', 'supervised', 'mine', 'from', 'to'] as const;

/** The work-order search form; the URL is the source of truth (the back button restores the form). */
export function WorkOrderFilterBar({ filters, onApply }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useWorkOrderLabels();
  const formRef = useRef<ProFormInstance<FilterFormValues>>(undefined);
  const key = JSON.stringify(filters);

  useEffect(() => {
    formRef.current?.setFieldsValue(fullValues(JSON.parse(key) as Filters));
  }, [key]);

  // Filters that a collapsed form hides open it (on arrival, and when the back button or a link sets them).
  const advanced = advancedKeys.some((k) => !!filters[k]);
  const [collapsed, setCollapsed] = useState(!advanced);
  useEffect(() => {
    if (advanced) setCollapsed(false);
  }, [advanced, key]);

  const triState = [
    { value: 'all', label: t('workOrders.filter.all') },
    { value: 'true', label: t('workOrders.filter.yes') },
    { value: 'false', label: t('workOrders.filter.no') },
  ];

  return (
    <QueryFilter<FilterFormValues>
      formRef={formRef}
      initialValues={fullValues(filters)}
      onFinish={async (v) => onApply(fromFormValues(v))}
      onReset={() => {
        formRef.current?.setFieldsValue(fullValues({}));
        onApply({});
      }}
      labelWidth="auto"
      collapsed={collapsed}
      onCollapse={setCollapsed}
      defaultFormItemsNumber={4}
      span={{ xs: 24, sm: 24, md: 12, lg: 12, xl: 8, xxl: 6 }}
      isKeyPressSubmit
      data-testid="work-order-filters"
      submitter={{
        submitButtonProps: { 'data-testid': 'work-order-filter-submit' },
        resetButtonProps: { 'data-testid': 'work-order-filter-reset' },
      }}
      style={{ marginBottom: 16, background: '#fff', padding: '24px 24px 8px', borderRadius: 8 }}
    >
      <ProFormText
        name="q"
        label={t('common.keyword')}
        fieldProps={{ allowClear: true, maxLength: 100, 'data-testid': 'work-order-search' } as object}
        placeholder={t('workOrders.filter.qPlaceholder')}
      />
      <ProForm.Item name="status" label={t('workOrders.field.status')}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          options={workOrderStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
          placeholder={t('workOrders.filter.allStatuses')}
          data-testid="work-order-filter-status"
        />
      </ProForm.Item>
      <ProForm.Item name="type" label={t('workOrders.field.type')}>
        <Select allowClear options={workOrderTypes.map((s) => ({ value: s, label: labels.type(s) }))} placeholder={t('workOrders.filter.any')} data-testid="work-order-filter-type" />
      </ProForm.Item>
      <ProForm.Item name="overdue" label={t('workOrders.filter.overdue')}>
        <Select options={triState} data-testid="work-order-filter-overdue" />
      </ProForm.Item>
      <ProForm.Item name="channel" label={t('workOrders.field.channel')}>
        <Select
          allowClear
          options={workOrderChannels.map((s) => ({ value: s, label: labels.channel(s) }))}
          placeholder={t('workOrders.filter.any')}
          data-testid="work-order-filter-channel"
        />
      </ProForm.Item>
      <ProForm.Item name="priority" label={t('workOrders.field.priority')}>
        <Select
          allowClear
          options={workOrderPriorities.map((s) => ({ value: s, label: labels.priority(s) }))}
          placeholder={t('workOrders.filter.any')}
          data-testid="work-order-filter-priority"
        />
      </ProForm.Item>
      {can('park.read') && (
        <ProForm.Item name="parkId" label={t('workOrders.field.park')}>
          <ParkTreeSelect data-testid="work-order-filter-park" placeholder={t('workOrders.filter.any')} />
        </ProForm.Item>
      )}
      {can('department.read') && (
        <ProForm.Item name="departmentId" label={t('workOrders.field.department')}>
          <DepartmentSelect data-testid="work-order-filter-department" placeholder={t('workOrders.filter.any')} />
        </ProForm.Item>
      )}
      {can('enterprise.read') && (
        <ProForm.Item name="assigneeId" label={t('workOrders.field.assignee')}>
          <OfficerSelect data-testid="work-order-filter-assignee" placeholder={t('workOrders.filter.any')} />
        </ProForm.Item>
      )}
      <ProForm.Item name="categoryId" label={t('workOrders.field.category')}>
        <CategoryTreeSelect includeInactive data-testid="work-order-filter-category" placeholder={t('workOrders.filter.any')} />
      </ProForm.Item>
      <ProForm.Item name="supervised" label={t('workOrders.filter.supervised')}>
        <Select options={triState} data-testid="work-order-filter-supervised" />
      </ProForm.Item>
      <ProForm.Item name="mine" label={t('workOrders.filter.mine')} tooltip={t('workOrders.filter.mineHint')}>
        <Select options={triState} data-testid="work-order-filter-mine" />
      </ProForm.Item>
      <ProFormDateRangePicker
        name="created"
        label={t('workOrders.filter.created')}
        fieldProps={{ format: 'YYYY-MM-DD', style: { width: '100%' }, 'data-testid': 'work-order-filter-created' } as object}
      />
    </QueryFilter>
  );
}
