import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportIssue, ReportingState, ReportSource } from '../../api/statistics';

export const reportStateColor: Record<ReportingState, string> = { missing: 'default', submitted: 'processing', accepted: 'success', returned: 'error' };

/** 未报 / 已报送 / 已受理 / 已退回. */
export function ReportStateTag({ state, testId = 'report-status' }: { state: ReportingState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={reportStateColor[state]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`statistics.reportState.${state}`)}
    </Tag>
  );
}

export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="report-late">
      {t('statistics.late')}
    </Tag>
  );
}

export function SourceText({ source }: { source: ReportSource }) {
  const { t } = useTranslation();
  return <>{t(`statistics.source.${source}`)}</>;
}

/** The plausibility warnings stored with a report, one a line. */
export function FlagList({ flags, testId = 'report-flags' }: { flags: readonly ReportIssue[]; testId?: string }) {
  if (!flags.length) return null;
  return (
    <Space direction="vertical" size={2} data-testid={testId}>
      {flags.map((f, i) => (
        <Typography.Text key={`${f.indicator}-${i}`} type={f.level === 'error' ? 'danger' : 'warning'}>
          <WarningOutlined style={{ marginInlineEnd: 6 }} />
          {f.message}
        </Typography.Text>
      ))}
    </Space>
  );
}
