// Display of statistics money, stored in 万元 (DESIGN.md §4): 万元 below 1 亿, 亿元 from 10,000 万元.

export interface FormatWanOptions {
  /** decimals shown in 万元 (default 2) */
  wanDecimals?: number;
  /** decimals shown in 亿元 (default 2) */
  yiDecimals?: number;
  /** append the unit (default true) */
  unit?: boolean;
  /** thousands separators (default true) */
  grouping?: boolean;
  /** 'auto' (default) switches to 亿元 at ≥ 10,000 万元; 'wan' / 'yi' force a unit */
  scale?: 'auto' | 'wan' | 'yi';
  /** shown for null, undefined, '' and non-numbers (default '—') */
  empty?: string;
}

const WAN_PER_YI = 10_000;

/** Round half away from zero at `decimals`, avoiding binary artefacts such as 1.005 → 1.00. */
function roundTo(value: number, decimals: number): number {
  const abs = Math.abs(value);
  const text = String(abs);
  let rounded: number;
  if (text.includes('e')) {
    rounded = Math.round(abs * 10 ** decimals) / 10 ** decimals;
  } else {
    // Shift the decimal point in the decimal string, not in binary.
    const shifted = Math.round(Number(`${text}e${decimals}`));
    const shiftedText = String(shifted);
    rounded = shiftedText.includes('e') ? shifted / 10 ** decimals : Number(`${shiftedText}e-${decimals}`);
  }
  return value < 0 ? -rounded : rounded;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function toFixedString(value: number, decimals: number, grouping: boolean): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  const body = (grouping ? group(intPart) : intPart) + (frac ? `.${frac}` : '');
  return value < 0 && Number(fixed) !== 0 ? `-${body}` : body;
}

/**
 * Format an amount in 万元: `formatWan(1234.5)` → '1,234.50万元', `formatWan(123456)` → '12.35亿元',
 * `formatWan(null)` → '—'. Accepts numeric strings as returned for PostgreSQL numeric columns.
 */
export function formatWan(value: number | string | null | undefined, opts: FormatWanOptions = {}): string {
  const empty = opts.empty ?? '—';
  if (value === null || value === undefined) return empty;
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value.trim());
  if (!Number.isFinite(n)) return empty;

  const wanDecimals = opts.wanDecimals ?? 2;
  const yiDecimals = opts.yiDecimals ?? 2;
  const grouping = opts.grouping ?? true;
  const withUnit = opts.unit ?? true;
  const scale = opts.scale ?? 'auto';

  const roundedWan = roundTo(n, wanDecimals);
  const useYi = scale === 'yi' || (scale === 'auto' && Math.abs(roundedWan) >= WAN_PER_YI);
  if (useYi) {
    const yi = roundTo(n / WAN_PER_YI, yiDecimals);
    return toFixedString(yi, yiDecimals, grouping) + (withUnit ? '亿元' : '');
  }
  return toFixedString(roundedWan, wanDecimals, grouping) + (withUnit ? '万元' : '');
}
