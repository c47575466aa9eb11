import { CheckOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { periodLabel } from '@zhiyuan/core';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Result, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { statisticsApi, useIndicators, useReport, type Indicator, type ReportDetail } from '../../api/statistics';
import { useAuth } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';
import { formatFigure } from '../../lib/figures';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { derivedOf } from '../portal/portalReportChecks';
import { FlagList, LateTag, ReportStateTag, SourceText } from './ReportDrawerTags';
import { ReportVersions } from './ReportDrawerVersions';

type Props = { reportId: string | undefined; onClose: () => void; onReviewed: () => void };

/** One report: its figures (flagged ones highlighted), versions, and 受理 / 退回 for reviewers. */
export function ReportDrawer({ reportId, onClose, onReviewed }: Props) {
  const { t } = useTranslation();
  const report = useReport(reportId);
  const r = report.data;
  return (
    <Drawer
      open={!!reportId}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={r ? `${r.enterpriseName} · ${periodLabel(r.period)}` : t('statistics.drawer.title')}
      extra={r && <ReviewActions report={r} onReviewed={onReviewed} />}
      data-testid="report-drawer"
    >
      {report.error ? (
        <Result status={report.error instanceof ApiError && report.error.status === 404 ? '404' : 'error'} title={report.error.message} />
      ) : !r ? (
        <Spin style={{ display: 'block', marginTop: 48 }} />
      ) : (
        <ReportBody report={r} />
      )}
    </Drawer>
  );
}

function ReportBody({ report: r }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const catalog = useIndicators();
  const indicators = useMemo(() => catalog.data?.items ?? [], [catalog.data]);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const flagged = new Map<string, string[]>();
  for (const f of r.flags) flagged.set(f.indicator, [...(flagged.get(f.indicator) ?? []), f.message]);
  const hasPrior = Object.keys(r.prior).length > 0;

  // Catalog order; codes the catalog no longer knows come last as they were stored.
  const rows: Indicator[] = [
    ...indicators.filter((i) => i.active || Object.hasOwn(r.values, i.code)),
    ...Object.keys(r.values)
      .filter((c) => !byCode.has(c))
      .map((c): Indicator => ({ code: c, nameZh: c, nameEn: c, unit: '', kind: 'flow', formula: null, precision: 4, minValue: null, maxValue: null, allowNegative: true, active: true, sortOrder: 9999 })),
  ];
  const valueOf = (i: Indicator, map: Record<string, number>) => (i.formula != null ? (map[i.code] ?? derivedOf(i.code, indicators, map)) : map[i.code]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="report-meta">
        <Descriptions.Item label={t('statistics.reporting.uscc')}>
          <span className="zy-mono">{r.uscc}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.reporting.park')}>{r.parkName}</Descriptions.Item>
        <Descriptions.Item label={t('statistics.reporting.state')}>
          <Space size={4}>
            <ReportStateTag state={r.status} />
            {r.late && <LateTag />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.drawer.version')}>
          v{r.version} · <SourceText source={r.source} />
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.reporting.submittedAt')}>
          {formatDateTime(r.submittedAt, 'minute')} {r.submittedBy && `· ${r.submittedBy}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.drawer.reviewedAt')}>{r.reviewedAt ? `${formatDateTime(r.reviewedAt, 'minute')} · ${r.reviewedBy ?? '—'}` : '—'}</Descriptions.Item>
        {r.reviewComment && (
          <Descriptions.Item label={t('statistics.drawer.comment')} span={2}>
            <span data-testid="report-review-comment">{r.reviewComment}</span>
          </Descriptions.Item>
        )}
      </Descriptions>

      {r.flags.length > 0 && <Alert type="warning" showIcon message={t('statistics.report.flagsTitle', { count: r.flags.length })} description={<FlagList flags={r.flags} />} />}

      <div>
        <Typography.Title level={5}>{t('statistics.drawer.figures')}</Typography.Title>
        <Table<Indicator>
          size="small"
          rowKey="code"
          loading={catalog.isLoading}
          dataSource={rows}
          pagination={false}
          onRow={(i) => ({ ...rowTestId('report-figure', i.code), style: flagged.has(i.code) ? { background: '#fffbe6' } : undefined })}
          columns={[
            {
              title: t('statistics.report.indicator'),
              key: 'name',
              render: (_x, i) => (
                <Space size={4}>
                  {flagged.has(i.code) && (
                    <Tooltip title={flagged.get(i.code)!.join('；')}>
                      <WarningOutlined style={{ color: '#d48806' }} aria-label={flagged.get(i.code)!.join('；')} />
                    </Tooltip>
                  )}
                  {lang === 'en' ? i.nameEn : i.nameZh}
                  {i.formula != null && <Tag color="cyan">{t('statistics.report.derived')}</Tag>}
                </Space>
              ),
            },
            { title: t('statistics.drawer.value'), key: 'value', align: 'right', width: 200, render: (_x, i) => formatFigure(valueOf(i, r.values), i, { scale: 'wan' }) },
            ...(hasPrior
              ? [{ title: t('statistics.drawer.prior'), key: 'prior', align: 'right' as const, width: 200, render: (_x: unknown, i: Indicator) => formatFigure(valueOf(i, r.prior), i, { scale: 'wan' }) }]
              : []),
          ]}
          data-testid="report-figures"
        />
      </div>

      <div>
        <Typography.Title level={5}>{t('statistics.drawer.versions', { count: r.versions.length })}</Typography.Title>
        <ReportVersions versions={r.versions} indicators={byCode} />
      </div>
    </Space>
  );
}

function ReviewActions({ report: r, onReviewed }: { report: ReportDetail; onReviewed: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const [accepting, setAccepting] = useState(false);
  const [returning, setReturning] = useState(false);
  if (!can('statistics.review')) return null;

  const accept = async () => {
    setAccepting(true);
    try {
      await statisticsApi.review(r.id, { decision: 'accept' });
      void message.success(t('statistics.drawer.accepted'));
      onReviewed();
    } catch (e) {
      showError(e);
    } finally {
      setAccepting(false);
    }
  };

  return (
    <Space>
      <Popconfirm
        title={t('statistics.drawer.acceptConfirm', { name: r.enterpriseName })}
        description={r.flags.length ? t('statistics.drawer.acceptFlagged', { count: r.flags.length }) : undefined}
        okText={t('statistics.drawer.accept')}
        cancelText={t('common.cancel')}
        onConfirm={accept}
        disabled={r.status !== 'submitted'}
        okButtonProps={{ 'data-testid': 'report-accept-ok' }}
      >
        <Button type="primary" icon={<CheckOutlined />} loading={accepting} disabled={r.status !== 'submitted'} data-testid="report-accept">
          {t('statistics.drawer.accept')}
        </Button>
      </Popconfirm>
      <Button danger icon={<RollbackOutlined />} disabled={r.status === 'returned'} onClick={() => setReturning(true)} data-testid="report-return">
        {t('statistics.drawer.return')}
      </Button>
      {returning && (
        <FormModal<{ comment: string }>
          open
          title={t('statistics.drawer.returnTitle', { name: r.enterpriseName })}
          okText={t('statistics.drawer.return')}
          onClose={() => setReturning(false)}
          onSubmit={async (v) => {
            await statisticsApi.review(r.id, { decision: 'return', comment: v.comment.trim() });
            void message.success(t('statistics.drawer.returned'));
            onReviewed();
          }}
          testId="report-return-form"
        >
          <Form.Item
            name="comment"
            label={t('statistics.drawer.returnComment')}
            extra={t('statistics.drawer.returnHint')}
            rules={[
              { required: true, whitespace: true, message: t('statistics.drawer.commentRequired') },
              { min: 2, message: t('statistics.drawer.commentRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount autoFocus data-testid="report-return-comment-input" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
