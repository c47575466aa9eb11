import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Empty, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators, useStatisticsInvalidation, type Indicator } from '../../api/statistics';
import { useAuth } from '../../auth/AuthContext';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';
import { rowTestId } from '../../lib/table';
import { Page } from '../../components/Page';
import { IndicatorFormModal } from './IndicatorsPageForm';

/** "0 ~ 100", "≥ 0", "≤ 100" or "—". */
function boundsText(i: Indicator): string {
  const n = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  if (i.minValue != null && i.maxValue != null) return `${n(i.minValue)} ~ ${n(i.maxValue)}`;
  if (i.minValue != null) return `≥ ${n(i.minValue)}`;
  if (i.maxValue != null) return `≤ ${n(i.maxValue)}`;
  return '—';
}

/** 指标目录: the indicators enterprises report and the derived ones computed from them. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useStatisticsInvalidation();
  const list = useIndicators();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const manage = can('statistics.manage');
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const columns: ProColumns<Indicator>[] = [
    { title: t('statistics.indicators.sortOrder'), dataIndex: 'sortOrder', width: 70, align: 'right' },
    { title: t('statistics.indicators.code'), dataIndex: 'code', width: 190, render: (_d, i) => <span className="zy-mono">{i.code}</span> },
    {
      title: t('statistics.indicators.name'),
      dataIndex: 'nameZh',
      width: 200,
      ellipsis: true,
      render: (_d, i) => (
        <Tooltip title={lang === 'en' ? i.nameZh : i.nameEn}>
          <span>{lang === 'en' ? i.nameEn : i.nameZh}</span>
        </Tooltip>
      ),
    },
    { title: t('statistics.indicators.unit'), dataIndex: 'unit', width: 80 },
    {
      title: t('statistics.indicators.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (_d, i) => <Tag color={i.kind === 'flow' ? 'blue' : 'purple'}>{t(`statistics.kind.${i.kind}`)}</Tag>,
    },
    {
      title: t('statistics.indicators.formula'),
      dataIndex: 'formula',
      width: 200,
      ellipsis: true,
      render: (_d, i) =>
        i.formula ? (
          <Typography.Text code className="zy-mono">
            {i.formula}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('statistics.indicators.reported')}</Typography.Text>
        ),
    },
    { title: t('statistics.indicators.precision'), dataIndex: 'precision', width: 90, align: 'right' },
    { title: t('statistics.indicators.bounds'), key: 'bounds', width: 130, render: (_d, i) => boundsText(i) },
    {
      title: t('statistics.indicators.allowNegative'),
      dataIndex: 'allowNegative',
      width: 100,
      align: 'center',
      render: (_d, i) => (i.allowNegative ? <Tag color="orange">{t('statistics.yes')}</Tag> : <Typography.Text type="secondary">{t('statistics.no')}</Typography.Text>),
    },
    {
      title: t('statistics.indicators.active'),
      dataIndex: 'active',
      width: 90,
      render: (_d, i) => (i.active ? <Tag color="green">{t('statistics.indicators.activeText')}</Tag> : <Tag>{t('statistics.indicators.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 80,
      hideInTable: !manage,
      render: (_d, i) => [
        <a key="edit" onClick={() => setEditing(i)} data-testid={`indicator-edit-${i.code}`}>
          {t('common.edit')}
        </a>,
      ],
    },
  ];

  return (
    <Page title={t('statistics.nav.indicators')}>
      {!manage && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('statistics.indicators.readOnly')} />}
      <ProTable<Indicator>
        rowKey="code"
        columns={columns}
        dataSource={items}
        loading={list.isFetching}
        search={false}
        pagination={false}
        scroll={{ x: columns.reduce((sum, c) => sum + (c.hideInTable ? 0 : Number(c.width ?? 0)), 0) }}
        onRow={(i) => ({ ...rowTestId('indicator', i.code), style: i.active ? undefined : { color: 'rgba(0, 0, 0, 0.45)' } })}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.indicators.empty')} /> }}
        headerTitle={<Typography.Text type="secondary">{t('statistics.indicators.total', { count: items.length, derived: items.filter((i) => i.formula).length })}</Typography.Text>}
        options={{ density: false, setting: false, reload: () => void list.refetch() }}
        toolBarRender={() => [
          manage && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="indicator-create">
              {t('statistics.indicators.create')}
            </Button>
          ),
        ]}
        data-testid="indicators-table"
      />
      {editing !== null && (
        <IndicatorFormModal
          open
          indicator={editing === 'new' ? undefined : editing}
          catalog={items}
          onClose={() => setEditing(null)}
          onSaved={() => {
            void message.success(t('common.saved'));
            void invalidate.indicators();
          }}
        />
      )}
    </Page>
  );
}
