import { describe, expect, it } from 'vitest';
import { formatWan } from './money';

describe('formatWan', () => {
  it('formats 万元 with two decimals and thousands separators', () => {
    expect(formatWan(0)).toBe('0.00万元');
    expect(formatWan(12.3)).toBe('12.30万元');
    expect(formatWan(1234.5)).toBe('1,234.50万元');
    expect(formatWan(9999.99)).toBe('9,999.99万元');
  });

  it('switches to 亿元 at 10,000 万元', () => {
    expect(formatWan(10000)).toBe('1.00亿元');
    expect(formatWan(123456)).toBe('12.35亿元');
    expect(formatWan(123456789)).toBe('12,345.68亿元');
    // rounding that reaches 10,000 万元 switches too
    expect(formatWan(9999.996)).toBe('1.00亿元');
  });

  it('accepts numeric strings from PostgreSQL numeric columns', () => {
    expect(formatWan('1234.5678')).toBe('1,234.57万元');
    expect(formatWan(' 25000.0000 ')).toBe('2.50亿元');
  });

  it("shows '—' for missing or non-numeric values", () => {
    expect(formatWan(null)).toBe('—');
    expect(formatWan(undefined)).toBe('—');
    expect(formatWan('')).toBe('—');
    expect(formatWan('abc')).toBe('—');
    expect(formatWan(Number.NaN)).toBe('—');
    expect(formatWan(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatWan(null, { empty: '-' })).toBe('-');
  });

  it('handles negatives and rounds half away from zero', () => {
    expect(formatWan(-1234.5)).toBe('-1,234.50万元');
    expect(formatWan(-20000)).toBe('-2.00亿元');
    expect(formatWan(-0.001)).toBe('0.00万元');
    expect(formatWan(1.005)).toBe('1.01万元');
    expect(formatWan(-1.005)).toBe('-1.01万元');
    expect(formatWan(1e-7)).toBe('0.00万元');
  });

  it('supports options', () => {
    expect(formatWan(1234.5, { wanDecimals: 0 })).toBe('1,235万元');
    expect(formatWan(123456, { yiDecimals: 1 })).toBe('12.3亿元');
    expect(formatWan(1234.5, { unit: false, grouping: false })).toBe('1234.50');
    expect(formatWan(123456, { scale: 'wan' })).toBe('123,456.00万元');
    expect(formatWan(1234.5, { scale: 'yi', yiDecimals: 4 })).toBe('0.1235亿元');
  });
});
