import type { z } from 'zod';
import { derivedValue, growth, type Ranking, type rankingQuery } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { ParksService } from '../parks/parks.service';
import type { IndicatorsService } from './indicators.service';
import * as repo from './reports.repository';
import { parkFilterOf, staffScope } from './statistics-scope';

type Query = Omit<z.output<typeof rankingQuery>, 'aboveScale'> & { aboveScale?: boolean };

/** Top and bottom enterprises by value, growth or change (e.g. the 25 largest revenue declines): the enterprise level behind the figures. */
export function createRankingService(db: Db, enterprises: EnterprisesService, parks: ParksService, indicators: IndicatorsService) {
  return {
    async ranking(ctx: RequestContext, q: Query): Promise<Ranking> {
      const scope = await staffScope(enterprises, ctx);
      if (q.parkId && !scope.all && !scope.ids.has(q.parkId)) throw notFound('园区');
      const [catalog, directory] = await Promise.all([indicators.catalog(), parks.directory()]);
      const ind = catalog.find((i) => i.code === q.indicator);
      if (!ind) throw new AppError('VALIDATION_FAILED', `未知的指标“${q.indicator}”`, [{ path: ['indicator'], message: '未知的指标' }]);
      const filter = { parkIds: q.parkId ? await parks.subtree(q.parkId) : parkFilterOf(scope), section: q.section, aboveScale: q.aboveScale };
      // A reported indicator is ordered and cut by the database; a derived one is evaluated here.
      const rows = ind.formula ? await repo.rankingRows(db, q.period, filter, null) : await repo.rankingRows(db, q.period, filter, ind.code, { by: q.by, dir: q.order, limit: q.limit });
      const figure = (v: Record<string, number> | null) => (v ? (ind.formula ? derivedValue(ind.code, catalog, (c) => v[c]) : (v[ind.code] ?? null)) : null);
      let items = rows.map((r) => {
        const value = figure(r.values);
        const restated = Object.keys(r.prior).length ? figure(r.prior) : null;
        const prior = restated ?? figure(r.last);
        return { enterpriseId: r.enterprise_id, enterpriseName: r.name, parkName: directory.find((p) => p.id === r.park_id)?.name ?? '', industrySection: r.industry_section, reportId: r.report_id, value, prior, change: value != null && prior != null ? value - prior : null, growth: growth(value, prior) };
      });
      if (ind.formula) {
        const key = q.by === 'value' ? 'value' : q.by;
        const sign = q.order === 'asc' ? 1 : -1;
        items = items
          .filter((i) => i.value != null)
          .sort((a, b) => (a[key] == null ? 1 : b[key] == null ? -1 : sign * (a[key]! - b[key]!)) || a.enterpriseName.localeCompare(b.enterpriseName))
          .slice(0, q.limit);
      }
      return { period: q.period, indicator: ind, items };
    },
  };
}
export type RankingService = ReturnType<typeof createRankingService>;
