import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../components/Page';
import { IndustryList } from './reference/IndustryList';
import { UsccChecker } from './reference/UsccChecker';

export function ReferencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'industries' ? 'industries' : 'uscc';
  return (
    <Page title={t('nav.reference')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'uscc' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'uscc', label: t('reference.usccTab'), children: <UsccChecker /> },
          { key: 'industries', label: t('reference.industriesTab'), children: <IndustryList /> },
        ]}
      />
    </Page>
  );
}
