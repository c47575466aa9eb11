import { formulaProblem, parseFormula, type CreateIndicatorRequest, type Indicator, type UpdateIndicatorRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { ChangeFeed } from '../../db/change-feed';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import * as repo from './indicators.repository';

const toIndicator = (r: repo.IndicatorRow): Indicator => ({
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  unit: r.unit,
  kind: r.kind,
  formula: r.formula,
  precision: r.precision,
  minValue: r.minValue,
  maxValue: r.maxValue,
  allowNegative: r.allowNegative,
  active: r.active,
  sortOrder: r.sortOrder,
});

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path: [field], message }]);

/** The indicator catalog (DESIGN.md §6): a dozen rows every write path and every figure reads. */
export function createIndicatorsService(db: Db, audit: AuditService, feed: ChangeFeed) {
  /** Shared by every caller until the catalog changes: frozen, so a caller that sorts it in place fails loudly. */
  function catalog(): Promise<Indicator[]> {
    return feed.memo(['indicators'], 'indicators:catalog', async () => Object.freeze((await repo.listIndicators(db)).map(toIndicator)) as Indicator[]);
  }

  /** Formula and bounds checked against the catalog as it would be after the change. */
  function check(next: Indicator, all: Indicator[]) {
    if (next.minValue != null && next.maxValue != null && next.minValue > next.maxValue) throw invalid('maxValue', '合理范围的上限不能小于下限');
    if (next.formula != null) {
      const problem = formulaProblem(next.code, next.formula, all.map((i) => (i.code === next.code ? next : i)));
      if (problem) throw invalid('formula', problem);
    }
    if (!next.active) {
      const user = all.find((i) => i.active && i.formula != null && i.code !== next.code && parseFormula(i.formula).refs.includes(next.code));
      if (user) throw invalid('active', `指标“${user.nameZh}”的公式引用了它，不能停用`);
    }
  }

  return {
    catalog,

    async create(ctx: RequestContext, input: CreateIndicatorRequest): Promise<Indicator> {
      const all = await catalog();
      const next: Indicator = { formula: null, minValue: null, maxValue: null, allowNegative: false, active: true, sortOrder: (all.at(-1)?.sortOrder ?? 0) + 10, precision: 4, ...input };
      if (all.some((i) => i.code === next.code)) throw new AppError('DUPLICATE', `指标编码 ${next.code} 已存在`, [{ path: ['code'], message: '编码已存在' }]);
      check(next, [...all, next]);
      return db.transaction(async (tx) => {
        const row = await repo.insertIndicator(tx, next);
        await feed.publish(tx, 'indicators');
        if (!row) throw new AppError('DUPLICATE', `指标编码 ${next.code} 已存在`, [{ path: ['code'], message: '编码已存在' }]);
        await audit.record(tx, ctx, { action: 'statistics.indicator.create', targetType: 'indicator', targetId: next.code, summary: { after: next } });
        return toIndicator(row);
      });
    },

    async update(ctx: RequestContext, code: string, input: UpdateIndicatorRequest): Promise<Indicator> {
      return db.transaction(async (tx) => {
        const current = await repo.findIndicator(tx, code);
        if (!current) throw notFound('指标');
        const before = toIndicator(current);
        const next = { ...before, ...input };
        // A reported figure cannot become a formula (or back): its stored values would lose their meaning.
        if ((before.formula == null) !== (next.formula == null)) throw invalid('formula', before.formula == null ? '填报指标不能改为计算指标；请新建一个计算指标' : '计算指标须保留公式');
        check(next, (await repo.listIndicators(tx)).map(toIndicator));
        const row = await repo.updateIndicator(tx, code, input);
        await feed.publish(tx, 'indicators');
        const changed = Object.keys(input).filter((k) => before[k as keyof Indicator] !== next[k as keyof Indicator]);
        await audit.record(tx, ctx, {
          action: 'statistics.indicator.update',
          targetType: 'indicator',
          targetId: code,
          summary: { before: Object.fromEntries(changed.map((k) => [k, before[k as keyof Indicator]])), after: Object.fromEntries(changed.map((k) => [k, next[k as keyof Indicator]])) },
        });
        return toIndicator(row);
      });
    },
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
