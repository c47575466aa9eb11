import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportForm } from '../../api/statistics';
import { formatDate, formatDateTime } from '../../lib/format';
import { FlagList, LateTag, ReportStateTag } from '../statistics/ReportDrawerTags';

/** The stored report's state above the form: 已报送 / 已受理 / 已退回 (with the comment), flags, a closed period. */
export function PortalReportStatus({ form, closed }: { form: ReportForm; closed: boolean }) {
  const { t } = useTranslation();
  const r = form.report;
  const gap = { marginBottom: 16 };

  const closedAlert = closed && (
    <Alert type="warning" showIcon style={gap} message={t('statistics.report.closedTitle')} description={t('statistics.report.closedNote')} data-testid="report-closed" />
  );

  if (!r) {
    return (
      closedAlert || (
        <Alert type="info" showIcon style={gap} message={t('statistics.report.notYet', { due: formatDate(form.dueOn) })} description={t('statistics.report.notYetNote')} data-testid="report-state-none" />
      )
    );
  }

  const meta = (
    <Space size={[12, 4]} wrap>
      <ReportStateTag state={r.status} />
      {r.late && <LateTag />}
      <Typography.Text type="secondary">{t('statistics.report.version', { version: r.version })}</Typography.Text>
      <Typography.Text type="secondary">{t('statistics.report.submittedAt', { at: formatDateTime(r.submittedAt, 'minute') })}
        {r.submittedBy && t('statistics.report.by', { name: r.submittedBy })}</Typography.Text>
      {r.reviewedAt && (
        <Typography.Text type="secondary">
          {t('statistics.report.reviewedAt', { at: formatDateTime(r.reviewedAt, 'minute') })}
          {r.reviewedBy && t('statistics.report.by', { name: r.reviewedBy })}
        </Typography.Text>
      )}
    </Space>
  );
  const flags = r.flags.length > 0 && (
    <div style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('statistics.report.flagsTitle', { count: r.flags.length })}</Typography.Text>
      <div>
        <FlagList flags={r.flags} />
      </div>
    </div>
  );

  if (r.status === 'returned') {
    return (
      <>
        {closedAlert}
        <Alert
          type="error"
          showIcon
          style={gap}
          message={<Typography.Text strong>{closed ? t('statistics.report.returnedClosed') : t('statistics.report.returnedTitle')}</Typography.Text>}
          description={
            <>
              <Typography.Paragraph style={{ fontSize: 16, margin: '4px 0 8px', whiteSpace: 'pre-wrap' }} data-testid="report-return-comment">
                {t('statistics.report.returnComment', { comment: r.reviewComment ?? '—' })}
              </Typography.Paragraph>
              {meta}
              {flags}
            </>
          }
          data-testid="report-state"
        />
      </>
    );
  }

  return (
    <>
      {closedAlert}
      <Alert
        type={r.status === 'accepted' ? 'success' : r.flags.length ? 'warning' : 'info'}
        showIcon
        style={gap}
        message={t(r.status === 'accepted' ? 'statistics.report.acceptedTitle' : 'statistics.report.submittedTitle')}
        description={
          <>
            {meta}
            {r.reviewComment && <div style={{ marginTop: 4 }}>{t('statistics.report.reviewComment', { comment: r.reviewComment })}</div>}
            {flags}
          </>
        }
        data-testid="report-state"
      />
    </>
  );
}
