import { DownloadOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Query } from '../../api/client';
import { qualificationAdminApi, useQualificationKindList, type ExpiringQualification } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { ParkTreeSelect, useParkNames } from '../../components/ParkTreeSelect';
import { useShowError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../../lib/table';

const dayChoices = [30, 60, 90, 180] as const;
const filterKeys = ['days', 'parkId', 'kind'] as const;

function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  const color = days <= 30 ? 'red' : days <= 60 ? 'orange' : 'default';
  const text = days < 0 ? t('enterpriseAdmin.expiring.overdue', { count: -days }) : days === 0 ? t('enterpriseAdmin.expiring.today') : t('enterpriseAdmin.expiring.daysValue', { count: days });
  return (
    <Tag color={color} data-testid="expiring-days-left">
      {text}
    </Tag>
  );
}

/** 资质到期提醒: qualifications whose validity ends within the chosen number of days. */
export function ExpiringQualificationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useShowError();
  const parkName = useParkNames();
  const kinds = useQualificationKindList();
  const [filters, setFilters] = useState<Query>({ days: 90 });

  const kindEnum = useMemo(() => Object.fromEntries((kinds.data?.items ?? []).map((k) => [k.code, { text: k.name }])), [kinds.data]);

  const columns: ProColumns<ExpiringQualification>[] = [
    {
      title: t('enterpriseAdmin.expiring.days'),
      dataIndex: 'days',
      hideInTable: true,
      valueType: 'select',
      initialValue: '90',
      fieldProps: { allowClear: false, 'data-testid': 'expiring-days' },
      valueEnum: Object.fromEntries(dayChoices.map((d) => [String(d), { text: t('enterpriseAdmin.expiring.withinDays', { count: d }) }])),
    },
    {
      title: t('enterpriseAdmin.expiring.enterprise'),
      dataIndex: 'enterpriseName',
      search: false,
      ellipsis: true,
      render: (_d, r) => (
        <Link to={`/enterprises/${r.enterpriseId}`} data-testid={`expiring-enterprise-${r.enterpriseId}`}>
          {r.enterpriseName}
        </Link>
      ),
    },
    { title: t('enterpriseAdmin.uscc'), dataIndex: 'uscc', search: false, width: 180, render: (_d, r) => <span className="zy-mono">{r.uscc}</span> },
    {
      title: t('enterpriseAdmin.expiring.park'),
      dataIndex: 'parkId',
      width: 120,
      ellipsis: true,
      renderFormItem: () => <ParkTreeSelect data-testid="expiring-park" />,
      render: (_d, r) => parkName(r.parkId),
    },
    {
      title: t('enterpriseAdmin.expiring.kind'),
      dataIndex: 'kind',
      width: 170,
      valueType: 'select',
      valueEnum: kindEnum,
      fieldProps: { showSearch: true, 'data-testid': 'expiring-kind' },
      render: (_d, r) => r.kindName,
    },
    { title: t('enterpriseAdmin.expiring.validTo'), dataIndex: 'validTo', search: false, width: 110, render: (_d, r) => formatDate(r.validTo) },
    { title: t('enterpriseAdmin.expiring.daysLeft'), dataIndex: 'daysLeft', search: false, width: 100, align: 'right', render: (_d, r) => <DaysLeft days={r.daysLeft} /> },
    { title: t('enterpriseAdmin.expiring.certificateNo'), dataIndex: 'certificateNo', search: false, width: 160, ellipsis: true, render: (_d, r) => r.certificateNo ?? '—' },
  ];

  return (
    <Page
      title={t('enterpriseAdmin.nav.expiring')}
      subTitle={<Typography.Text type="secondary">{t('enterpriseAdmin.expiring.subtitle')}</Typography.Text>}
      extra={
        can('enterprise.export') && (
          <Button icon={<DownloadOutlined />} href={qualificationAdminApi.expiringExportUrl(filters)} download data-testid="expiring-export">
            {t('enterpriseAdmin.export')}
          </Button>
        )
      }
    >
      <ProTable<ExpiringQualification>
        rowKey="id"
        columns={columns}
        request={async (params, sort) => {
          const q = toListQuery(params, sort, filterKeys);
          setFilters(Object.fromEntries(filterKeys.map((k) => [k, q[k]])));
          try {
            return toTableResult(await qualificationAdminApi.expiring(q));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('enterpriseAdmin.expiring.total', { count: n }) }}
        onRow={(r) => rowTestId('expiring', r.id)}
        options={{ density: false, setting: false, reload: true }}
        scroll={{ x: 980 }}
        data-testid="expiring-table"
      />
    </Page>
  );
}
