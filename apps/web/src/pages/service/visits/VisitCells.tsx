import type { Visit } from '@zhiyuan/core';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../lib/format';
import { useServiceLabels, visitStatusColors } from '../common/labels';
import { today } from './VisitPlanModal';

export function VisitStatusTag({ visit }: { visit: Pick<Visit, 'status'> }) {
  const labels = useServiceLabels();
  return (
    <Tag color={visitStatusColors[visit.status]} style={{ marginInlineEnd: 0 }} data-testid="visit-status">
      {labels.visitStatus(visit.status)}
    </Tag>
  );
}

/** The visit's date: the day it took place, or the planned day (red once it has passed without a record). */
export function VisitDate({ visit }: { visit: Pick<Visit, 'status' | 'plannedOn' | 'visitedOn'> }) {
  const { t } = useTranslation();
  if (visit.status === 'done') return <span>{visit.visitedOn ?? '—'}</span>;
  if (!visit.plannedOn) return <span>—</span>;
  const late = visit.status === 'planned' && dayjs(visit.plannedOn).isBefore(today(), 'day');
  return (
    <Space size={4}>
      <Typography.Text type={late ? 'danger' : visit.status === 'cancelled' ? 'secondary' : undefined} delete={visit.status === 'cancelled'}>
        {visit.plannedOn}
      </Typography.Text>
      {late && (
        <Tooltip title={t('visits.planPassedHint')}>
          <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
            {t('visits.planPassed')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** Topics as tags, the first few and a count of the rest. */
export function TopicTags({ topics, max = 3 }: { topics: readonly string[]; max?: number }) {
  if (!topics.length) return <>—</>;
  const rest = topics.slice(max);
  return (
    <Space size={[4, 4]} wrap>
      {topics.slice(0, max).map((x) => (
        <Tag key={x} style={{ marginInlineEnd: 0 }}>
          {x}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
