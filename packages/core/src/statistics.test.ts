import { describe, expect, it } from 'vitest';
import {
  addMonths,
  defaultIndicators,
  groupGrowth,
  groupSums,
  growth,
  monthsBetween,
  outputPerEmployee,
  outputPerKm2,
  periodLabel,
  periodOf,
  periodParts,
  periodPattern,
  periodRange,
  ranks,
  shanghaiPeriod,
  shares,
  singleMonth,
  yearAgo,
} from './statistics';

describe('periods', () => {
  it('splits, builds and recognises YYYY-MM', () => {
    expect(periodParts('2025-03')).toEqual({ year: 2025, month: 3 });
    expect(periodOf(2025, 3)).toBe('2025-03');
    expect(periodPattern.test('2025-12')).toBe(true);
    expect(periodPattern.test('2025-13')).toBe(false);
    expect(periodPattern.test('2025-3')).toBe(false);
  });

  it('adds months across year ends, forwards and backwards', () => {
    expect(addMonths('2025-03', 0)).toBe('2025-03');
    expect(addMonths('2025-11', 3)).toBe('2026-02'); // 11 + 3 = 14 → next year's month 2
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-03', -27)).toBe('2022-12'); // −24 → 2023-03, −3 more → 2022-12
    expect(addMonths('2025-06', 30)).toBe('2027-12'); // +24 → 2027-06, +6 → 2027-12
  });

  it('takes the same month a year earlier', () => {
    expect(yearAgo('2025-01')).toBe('2024-01');
    expect(yearAgo('2024-12')).toBe('2023-12');
  });

  it('counts months between periods', () => {
    expect(monthsBetween('2024-11', '2025-02')).toBe(3); // 12 × 1 + (2 − 11)
    expect(monthsBetween('2025-02', '2024-11')).toBe(-3);
    expect(monthsBetween('2025-05', '2025-05')).toBe(0);
  });

  it('lists a range of periods, both ends included', () => {
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2025-05', '2025-05')).toEqual(['2025-05']);
    expect(periodRange('2025-02', '2025-01')).toEqual([]);
  });

  it('takes the month in Shanghai time (UTC+8)', () => {
    // 2025-12-31 16:30 UTC = 2026-01-01 00:30 in Shanghai
    expect(shanghaiPeriod(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01');
    // 15:59:59 UTC = 23:59:59 in Shanghai, still December
    expect(shanghaiPeriod(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12');
  });

  it('labels a period as the months it accumulates', () => {
    expect(periodLabel('2025-01')).toBe('2025年1月');
    expect(periodLabel('2025-03')).toBe('2025年1–3月');
    expect(periodLabel('2025-12')).toBe('2025年1–12月');
  });
});

describe('default indicators', () => {
  it('seeds unique codes, with tax_incl_refund derived from tax and vat_refund', () => {
    const codes = defaultIndicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(defaultIndicators.find((i) => i.code === 'tax_incl_refund')?.formula).toBe('tax + vat_refund');
    expect(defaultIndicators.find((i) => i.code === 'employees')?.kind).toBe('stock');
    expect(defaultIndicators.find((i) => i.code === 'profit')?.allowNegative).toBe(true);
  });
});

describe('growth', () => {
  it('is value / base − 1', () => {
    expect(growth(120, 100)).toBeCloseTo(0.2, 12); // 120 / 100 − 1
    expect(growth(80, 100)).toBeCloseTo(-0.2, 12); // 80 / 100 − 1
    expect(growth(100, 100)).toBe(0);
    expect(growth(0, 50)).toBe(-1);
  });

  it('is null over a zero or missing base, or without a value', () => {
    expect(growth(5, 0)).toBeNull();
    expect(growth(100, null)).toBeNull();
    expect(growth(100, undefined)).toBeNull();
    expect(growth(null, 100)).toBeNull();
    expect(growth(undefined, 100)).toBeNull();
  });

  it('keeps the plain formula over a negative base', () => {
    expect(growth(50, -100)).toBeCloseTo(-1.5, 12); // 50 / −100 − 1 = −0.5 − 1
    expect(growth(-50, -100)).toBeCloseTo(-0.5, 12); // −50 / −100 − 1 = 0.5 − 1
  });
});

describe('singleMonth', () => {
  it('is the YTD itself in January', () => {
    expect(singleMonth('flow', 1, 300, 999)).toBe(300);
    expect(singleMonth('flow', 1, 300, undefined)).toBe(300);
  });

  it('is the difference of YTDs in later months', () => {
    expect(singleMonth('flow', 3, 900, 600)).toBe(300); // 900 − 600
    expect(singleMonth('flow', 12, 1000, 1100)).toBe(-100); // a downward revision shows as negative
  });

  it('is null for a stock, without this month, or without last month', () => {
    expect(singleMonth('stock', 3, 50, 40)).toBeNull();
    expect(singleMonth('stock', 1, 50, null)).toBeNull();
    expect(singleMonth('flow', 3, 900, null)).toBeNull();
    expect(singleMonth('flow', 3, 900, undefined)).toBeNull();
    expect(singleMonth('flow', 3, null, 600)).toBeNull();
  });
});

describe('output per km² and per employee', () => {
  it('converts 万元 to 亿元 per km²', () => {
    expect(outputPerKm2(250_000, 2.5)).toBeCloseTo(10, 12); // 250,000 万元 = 25 亿元; 25 / 2.5
    expect(outputPerKm2(12_345, 0.5)).toBeCloseTo(2.469, 12); // 1.2345 亿元 / 0.5
  });

  it('is null without revenue or a positive area', () => {
    expect(outputPerKm2(250_000, 0)).toBeNull();
    expect(outputPerKm2(250_000, -1)).toBeNull();
    expect(outputPerKm2(250_000, null)).toBeNull();
    expect(outputPerKm2(null, 2)).toBeNull();
  });

  it('divides 万元 by employees', () => {
    expect(outputPerEmployee(5_000, 200)).toBeCloseTo(25, 12); // 5,000 / 200
    expect(outputPerEmployee(1_000, 3)).toBeCloseTo(333.3333333, 6);
    expect(outputPerEmployee(5_000, 0)).toBeNull();
    expect(outputPerEmployee(5_000, undefined)).toBeNull();
    expect(outputPerEmployee(null, 200)).toBeNull();
  });
});

describe('ranks and shares', () => {
  it('ranks 1 = largest, ties share a rank and the next is skipped', () => {
    // 5 and 5 share 1; 3 has two larger → 3; 1 has three larger → 4
    expect(ranks([5, 3, 5, 1])).toEqual([1, 3, 1, 4]);
    expect(ranks([2, null, 7, undefined])).toEqual([2, null, 1, null]);
    expect(ranks([])).toEqual([]);
  });

  it('divides each value by the total of the present ones', () => {
    const s = shares([1, 3, null]); // total 4
    expect(s[0]).toBeCloseTo(0.25, 12);
    expect(s[1]).toBeCloseTo(0.75, 12);
    expect(s[2]).toBeNull();
  });

  it('is null when the total is zero', () => {
    expect(shares([0, 0])).toEqual([null, null]);
    expect(shares([-1, 1])).toEqual([null, null]);
  });
});

describe('groupSums and groupGrowth', () => {
  // A continues (120 now, 100 last year); B restated its prior figure to 50 (published 40 last year);
  // C entered (30 now, nothing last year); L left (80 last year, nothing now).
  const current = [
    { value: 120, lastYear: 100 },
    { value: 60, restatedPrior: 50, lastYear: 40 },
    { value: 30 },
    { value: null, lastYear: 80 },
  ];
  const priorGroup = [100, 40, 80]; // last year's group, as published: A, B and L

  it('sums this year over reporters and last year over last year’s group', () => {
    expect(groupSums(current, priorGroup)).toEqual({
      value: 210, // 120 + 60 + 30: the entrant counts, the leaver does not
      priorValue: 220, // 100 + 40 + 80: B as published, the leaver counts
      lflNumerator: 180, // 120 + 60: enterprises with a known prior only
      lflDenominator: 150, // 100 + 50: B's restated prior replaces its published 40
      enterprises: 3,
    });
  });

  it('derives yoy over each side’s own enterprises and lfl over the same ones', () => {
    const g = groupGrowth(groupSums(current, priorGroup));
    expect(g.yoy).toBeCloseTo(-1 / 22, 12); // 210 / 220 − 1
    expect(g.lfl).toBeCloseTo(0.2, 12); // 180 / 150 − 1
  });

  it('uses a restated zero prior rather than last year’s value', () => {
    expect(groupSums([{ value: 10, restatedPrior: 0, lastYear: 8 }], [8])).toMatchObject({ lflNumerator: 10, lflDenominator: 0 });
  });

  it('has null growth over a zero or missing base', () => {
    expect(groupGrowth(groupSums([{ value: 10 }], [0]))).toEqual({ yoy: null, lfl: null });
    expect(groupGrowth(groupSums([{ value: 10, lastYear: 0 }], [0]))).toEqual({ yoy: null, lfl: null });
    expect(groupSums([{ value: 10 }], [null, undefined])).toMatchObject({ value: 10, priorValue: null, lflNumerator: null, lflDenominator: null });
  });

  it('is empty without reporters', () => {
    expect(groupSums([], [])).toEqual({ value: null, priorValue: null, lflNumerator: null, lflDenominator: null, enterprises: 0 });
  });

  it('sums stocks and flows alike; only a flow has a single month', () => {
    // Two enterprises; January and February. As a flow these are YTDs, as a stock head counts.
    const jan = groupSums([{ value: 40 }, { value: 50 }], []); // 90
    const feb = groupSums([{ value: 100 }, { value: 110 }], []); // 210
    expect([jan.value, feb.value]).toEqual([90, 210]);
    expect(singleMonth('flow', 2, feb.value, jan.value)).toBe(120); // 210 − 90
    expect(singleMonth('flow', 1, jan.value, null)).toBe(90);
    expect(singleMonth('stock', 2, feb.value, jan.value)).toBeNull();
  });
});
