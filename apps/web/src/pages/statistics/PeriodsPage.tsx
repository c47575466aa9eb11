import { EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { periodLabel, periodParts } from '@zhiyuan/core';
import { Alert, App, Button, DatePicker, Empty, Form, Popconfirm, Progress, Select, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statisticsApi, usePeriods, useStatisticsInvalidation, type StatPeriod } from '../../api/statistics';
import { useAuth } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { dayjs, formatDate, formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { newestPeriod, PeriodStatusTag } from './PeriodsPagePicker';

function DueOnModal({ period, onClose, onSaved }: { period: StatPeriod | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ dueOn: Dayjs }>
      open={!!period}
      title={period ? t('statistics.periods.dueTitle', { period: period.period }) : ''}
      onClose={onClose}
      onSubmit={async (v) => {
        await statisticsApi.updatePeriod(period!.period, v.dueOn.format('YYYY-MM-DD'));
        onSaved();
      }}
      initialValues={period ? { dueOn: dayjs(period.dueOn) } : undefined}
      width={420}
      testId="period-due-form"
    >
      <Form.Item name="dueOn" label={t('statistics.periods.dueOn')} extra={t('statistics.periods.dueHint')} rules={[{ required: true, message: t('statistics.periods.dueRequired') }]}>
        <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} data-testid="period-due-input" />
      </Form.Item>
    </FormModal>
  );
}

/** 统计期: every period with its due date, progress, and closing / reopening (statisticians). */
export function PeriodsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useStatisticsInvalidation();
  const [year, setYear] = useState<number | undefined>(undefined);
  const periods = usePeriods(year);
  const [editing, setEditing] = useState<StatPeriod | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const manage = can('statistics.manage');
  const thisYear = periodParts(newestPeriod()).year;

  useEffect(() => {
    if (periods.error) showError(periods.error);
  }, [periods.error, showError]);

  const act = async (p: StatPeriod, action: 'close' | 'reopen') => {
    setBusy(p.period);
    try {
      await (action === 'close' ? statisticsApi.closePeriod(p.period) : statisticsApi.reopenPeriod(p.period));
      void message.success(t(action === 'close' ? 'statistics.periods.closed' : 'statistics.periods.reopened', { period: p.period }));
      void invalidate.periods();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: ProColumns<StatPeriod>[] = [
    {
      title: t('statistics.period'),
      dataIndex: 'period',
      width: 170,
      render: (_d, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong className="zy-mono">
            {p.period}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {periodLabel(p.period)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('statistics.periods.status'), dataIndex: 'status', width: 90, render: (_d, p) => <PeriodStatusTag status={p.status} /> },
    {
      title: t('statistics.periods.dueOn'),
      dataIndex: 'dueOn',
      width: 150,
      render: (_d, p) => (
        <Space size={4}>
          <span data-testid="period-due">{formatDate(p.dueOn)}</span>
          {manage && (
            <Tooltip title={t('statistics.periods.editDue')}>
              <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('statistics.periods.editDue')} onClick={() => setEditing(p)} data-testid={`period-due-edit-${p.period}`} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('statistics.periods.progress'),
      key: 'progress',
      width: 260,
      render: (_d, p) => (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <Typography.Text data-testid="period-reported">{t('statistics.periods.reportedOf', { reported: p.reported, expected: p.expected })}</Typography.Text>
          <Progress percent={p.expected ? Math.round((p.reported / p.expected) * 1000) / 10 : 0} size="small" status={p.expected && p.reported >= p.expected ? 'success' : 'normal'} />
        </Space>
      ),
    },
    {
      title: t('statistics.periods.closedAt'),
      dataIndex: 'closedAt',
      width: 200,
      render: (_d, p) => (p.closedAt ? `${formatDateTime(p.closedAt, 'minute')}${p.closedBy ? ` · ${p.closedBy}` : ''}` : '—'),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 120,
      hideInTable: !manage,
      render: (_d, p) =>
        p.status === 'open' ? (
          <Popconfirm
            key="close"
            title={t('statistics.periods.closeConfirm', { period: p.period })}
            description={t('statistics.periods.closeNote')}
            okText={t('statistics.periods.close')}
            cancelText={t('common.cancel')}
            onConfirm={() => act(p, 'close')}
            okButtonProps={{ 'data-testid': 'period-close-ok' }}
          >
            <Button size="small" icon={<LockOutlined />} loading={busy === p.period} data-testid={`period-close-${p.period}`}>
              {t('statistics.periods.close')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            key="reopen"
            title={t('statistics.periods.reopenConfirm', { period: p.period })}
            description={t('statistics.periods.reopenNote')}
            okText={t('statistics.periods.reopen')}
            cancelText={t('common.cancel')}
            onConfirm={() => act(p, 'reopen')}
            okButtonProps={{ 'data-testid': 'period-reopen-ok' }}
          >
            <Button size="small" icon={<UnlockOutlined />} loading={busy === p.period} data-testid={`period-reopen-${p.period}`}>
              {t('statistics.periods.reopen')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Page title={t('statistics.nav.periods')}>
      {!manage && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('statistics.periods.readOnly')} />}
      <ProTable<StatPeriod>
        rowKey="period"
        columns={columns}
        dataSource={periods.data?.items}
        loading={periods.isFetching}
        search={false}
        pagination={false}
        onRow={(p) => rowTestId('period', p.period)}
        locale={{ emptyText: periods.isLoading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.periods.empty')} /> }}
        options={{ density: false, setting: false, reload: () => void periods.refetch() }}
        headerTitle={
          <Space>
            <Typography.Text>{t('statistics.periods.year')}</Typography.Text>
            <Select<number | 'all'>
              value={year ?? 'all'}
              onChange={(v) => setYear(v === 'all' ? undefined : v)}
              style={{ width: 120 }}
              aria-label={t('statistics.periods.year')}
              options={[{ value: 'all' as const, label: t('statistics.periods.allYears') }, ...Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))]}
              data-testid="period-year"
            />
          </Space>
        }
        data-testid="periods-table"
      />
      <DueOnModal
        period={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          void invalidate.periods();
        }}
      />
    </Page>
  );
}
