import { rateNames, type RateName } from '@zhiyuan/core';
import { Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStats } from '../../../api/serviceStats';
import { formatPercent } from '../../../lib/format';
import { useServiceLabels } from '../common/labels';
import { rateTone } from './RateCell';

const toneColor = { danger: '#cf1322', success: '#389e0d' } as const;

/** The three rates of the window with their numerators and denominators, and the order counts. */
export function RateCards({ stats, loading, onDrill }: { stats: WorkOrderStats | undefined; loading: boolean; onDrill: (rate: RateName) => void }) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  return (
    <Row gutter={[16, 16]} data-testid="rates-cards">
      {rateNames.map((rate) => {
        const c = stats?.[rate];
        const tone = rateTone(c?.rate ?? null);
        const against = c ? c.denominator - c.numerator : 0;
        return (
          <Col key={rate} xs={24} sm={12} xl={6}>
            <Card size="small" style={{ height: '100%' }} data-testid={`rate-card-${rate}`}>
              {!c ? (
                <Skeleton active paragraph={{ rows: 2 }} loading={loading} />
              ) : (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Statistic
                    title={labels.rate(rate)}
                    value={formatPercent(c.rate)}
                    valueStyle={{ color: tone ? toneColor[tone] : undefined, fontWeight: 600 }}
                    valueRender={(node) => <span data-testid={`rate-value-${rate}`}>{node}</span>}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`rate-fraction-${rate}`}>
                    {t(`serviceStats.fraction.${rate}`, { numerator: c.numerator, denominator: c.denominator })}
                  </Typography.Text>
                  <Button size="small" type="link" style={{ padding: 0 }} disabled={c.denominator === 0} onClick={() => onDrill(rate)} data-testid={`rate-drill-${rate}`}>
                    {against > 0 ? t('serviceStats.againstCount', { count: against }) : t('serviceStats.viewOrders')}
                  </Button>
                </Space>
              )}
            </Card>
          </Col>
        );
      })}
      <Col xs={24} sm={12} xl={6}>
        <Card size="small" style={{ height: '100%' }} data-testid="rate-card-orders">
          {!stats ? (
            <Skeleton active paragraph={{ rows: 2 }} loading={loading} />
          ) : (
            <Row gutter={8}>
              <Col span={8}>
                <Statistic title={t('serviceStats.total')} value={stats.total} valueRender={(n) => <span data-testid="rates-total">{n}</span>} />
              </Col>
              <Col span={8}>
                <Statistic title={t('serviceStats.overdueNow')} value={stats.overdueNow} valueStyle={stats.overdueNow > 0 ? { color: toneColor.danger } : undefined} />
              </Col>
              <Col span={8}>
                <Statistic title={t('serviceStats.supervisions')} value={stats.supervisions} />
              </Col>
            </Row>
          )}
        </Card>
      </Col>
    </Row>
  );
}
