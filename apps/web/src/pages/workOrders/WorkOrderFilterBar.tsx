import { ProForm, ProFormDateRangePicker, ProFormText } from '@ant-design/pro-components';
import { workOrderChannels, workOrderPriorities, workOrderStatuses, workOrderTypes } from '@zhiyuan/core';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { UrlFilterBar } from '../../components/UrlFilterBar';
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { OfficerSelect } from '../../components/OfficerSelect';
import { CategoryTreeSelect } from './pickers';
import { filterKeys, fromFormValues, toFormValues, type Filters } from './workOrderFilters';
import { useWorkOrderLabels } from './workOrderLabels';

type Props = { filters: Filters; onApply: (f: Filters) => void };

const fields = [...filterKeys, 'created'];
const advanced = ['channel', 'priority', 'parkId', 'departmentId', 'assigneeId', 'categoryId', 'supervised', 'mine', 'from', 'to'] as const;

/** The work-order search form. */
export function WorkOrderFilterBar({ filters, onApply }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useWorkOrderLabels();
  const triState = [
    { value: 'all', label: t('workOrders.filter.all') },
    { value: 'true', label: t('workOrders.filter.yes') },
    { value: 'false', label: t('workOrders.filter.no') },
  ];

  return (
    <UrlFilterBar
      filters={filters}
      onApply={onApply}
      fields={fields}
      toForm={toFormValues}
      fromForm={fromFormValues}
      advanced={advanced}
      defaultFormItemsNumber={4}
      testId="work-order"
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
    </UrlFilterBar>
  );
}
