import type { OfficerEnterprise } from '@zhiyuan/core';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServiceLabels, visitDueColors } from '../common/labels';

/** When the next visit is due: red when overdue or never visited, orange within a week. */
export function VisitDueCell({ e }: { e: Pick<OfficerEnterprise, 'visitState' | 'nextVisitDue' | 'daysLeft'> }) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  if (e.visitState === 'never')
    return (
      <Tag color={visitDueColors.never} style={{ marginInlineEnd: 0 }} data-testid="visit-due-never">
        {labels.visitDue('never')}
      </Tag>
    );
  const tone = e.visitState === 'overdue' ? 'danger' : e.visitState === 'due_soon' ? 'warning' : undefined;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type={tone} strong={e.visitState === 'overdue'} data-testid={`visit-due-${e.visitState}`}>
        {e.nextVisitDue ?? '—'}
      </Typography.Text>
      {e.daysLeft != null && e.visitState !== 'ok' && (
        <Typography.Text type={tone} style={{ fontSize: 12 }}>
          {e.daysLeft < 0 ? t('workbench.overdueDays', { count: -e.daysLeft }) : t('workbench.daysLeft', { count: e.daysLeft })}
        </Typography.Text>
      )}
    </Space>
  );
}
