import { ProForm, ProFormText } from '@ant-design/pro-components';
import { emergingIndustryCodes, enterpriseStatuses, listingStages } from '@zhiyuan/core';
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQualificationKindList, useTags } from '../../api/enterprises';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { UrlFilterBar } from '../../components/UrlFilterBar';
import { OfficerSelect } from '../../components/OfficerSelect';
import { filterKeys, fromFormValues, toFormValues, type Filters } from './enterpriseFilters';
import { useEnterpriseLabels } from './enterpriseLabels';

type Props = { filters: Filters; onApply: (f: Filters) => void };

const advanced = ['tag', 'officerId', 'aboveScale', 'emergingIndustry', 'listingStage'] as const;

/** The registry's search form. */
export function EnterpriseFilterBar({ filters, onApply }: Props) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const kinds = useQualificationKindList();
  const tags = useTags();

  return (
    <UrlFilterBar
      filters={filters}
      onApply={onApply}
      fields={filterKeys}
      toForm={toFormValues}
      fromForm={fromFormValues}
      advanced={advanced}
      defaultFormItemsNumber={5}
      testId="enterprise"
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
        <OfficerSelect placeholder={t('enterprises.filter.any')} data-testid="enterprise-filter-officer" />
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
    </UrlFilterBar>
  );
}
