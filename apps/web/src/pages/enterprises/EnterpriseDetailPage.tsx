import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useEnterprise, useEnterpriseInvalidation } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { PageLoading, useMissingRecord } from '../../components/DetailPage';
import { Page } from '../../components/Page';
import { NotFoundPage } from '../NotFoundPage';
import { useParkNames } from '../../components/ParkTreeSelect';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { statusColors, useEnterpriseLabels } from './enterpriseLabels';
import { EnterpriseProfile } from './EnterpriseProfile';
import { HistoryTab } from './HistoryTab';
import { QualificationsTab } from './QualificationsTab';
import { StatusTab } from './StatusTab';
import { StatisticsTab } from './StatisticsTab';
import { ServiceTab } from './ServiceTab';

const tabKeys = ['profile', 'qualifications', 'status', 'history', 'statistics', 'service'] as const;
type TabKey = (typeof tabKeys)[number];

/** The not-found page's look, with the registry's wording (unknown id, or outside the caller's scope). */
function HeaderItem({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">
        {label}
        {t('enterprises.colon')}
      </Typography.Text>
      {children}
    </span>
  );
}

/** 企业详情: header, then the tabs (later modules add theirs; no empty placeholders). */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const labels = useEnterpriseLabels();
  const parkName = useParkNames();
  const invalidate = useEnterpriseInvalidation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const [editing, setEditing] = useState(false);
  const query = useEnterprise(id);
  const e = query.data;
  const tab: TabKey = (tabKeys as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'profile';
  const missing = useMissingRecord(query.error);

  if (missing) return <NotFoundPage message={t('enterprises.notFound')} backTo="/enterprises" backLabel={t('enterprises.backToList')} />;
  if (!e) return <PageLoading title={t('enterprises.title')} loading={query.isLoading} />;

  return (
    <Page
      title={e.name}
      subTitle={
        <Tag color={statusColors[e.status]} data-testid="enterprise-status" style={{ marginInlineStart: 4 }}>
          {labels.status(e.status)}
        </Tag>
      }
      extra={
        // Back to the search the user came from (the list passes its query string along).
        <Link to={`/enterprises${listSearch ? `?${listSearch}` : ''}`}>
          <Button icon={<ArrowLeftOutlined />} data-testid="enterprise-back">
            {t('enterprises.backToList')}
          </Button>
        </Link>
      }
      testId="enterprise-detail"
    >
      <Card size="small" style={{ marginBottom: 16 }} data-testid="enterprise-header">
        <Space size={[40, 8]} wrap>
          <HeaderItem label={t('enterprises.field.uscc')}>
            <Typography.Text className="zy-mono" copyable data-testid="enterprise-uscc">
              {e.uscc}
            </Typography.Text>
          </HeaderItem>
          <HeaderItem label={t('enterprises.field.parkId')}>{parkName(e.parkId)}</HeaderItem>
          <HeaderItem label={t('enterprises.field.industryCode')}>{labels.industry(e.industryCode)}</HeaderItem>
          <HeaderItem label={t('enterprises.field.serviceOfficerId')}>{e.serviceOfficerName ?? '—'}</HeaderItem>
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'profile' ? {} : { tab: k }, { replace: true, state: location.state })}
        data-testid="enterprise-tabs"
        destroyOnHidden
        items={[
          {
            key: 'profile',
            label: <span data-testid="enterprise-tab-profile">{t('enterprises.detail.tabs.profile')}</span>,
            children: <EnterpriseProfile enterprise={e} onEdit={can('enterprise.write') ? () => setEditing(true) : undefined} />,
          },
          {
            key: 'qualifications',
            label: <span data-testid="enterprise-tab-qualifications">{t('enterprises.detail.tabs.qualifications')}</span>,
            children: <QualificationsTab enterpriseId={e.id} />,
          },
          {
            key: 'status',
            label: <span data-testid="enterprise-tab-status">{t('enterprises.detail.tabs.status')}</span>,
            children: <StatusTab enterprise={e} />,
          },
          {
            key: 'history',
            label: <span data-testid="enterprise-tab-history">{t('enterprises.detail.tabs.history')}</span>,
            children: <HistoryTab enterpriseId={e.id} />,
          },
          ...(can('statistics.read') ? [{ key: 'statistics', label: <span data-testid="enterprise-tab-statistics">{t('statAnalysis.tab')}</span>, children: <StatisticsTab enterpriseId={e.id} /> }] : []),
          ...(can('workOrder.read') || can('visit.read')
            ? [{ key: 'service', label: <span data-testid="enterprise-tab-service">{t('serviceTab.tab')}</span>, children: <ServiceTab enterprise={{ id: e.id, name: e.name }} /> }]
            : []),
        ]}
      />
      <EnterpriseFormModal
        open={editing}
        enterprise={e}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          if (!saved) return void message.info(t('enterprises.form.noChanges'));
          void message.success(t('common.saved'));
          void invalidate.enterprise(e.id);
        }}
      />
    </Page>
  );
}
