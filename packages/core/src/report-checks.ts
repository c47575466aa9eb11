/**
 * The one validation path of a monthly report (DESIGN.md §6): the portal form checks live with it,
 * the xlsx import and the JSON API check with it on the server, so all three refuse and warn alike.
 * Errors refuse a figure; warnings store the report flagged for review.
 */
import type { Indicator, ReportIssue } from './contracts/statistics';
import { addMonths, periodParts, singleMonth } from './statistics';

export type CatalogEntry = Pick<Indicator, 'code' | 'nameZh' | 'unit' | 'kind' | 'formula' | 'precision' | 'minValue' | 'maxValue' | 'allowNegative' | 'active'>;

/** Far beyond any enterprise's figure (1e13 万元 = 10^17 元): a slip such as a pasted ID number, and beyond exact doubles at 4 decimals. */
const tooLarge = 1e13;

// Decimal text after full-width characters are folded: optional sign, digits with or without
// correct thousands grouping, optional decimals. A stray comma ("1,5") is refused, not read as 15.
const numberText = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const fullWidth = /[０-９＋－．，]/g;

const notANumber = (raw: unknown) => ({ error: `应为数字，实际为“${String(raw).trim().slice(0, 20)}”` });

/**
 * One figure as typed, pasted or read from a cell. Messages name no field: the caller adds the
 * indicator, row or column.
 */
export function parseFigure(raw: unknown, ind: CatalogEntry): { value: number } | { blank: true } | { error: string } {
  let n: number;
  let typedDecimals: number | null = null;
  if (raw == null) return { blank: true };
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim().replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (!text) return { blank: true };
    if (!numberText.test(text)) return notANumber(raw);
    n = Number(text.replace(/,/g, ''));
    // Trailing zeros are not precision the user claims: "1.50" is fine at one decimal.
    typedDecimals = (text.split('.')[1] ?? '').replace(/0+$/, '').length;
  } else return notANumber(raw);
  if (!Number.isFinite(n)) return notANumber(raw);
  if (Math.abs(n) >= tooLarge) return { error: '数值过大' };
  if (n < 0 && !ind.allowNegative) return { error: '不能为负数' };
  const rounded = Number(n.toFixed(ind.precision));
  // A number from a cell or JSON is checked with a tolerance: 0.1 + 0.2 = 0.30000000000000004 was typed as 0.3.
  const excess = typedDecimals != null ? typedDecimals > ind.precision : Math.abs(rounded - n) > 4 * Number.EPSILON * Math.max(1, Math.abs(n));
  if (excess) return { error: ind.precision === 0 ? '应为整数' : `最多 ${ind.precision} 位小数` };
  return { value: rounded + 0 }; // + 0: "-0" is 0
}

/**
 * Checks a report's raw figures (indicator code → as entered). Every key must be an active reported
 * indicator; blanks are left out of `values`.
 */
export function checkValues(catalog: readonly CatalogEntry[], raw: Record<string, unknown>): { values: Record<string, number>; errors: ReportIssue[] } {
  const byCode = new Map(catalog.map((c) => [c.code, c]));
  const values: Record<string, number> = {};
  const errors: ReportIssue[] = [];
  const refuse = (indicator: string, message: string) => errors.push({ indicator, level: 'error', message });
  for (const [code, cell] of Object.entries(raw)) {
    const ind = byCode.get(code);
    if (!ind) refuse(code, `未知的指标编码“${code.slice(0, 40)}”`);
    else if (ind.formula != null) refuse(code, `“${ind.nameZh}”由公式计算，不能填报`);
    else if (!ind.active) refuse(code, `指标“${ind.nameZh}”已停用`);
    else {
      const parsed = parseFigure(cell, ind);
      if ('error' in parsed) refuse(code, `${ind.nameZh}${parsed.error}`);
      else if ('value' in parsed) values[code] = parsed.value;
    }
  }
  return { values, errors };
}

export type PlausibilityContext = {
  /** The month of the report's period (1–12). */
  month: number;
  /** The enterprise's figures for the previous month (for January, December of the year before). */
  lastMonth?: Record<string, number>;
  /** usualIncrements() of the enterprise at this period. */
  usualIncrement?: Record<string, number>;
  /** monthIncrements() of the same month last year: an increment like last year's is seasonal, not odd. */
  lastYearIncrement?: Record<string, number>;
};

const format = (value: number, precision: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: Math.max(0, Math.min(precision, 4)) }).format(value);

// Own keys only: "constructor" is a valid indicator code and must not find Object.prototype's.
const own = (record: Record<string, number> | undefined, code: string) => (record && Object.hasOwn(record, code) ? record[code] : undefined);

/** More than ±50 % away from a positive reference (and, for counts, by at least 5: 1 patent against 3 is noise). */
const deviates = (value: number, reference: number | undefined, precision: number) =>
  reference != null && reference > 0 && Math.abs(value - reference) > 0.5 * reference && (precision > 0 || Math.abs(value - reference) >= 5);

/** Within ±50 % of last year's same month (seasonal: December, Spring Festival). */
const isLike = (increment: number, lastYear: number | undefined, precision: number) => lastYear != null && lastYear > 0 && !deviates(increment, lastYear, precision);

/**
 * Warnings on checked values, each message led by the indicator's name: a flow's YTD falling, a
 * flow's month or a stock far from the usual, a value outside the catalog's plausible range.
 */
export function plausibilityWarnings(catalog: readonly CatalogEntry[], values: Record<string, number>, ctx: PlausibilityContext): ReportIssue[] {
  const warnings: ReportIssue[] = [];
  for (const ind of catalog) {
    const v = own(values, ind.code);
    if (v == null) continue;
    const fmt = (x: number) => format(x, ind.precision);
    const warn = (message: string) => warnings.push({ indicator: ind.code, level: 'warning', message: `${ind.nameZh}${message}` });
    const last = own(ctx.lastMonth, ind.code);
    if (ind.kind === 'flow' && !ind.allowNegative) {
      // A figure that may be negative (profit) rises and falls legitimately: only its bounds are checked.
      const usual = own(ctx.usualIncrement, ind.code);
      const increment = singleMonth('flow', ctx.month, v, last);
      // A falling YTD already explains an odd increment: one warning, the falling one.
      if (ctx.month > 1 && last != null && v < last) warn(`1–${ctx.month}月累计低于上月累计（${fmt(v)} < ${fmt(last)}）`);
      else if (increment != null && deviates(increment, usual, ind.precision) && !isLike(increment, own(ctx.lastYearIncrement, ind.code), ind.precision))
        warn(`当月增量 ${fmt(increment)} 与近期月均 ${fmt(usual!)} 相差超过 50%`);
    } else if (ind.kind === 'stock' && last != null && deviates(v, last, ind.precision)) warn(`较上月 ${fmt(last)} 变化超过 50%（本月 ${fmt(v)}）`);

    const { minValue: min, maxValue: max } = ind;
    if ((min != null && v < min) || (max != null && v > max)) {
      const range = min != null && max != null ? `${fmt(min)}–${fmt(max)}` : min != null ? `不低于 ${fmt(min)}` : `不超过 ${fmt(max!)}`;
      warn(`超出合理范围（${range}，实际为 ${fmt(v)}）`);
    }
  }
  return warnings;
}

/**
 * The usual single-month increment of each flow before `period`: the mean over the (up to) three
 * preceding months whose increment can be computed from `history` (the enterprise's reports; a
 * month needs the month before it unless it is January). Flows with no such month are left out.
 */
export function usualIncrements(catalog: readonly CatalogEntry[], period: string, history: readonly { period: string; values: Record<string, number> }[]): Record<string, number> {
  const byPeriod = new Map(history.map((h) => [h.period, h.values]));
  // The three months and the ones before them, once per report (not per indicator: this runs per row of an import).
  const months = [1, 2, 3].map((back) => {
    const p = addMonths(period, -back);
    return { month: periodParts(p).month, values: byPeriod.get(p), before: byPeriod.get(addMonths(p, -1)) };
  });
  const result: Record<string, number> = {};
  for (const ind of catalog) {
    if (ind.kind !== 'flow') continue;
    const increments: number[] = [];
    for (const m of months) {
      const increment = singleMonth('flow', m.month, own(m.values, ind.code), own(m.before, ind.code));
      if (increment != null) increments.push(increment);
    }
    if (increments.length) result[ind.code] = increments.reduce((s, x) => s + x, 0) / increments.length;
  }
  return result;
}

/** Each flow's single-month increment at `period` from the enterprise's reports (needs `period` and, except in January, the month before). */
export function monthIncrements(catalog: readonly CatalogEntry[], period: string, history: readonly { period: string; values: Record<string, number> }[]): Record<string, number> {
  const byPeriod = new Map(history.map((h) => [h.period, h.values]));
  const { month } = periodParts(period);
  const [now, before] = [byPeriod.get(period), byPeriod.get(addMonths(period, -1))];
  const result: Record<string, number> = {};
  for (const ind of catalog) {
    if (ind.kind !== 'flow') continue;
    const increment = singleMonth('flow', month, own(now, ind.code), own(before, ind.code));
    if (increment != null) result[ind.code] = increment;
  }
  return result;
}
