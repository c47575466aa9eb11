import type { RateCountDto } from '@zhiyuan/core';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';

/** A rate under this share reads in red, at or over `good` in green. */
export const rateThresholds = { poor: 0.8, good: 0.95 } as const;

export function rateTone(rate: number | null): 'danger' | 'success' | undefined {
  if (rate == null) return undefined;
  return rate < rateThresholds.poor ? 'danger' : rate >= rateThresholds.good ? 'success' : undefined;
}

type Props = {
  count: RateCountDto;
  /** Opens the orders that count against the rate; none when the row names nobody. */
  onDrill?: () => void;
  testId?: string;
};

/** '92.3%' over '12 / 13'; '—' when nothing counts (never 0 % or NaN). */
export function RateCell({ count, onDrill, testId }: Props) {
  const { t } = useTranslation();
  const value = formatPercent(count.rate);
  const against = count.denominator - count.numerator;
  const drillable = !!onDrill && count.denominator > 0;
  const text = (
    <Typography.Text type={rateTone(count.rate)} strong={count.rate != null} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
  return (
    <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
      {drillable ? (
        <Tooltip title={against > 0 ? t('serviceStats.drillHint', { count: against }) : t('serviceStats.drillHintNone')}>
          <Button type="link" size="small" onClick={onDrill} style={{ padding: 0, height: 'auto' }} data-testid={testId ? `${testId}-drill` : undefined}>
            {text}
          </Button>
        </Tooltip>
      ) : (
        text
      )}
      {count.denominator > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {count.numerator} / {count.denominator}
        </Typography.Text>
      )}
    </Space>
  );
}
