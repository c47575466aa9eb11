import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { enterprisesApi, useEnterpriseInvalidation, useEnterpriseList, useQualificationKindNames, type EnterpriseListItem } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { ListEmpty } from '../../components/ListEmpty';
import { Page } from '../../components/Page';
import { useParkNames } from '../../components/ParkTreeSelect';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId, sortOrderOf } from '../../lib/table';
import { useUrlList } from '../../lib/useUrlList';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { enterpriseListState } from './enterpriseFilters';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { statusColors, useEnterpriseLabels } from './enterpriseLabels';
import { SavedFiltersButton } from './SavedFiltersButton';

/** 企业库: the registry, searched on the server; the search lives in the URL. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const labels = useEnterpriseLabels();
  const { lang } = useLanguage();
  const parkName = useParkNames();
  const kindName = useQualificationKindNames();
  const invalidate = useEnterpriseInvalidation();
  const [creating, setCreating] = useState(false);
  const { params, state, query, filtered, applyFilters, tableKey, tableProps } = useUrlList(enterpriseListState);
  const list = useEnterpriseList(query);

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const columns: ProColumns<EnterpriseListItem>[] = [
    {
      title: t('enterprises.col.name'),
      dataIndex: 'name',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'name'),
      fixed: 'left',
      width: 270,
      ellipsis: true,
      render: (_d, r) => (
        <Link to={`/enterprises/${r.id}`} state={{ listSearch: params.toString() }} data-testid={`enterprise-link-${r.uscc}`}>
          {r.name}
        </Link>
      ),
    },
    {
      title: t('enterprises.col.uscc'),
      dataIndex: 'uscc',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'uscc'),
      width: 185,
      render: (_d, r) => <span className="zy-mono">{r.uscc}</span>,
    },
    { title: t('enterprises.col.park'), dataIndex: 'parkId', width: 110, ellipsis: true, render: (_d, r) => parkName(r.parkId) },
    {
      title: t('enterprises.col.industry'),
      dataIndex: 'industryCode',
      width: 190,
      ellipsis: true,
      render: (_d, r) => labels.industry(r.industryCode),
    },
    {
      title: t('enterprises.col.aboveScale'),
      dataIndex: 'aboveScale',
      width: lang === 'en' ? 100 : 64,
      align: 'center',
      render: (_d, r) => (r.aboveScale ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('enterprises.yes')}</Tag> : <Typography.Text type="secondary">{t('enterprises.no')}</Typography.Text>),
    },
    { title: t('enterprises.col.listingStage'), dataIndex: 'listingStage', width: 84, render: (_d, r) => labels.listingStage(r.listingStage) },
    {
      title: t('enterprises.col.headcount'),
      dataIndex: 'headcount',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'headcount'),
      width: lang === 'en' ? 100 : 90,
      align: 'right',
      render: (_d, r) => (r.headcount == null ? '—' : r.headcount.toLocaleString('zh-CN')),
    },
    {
      title: t('enterprises.col.status'),
      dataIndex: 'status',
      width: 80,
      render: (_d, r) => (
        <Tag color={statusColors[r.status]} style={{ marginInlineEnd: 0 }} data-testid="enterprise-status">
          {labels.status(r.status)}
        </Tag>
      ),
    },
    {
      title: t('enterprises.col.qualifications'),
      dataIndex: 'qualificationKinds',
      width: 190,
      render: (_d, r) => {
        if (!r.qualificationKinds.length) return '—';
        const shown = r.qualificationKinds.slice(0, 2);
        const rest = r.qualificationKinds.slice(2);
        return (
          <Space size={[4, 4]} wrap>
            {shown.map((k) => (
              <Tag key={k} color="geekblue" style={{ marginInlineEnd: 0 }}>
                {kindName(k)}
              </Tag>
            ))}
            {rest.length > 0 && (
              <Tooltip title={rest.map(kindName).join(t('enterprises.sep'))}>
                <Tag style={{ marginInlineEnd: 0 }}>{t('enterprises.moreQualifications', { count: rest.length })}</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    { title: t('enterprises.col.officer'), dataIndex: 'serviceOfficerName', width: 120, ellipsis: true, render: (_d, r) => r.serviceOfficerName ?? '—' },
    {
      title: t('enterprises.col.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      defaultSortOrder: sortOrderOf(state.sort, 'updatedAt'),
      width: 140,
      render: (_d, r) => formatDateTime(r.updatedAt, 'minute'),
    },
  ];

  const empty = (
    <ListEmpty
      filtered={filtered}
      empty={t('enterprises.empty')}
      emptyFiltered={t('enterprises.emptyFiltered')}
      hint={filtered ? t('enterprises.emptyFilteredHint') : can('enterprise.write') ? t('enterprises.emptyHint') : ''}
      clearLabel={t('enterprises.clearFilters')}
      onClear={() => applyFilters({})}
      testId="enterprise"
    />
  );

  return (
    <Page title={t('enterprises.title')}>
      <EnterpriseFilterBar filters={state.filters} onApply={(f) => applyFilters(f)} />
      <ProTable<EnterpriseListItem>
        key={tableKey}
        {...tableProps(list, empty)}
        rowKey="id"
        columns={columns}
        headerTitle={list.data ? <Typography.Text type="secondary">{t(list.data.totalCapped ? 'enterprises.totalCapped' : 'enterprises.total', { count: list.data.total })}</Typography.Text> : undefined}
        // The column widths (about 1530 px): no sideways scrolling from 1920 px wide screens.
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        onRow={(r) => rowTestId('enterprise', r.uscc)}
        toolBarRender={() => [
          <SavedFiltersButton key="saved" filters={state.filters} sort={state.sort} onApply={(f, sort) => applyFilters(f, sort)} />,
          can('enterprise.export') && (
            <Tooltip key="export" title={t('enterprises.exportHint')}>
              <Button icon={<DownloadOutlined />} href={enterprisesApi.exportUrl(state.filters)} download data-testid="enterprise-export">
                {t('enterprises.export')}
              </Button>
            </Tooltip>
          ),
          can('enterprise.write') && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">
              {t('enterprises.create')}
            </Button>
          ),
        ]}
        data-testid="enterprise-table"
      />
      <EnterpriseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(e) => {
          void invalidate.lists();
          if (e.similar.length) void message.warning(t('enterprises.form.similarCreated', { names: e.similar.map((s) => s.name).join(t('enterprises.sep')) }), 8);
          else void message.success(t('enterprises.created'));
          navigate(`/enterprises/${e.id}`);
        }}
      />
    </Page>
  );
}
