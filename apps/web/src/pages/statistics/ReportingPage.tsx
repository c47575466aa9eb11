import { BellOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { periodLabel } from '@zhiyuan/core';
import { App, Badge, Button, Card, Empty, Input, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { statisticsApi, usePeriods, useReporting, useStatisticsInvalidation, type ReportingItem } from '../../api/statistics';
import { Page } from '../../components/Page';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { PeriodPicker, PeriodStatusTag } from './PeriodsPagePicker';
import { ReportDrawer } from './ReportDrawer';
import { LateTag, ReportStateTag } from './ReportDrawerTags';
import { pageSizes, readView, reportingTabs, toQuery, toSearchParams, type ReportingTab, type ReportingView } from './ReportingPageState';

/** 报送审核: who has reported for a period, review of each report, reminders to the late ones. */
export function ReportingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useStatisticsInvalidation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const query = useMemo(() => toQuery(view), [view]);
  const list = useReporting(query);
  const periods = usePeriods();
  const periodInfo = periods.data?.items.find((p) => p.period === view.period);
  const [q, setQ] = useState(view.q ?? '');
  const [reminding, setReminding] = useState(false);

  useEffect(() => setQ(view.q ?? ''), [view.q]);
  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  /** Built on the URL as it is now: table callbacks may come from an earlier render. */
  const go = (next: Partial<ReportingView>, replace = false) => setParams((prev) => toSearchParams({ ...readView(prev), ...next }), { replace });

  const counts = list.data?.counts;
  const countOf = (tab: ReportingTab): number | undefined =>
    !counts ? undefined : tab === 'all' ? counts.missing + counts.submitted + counts.accepted + counts.returned : counts[tab];

  const remind = async () => {
    setReminding(true);
    try {
      const r = await statisticsApi.remind(view.period, view.parkId);
      void message.success(r.reminded ? t('statistics.reporting.reminded', { count: r.reminded }) : t('statistics.reporting.remindedNone'));
      void invalidate.reports();
    } catch (e) {
      showError(e);
    } finally {
      setReminding(false);
    }
  };

  const columns: ProColumns<ReportingItem>[] = [
    {
      title: t('statistics.reporting.enterprise'),
      dataIndex: 'enterpriseName',
      width: 260,
      ellipsis: true,
      render: (_d, r) =>
        r.reportId ? (
          <a
            onClick={(e) => {
              e.stopPropagation();
              go({ reportId: r.reportId! });
            }}
            data-testid={`reporting-open-${r.uscc}`}
          >
            {r.enterpriseName}
          </a>
        ) : (
          r.enterpriseName
        ),
    },
    { title: t('statistics.reporting.uscc'), dataIndex: 'uscc', width: 185, render: (_d, r) => <span className="zy-mono">{r.uscc}</span> },
    { title: t('statistics.reporting.park'), dataIndex: 'parkName', width: 120, ellipsis: true },
    {
      title: t('statistics.reporting.state'),
      dataIndex: 'state',
      width: 150,
      render: (_d, r) => (
        <Space size={4}>
          <ReportStateTag state={r.state} />
          {r.late && <LateTag />}
        </Space>
      ),
    },
    {
      title: t('statistics.reporting.flags'),
      dataIndex: 'flagCount',
      width: 90,
      align: 'center',
      render: (_d, r) => (r.flagCount ? <Badge count={r.flagCount} color="orange" data-testid="reporting-flag-count" /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('statistics.reporting.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (_d, r) => formatDateTime(r.submittedAt, 'minute') },
    {
      title: t('statistics.reporting.reminders'),
      dataIndex: 'reminders',
      width: 90,
      align: 'right',
      render: (_d, r) => (r.reminders ? r.reminders : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 90,
      fixed: 'right',
      render: (_d, r) =>
        r.reportId
          ? [
              <a
                key="view"
                onClick={(e) => {
                  e.stopPropagation();
                  go({ reportId: r.reportId! });
                }}
              >
                {r.state === 'submitted' ? t('statistics.reporting.review') : t('statistics.reporting.view')}
              </a>,
            ]
          : [],
    },
  ];

  const missing = counts?.missing ?? 0;

  return (
    <Page title={t('statistics.nav.reporting')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={[16, 8]} wrap>
          <Space>
            <label htmlFor="reporting-period">{t('statistics.period')}</label>
            <PeriodPicker id="reporting-period" value={view.period} onChange={(period) => go({ period, page: 1, reportId: undefined })} />
            <Typography.Text type="secondary">{periodLabel(view.period)}</Typography.Text>
            <PeriodStatusTag status={periodInfo?.status} />
          </Space>
          <div style={{ width: 220 }}>
            <ParkTreeSelect
              value={view.parkId}
              onChange={(v) => go({ parkId: typeof v === 'string' ? v : undefined, page: 1 })}
              placeholder={t('statistics.reporting.allParks')}
              data-testid="reporting-park"
            />
          </div>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => go({ q: v.trim() || undefined, page: 1 })}
            allowClear
            maxLength={60}
            placeholder={t('statistics.reporting.searchPlaceholder')}
            aria-label={t('statistics.reporting.searchPlaceholder')}
            style={{ width: 280 }}
            data-testid="reporting-search"
          />
        </Space>
      </Card>
      <Tabs
        activeKey={view.tab}
        onChange={(k) => go({ tab: k as ReportingTab, page: 1 })}
        items={reportingTabs.map((tab) => {
          const n = countOf(tab);
          return { key: tab, label: <span data-testid={`reporting-tab-${tab}`}>{n == null ? t(`statistics.reporting.tab.${tab}`) : t('statistics.reporting.tabCount', { label: t(`statistics.reporting.tab.${tab}`), count: n })}</span> };
        })}
        style={{ marginBottom: 0 }}
      />
      <ProTable<ReportingItem>
        rowKey="enterpriseId"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        search={false}
        pagination={{ current: view.page, pageSize: view.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: pageSizes.map(String) }}
        onChange={(pagination) => {
          const pageSize = pagination.pageSize ?? view.pageSize;
          go({ pageSize, page: pageSize !== view.pageSize ? 1 : (pagination.current ?? 1) });
        }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(view.q || view.parkId || view.tab !== 'all' ? 'statistics.reporting.emptyFiltered' : 'statistics.reporting.empty')} data-testid="reporting-empty" /> }}
        scroll={{ x: columns.reduce((s, c) => s + Number(c.width ?? 0), 0) }}
        onRow={(r) => ({ ...rowTestId('reporting', r.uscc), ...(r.reportId ? { onClick: () => go({ reportId: r.reportId! }), style: { cursor: 'pointer' } } : {}) })}
        headerTitle={list.data ? <Typography.Text type="secondary">{t('statistics.reporting.total', { count: list.data.total })}</Typography.Text> : undefined}
        options={{ density: false, setting: false, reload: () => void list.refetch() }}
        toolBarRender={() => [
          <Popconfirm
            key="remind"
            title={view.q ? t('statistics.reporting.remindConfirmAll', { period: view.period }) : t('statistics.reporting.remindConfirm', { period: view.period, count: missing })}
            description={t('statistics.reporting.remindNote')}
            okText={t('statistics.reporting.remind')}
            cancelText={t('common.cancel')}
            onConfirm={remind}
            disabled={!view.q && missing === 0}
            okButtonProps={{ 'data-testid': 'reporting-remind-ok' }}
          >
            <Button icon={<BellOutlined />} loading={reminding} disabled={!view.q && missing === 0} data-testid="reporting-remind">
              {view.q ? t('statistics.reporting.remind') : t('statistics.reporting.remindButton', { count: missing })}
            </Button>
          </Popconfirm>,
        ]}
        data-testid="reporting-table"
      />
      <ReportDrawer reportId={view.reportId} onClose={() => go({ reportId: undefined }, true)} onReviewed={() => void invalidate.reports()} />
    </Page>
  );
}
