/**
 * Statistics definitions (DESIGN.md §6): periods, the seeded indicator catalog and the growth
 * formulas. The server's rollups and the web's figures are checked against these functions.
 */

export const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → { year, month }. */
export function periodParts(period: string): { year: number; month: number } {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

export function periodOf(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The period n months later (n may be negative). */
export function addMonths(period: string, n: number): string {
  const { year, month } = periodParts(period);
  const index = year * 12 + (month - 1) + n;
  return periodOf(Math.floor(index / 12), (index % 12) + 1);
}

/** The same month of the previous year (同比 base). */
export const yearAgo = (period: string) => addMonths(period, -12);

/** Months from a to b (b − a). */
export function monthsBetween(a: string, b: string): number {
  const x = periodParts(a);
  const y = periodParts(b);
  return (y.year - x.year) * 12 + (y.month - x.month);
}

/** Every period from `from` to `to`, both included (empty when to < from). */
export function periodRange(from: string, to: string): string[] {
  const n = monthsBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addMonths(from, i));
}

/** The month an instant falls in, in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiPeriod(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** 1–N月 label of a period, e.g. 2025-03 → "2025年1–3月"; January is just "2025年1月". */
export function periodLabel(period: string): string {
  const { year, month } = periodParts(period);
  return month === 1 ? `${year}年1月` : `${year}年1–${month}月`;
}

export type IndicatorKind = 'flow' | 'stock';

/** The catalog as seeded on every install (DESIGN.md §6); statisticians may add and edit. */
export type IndicatorSeed = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  formula: string | null;
  precision: number;
  allowNegative: boolean;
};

const money = (code: string, nameZh: string, nameEn: string, allowNegative = false): IndicatorSeed => ({ code, nameZh, nameEn, unit: '万元', kind: 'flow', formula: null, precision: 4, allowNegative });
const count = (code: string, nameZh: string, nameEn: string, unit: string, kind: IndicatorKind): IndicatorSeed => ({ code, nameZh, nameEn, unit, kind, formula: null, precision: 0, allowNegative: false });

export const defaultIndicators: readonly IndicatorSeed[] = [
  money('revenue', '营业收入', 'Revenue'),
  money('industrial_output', '工业总产值', 'Industrial output'),
  money('profit', '利润总额', 'Total profit', true),
  money('tax', '实缴税费', 'Taxes paid'),
  money('vat_refund', '留抵退税额', 'VAT credit refunds'),
  { ...money('tax_incl_refund', '还原留抵退税后税费', 'Taxes incl. VAT refunds'), formula: 'tax + vat_refund' },
  money('rd_expense', '研发费用', 'R&D expense'),
  money('export', '出口额', 'Exports'),
  count('employees', '从业人员期末人数', 'Employees (end of period)', '人', 'stock'),
  count('rd_staff', '研发人员', 'R&D staff', '人', 'stock'),
  count('patents_granted', '专利授权数', 'Patents granted', '件', 'flow'),
  count('invention_patents_granted', '发明专利授权数', 'Invention patents granted', '件', 'flow'),
];

/** Growth of value over base: value / base − 1; null over a zero or missing base (never Infinity or 0). */
export function growth(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value == null || base == null || base === 0) return null;
  return value / base - 1;
}

/**
 * 当月: a flow's single month is ytd(P) − ytd(P − 1 month) within a year (January is itself);
 * null without last month's figure. A stock has no single month (its value already is one).
 */
export function singleMonth(kind: IndicatorKind, month: number, ytd: number | null | undefined, lastMonthYtd: number | null | undefined): number | null {
  if (kind === 'stock' || ytd == null) return null;
  if (month === 1) return ytd;
  return lastMonthYtd == null ? null : ytd - lastMonthYtd;
}

/** 地均产出: revenue in 万元 → 亿元 per km² of park area. */
export function outputPerKm2(revenueWan: number | null | undefined, areaKm2: number | null | undefined): number | null {
  if (revenueWan == null || areaKm2 == null || areaKm2 <= 0) return null;
  return revenueWan / 10_000 / areaKm2;
}

/** 劳均产出: revenue in 万元 per employee. */
export function outputPerEmployee(revenueWan: number | null | undefined, employees: number | null | undefined): number | null {
  if (revenueWan == null || employees == null || employees <= 0) return null;
  return revenueWan / employees;
}

/** Ranks among siblings: 1 = largest; ties share a rank (1, 1, 3); a missing value has no rank. */
export function ranks(values: readonly (number | null | undefined)[]): (number | null)[] {
  const present = values.filter((v): v is number => v != null);
  return values.map((v) => (v == null ? null : 1 + present.filter((o) => o > v).length));
}

/** Each value's share of the siblings' total; null when the total is zero. */
export function shares(values: readonly (number | null | undefined)[]): (number | null)[] {
  const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return values.map((v) => (v == null || total === 0 ? null : v / total));
}

/** One enterprise's figure for a group: this period's value and the prior-year figures that may stand beside it. */
export type EnterpriseFigure = {
  /** v(e, P), absent when the enterprise did not report this indicator for P. */
  value?: number | null;
  /** The prior-year figure reported with this period's report (restated), if any. */
  restatedPrior?: number | null;
  /** v(e, P − 12 months) as reported last year, if any. */
  lastYear?: number | null;
};

/** The sums a rollup row stores for one group, period and indicator. */
export type GroupSums = { value: number | null; priorValue: number | null; lflNumerator: number | null; lflDenominator: number | null; enterprises: number };

/**
 * Reference computation of a group's sums (DESIGN.md §6):
 * `current` are the figures of the enterprises whose report for P belongs to the group;
 * `priorGroup` are the values reported for P − 12 by the enterprises whose report then belonged
 * to the group (yoy compares each side over its own enterprises). Like-for-like takes the
 * enterprises with a value now and a known prior: the restated prior when present, else last year's value.
 */
export function groupSums(current: readonly EnterpriseFigure[], priorGroup: readonly (number | null | undefined)[]): GroupSums {
  let value: number | null = null;
  let num: number | null = null;
  let den: number | null = null;
  let enterprises = 0;
  for (const f of current) {
    if (f.value == null) continue;
    enterprises++;
    value = (value ?? 0) + f.value;
    const prior = f.restatedPrior ?? f.lastYear;
    if (prior == null) continue;
    num = (num ?? 0) + f.value;
    den = (den ?? 0) + prior;
  }
  const priors = priorGroup.filter((v): v is number => v != null);
  const priorValue = priors.length ? priors.reduce((s, v) => s + v, 0) : null;
  return { value, priorValue, lflNumerator: num, lflDenominator: den, enterprises };
}

/** yoy and lfl of a group's sums. */
export function groupGrowth(s: Pick<GroupSums, 'value' | 'priorValue' | 'lflNumerator' | 'lflDenominator'>): { yoy: number | null; lfl: number | null } {
  return { yoy: growth(s.value, s.priorValue), lfl: growth(s.lflNumerator, s.lflDenominator) };
}
