import { periodPattern } from '@zhiyuan/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCockpit, type Cockpit, type Indicator } from '../../../api/statistics';
import { formatFigure, formatGrowth, formatNumber, growthDirection, scaledUnit } from '../../../lib/figures';
import { businessTz, dayjs } from '../../../lib/format';
import { Chart, trendOption, type ChartEvents } from '../analysis/charts';
import { useIndicatorName, usePeriodLabel } from '../analysis/labels';
import { trendMonths } from '../analysis/TrendCard';
import { darkTheme, industryOption, mapOption, palette, parkRankingOption } from './cockpitCharts';
import { useBeijingMap } from './geo';
import './cockpit.css';

/** The projector refreshes the figures by itself every five minutes. */
export const refreshInterval = 5 * 60_000;
const stage = { width: 1920, height: 1080 };

/** The 1920×1080 stage scaled to fit the window (letterboxed, centred). */
function useStageBox() {
  const calc = () => {
    const scale = Math.min(window.innerWidth / stage.width, window.innerHeight / stage.height);
    return { scale, left: (window.innerWidth - stage.width * scale) / 2, top: (window.innerHeight - stage.height * scale) / 2 };
  };
  const [box, setBox] = useState(calc);
  useEffect(() => {
    const onResize = () => setBox(calc());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return box;
}

function Clock() {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <span className="zy-cockpit-clock" data-testid="cockpit-clock">
      {dayjs(now).tz(businessTz).format(t('cockpit.clockFormat'))}
    </span>
  );
}

const arrow = (g: number | null) => {
  const d = growthDirection(g);
  return d === 'up' ? '▲' : d === 'down' ? '▼' : '';
};
const growthStyle = (g: number | null) => {
  const d = growthDirection(g);
  return { color: d === 'up' ? palette.up : d === 'down' ? palette.down : palette.muted };
};

/** A headline figure split into number and unit (万元 ≥ 1 亿 in 亿元) for the big type. */
function bigFigure(value: number | null, ind: Indicator): { number: string; unit: string } {
  const scale = ind.unit === '万元' && Math.abs(value ?? 0) >= 10_000 ? 'yi' : 'wan';
  return { number: formatFigure(value, ind, { scale, unit: false, decimals: ind.unit === '万元' ? 2 : undefined }), unit: value == null ? '' : scaledUnit(ind, scale) };
}

type Headline = Cockpit['headline'][number];

function HeadlineCard({ h, active, onClick }: { h: Headline; active: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const indName = useIndicatorName();
  const f = bigFigure(h.value, h.indicator);
  return (
    <button
      type="button"
      className="zy-cockpit-card"
      data-active={active}
      aria-pressed={active}
      onClick={onClick}
      style={{ font: 'inherit', textAlign: 'left', cursor: 'pointer', color: 'inherit' }}
      title={t('cockpit.showOnMap')}
      data-testid={`cockpit-headline-${h.indicator.code}`}
    >
      <span className="zy-cockpit-card-name">{indName(h.indicator)}</span>
      <span className="zy-cockpit-card-value">
        {f.number}
        <span className="zy-cockpit-card-unit">{f.unit}</span>
      </span>
      <span className="zy-cockpit-card-growth">
        <span>
          {t('cockpit.yoy')}{' '}
          <b style={growthStyle(h.yoy)} data-testid="cockpit-headline-yoy">
            {arrow(h.yoy)}
            {formatGrowth(h.yoy)}
          </b>
        </span>
        <span>
          {t('cockpit.lfl')}{' '}
          <b style={growthStyle(h.lfl)}>
            {arrow(h.lfl)}
            {formatGrowth(h.lfl)}
          </b>
        </span>
      </span>
    </button>
  );
}

function CountCard({ name, value, unit, note, alert, testId }: { name: string; value: number; unit: string; note?: string; alert?: boolean; testId: string }) {
  return (
    <div className={`zy-cockpit-card${alert ? ' zy-cockpit-card-alert' : ''}`} data-testid={testId} style={{ flex: '0.8 1 0' }}>
      <span className="zy-cockpit-card-name">{name}</span>
      <span className="zy-cockpit-card-value">
        {formatNumber(value)}
        <span className="zy-cockpit-card-unit">{unit}</span>
      </span>
      <span className="zy-cockpit-card-growth">{note ?? '\u00a0'}</span>
    </div>
  );
}

function Panel({ title, note, children, testId }: { title: string; note?: string; children: ReactNode; testId: string }) {
  return (
    <section className="zy-cockpit-panel" data-testid={testId}>
      <div className="zy-cockpit-panel-title">
        <span>{title}</span>
        {note && <small>{note}</small>}
      </div>
      <div className="zy-cockpit-panel-body">{children}</div>
    </section>
  );
}

/**
 * 驾驶舱: the leadership screen, full screen outside the app's layout. One request
 * (GET /statistics/cockpit) refreshed every five minutes; the map of Beijing is bundled (offline).
 */
export function CockpitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const askedPeriod = params.get('period') ?? '';
  const period = periodPattern.test(askedPeriod) ? askedPeriod : undefined;
  const indicatorCode = /^[a-z][a-z0-9_]{1,39}$/.test(params.get('indicator') ?? '') ? params.get('indicator')! : 'revenue';
  const cockpit = useCockpit({ period, indicator: indicatorCode }, { refetchInterval: refreshInterval });
  const map = useBeijingMap();
  const box = useStageBox();
  const label = usePeriodLabel();
  const indName = useIndicatorName();
  const data = cockpit.data;
  const ind = data?.indicator;

  useEffect(() => {
    document.title = `${t('cockpit.title')} · ${t('app.name')}`;
  }, [t]);

  const setIndicator = useCallback(
    (code: string) => {
      const sp = new URLSearchParams(params);
      if (code === 'revenue') sp.delete('indicator');
      else sp.set('indicator', code);
      setParams(sp, { replace: true });
    },
    [params, setParams],
  );

  const drillTo = useCallback(
    (parkId: string) => {
      if (!data?.period) return;
      const sp = new URLSearchParams({ period: data.period, groupBy: 'industry', parkId });
      if (indicatorCode !== 'revenue') sp.set('indicator', indicatorCode);
      navigate(`/statistics/analysis?${sp.toString()}`);
    },
    [data?.period, indicatorCode, navigate],
  );

  const ranking = useMemo(() => (data && ind ? parkRankingOption(data.parks, ind, t('cockpit.yoy')) : null), [data, ind, t]);
  const trend = useMemo(
    () =>
      data && ind
        ? trendOption(
            data.trend,
            ind,
            { value: t(ind.kind === 'flow' ? 'cockpit.thisYear' : 'cockpit.value'), prior: t('cockpit.lastYear'), month: t('cockpit.month'), yoy: t('cockpit.yoy') },
            darkTheme,
          )
        : null,
    [data, ind, t],
  );
  const industries = useMemo(() => (data && ind ? industryOption(data.industries, ind, t('cockpit.otherIndustries'), t('cockpit.yoy')) : null), [data, ind, t]);
  const geo = useMemo(
    () => (data && ind && map.districts ? mapOption(data.parks, ind, map.districts, { yoy: t('cockpit.yoy'), rank: t('cockpit.rank'), drill: t('cockpit.clickToDrill') }) : null),
    [data, ind, map.districts, t],
  );
  const mapEvents = useMemo<ChartEvents>(
    () => ({
      click: (p: { seriesType?: string; data?: { parkId?: string } }) => {
        if (p.seriesType === 'effectScatter' && p.data?.parkId) drillTo(p.data.parkId);
      },
    }),
    [drillTo],
  );
  const barEvents = useMemo<ChartEvents>(
    () => ({
      click: (p: { data?: { parkId?: string } }) => {
        if (p.data?.parkId) drillTo(p.data.parkId);
      },
    }),
    [drillTo],
  );

  const empty = !!data && data.period == null;
  const updated = cockpit.dataUpdatedAt ? dayjs(cockpit.dataUpdatedAt).tz(businessTz).format('HH:mm:ss') : '—';
  const cardCount = (data?.headline.length ?? 0) + 1 + (data?.openWarnings != null ? 1 : 0) + (data?.overdueOrders != null ? 1 : 0);

  return (
    <div className="zy-cockpit" data-testid="cockpit">
      <div className="zy-cockpit-stage" style={{ transform: `scale(${box.scale})`, left: box.left, top: box.top }}>
        <header className="zy-cockpit-header">
          <div className="zy-cockpit-left">
            <Clock />
            <span data-testid="cockpit-updated">
              {t('cockpit.updated', { time: updated })}
              {cockpit.isFetching ? ` · ${t('cockpit.refreshing')}` : ''}
            </span>
          </div>
          <div>
            <h1 className="zy-cockpit-title" data-testid="page-title">
              {t('cockpit.title')}
            </h1>
            <div className="zy-cockpit-sub" data-testid="cockpit-period">
              {data?.period ? label(data.period) : ' '}
              {ind ? ` · ${indName(ind)}` : ''}
              {data?.headline.length ? ` · ${t('cockpit.switchHint')}` : ''}
            </div>
          </div>
          <div className="zy-cockpit-right">
            <button
              type="button"
              className="zy-cockpit-btn"
              onClick={() => (document.fullscreenElement ? void document.exitFullscreen() : void document.documentElement.requestFullscreen?.().catch(() => undefined))}
              data-testid="cockpit-fullscreen"
            >
              {t('cockpit.fullscreen')}
            </button>
            <Link to={`/statistics/analysis${data?.period ? `?period=${data.period}` : ''}`} className="zy-cockpit-btn" data-testid="cockpit-back">
              {t('cockpit.back')}
            </Link>
          </div>
        </header>

        {cockpit.error && !data ? (
          <div className="zy-cockpit-empty" style={{ position: 'static', gridRow: '2 / 4' }} data-testid="cockpit-error">
            {cockpit.error.message}
          </div>
        ) : empty ? (
          <div className="zy-cockpit-empty" style={{ position: 'static', gridRow: '2 / 4' }} data-testid="cockpit-empty">
            {t('cockpit.empty')}
          </div>
        ) : (
          <>
            <div className={`zy-cockpit-cards${cardCount > 7 ? ' zy-cockpit-cards-dense' : ''}`} role="group" aria-label={t('cockpit.indicator')} data-testid="cockpit-headline">
              {data?.headline.map((h) => <HeadlineCard key={h.indicator.code} h={h} active={h.indicator.code === indicatorCode} onClick={() => setIndicator(h.indicator.code)} />)}
              {data && (
                <CountCard
                  name={t('cockpit.reporting')}
                  value={data.enterprises.reporting}
                  unit={t('cockpit.enterpriseUnit')}
                  note={t('cockpit.aboveScaleOf', { count: data.enterprises.aboveScale })}
                  testId="cockpit-reporting"
                />
              )}
              {data?.openWarnings != null && <CountCard name={t('cockpit.openWarnings')} value={data.openWarnings} unit={t('cockpit.itemUnit')} alert testId="cockpit-warnings" />}
              {data?.overdueOrders != null && <CountCard name={t('cockpit.overdueOrders')} value={data.overdueOrders} unit={t('cockpit.itemUnit')} alert testId="cockpit-overdue" />}
            </div>

            <div className="zy-cockpit-main">
              <Panel title={t('cockpit.parkRanking', { indicator: indName(ind) })} note={ranking ? t('cockpit.unit', { unit: ranking.unit }) : undefined} testId="cockpit-ranking">
                {ranking?.count ? (
                  <Chart option={ranking.option} height="100%" onEvents={barEvents} style={{ position: 'absolute', inset: 0 }} testId="cockpit-ranking-chart" />
                ) : (
                  ranking && <div className="zy-cockpit-empty">{t('cockpit.noFigures')}</div>
                )}
              </Panel>
              <Panel title={t('cockpit.map')} note={t('cockpit.mapNote')} testId="cockpit-map">
                {map.error ? (
                  <div className="zy-cockpit-empty">{t('cockpit.mapError')}</div>
                ) : geo ? (
                  <Chart option={geo} height="100%" onEvents={mapEvents} style={{ position: 'absolute', inset: 0 }} testId="cockpit-map-chart" extraText={map.districts?.join('')} />
                ) : null}
                <div className="zy-cockpit-legend">{t('cockpit.mapLegend', { indicator: indName(ind) })}</div>
              </Panel>
              <div className="zy-cockpit-col">
                <Panel title={t('cockpit.trend', { months: data?.trend.length || trendMonths })} testId="cockpit-trend">
                  {trend && <Chart option={trend} height="100%" style={{ position: 'absolute', inset: 0 }} testId="cockpit-trend-chart" />}
                </Panel>
                <Panel title={t('cockpit.industries')} testId="cockpit-industries">
                  {industries?.count ? (
                    <Chart option={industries.option} height="100%" style={{ position: 'absolute', inset: 0 }} testId="cockpit-industries-chart" />
                  ) : (
                    data && <div className="zy-cockpit-empty">{t('cockpit.noIndustries')}</div>
                  )}
                </Panel>
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
