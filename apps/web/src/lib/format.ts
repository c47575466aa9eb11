import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business time zone (DESIGN.md §4): times are shown in Asia/Shanghai wherever the browser is. */
export const businessTz = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined, precision: 'second' | 'minute' = 'second'): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(businessTz).format(precision === 'minute' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(businessTz).format('YYYY-MM-DD') : iso;
}

export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs(iso).isAfter(dayjs());
}

export { dayjs };

/**
 * A rate or share (0.923 → '92.3%'); '—' for null, a rate over nothing (DESIGN.md §7), never
 * '0%' or 'NaN%'. `decimals` of the percentage (default 1).
 */
export function formatPercent(rate: number | null | undefined, decimals = 1): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
}
