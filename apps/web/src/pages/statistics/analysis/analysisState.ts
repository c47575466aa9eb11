/**
 * The analysis page's state, all of it in the URL query (shareable, the back button works):
 * period, indicator, grouping, the drill-down filters and the ranking settings.
 *
 * Drill-down (statistics-api.md): zone → a park (parkId) → its industries → an industry (section)
 * → the ranking of that park's enterprises in it (view=enterprises) → a report (drawer).
 */
import { periodPattern, type GroupBy } from '@zhiyuan/core';

export type RankBy = 'value' | 'growth' | 'change';
export type RankOrder = 'desc' | 'asc';
export type AboveScale = 'true' | 'false';
export type View = 'groups' | 'enterprises';

export type AnalysisState = {
  period?: string;
  indicator: string;
  groupBy: GroupBy;
  parkId?: string;
  section?: string;
  aboveScale?: AboveScale;
  view: View;
  rankBy: RankBy;
  rankOrder: RankOrder;
  rankLimit: number;
};

export const groupByChoices: readonly GroupBy[] = ['park', 'industry', 'aboveScale', 'qualification'];
export const rankLimits = [10, 25, 50, 100] as const;
export const defaultIndicator = 'revenue';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pick = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined => (allowed.includes(v as T) ? (v as T) : undefined);

/** URL → state; anything malformed is dropped (the default stands). */
export function parseState(sp: URLSearchParams): AnalysisState {
  const period = sp.get('period') ?? '';
  const parkId = sp.get('parkId') ?? '';
  const section = sp.get('section') ?? '';
  const indicator = sp.get('indicator') ?? '';
  const limit = Number(sp.get('rankLimit'));
  const s: AnalysisState = {
    period: periodPattern.test(period) ? period : undefined,
    indicator: /^[a-z][a-z0-9_]{1,39}$/.test(indicator) ? indicator : defaultIndicator,
    parkId: uuidPattern.test(parkId) ? parkId : undefined,
    section: /^[A-T]$/.test(section) ? section : undefined,
    aboveScale: pick(sp.get('aboveScale'), ['true', 'false'] as const),
    groupBy: 'park',
    view: sp.get('view') === 'enterprises' ? 'enterprises' : 'groups',
    rankBy: pick(sp.get('rankBy'), ['value', 'growth', 'change'] as const) ?? 'value',
    rankOrder: pick(sp.get('rankOrder'), ['desc', 'asc'] as const) ?? 'desc',
    rankLimit: (rankLimits as readonly number[]).includes(limit) ? limit : 25,
  };
  // Without an explicit grouping: a park's industries once a park is chosen, else the parks.
  s.groupBy = pick(sp.get('groupBy'), ['zone', 'park', 'industry', 'aboveScale', 'qualification'] as const) ?? (s.parkId && !s.section ? 'industry' : 'park');
  return s;
}

/** State → URL query (defaults left out). */
export function toSearch(s: AnalysisState): string {
  const sp = new URLSearchParams();
  if (s.period) sp.set('period', s.period);
  if (s.indicator !== defaultIndicator) sp.set('indicator', s.indicator);
  sp.set('groupBy', s.groupBy);
  if (s.parkId) sp.set('parkId', s.parkId);
  if (s.section) sp.set('section', s.section);
  if (s.aboveScale) sp.set('aboveScale', s.aboveScale);
  if (s.view === 'enterprises') sp.set('view', 'enterprises');
  if (s.rankBy !== 'value') sp.set('rankBy', s.rankBy);
  if (s.rankOrder !== 'desc') sp.set('rankOrder', s.rankOrder);
  if (s.rankLimit !== 25) sp.set('rankLimit', String(s.rankLimit));
  return sp.toString();
}

/** The next level after a filter was set: parks, then industries, then the enterprises. */
function nextLevel(s: AnalysisState): AnalysisState {
  if (!s.parkId) return { ...s, groupBy: 'park', view: 'groups' };
  if (!s.section) return { ...s, groupBy: 'industry', view: 'groups' };
  return { ...s, view: 'enterprises' };
}

/** Clicking a row of the current grouping narrows to it and goes one level down. */
export function drill(s: AnalysisState, key: string): AnalysisState {
  switch (s.groupBy) {
    case 'zone':
      return { ...s, groupBy: 'park', view: 'groups' };
    case 'park':
      return nextLevel({ ...s, parkId: key });
    case 'industry':
      return nextLevel({ ...s, section: key });
    case 'aboveScale':
      return nextLevel({ ...s, aboveScale: key === 'true' ? 'true' : 'false' });
    case 'qualification':
      return s; // an enterprise may hold several kinds: no drill-down below a kind
  }
}

export type Crumb = { key: 'zone' | 'aboveScale' | 'park' | 'section' | 'enterprises'; state: AnalysisState };

/**
 * The breadcrumb, top down: 全区 › 规上/规下 › park › industry › enterprises. Going back to a crumb keeps
 * the filters above it and drops the ones below.
 */
export function crumbs(s: AnalysisState): Crumb[] {
  const base: AnalysisState = { ...s, parkId: undefined, section: undefined, aboveScale: undefined, view: 'groups' };
  const out: Crumb[] = [{ key: 'zone', state: nextLevel(base) }];
  let cur = base;
  if (s.aboveScale) {
    cur = { ...cur, aboveScale: s.aboveScale };
    out.push({ key: 'aboveScale', state: nextLevel(cur) });
  }
  if (s.parkId) {
    cur = { ...cur, parkId: s.parkId };
    out.push({ key: 'park', state: nextLevel(cur) });
  }
  if (s.section) {
    cur = { ...cur, section: s.section };
    // An industry without a park lists the parks in it; with a park, its enterprises.
    out.push({ key: 'section', state: nextLevel(cur) });
  }
  if (s.view === 'enterprises' && out[out.length - 1]!.state.view !== 'enterprises') out.push({ key: 'enterprises', state: s });
  // The last crumb is where we are.
  out[out.length - 1] = { ...out[out.length - 1]!, state: s };
  return out;
}

/** The query of the API calls for this state (analysis, trend, ranking share the filters). */
export function filterQuery(s: AnalysisState) {
  return { parkId: s.parkId, section: s.section, aboveScale: s.aboveScale };
}
