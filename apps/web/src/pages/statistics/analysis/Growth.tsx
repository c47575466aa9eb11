import { formatGrowth, growthDirection } from '../../../lib/figures';

/** Rising red, falling green (the Chinese convention for economic figures); '—' when there is no growth. */
export const growthColors = { up: '#cf1322', down: '#389e0d', flat: undefined } as const;

/** A growth rate as '+12.3%' / '−4.0%' / '—', coloured by direction. */
export function Growth({ value, testId }: { value: number | null | undefined; testId?: string }) {
  const dir = growthDirection(value);
  return (
    <span style={{ color: dir ? growthColors[dir] : undefined, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatGrowth(value)}
    </span>
  );
}
