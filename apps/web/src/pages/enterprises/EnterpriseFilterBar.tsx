import { ProForm, ProFormText, QueryFilter, type ProFormInstance } from '@ant-design/pro-components';
import { emergingIndustryCodes, enterpriseStatuses, listingStages } from '@zhiyuan/core';
import { Select, TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficers, useQualificationKindList, useTags } from '../../api/enterprises';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { filterKeys, fromFormValues, toFormValues, type FilterFormValues, type Filters } from './enterpriseFilters';
import { useEnterpriseLabels } from './enterpriseLabels';

type Props = { filters: Filters; onApply: (f: Filters) => void };

/** Every filter key present (undefined when unset), so setting the form also clears what is not in the URL. */
const fullValues = (f: Filters): FilterFormValues => ({ ...Object.fromEntries(filterKeys.map((k) => [k, undefined])), ...toFormValues(f) });

/** The registry's search form; the URL is the source of truth (the back button restores the form). */
export function EnterpriseFilterBar({ filters, onApply }: Props) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const formRef = useRef<ProFormInstance<FilterFormValues>>(undefined);
  const kinds = useQualificationKindList();
  const officers = useOfficers();
  const tags = useTags();
  const key = JSON.stringify(filters);

  useEffect(() => {
    formRef.current?.setFieldsValue(fullValues(JSON.parse(key) as Filters));
  }, [key]);

  // Filters that a collapsed form hides open it (on arrival, and when a saved filter or the back button sets them).
  const advanced = (['tag', 'officerId', 'aboveScale', 'emergingIndustry', 'listingStage'] as const).some((k) => !!filters[k]);
  const [collapsed, setCollapsed] = useState(!advanced);
  useEffect(() => {
    if (advanced) setCollapsed(false);
  }, [advanced, key]);

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
      defaultFormItemsNumber={5}
      span={{ xs: 24, sm: 24, md: 12, lg: 12, xl: 8, xxl: 6 }}
      isKeyPressSubmit
      data-testid="enterprise-filters"
      submitter={{
        submitButtonProps: { 'data-testid': 'enterprise-filter-submit' },
        resetButtonProps: { 'data-testid': 'enterprise-filter-reset' },
      }}
      style={{ marginBottom: 16, background: '#fff', padding: '24px 24px 8px', borderRadius: 8 }}
    >
      <ProFormText
        name="q"
        label={t('common.keyword')}
        fieldProps={{ allowClear: true, maxLength: 100, 'data-testid': 'enterprise-search' } as object}
        placeholder={t('enterprises.keywordPlaceholder')}
      />
      <ProForm.Item name="parkId" label={t('enterprises.filter.park')}>
        <ParkTreeSelect data-testid="enterprise-filter-park" placeholder={t('enterprises.filter.any')} />
      </ProForm.Item>
      <ProForm.Item name="industry" label={t('enterprises.filter.industry')}>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeData={labels.industryTree}
          placeholder={t('enterprises.filter.industryPlaceholder')}
          popupMatchSelectWidth={false}
          listHeight={360}
          data-testid="enterprise-filter-industry"
        />
      </ProForm.Item>
      <ProForm.Item name="status" label={t('enterprises.filter.status')}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          options={enterpriseStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
          placeholder={t('enterprises.allStatuses')}
          data-testid="enterprise-filter-status"
        />
      </ProForm.Item>
      <ProForm.Item name="qualification" label={t('enterprises.filter.qualification')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={kinds.isLoading}
          options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: k.name }))}
          placeholder={t('enterprises.filter.any')}
          popupMatchSelectWidth={false}
          data-testid="enterprise-filter-qualification"
        />
      </ProForm.Item>
      <ProForm.Item name="officerId" label={t('enterprises.filter.officer')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={officers.isLoading}
          options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
          placeholder={t('enterprises.filter.any')}
          data-testid="enterprise-filter-officer"
        />
      </ProForm.Item>
      <ProForm.Item name="tag" label={t('enterprises.filter.tag')}>
        <Select
          allowClear
          showSearch
          loading={tags.isLoading}
          options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag}（${x.count}）` }))}
          placeholder={t('enterprises.filter.tagPlaceholder')}
          data-testid="enterprise-filter-tag"
        />
      </ProForm.Item>
      <ProForm.Item name="aboveScale" label={t('enterprises.filter.aboveScale')}>
        <Select
          options={[
            { value: 'all', label: t('enterprises.all') },
            { value: 'true', label: t('enterprises.yes') },
            { value: 'false', label: t('enterprises.no') },
          ]}
          data-testid="enterprise-filter-aboveScale"
        />
      </ProForm.Item>
      <ProForm.Item name="emergingIndustry" label={t('enterprises.filter.emergingIndustry')}>
        <Select
          allowClear
          options={emergingIndustryCodes.map((c) => ({ value: c, label: labels.emerging(c) }))}
          placeholder={t('enterprises.filter.any')}
          popupMatchSelectWidth={false}
          data-testid="enterprise-filter-emerging"
        />
      </ProForm.Item>
      <ProForm.Item name="listingStage" label={t('enterprises.filter.listingStage')}>
        <Select allowClear options={listingStages.map((s) => ({ value: s, label: labels.listingStage(s) }))} placeholder={t('enterprises.filter.any')} data-testid="enterprise-filter-listing" />
      </ProForm.Item>
    </QueryFilter>
  );
}
