/**
 * Number formatting of statistics figures (DESIGN.md §4, §6), one place for every page:
 * a value with its indicator's unit and precision (万元 switches to 亿元 through core's formatWan),
 * growth as "+12.3%" / "−4.0%" / "—", shares, 地均 and 劳均.
 */
import { formatWan } from '@zhiyuan/core';

/** Shown for a missing figure or a growth over a zero or missing base. */
export const noFigure = '—';
/** U+2212, the typographic minus (growth and changes read better with it than with a hyphen). */
const minus = '\u2212';

/** The part of an indicator the formatting needs. */
export type FigureUnit = { unit: string; precision: number };

export type FigureOptions = {
  /** Decimals shown (default: the indicator's precision; for 亿元 2). */
  decimals?: number;
  /** 'auto' (default): 万元 amounts of 1 亿 or more in 亿元; 'wan' / 'yi' force one. Other units ignore it. */
  scale?: 'auto' | 'wan' | 'yi';
  /** Append the unit (default true). */
  unit?: boolean;
  /** Trailing zeros of the decimals dropped (1,234.5000 → 1,234.5; default false). */
  trim?: boolean;
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function trimZeros(text: string): string {
  return text.replace(/(\.\d*?)0+(?=\D*$)/, '$1').replace(/\.(?=\D*$)/, '');
}

/** A plain number with thousands separators and a fixed number of decimals ('—' for null). */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (!isNumber(value)) return noFigure;
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A figure with its unit: `formatFigure(1234.5, {unit:'万元', precision: 4})` → '1,234.5000万元',
 * 123456 万元 → '12.35亿元', `formatFigure(12, {unit:'人', precision:0})` → '12人', null → '—'.
 */
export function formatFigure(value: number | null | undefined, ind: FigureUnit, opts: FigureOptions = {}): string {
  if (!isNumber(value)) return noFigure;
  const withUnit = opts.unit ?? true;
  let text: string;
  if (ind.unit === '万元') {
    const decimals = opts.decimals ?? ind.precision;
    text = formatWan(value, { wanDecimals: decimals, yiDecimals: opts.decimals ?? 2, scale: opts.scale ?? 'auto', unit: withUnit });
  } else {
    text = formatNumber(value, opts.decimals ?? ind.precision) + (withUnit ? ind.unit : '');
  }
  text = text.replace(/^-/, minus);
  return opts.trim ? trimZeros(text) : text;
}

/** The unit a column of 万元 figures is shown in when all of it is forced to one scale. */
export function scaledUnit(ind: FigureUnit, scale: 'wan' | 'yi'): string {
  return ind.unit === '万元' && scale === 'yi' ? '亿元' : ind.unit;
}

/** A change in the indicator's unit with an explicit sign: '+1,200.00万元', '−35人', '—'. */
export function formatChange(value: number | null | undefined, ind: FigureUnit, opts: FigureOptions = {}): string {
  if (!isNumber(value)) return noFigure;
  const text = formatFigure(Math.abs(value), ind, opts);
  return value > 0 ? `+${text}` : value < 0 ? `${minus}${text}` : text;
}

/**
 * Growth (a ratio, 0.123 = 12.3%) as '+12.3%', '−4.0%', '0.0%'; '—' for null (a zero or missing base,
 * DESIGN.md §6). `decimals` of the percentage (default 1).
 */
export function formatGrowth(g: number | null | undefined, decimals = 1): string {
  if (!isNumber(g)) return noFigure;
  const pct = g * 100;
  const text = Math.abs(pct).toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (Number(Math.abs(pct).toFixed(decimals)) === 0) return `${(0).toFixed(decimals)}%`;
  return `${pct > 0 ? '+' : minus}${text}%`;
}

/** Which way a growth goes (for a colour or an arrow); null when there is none. */
export function growthDirection(g: number | null | undefined, decimals = 1): 'up' | 'down' | 'flat' | null {
  if (!isNumber(g)) return null;
  const rounded = Number((g * 100).toFixed(decimals));
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

/** A share of a total (0.123 → '12.3%'); '—' for null. */
export function formatShare(s: number | null | undefined, decimals = 1): string {
  if (!isNumber(s)) return noFigure;
  return `${(s * 100).toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
}

/** 地均产出 in 亿元/km² (core's outputPerKm2). */
export function formatPerKm2(v: number | null | undefined, decimals = 2): string {
  return isNumber(v) ? `${formatNumber(v, decimals).replace(/^-/, minus)}亿元/km²` : noFigure;
}

/** 劳均产出 in 万元/人 (core's outputPerEmployee). */
export function formatPerEmployee(v: number | null | undefined, decimals = 2): string {
  return isNumber(v) ? `${formatNumber(v, decimals).replace(/^-/, minus)}万元/人` : noFigure;
}

/** The step of an InputNumber with this many decimals (0 → 1, 2 → 0.01). */
export const stepOf = (precision: number) => (precision > 0 ? Number(`1e-${precision}`) : 1);
