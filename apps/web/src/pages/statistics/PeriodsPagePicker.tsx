import { addMonths, periodPattern, shanghaiPeriod } from '@zhiyuan/core';
import { DatePicker, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatPeriod } from '../../api/statistics';
import { dayjs } from '../../lib/format';

/** The newest period enterprises report for: the month before today's (Asia/Shanghai). */
export function newestPeriod(now: Date = new Date()): string {
  return addMonths(shanghaiPeriod(now), -1);
}

/** A period from the URL when valid, else the newest one. */
export function periodOrNewest(raw: string | null | undefined): string {
  return raw && periodPattern.test(raw) && raw <= newestPeriod() ? raw : newestPeriod();
}

type Props = {
  value: string;
  onChange: (period: string) => void;
  /** The newest period offered (default: the month before today's). */
  max?: string;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
};

/** Picks a statistics period (YYYY-MM) with the keyboard or the mouse; later months are not offered. */
export function PeriodPicker({ value, onChange, max, disabled, id, ...rest }: Props) {
  const { t } = useTranslation();
  const last = max ?? newestPeriod();
  return (
    <DatePicker
      id={id}
      picker="month"
      value={dayjs(`${value}-01`)}
      format="YYYY-MM"
      allowClear={false}
      disabled={disabled}
      inputReadOnly={false}
      disabledDate={(d) => d.format('YYYY-MM') > last}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      aria-label={t('statistics.period')}
      style={{ width: 130 }}
      data-testid={rest['data-testid'] ?? 'period-picker'}
    />
  );
}

/** 开放 / 已关闭 of a period. */
export function PeriodStatusTag({ status }: { status: StatPeriod['status'] | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={status === 'open' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="period-status">
      {t(`statistics.periodStatus.${status}`)}
    </Tag>
  );
}
