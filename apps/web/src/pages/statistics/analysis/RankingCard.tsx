import { DownloadOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statisticsApi, useRanking, type Indicator, type RankingItem, type RankingQuery } from '../../../api/statistics';
import { useAuth } from '../../../auth/AuthContext';
import { useShowError } from '../../../lib/errors';
import { formatChange, formatFigure } from '../../../lib/figures';
import { rowTestId } from '../../../lib/table';
import { filterQuery, rankLimits, type AnalysisState, type RankBy, type RankOrder } from './analysisState';
import { Growth } from './Growth';
import { useIndicatorName, useSectionName } from './labels';

type Props = {
  state: AnalysisState;
  period: string;
  indicator: Indicator | undefined;
  onChange: (patch: Partial<AnalysisState>) => void;
  onOpenReport: (reportId: string) => void;
  /** Shown as the page's main table (the last drill-down level) rather than a card below. */
  main?: boolean;
  scopeName: string;
};

/** The ranking query of a state (also the export's). */
export function rankingQuery(state: AnalysisState, period: string): RankingQuery {
  return { period, indicator: state.indicator, by: state.rankBy, order: state.rankOrder, limit: state.rankLimit, ...filterQuery(state) };
}

/** 排行: the top or bottom N enterprises by value, by growth or by change, with export. */
export function RankingCard({ state, period, indicator, onChange, onOpenReport, main, scopeName }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useShowError();
  const indName = useIndicatorName();
  const sectionName = useSectionName();
  const query = rankingQuery(state, period);
  const ranking = useRanking(query, !!indicator);

  useEffect(() => {
    if (ranking.error) showError(ranking.error);
  }, [ranking.error, showError]);

  const name = indName(indicator, state.indicator);
  const title = t(`statAnalysis.ranking.title.${state.rankBy}_${state.rankOrder}`, { indicator: name, count: state.rankLimit });
  const items = ranking.data?.items ?? [];
  const fig = (v: number | null) => (indicator ? formatFigure(v, indicator, { decimals: indicator.unit === '万元' ? 2 : undefined }) : '—');

  return (
    <Card
      size="small"
      title={
        <Space direction="vertical" size={0}>
          <span data-testid="ranking-title">{title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {scopeName}
          </Typography.Text>
        </Space>
      }
      data-testid={main ? 'analysis-enterprises' : 'analysis-ranking'}
      extra={
        <Space wrap>
          <Segmented<RankBy>
            value={state.rankBy}
            onChange={(v) => onChange({ rankBy: v })}
            options={(['value', 'growth', 'change'] as const).map((v) => ({ value: v, label: t(`statAnalysis.ranking.by.${v}`) }))}
            data-testid="ranking-by"
          />
          <Segmented<RankOrder>
            value={state.rankOrder}
            onChange={(v) => onChange({ rankOrder: v })}
            options={(['desc', 'asc'] as const).map((v) => ({ value: v, label: t(`statAnalysis.ranking.order.${state.rankBy}_${v}`) }))}
            data-testid="ranking-order"
          />
          <Select<number>
            value={state.rankLimit}
            onChange={(v) => onChange({ rankLimit: v })}
            options={rankLimits.map((n) => ({ value: n, label: t('statAnalysis.ranking.limit', { count: n }) }))}
            style={{ width: 100 }}
            data-testid="ranking-limit"
          />
          {can('statistics.export') && (
            <Button icon={<DownloadOutlined />} href={statisticsApi.rankingExportUrl(query)} download data-testid="ranking-export">
              {t('statAnalysis.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<RankingItem>
        size="small"
        rowKey="enterpriseId"
        loading={ranking.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900, y: main ? undefined : 480 }}
        onRow={(r) => rowTestId('ranking', r.enterpriseId)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statAnalysis.ranking.empty')} /> }}
        columns={[
          { title: t('statAnalysis.col.rank'), key: 'n', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
          {
            title: t('statAnalysis.ranking.enterprise'),
            dataIndex: 'enterpriseName',
            ellipsis: true,
            render: (v: string, r) => (
              <Space size={6}>
                <Typography.Link onClick={() => onOpenReport(r.reportId)} data-testid={`ranking-open-${r.enterpriseId}`}>
                  {v}
                </Typography.Link>
                {can('enterprise.read') && (
                  <Tooltip title={t('statAnalysis.ranking.enterpriseTab')}>
                    <Link to={`/enterprises/${r.enterpriseId}?tab=statistics`} aria-label={t('statAnalysis.ranking.enterpriseTab')} data-testid={`ranking-enterprise-${r.enterpriseId}`}>
                      <ProfileOutlined />
                    </Link>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('statAnalysis.ranking.park'), dataIndex: 'parkName', width: 120, ellipsis: true },
          { title: t('statAnalysis.ranking.industry'), dataIndex: 'industrySection', width: 180, ellipsis: true, render: (v: string) => sectionName(v) },
          { title: name, dataIndex: 'value', width: 140, align: 'right', render: (v: number | null) => fig(v) },
          { title: t('statAnalysis.ranking.prior'), dataIndex: 'prior', width: 140, align: 'right', render: (v: number | null) => fig(v) },
          {
            title: t('statAnalysis.ranking.change'),
            dataIndex: 'change',
            width: 140,
            align: 'right',
            render: (v: number | null) => (indicator ? formatChange(v, indicator, { decimals: indicator.unit === '万元' ? 2 : undefined }) : '—'),
          },
          { title: t('statAnalysis.ranking.growth'), dataIndex: 'growth', width: 100, align: 'right', render: (v: number | null) => <Growth value={v} /> },
        ]}
      />
    </Card>
  );
}
