import { describe, expect, it } from 'vitest';
import { type CatalogEntry, checkValues, monthIncrements, parseFigure, plausibilityWarnings, usualIncrements } from './report-checks';
import { defaultIndicators } from './statistics';

const extra = (e: Pick<CatalogEntry, 'code' | 'nameZh' | 'kind'> & Partial<CatalogEntry>): CatalogEntry => ({
  unit: '万元',
  formula: null,
  precision: 2,
  minValue: null,
  maxValue: null,
  allowNegative: false,
  active: true,
  ...e,
});
const catalog: CatalogEntry[] = [
  ...defaultIndicators.map(({ nameEn: _, ...i }) => ({ ...i, minValue: null, maxValue: null, active: true })),
  extra({ code: 'old_metric', nameZh: '旧指标', kind: 'flow', active: false }),
  extra({ code: 'land_area', nameZh: '占地面积', kind: 'stock', minValue: 1, maxValue: 500 }),
  extra({ code: 'energy', nameZh: '综合能耗', kind: 'flow', minValue: 10 }),
  extra({ code: 'water', nameZh: '用水量', kind: 'flow', maxValue: 100 }),
];
const ind = (code: string) => catalog.find((c) => c.code === code)!;
const revenue = ind('revenue'); // precision 4, no negatives
const profit = ind('profit'); // precision 4, negatives allowed
const employees = ind('employees'); // precision 0

describe('parseFigure', () => {
  it('accepts numbers and numeric text', () => {
    expect(parseFigure(1234.5, revenue)).toEqual({ value: 1234.5 });
    expect(parseFigure('1234.5', revenue)).toEqual({ value: 1234.5 });
    expect(parseFigure(' 12 ', revenue)).toEqual({ value: 12 });
    expect(parseFigure('\u3000 88\u3000', revenue)).toEqual({ value: 88 });
    expect(parseFigure('+7', revenue)).toEqual({ value: 7 });
    expect(parseFigure('-20.5', profit)).toEqual({ value: -20.5 });
  });

  it('accepts thousands separators and full-width characters', () => {
    expect(parseFigure('1,234,567.89', revenue)).toEqual({ value: 1234567.89 });
    expect(parseFigure('1，234', revenue)).toEqual({ value: 1234 });
    expect(parseFigure('１２３４．５', revenue)).toEqual({ value: 1234.5 });
    expect(parseFigure('１，２３４', revenue)).toEqual({ value: 1234 });
    expect(parseFigure('－５', profit)).toEqual({ value: -5 });
  });

  it('ignores trailing zeros and binary noise when counting decimals', () => {
    expect(parseFigure('12.000', employees)).toEqual({ value: 12 });
    expect(parseFigure(0.1 + 0.2, revenue)).toEqual({ value: 0.3 });
    expect(parseFigure('-0', revenue)).toEqual({ value: 0 });
    expect(Object.is((parseFigure('-0', revenue) as { value: number }).value, 0)).toBe(true);
  });

  it('treats empty input as blank', () => {
    for (const raw of ['', '   ', '\u3000', null, undefined]) expect(parseFigure(raw, revenue)).toEqual({ blank: true });
  });

  it('refuses what is not a number', () => {
    expect(parseFigure('abc', revenue)).toEqual({ error: '应为数字，实际为“abc”' });
    expect(parseFigure('一二三四五六七八九十一二三四五六七八九十一二三', revenue)).toEqual({ error: '应为数字，实际为“一二三四五六七八九十一二三四五六七八九十”' });
    expect(parseFigure('1,5', revenue)).toEqual({ error: '应为数字，实际为“1,5”' }); // not 15, not 1.5
    expect(parseFigure('12,34', revenue)).toEqual({ error: '应为数字，实际为“12,34”' });
    expect(parseFigure('1e5', revenue)).toEqual({ error: '应为数字，实际为“1e5”' });
    expect(parseFigure('1.', revenue)).toEqual({ error: '应为数字，实际为“1.”' });
    expect(parseFigure(true, revenue)).toEqual({ error: '应为数字，实际为“true”' });
    expect(parseFigure({}, revenue)).toEqual({ error: '应为数字，实际为“[object Object]”' });
    expect(parseFigure(Number.NaN, revenue)).toEqual({ error: '应为数字，实际为“NaN”' });
    expect(parseFigure(Number.POSITIVE_INFINITY, revenue)).toEqual({ error: '应为数字，实际为“Infinity”' });
    expect(parseFigure(new Date('2025-01-01'), revenue)).toMatchObject({ error: expect.stringMatching(/^应为数字，实际为“.{1,20}”$/) });
  });

  it('refuses negatives unless the indicator allows them', () => {
    expect(parseFigure('-5', revenue)).toEqual({ error: '不能为负数' });
    expect(parseFigure(-0.01, revenue)).toEqual({ error: '不能为负数' });
    expect(parseFigure(-5, profit)).toEqual({ value: -5 });
  });

  it('refuses more decimals than the precision', () => {
    expect(parseFigure('1.23456', revenue)).toEqual({ error: '最多 4 位小数' });
    expect(parseFigure(1.00001, revenue)).toEqual({ error: '最多 4 位小数' });
    expect(parseFigure('1.2345', revenue)).toEqual({ value: 1.2345 });
    expect(parseFigure('12.5', employees)).toEqual({ error: '应为整数' });
    expect(parseFigure(12.5, employees)).toEqual({ error: '应为整数' });
  });

  it('refuses absurdly large figures', () => {
    expect(parseFigure(1e13, revenue)).toEqual({ error: '数值过大' });
    expect(parseFigure('10,000,000,000,000', revenue)).toEqual({ error: '数值过大' });
    expect(parseFigure(-1e13, profit)).toEqual({ error: '数值过大' });
    expect(parseFigure(9_999_999_999_999, revenue)).toEqual({ value: 9_999_999_999_999 });
  });
});

describe('checkValues', () => {
  it('keeps valid figures, drops blanks and names the indicator in each error', () => {
    const raw = { revenue: '1,000', profit: '-20', employees: '', tax_incl_refund: 5, nope: 1, old_metric: 3, tax: 'abc', rd_expense: -1, patents_granted: 1.5 };
    expect(checkValues(catalog, raw)).toEqual({
      values: { revenue: 1000, profit: -20 },
      errors: [
        { indicator: 'tax_incl_refund', level: 'error', message: '“还原留抵退税后税费”由公式计算，不能填报' },
        { indicator: 'nope', level: 'error', message: '未知的指标编码“nope”' },
        { indicator: 'old_metric', level: 'error', message: '指标“旧指标”已停用' },
        { indicator: 'tax', level: 'error', message: '实缴税费应为数字，实际为“abc”' },
        { indicator: 'rd_expense', level: 'error', message: '研发费用不能为负数' },
        { indicator: 'patents_granted', level: 'error', message: '专利授权数应为整数' },
      ],
    });
  });

  it('treats inherited property names as unknown codes', () => {
    const { values, errors } = checkValues(catalog, JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, unknown>);
    expect(values).toEqual({});
    expect(errors.map((e) => e.message)).toEqual(['未知的指标编码“__proto__”', '未知的指标编码“constructor”']);
  });

  it('is empty for an empty report', () => {
    expect(checkValues(catalog, {})).toEqual({ values: {}, errors: [] });
  });
});

describe('plausibilityWarnings', () => {
  const messages = (values: Record<string, number>, ctx: Parameters<typeof plausibilityWarnings>[2]) => {
    const issues = plausibilityWarnings(catalog, values, ctx);
    expect(issues.every((i) => i.level === 'warning')).toBe(true);
    return issues.map((i) => `${i.indicator}: ${i.message}`);
  };

  it('warns when a YTD falls below last month’s, and only that for the indicator', () => {
    expect(messages({ revenue: 900 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 100 } })).toEqual(['revenue: 营业收入1–3月累计低于上月累计（900 < 1,000）']);
    // A new year starts from zero: January below December is normal.
    expect(messages({ revenue: 50 }, { month: 1, lastMonth: { revenue: 1200 } })).toEqual([]);
  });

  it('warns when the month’s increment is more than 50 % off the usual', () => {
    // 1400 − 1000 = 400 against 200: off by 200 > 100
    expect(messages({ revenue: 1400 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 200 } })).toEqual(['revenue: 营业收入当月增量 400 与近期月均 200 相差超过 50%']);
    // 99 against 200: off by 101
    expect(messages({ revenue: 1099 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 200 } })).toHaveLength(1);
    // 300 and 100 against 200: off by exactly 100 is fine
    expect(messages({ revenue: 1300 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 200 } })).toEqual([]);
    expect(messages({ revenue: 1100 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 200 } })).toEqual([]);
    // January's increment is its YTD: 50 against 200
    expect(messages({ revenue: 50 }, { month: 1, usualIncrement: { revenue: 200 } })).toEqual(['revenue: 营业收入当月增量 50 与近期月均 200 相差超过 50%']);
    // 12345.6789 − 10000 = 2345.6789 against 1000 / 3, shown with the indicator's decimals
    expect(messages({ revenue: 12345.6789 }, { month: 2, lastMonth: { revenue: 10000 }, usualIncrement: { revenue: 1000 / 3 } })).toEqual([
      'revenue: 营业收入当月增量 2,345.6789 与近期月均 333.3333 相差超过 50%',
    ]);
  });

  it('skips the increment check without last month or a positive usual increment', () => {
    expect(messages({ revenue: 900 }, { month: 3, usualIncrement: { revenue: 100 } })).toEqual([]);
    expect(messages({ revenue: 5000 }, { month: 3, lastMonth: { revenue: 1000 }, usualIncrement: { revenue: 0 } })).toEqual([]);
    expect(messages({ profit: 5000 }, { month: 3, lastMonth: { profit: 1000 }, usualIncrement: { profit: -50 } })).toEqual([]);
    expect(messages({ revenue: 5000 }, { month: 3, lastMonth: { revenue: 1000 } })).toEqual([]);
  });

  it('leaves out what is legitimately irregular: a figure that may be negative, small counts, a seasonal month', () => {
    // Profit may fall within a year (a loss-making month): no falling-YTD or increment warning.
    expect(messages({ profit: -200 }, { month: 6, lastMonth: { profit: 100 }, usualIncrement: { profit: 20 } })).toEqual([]);
    // 3 patents against a usual 1: off by 2, under the noise floor of 5 for counts; 9 against 1 is flagged.
    expect(messages({ patents_granted: 13 }, { month: 4, lastMonth: { patents_granted: 10 }, usualIncrement: { patents_granted: 1 } })).toEqual([]);
    expect(messages({ patents_granted: 19 }, { month: 4, lastMonth: { patents_granted: 10 }, usualIncrement: { patents_granted: 1 } })).toHaveLength(1);
    // December's 600 is 3× the usual 200, but like last December's 550 (within ±50 %): seasonal, no warning.
    expect(messages({ revenue: 2800 }, { month: 12, lastMonth: { revenue: 2200 }, usualIncrement: { revenue: 200 }, lastYearIncrement: { revenue: 550 } })).toEqual([]);
    expect(messages({ revenue: 2800 }, { month: 12, lastMonth: { revenue: 2200 }, usualIncrement: { revenue: 200 }, lastYearIncrement: { revenue: 250 } })).toHaveLength(1);
  });

  it('warns when a stock moves more than 50 % from last month', () => {
    expect(messages({ employees: 151 }, { month: 3, lastMonth: { employees: 100 } })).toEqual(['employees: 从业人员期末人数较上月 100 变化超过 50%（本月 151）']);
    expect(messages({ employees: 49 }, { month: 1, lastMonth: { employees: 100 } })).toHaveLength(1); // stocks carry across the year
    expect(messages({ employees: 150 }, { month: 3, lastMonth: { employees: 100 } })).toEqual([]);
    expect(messages({ employees: 50 }, { month: 3, lastMonth: { employees: 0 } })).toEqual([]);
    expect(messages({ employees: 50 }, { month: 3 })).toEqual([]);
  });

  it('warns outside the plausible range, beside other warnings', () => {
    expect(messages({ land_area: 600 }, { month: 3 })).toEqual(['land_area: 占地面积超出合理范围（1–500，实际为 600）']);
    expect(messages({ land_area: 0.5 }, { month: 3 })).toEqual(['land_area: 占地面积超出合理范围（1–500，实际为 0.5）']);
    expect(messages({ land_area: 500 }, { month: 3 })).toEqual([]);
    expect(messages({ energy: 5 }, { month: 1 })).toEqual(['energy: 综合能耗超出合理范围（不低于 10，实际为 5）']);
    expect(messages({ water: 150 }, { month: 2, lastMonth: { water: 160 } })).toEqual([
      'water: 用水量1–2月累计低于上月累计（150 < 160）',
      'water: 用水量超出合理范围（不超过 100，实际为 150）',
    ]);
  });

  it('looks only at indicators with a value, in catalog order', () => {
    expect(messages({}, { month: 3, lastMonth: { revenue: 1000, employees: 100 } })).toEqual([]);
    expect(messages({ employees: 10, revenue: 1 }, { month: 3, lastMonth: { revenue: 1000, employees: 100 } }).map((m) => m.split(':')[0])).toEqual(['revenue', 'employees']);
  });
});

describe('usualIncrements', () => {
  const history: { period: string; values: Record<string, number> }[] = [
    { period: '2024-10', values: { tax: 10 } },
    { period: '2024-11', values: { revenue: 1000, patents_granted: 6, tax: 30 } },
    { period: '2024-12', values: { revenue: 1100, patents_granted: 9, employees: 80 } },
    { period: '2025-01', values: { revenue: 150, profit: -20 } },
    { period: '2025-02', values: { revenue: 330, patents_granted: 5, export: 40 } },
  ];

  it('averages the computable increments of the three months before, across a January', () => {
    expect(usualIncrements(catalog, '2025-03', history)).toEqual({
      revenue: 430 / 3, // Feb 330 − 150 = 180, Jan 150 (itself), Dec 1100 − 1000 = 100
      patents_granted: 3, // Feb lacks January's YTD, January is missing, Dec 9 − 6 = 3
      profit: -20, // January alone
      // export: February without January; tax: November is four months back; employees: a stock
    });
  });

  it('uses fewer months when an earlier one cannot be computed', () => {
    // Jan 150, Dec 100, Nov lacks October's YTD → (150 + 100) / 2
    expect(usualIncrements(catalog, '2025-02', history)).toMatchObject({ revenue: 125 });
    expect(usualIncrements(catalog, '2025-03', [])).toEqual({});
  });
});

describe('monthIncrements', () => {
  it('is the single month of each flow at the period: YTD minus last month, January itself', () => {
    const history: { period: string; values: Record<string, number> }[] = [
      { period: '2025-03', values: { revenue: 900, employees: 50 } },
      { period: '2025-02', values: { revenue: 500 } },
      { period: '2025-01', values: { revenue: 260 } },
    ];
    expect(monthIncrements(catalog, '2025-03', history)).toEqual({ revenue: 400 }); // 900 − 500; stocks have none
    expect(monthIncrements(catalog, '2025-01', history)).toEqual({ revenue: 260 });
    expect(monthIncrements(catalog, '2025-04', history)).toEqual({});
  });
});
