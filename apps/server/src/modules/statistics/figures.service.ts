// Figures out of the rollups (dashboards never read reports): summary, analysis, trend, cockpit.
// Derived indicators are evaluated on the group's sums, so a ratio is Σa/Σb, not a sum of ratios.
import {
  addMonths,
  derivedValue,
  groupGrowth,
  industrySections,
  outputPerEmployee,
  outputPerKm2,
  parseFormula,
  periodParts,
  periodRange,
  ranks,
  shares,
  singleMonth,
  type Analysis,
  type AnalysisRow,
  type Cockpit,
  type GroupBy,
  type Indicator,
  type Summary,
  type Trend,
} from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { ChangeFeed } from '../../db/change-feed';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { QualificationsService } from '../enterprises/qualifications.service';
import type { ParksService } from '../parks/parks.service';
import type { IndicatorsService } from './indicators.service';
import * as repo from './rollups.repository';
import * as reports from './reports.repository';
import type { RollupsService } from './rollups.service';
import { staffScope } from './statistics-scope';

type Park = Awaited<ReturnType<ParksService['directory']>>[number];
type Sums = Omit<repo.SumsRow, 'period' | 'key' | 'indicator'>;
const empty: Sums = { value: null, priorValue: null, lflNumerator: null, lflDenominator: null, enterprises: 0 };

/** Figures are exact to 4 decimals (万元); arithmetic in doubles (differences, formulas) is rounded back to that. */
const round4 = (v: number | null) => (v == null ? null : Math.round(v * 10_000) / 10_000);
const monthOf = (...args: Parameters<typeof singleMonth>) => round4(singleMonth(...args));

/** A group's sums of one indicator: stored for reported ones, the formula over the sums for derived ones. */
function sumsOf(catalog: readonly Indicator[], stored: ReadonlyMap<string, Sums>, code: string): Sums {
  const ind = catalog.find((i) => i.code === code);
  if (!ind?.formula) return stored.get(code) ?? empty;
  const field = (f: keyof Omit<Sums, 'enterprises'>) => round4(derivedValue(code, catalog, (c) => stored.get(c)?.[f]));
  return { value: field('value'), priorValue: field('priorValue'), lflNumerator: field('lflNumerator'), lflDenominator: field('lflDenominator'), enterprises: Math.max(0, ...[...stored.values()].map((s) => s.enterprises)) };
}

/** Rows of `sums` → period → group key → indicator → sums. */
function index(rows: readonly repo.SumsRow[]) {
  const out = new Map<string, Map<string, Map<string, Sums>>>();
  for (const r of rows) {
    const byKey = out.get(r.period) ?? out.set(r.period, new Map()).get(r.period)!;
    const byIndicator = byKey.get(r.key) ?? byKey.set(r.key, new Map()).get(r.key)!;
    byIndicator.set(r.indicator, r);
  }
  return (period: string, key: string) => out.get(period)?.get(key) ?? new Map<string, Sums>();
}

/** Reported indicators a derived one needs (their rollups are what is read). */
function needed(catalog: readonly Indicator[], codes: readonly string[]): string[] {
  const out = new Set<string>();
  const visit = (code: string) => {
    const ind = catalog.find((i) => i.code === code);
    if (!ind || out.has(code)) return;
    out.add(code);
    if (ind.formula) parseFormula(ind.formula).refs.forEach(visit);
  };
  codes.forEach(visit);
  return [...out];
}

export type FiguresDeps = {
  db: Db;
  enterprises: EnterprisesService;
  qualifications: QualificationsService;
  parks: ParksService;
  indicators: IndicatorsService;
  rollups: RollupsService;
  feed: ChangeFeed;
  /** The service desk's count of overdue work orders for the caller, null when it may not see work-order figures. */
  overdueOrders: (ctx: RequestContext) => Promise<number | null>;
};

export function createFiguresService({ db, enterprises, qualifications, parks, indicators, rollups, feed, overdueOrders }: FiguresDeps) {
  /**
   * What the caller looks at: the base park(s) — the asked park, the zone for zone-wide staff, else
   * the top parks of their scope — and the parks whose rollups count (base parks and their sub-parks).
   */
  async function frame(ctx: RequestContext, parkId?: string) {
    const [scope, directory] = await Promise.all([staffScope(enterprises, ctx), parks.directory()]);
    const inScope = (id: string) => scope.all || scope.ids.has(id);
    if (parkId && (!inScope(parkId) || !directory.some((p) => p.id === parkId))) throw notFound('园区');
    const base = parkId ? directory.filter((p) => p.id === parkId) : directory.filter((p) => inScope(p.id) && !(p.parentId && inScope(p.parentId)));
    const childrenOf = (id: string) => directory.filter((p) => p.parentId === id);
    const below = (p: Park): Park[] => [p, ...childrenOf(p.id).flatMap(below)];
    const counted = base.flatMap(below);
    return { directory, base, counted, childrenOf, parkIds: parkId || !scope.all ? counted.map((p) => p.id) : null };
  }

  type Frame = Awaited<ReturnType<typeof frame>>;

  /** Park groups: the base park's sub-parks (or the base parks themselves); every counted park maps to the group it rolls into. */
  function parkGroups(f: Frame) {
    const groups = f.base.length === 1 && f.childrenOf(f.base[0]!.id).length > 0 ? f.childrenOf(f.base[0]!.id) : f.base;
    const groupIds = new Set(groups.map((g) => g.id));
    const byId = new Map(f.directory.map((p) => [p.id, p]));
    const map = new Map<string, string>();
    for (const p of f.counted) {
      let at: Park | undefined = p;
      while (at && !groupIds.has(at.id)) at = at.parentId ? byId.get(at.parentId) : undefined;
      if (at) map.set(p.id, at.id);
    }
    return { groups, map };
  }

  type Group = { key: string; name: string; area: number | null };

  /** Sums per group for the periods, and the groups (named, with the area 地均 divides by). */
  async function grouped(f: Frame, by: GroupBy, periods: string[], filter: Omit<repo.RollupFilter, 'parkIds'>): Promise<{ groups: Group[]; at: ReturnType<typeof index> }> {
    const rollupFilter = { ...filter, parkIds: f.parkIds };
    if (by === 'park') {
      const { groups, map } = parkGroups(f);
      const rows = await repo.sums(db, periods, 'park', rollupFilter, map);
      return { groups: groups.map((g) => ({ key: g.id, name: g.name, area: g.areaKm2 })), at: index(rows) };
    }
    if (by === 'zone') {
      const rows = await repo.sums(db, periods, 'none', rollupFilter);
      const name = f.base.length === 1 ? f.base[0]!.name : '合计';
      const area = f.base.reduce((s, p) => s + p.areaKm2, 0);
      return { groups: [{ key: '', name, area }], at: index(rows) };
    }
    if (by === 'qualification') return byQualification(periods, rollupFilter);
    const rows = await repo.sums(db, periods, by === 'industry' ? 'section' : 'aboveScale', rollupFilter);
    const present = new Set(rows.map((r) => r.key));
    const groups: Group[] =
      by === 'industry'
        ? industrySections.filter((s) => present.has(s.code)).map((s) => ({ key: s.code, name: s.nameZh, area: null }))
        : [
            { key: 'true', name: '规上企业', area: null },
            { key: 'false', name: '规下企业', area: null },
          ].filter((g) => present.has(g.key));
    return { groups, at: index(rows) };
  }

  /** Qualification groups, from the reports: each period's sums, and a year earlier each kind's own holders' (the 同比 base). */
  async function byQualification(periods: string[], f: repo.RollupFilter): Promise<{ groups: Group[]; at: ReturnType<typeof index> }> {
    const codes = f.indicators ?? [];
    const [now, before, kinds] = await Promise.all([
      reports.qualificationSums(db, periods, f, codes),
      reports.qualificationSums(db, periods.map((p) => addMonths(p, -12)), f, codes),
      qualifications.kinds().then((k) => k.items),
    ]);
    const priorOf = new Map(before.map((b) => [`${addMonths(b.period, 12)}|${b.key}|${b.indicator}`, b.value]));
    const rows: repo.SumsRow[] = now.map((r) => ({ ...r, priorValue: priorOf.get(`${r.period}|${r.key}|${r.indicator}`) ?? null }));
    // Kinds held only last year still show their prior value.
    for (const b of before) {
      const period = addMonths(b.period, 12);
      if (!now.some((r) => r.period === period && r.key === b.key && r.indicator === b.indicator))
        rows.push({ period, key: b.key, indicator: b.indicator, value: null, priorValue: b.value, lflNumerator: null, lflDenominator: null, enterprises: 0 });
    }
    const present = new Set(rows.map((r) => r.key));
    return { groups: kinds.filter((k) => present.has(k.code)).map((k) => ({ key: k.code, name: k.name, area: null })), at: index(rows) };
  }

  async function catalogWith(codes: readonly string[]) {
    const catalog = await indicators.catalog();
    for (const c of codes) if (!catalog.some((i) => i.code === c)) throw new AppError('VALIDATION_FAILED', `未知的指标“${c}”`, [{ path: ['indicator'], message: '未知的指标' }]);
    return catalog;
  }

  const computed = {
    /** DESIGN.md §8 `GET /api/statistics/summary`. */
    async summary(ctx: RequestContext, q: { period: string; groupBy: 'zone' | 'park' | 'industry'; parkId?: string; indicators?: string[] }): Promise<Summary> {
      const f = await frame(ctx, q.parkId);
      const catalog = await catalogWith(q.indicators ?? []);
      const codes = q.indicators?.length ? q.indicators : catalog.filter((i) => i.active).map((i) => i.code);
      const { groups, at } = await grouped(f, q.groupBy, [q.period], { indicators: needed(catalog, [...codes, 'revenue', 'employees']) });
      const figures = groups.map((g) => {
        const stored = at(q.period, g.key);
        const byCode = new Map(codes.map((c) => [c, sumsOf(catalog, stored, c)]));
        const revenue = sumsOf(catalog, stored, 'revenue').value;
        return { g, byCode, perKm2: outputPerKm2(revenue, g.area), perEmployee: outputPerEmployee(revenue, sumsOf(catalog, stored, 'employees').value) };
      });
      const rankOf = new Map(codes.map((c) => [c, ranks(figures.map((x) => x.byCode.get(c)!.value))]));
      return {
        period: q.period,
        rows: figures.map((x, i) => ({
          key: x.g.key || (f.base[0]?.id ?? 'zone'),
          name: x.g.name,
          indicators: Object.fromEntries(codes.map((c) => {
            const s = x.byCode.get(c)!;
            return [c, { value: s.value, ...groupGrowth(s), rank: rankOf.get(c)![i]! }];
          })),
          outputPerKm2: x.perKm2,
          outputPerEmployee: x.perEmployee,
        })),
      };
    },

    /** Every figure of one indicator per group: value, yoy, lfl, rank, share, 当月, 地均, 劳均. */
    async analysis(ctx: RequestContext, q: { period: string; groupBy: GroupBy; indicator: string; parkId?: string; section?: string; aboveScale?: boolean }): Promise<Analysis> {
      const catalog = await catalogWith([q.indicator]);
      const ind = catalog.find((i) => i.code === q.indicator)!;
      const f = await frame(ctx, q.parkId);
      const { month } = periodParts(q.period);
      const lastMonth = addMonths(q.period, -1);
      const periods = month > 1 ? [q.period, lastMonth] : [q.period];
      const { groups, at } = await grouped(f, q.groupBy, periods, { section: q.section, aboveScale: q.aboveScale, indicators: needed(catalog, [q.indicator, 'revenue', 'employees']) });
      const totalOf = await grouped(f, 'zone', periods, { section: q.section, aboveScale: q.aboveScale, indicators: needed(catalog, [q.indicator, 'revenue', 'employees']) });
      const rowOf = (g: Group, atOf: typeof at): AnalysisRow => {
        const stored = atOf(q.period, g.key);
        const s = sumsOf(catalog, stored, q.indicator);
        const revenue = sumsOf(catalog, stored, 'revenue').value;
        return {
          key: g.key,
          name: g.name,
          value: s.value,
          priorValue: s.priorValue,
          ...groupGrowth(s),
          rank: null,
          share: null,
          month: monthOf(ind.kind, month, s.value, month > 1 ? sumsOf(catalog, atOf(lastMonth, g.key), q.indicator).value : null),
          outputPerKm2: q.groupBy === 'park' || q.groupBy === 'zone' ? outputPerKm2(revenue, g.area) : null,
          outputPerEmployee: outputPerEmployee(revenue, sumsOf(catalog, stored, 'employees').value),
          enterprises: s.enterprises,
        };
      };
      const rows = groups.map((g) => rowOf(g, at));
      const rk = ranks(rows.map((r) => r.value));
      const sh = shares(rows.map((r) => r.value));
      // Shares of overlapping groups (an enterprise holding two kinds) would not add up: none for qualifications.
      const shareable = q.groupBy !== 'qualification';
      rows.forEach((r, i) => Object.assign(r, { rank: rk[i], share: shareable ? sh[i] : null }));
      const total = rowOf(totalOf.groups[0]!, totalOf.at);
      // In rank order; groups without a figure last, in their own order.
      const ordered = rows.map((r, i) => ({ r, i })).sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.i - b.i);
      return { period: q.period, indicator: ind, rows: ordered.map((x) => x.r), total: { ...total, key: 'total', name: '合计', share: rows.length ? 1 : null } };
    },

    /** The last `months` periods up to `to`, each with last year's value and the single months. */
    async trend(ctx: RequestContext, q: { indicator: string; to: string; months: number; parkId?: string; section?: string; aboveScale?: boolean }): Promise<Trend> {
      const catalog = await catalogWith([q.indicator]);
      const ind = catalog.find((i) => i.code === q.indicator)!;
      const f = await frame(ctx, q.parkId);
      const periods = periodRange(addMonths(q.to, -(q.months + 12)), q.to);
      const rows = await repo.sums(db, periods, 'none', { parkIds: f.parkIds, section: q.section, aboveScale: q.aboveScale, indicators: needed(catalog, [q.indicator]) });
      const at = index(rows);
      const valueAt = (p: string) => sumsOf(catalog, at(p, ''), q.indicator);
      const monthAt = (p: string) => monthOf(ind.kind, periodParts(p).month, valueAt(p).value, valueAt(addMonths(p, -1)).value);
      return {
        indicator: ind,
        points: periodRange(addMonths(q.to, -(q.months - 1)), q.to).map((p) => {
          const s = valueAt(p);
          return { period: p, value: s.value, priorValue: s.priorValue, yoy: groupGrowth(s).yoy, month: monthAt(p), priorMonth: monthAt(addMonths(p, -12)) };
        }),
      };
    },

    /** The leadership cockpit in one answer. */
    async cockpit(ctx: RequestContext, q: { period?: string; indicator: string }): Promise<Cockpit> {
      const catalog = await catalogWith([q.indicator]);
      const ind = catalog.find((i) => i.code === q.indicator)!;
      const period = q.period ?? (await rollups.latest());
      const status = await rollups.status();
      if (!period) return { period: null, indicator: ind, headline: [], parks: [], industries: [], trend: [], enterprises: { reporting: 0, aboveScale: 0 }, openWarnings: null, overdueOrders: null, refreshedAt: status.refreshedAt };
      const headlineCodes = ['revenue', 'industrial_output', 'tax_incl_refund', 'profit', 'rd_expense', 'employees'].filter((c) => catalog.some((i) => i.code === c && i.active));
      const summary = await computed.summary(ctx, { period, groupBy: 'zone', indicators: headlineCodes });
      const zone = summary.rows[0];
      const [byPark, byIndustry, byScale, trend, f] = await Promise.all([
        computed.analysis(ctx, { period, groupBy: 'park', indicator: q.indicator }),
        computed.analysis(ctx, { period, groupBy: 'industry', indicator: q.indicator }),
        computed.analysis(ctx, { period, groupBy: 'aboveScale', indicator: 'revenue' }),
        computed.trend(ctx, { indicator: q.indicator, to: period, months: 36 }),
        frame(ctx),
      ]);
      const parkById = new Map(f.directory.map((p) => [p.id, p]));
      return {
        period,
        indicator: ind,
        headline: headlineCodes.map((c) => ({ indicator: catalog.find((i) => i.code === c)!, value: zone?.indicators[c]?.value ?? null, yoy: zone?.indicators[c]?.yoy ?? null, lfl: zone?.indicators[c]?.lfl ?? null })),
        parks: byPark.rows.map((r) => ({ id: r.key, name: r.name, district: parkById.get(r.key)?.district ?? null, center: parkById.get(r.key)?.center ?? null, value: r.value, yoy: r.yoy, rank: r.rank, outputPerKm2: r.outputPerKm2 })),
        industries: byIndustry.rows.map((r) => ({ section: r.key, name: r.name, value: r.value, share: r.share, yoy: r.yoy })),
        trend: trend.points,
        enterprises: { reporting: byScale.total.enterprises, aboveScale: byScale.rows.find((r) => r.key === 'true')?.enterprises ?? 0 },
        openWarnings: null,
        overdueOrders: null,
        refreshedAt: status.refreshedAt,
      };
    },
  };

  /**
   * An answer depends on the query and the caller's scope only, and changes when the rollups, the
   * parks or the catalog do: each instance remembers it until then (db/change-feed.ts). Figures by
   * qualification come from the reports and qualifications, which change without notice: never kept.
   */
  async function remembered<Q extends object, T>(name: string, ctx: RequestContext, q: Q, compute: (ctx: RequestContext, q: Q) => Promise<T>): Promise<T> {
    if ('groupBy' in q && q.groupBy === 'qualification') return compute(ctx, q);
    const scope = await staffScope(enterprises, ctx);
    const who = scope.all ? '*' : [...scope.ids].sort().join(',');
    return feed.memo(['rollups', 'parks', 'indicators'], `figures:${name}:${who}:${JSON.stringify(q)}`, () => compute(ctx, q));
  }

  return {
    summary: (ctx: RequestContext, q: Parameters<typeof computed.summary>[1]) => remembered('summary', ctx, q, computed.summary),
    analysis: (ctx: RequestContext, q: Parameters<typeof computed.analysis>[1]) => remembered('analysis', ctx, q, computed.analysis),
    trend: (ctx: RequestContext, q: Parameters<typeof computed.trend>[1]) => remembered('trend', ctx, q, computed.trend),
    /** The figures as remembered; the overdue work orders counted fresh (they change without a refresh). */
    cockpit: async (ctx: RequestContext, q: Parameters<typeof computed.cockpit>[1]): Promise<Cockpit> => {
      const [figures, overdue] = await Promise.all([remembered('cockpit', ctx, q, computed.cockpit), overdueOrders(ctx)]);
      return { ...figures, overdueOrders: overdue };
    },
  };
}
export type FiguresService = ReturnType<typeof createFiguresService>;
