import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

/** A portal page for an account linked to no enterprise. antd's Result drops data-* attributes: the test id is on a wrapper. */
export function PortalNoEnterprise({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <div data-testid="portal-no-enterprise">
        <Result status="info" title={t('portal.noEnterprise')} />
      </div>
    </Page>
  );
}
