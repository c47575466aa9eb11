import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { CategoriesTab } from './CategoriesTab';
import { DeadlineRulesTab } from './DeadlineRulesTab';

const tabs = ['categories', 'deadlines'] as const;
type Tab = (typeof tabs)[number];

/** 工单设置 (workOrder.configure): the category tree and the deadline rules; the tab is in the URL. */
export function WorkOrderSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'categories';
  return (
    <Page title={t('workOrders.settings.title')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'categories' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'categories', label: <span data-testid="settings-tab-categories">{t('workOrders.settings.categories')}</span>, children: <CategoriesTab /> },
            { key: 'deadlines', label: <span data-testid="settings-tab-deadlines">{t('workOrders.settings.deadlines')}</span>, children: <DeadlineRulesTab /> },
          ]}
        />
      </Card>
    </Page>
  );
}
