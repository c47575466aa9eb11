import { DatePicker } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriods } from '../../../api/statistics';
import { dayjs } from '../../../lib/format';
import { newestPeriod } from '../PeriodsPagePicker';
import { usePeriodLabel } from './labels';

/** The newest closed period with reports, else the newest with reports (the periods list, newest first); last month while unknown. */
export function useDefaultPeriod(enabled = true): { period: string; ready: boolean } {
  const periods = usePeriods(undefined, enabled);
  const items = periods.data?.items ?? [];
  // The newest closed period first: an open one is still incomplete (partial sums, odd 当月), as on the cockpit.
  const withFigures = items.find((p) => p.reported > 0 && p.status === 'closed') ?? items.find((p) => p.reported > 0);
  return { period: withFigures?.period ?? items[0]?.period ?? newestPeriod(), ready: !enabled || periods.isFetched };
}

type PickerProps = { value: string; onChange: (period: string) => void; 'data-testid'?: string; style?: CSSProperties };

/** A month picker that shows the 1–N月 label; months after the newest period (last month) cannot be chosen. */
export function PeriodPicker({ value, onChange, style, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const last = newestPeriod();
  return (
    <DatePicker
      picker="month"
      value={dayjs(`${value}-01`)}
      allowClear={false}
      format={(d) => label(d.format('YYYY-MM'))}
      disabledDate={(d) => d.format('YYYY-MM') > last}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      aria-label={t('statistics.period')}
      style={{ width: 170, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
