import { useQueryClient } from '@tanstack/react-query';
import { periodLabel } from '@zhiyuan/core';
import { App, Card, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { statisticsKeys, useReportForm, useStatisticsInvalidation, type Report, type ReportForm } from '../../api/statistics';
import { useUser } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { newestPeriod, PeriodPicker, PeriodStatusTag, periodOrNewest } from '../statistics/PeriodsPagePicker';
import { PortalReportForm } from './PortalReportForm';
import { PortalReportStatus } from './PortalReportStatus';
import { PortalNoEnterprise } from './PortalNoEnterprise';

/**
 * 月报填报: the enterprise user's own monthly report (1–N月累计). The id is the session's
 * enterpriseId — never one from the URL; the period is in the URL (?period=YYYY-MM).
 */
export function PortalReportPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.enterpriseId) {
    return <PortalNoEnterprise title={t('statistics.nav.portalReport')} />;
  }
  return <ReportContent enterpriseId={user.enterpriseId} />;
}

function ReportContent({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const invalidate = useStatisticsInvalidation();
  const [params, setParams] = useSearchParams();
  const period = periodOrNewest(params.get('period'));
  const form = useReportForm(enterpriseId, period);
  const data = form.data;

  const choose = (p: string) => setParams(p === newestPeriod() ? {} : { period: p });

  const submitted = (r: Report) => {
    queryClient.setQueryData<ReportForm>(statisticsKeys.form(enterpriseId, period), (old) => (old ? { ...old, report: r } : old));
    void message.success(r.flags.length ? t('statistics.report.submittedFlagged', { count: r.flags.length }) : t('statistics.report.submitted'));
    void invalidate.reports();
  };

  const closed = data?.periodStatus === 'closed';
  const overdue = !!data && !data.report && data.periodStatus === 'open' && formatDate(new Date().toISOString()) > data.dueOn;

  return (
    <Page title={t('statistics.nav.portalReport')} subTitle={data ? <span data-testid="portal-enterprise-name">{data.enterpriseName}</span> : undefined}>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="report-period-bar">
        <Space size={[24, 8]} wrap>
          <Space>
            <label htmlFor="report-period">{t('statistics.period')}</label>
            <PeriodPicker id="report-period" value={period} onChange={choose} />
            <Typography.Text type="secondary">{periodLabel(period)}</Typography.Text>
          </Space>
          {data && (
            <>
              <Space>
                <Typography.Text type="secondary">{t('statistics.periods.status')}</Typography.Text>
                <PeriodStatusTag status={data.periodStatus} />
              </Space>
              <Space>
                <Typography.Text type="secondary">{t('statistics.periods.dueOn')}</Typography.Text>
                <Typography.Text type={overdue ? 'danger' : undefined} data-testid="report-due">
                  {formatDate(data.dueOn)}
                  {overdue && `（${t('statistics.report.overdue')}）`}
                </Typography.Text>
              </Space>
              {data.reminders > 0 && !data.report && (
                <Typography.Text type="warning" data-testid="report-reminders">
                  {t('statistics.report.reminded', { count: data.reminders })}
                </Typography.Text>
              )}
            </>
          )}
        </Space>
      </Card>

      {form.error ? (
        <Result
          status={form.error instanceof ApiError && form.error.status === 404 ? '404' : 'error'}
          title={form.error instanceof ApiError ? form.error.message : t('common.unknownError')}
          data-testid="report-load-error"
        />
      ) : !data ? (
        <Card loading />
      ) : (
        <>
          <PortalReportStatus form={data} closed={closed} />
          {data.indicators.some((i) => i.active) ? (
            <PortalReportForm
              key={`${data.period}:${data.report?.version ?? 0}:${data.report?.status ?? ''}:${data.periodStatus}`}
              enterpriseId={enterpriseId}
              form={data}
              readOnly={closed}
              onSubmitted={submitted}
            />
          ) : (
            <Result status="info" title={t('statistics.report.noIndicators')} />
          )}
        </>
      )}
    </Page>
  );
}
