import { DownloadOutlined, FileExcelOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import type { GroupBy } from '@zhiyuan/core';
import { Breadcrumb, Button, Card, Empty, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { statisticsApi, useAnalysis, useIndicators, useStatisticsInvalidation, type AnalysisRow } from '../../../api/statistics';
import { useAuth } from '../../../auth/AuthContext';
import { Page } from '../../../components/Page';
import { useParkNames } from '../../../components/ParkTreeSelect';
import { useShowError } from '../../../lib/errors';
import { ReportDrawer } from '../ReportDrawer';
import { AnalysisTable } from './AnalysisTable';
import { crumbs, drill, filterQuery, groupByChoices, parseState, toSearch, type AboveScale, type AnalysisState } from './analysisState';
import { useIndicatorName, usePeriodLabel, useSectionName } from './labels';
import { PeriodPicker, useDefaultPeriod } from './periods';
import { RankingCard } from './RankingCard';
import { TrendCard } from './TrendCard';

/** "全区", or the active filters: "海淀园 · C 制造业 · 规上企业". */
function useScopeName(state: AnalysisState): string {
  const { t } = useTranslation();
  const parkName = useParkNames();
  const sectionName = useSectionName();
  const parts = [state.parkId && parkName(state.parkId), state.section && sectionName(state.section), state.aboveScale && t(`statAnalysis.aboveScale.${state.aboveScale}`)].filter(
    (p): p is string => !!p,
  );
  return parts.length ? parts.join(' · ') : t('statAnalysis.zone');
}

/**
 * 统计分析: one indicator of the period by park, industry or size, drilled down park → industry →
 * enterprises → report, with the 36-month trend and the enterprise ranking. Everything the page
 * shows is in the URL query.
 */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseState(params), [params]);
  const fallback = useDefaultPeriod(!state.period);
  const period = state.period ?? fallback.period;
  const label = usePeriodLabel();
  const indName = useIndicatorName();
  const parkName = useParkNames();
  const sectionName = useSectionName();
  const scopeName = useScopeName(state);
  const indicators = useIndicators();
  const active = useMemo(() => (indicators.data?.items ?? []).filter((i) => i.active).sort((a, b) => a.sortOrder - b.sortOrder), [indicators.data]);
  const indicator = indicators.data?.items.find((i) => i.code === state.indicator);
  const reportId = params.get('report');
  const invalidate = useStatisticsInvalidation();

  const go = useCallback(
    (next: AnalysisState, replace = false) => {
      const search = toSearch({ ...next, period: next.period ?? period });
      setParams(new URLSearchParams(search), { replace });
    },
    [period, setParams],
  );
  const patch = useCallback((p: Partial<AnalysisState>) => go({ ...state, ...p }, true), [go, state]);
  const openReport = useCallback(
    (id: string | null) => {
      const sp = new URLSearchParams(params);
      if (id) sp.set('report', id);
      else sp.delete('report');
      setParams(sp, { replace: !id });
    },
    [params, setParams],
  );

  const ready = !!state.period || fallback.ready;
  const analysisQuery = { period, groupBy: state.groupBy, indicator: state.indicator, ...filterQuery(state) };
  const analysis = useAnalysis(analysisQuery, ready && state.view === 'groups');

  useEffect(() => {
    if (analysis.error) showError(analysis.error);
  }, [analysis.error, showError]);
  useEffect(() => {
    if (indicators.error) showError(indicators.error);
  }, [indicators.error, showError]);

  const data = analysis.data;
  const noFigures = !!data && (data.rows.length === 0 || data.rows.every((r) => r.value == null));
  const path = crumbs(state);
  const crumbText = (c: (typeof path)[number]) => {
    switch (c.key) {
      case 'zone':
        return t('statAnalysis.zone');
      case 'aboveScale':
        return t(`statAnalysis.aboveScale.${c.state.aboveScale ?? 'true'}`);
      case 'park':
        return parkName(c.state.parkId ?? '');
      case 'section':
        return sectionName(c.state.section ?? '');
      case 'enterprises':
        return t('statAnalysis.enterprisesLevel');
    }
  };

  return (
    <Page
      title={t('statAnalysis.title')}
      subTitle={<Typography.Text type="secondary">{t('statAnalysis.subtitle')}</Typography.Text>}
      extra={
        <Space wrap>
          {can('statistics.export') && (
            <Button icon={<FileExcelOutlined />} href={statisticsApi.bulletinUrl(period)} download data-testid="analysis-bulletin">
              {t('statAnalysis.bulletin')}
            </Button>
          )}
          <Link to={`/statistics/cockpit?period=${period}`}>
            <Button icon={<FundProjectionScreenOutlined />} data-testid="analysis-cockpit">
              {t('cockpit.nav')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap size={[24, 12]}>
            <Space>
              <span>{t('statAnalysis.period')}</span>
              <PeriodPicker value={period} onChange={(p) => patch({ period: p })} data-testid="analysis-period" />
            </Space>
            <Space>
              <span>{t('statAnalysis.indicator')}</span>
              <Select
                value={state.indicator}
                onChange={(v: string) => patch({ indicator: v })}
                loading={indicators.isLoading}
                options={active.map((i) => ({ value: i.code, label: `${indName(i)}（${i.unit}）` }))}
                showSearch
                optionFilterProp="label"
                style={{ width: 240 }}
                data-testid="analysis-indicator"
              />
            </Space>
            <Space>
              <span>{t('statAnalysis.groupBy')}</span>
              <Segmented<GroupBy>
                value={state.view === 'enterprises' ? undefined : state.groupBy}
                onChange={(g) => go({ ...state, groupBy: g, view: 'groups' })}
                options={groupByChoices.map((g) => ({ value: g, label: t(`statAnalysis.groupByText.${g}`) }))}
                data-testid="analysis-group-by"
              />
            </Space>
            <Space>
              <span>{t('statAnalysis.scale')}</span>
              <Select<AboveScale | 'all'>
                value={state.aboveScale ?? 'all'}
                onChange={(v) => go({ ...state, aboveScale: v === 'all' ? undefined : v })}
                options={[
                  { value: 'all', label: t('statAnalysis.aboveScale.all') },
                  { value: 'true', label: t('statAnalysis.aboveScale.true') },
                  { value: 'false', label: t('statAnalysis.aboveScale.false') },
                ]}
                style={{ width: 130 }}
                data-testid="analysis-above-scale"
              />
            </Space>
          </Space>
        </Card>

        <Breadcrumb
          data-testid="analysis-breadcrumb"
          items={path.map((c, i) => ({
            key: c.key,
            title:
              i === path.length - 1 ? (
                <span data-testid={`analysis-crumb-${c.key}`}>{crumbText(c)}</span>
              ) : (
                <Typography.Link onClick={() => go(c.state)} data-testid={`analysis-crumb-${c.key}`}>
                  {crumbText(c)}
                </Typography.Link>
              ),
          }))}
        />

        {state.view === 'enterprises' ? (
          ready && <RankingCard state={state} period={period} indicator={indicator} onChange={patch} onOpenReport={openReport} scopeName={`${label(period)} · ${scopeName}`} main />
        ) : (
          <Card
            size="small"
            title={
              <span data-testid="analysis-heading">
                {t('statAnalysis.heading', { period: label(period), scope: scopeName, groupBy: t(`statAnalysis.groupByText.${state.groupBy}`) })}
              </span>
            }
            extra={
              can('statistics.export') && (
                <Button icon={<DownloadOutlined />} href={statisticsApi.analysisExportUrl(analysisQuery)} download data-testid="analysis-export">
                  {t('statAnalysis.export')}
                </Button>
              )
            }
          >
            {noFigures ? (
              <Empty description={t('statAnalysis.empty', { period: label(period) })} data-testid="analysis-empty" />
            ) : data ? (
              <AnalysisTable data={data} groupBy={state.groupBy} loading={analysis.isFetching} onDrill={state.groupBy === 'qualification' ? undefined : (r: AnalysisRow) => go(drill(state, r.key))} />
            ) : (
              <div style={{ display: 'grid', placeItems: 'center', minHeight: 200 }}>{analysis.isError ? null : <Spin />}</div>
            )}
          </Card>
        )}

        {ready && <TrendCard indicator={indicator} period={period} filters={filterQuery(state)} scopeName={scopeName} />}
        {ready && state.view === 'groups' && (
          <RankingCard state={state} period={period} indicator={indicator} onChange={patch} onOpenReport={openReport} scopeName={`${label(period)} · ${scopeName}`} />
        )}
      </Space>
      <ReportDrawer reportId={reportId ?? undefined} onClose={() => openReport(null)} onReviewed={() => void invalidate.reports()} />
    </Page>
  );
}
