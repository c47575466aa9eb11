/**
 * The three rates of 接诉即办 (DESIGN.md §7) over a window [from, to), as the reference the
 * server's SQL is tested against. Each rate comes with its numerator and denominator so the UI can
 * drill down; a rate over nothing is null, never NaN.
 *
 * SQL equivalent (one pass; :from, :to, :now bound; scope filters added by the caller):
 *   SELECT
 *     count(*) FILTER (WHERE created_at >= :from AND created_at < :to)                                   AS total,
 *     count(*) FILTER (WHERE created_at >= :from AND created_at < :to
 *                        AND (responded_at IS NOT NULL OR response_due_at < LEAST(:now, disposed_at)))     AS response_den,
 *     count(*) FILTER (WHERE created_at >= :from AND created_at < :to
 *                        AND responded_at <= response_due_at)                                             AS response_num,
 *     count(*) FILTER (WHERE status = 'closed' AND closed_at >= :from AND closed_at < :to)                AS resolution_den,
 *     count(*) FILTER (WHERE status = 'closed' AND closed_at >= :from AND closed_at < :to AND solved)     AS resolution_num,
 *     count(*) FILTER (WHERE rated_at >= :from AND rated_at < :to)                                        AS satisfaction_den,
 *     count(*) FILTER (WHERE rated_at >= :from AND rated_at < :to AND rating >= 4)                        AS satisfaction_num
 *   FROM work_orders
 *   WHERE (created_at >= :from AND created_at < :to) OR (closed_at >= :from AND closed_at < :to)
 *      OR (rated_at >= :from AND rated_at < :to)
 * (LEAST ignores a NULL disposed_at: an order still waiting is measured at :now, one withdrawn
 * unanswered at its withdrawal — the only disposition without a response.)
 * Grouped breakdowns attribute each order to its current park, lead department and assignee; by
 * month, each rate counts in the month (Asia/Shanghai) of its own event: creation for the response
 * rate, closing for the resolution rate, rating for satisfaction.
 */
import { parseInstant } from './calendar';
import type { WorkOrderStatus } from './work-order';

export const rateNames = ['response', 'resolution', 'satisfaction'] as const;
export type RateName = (typeof rateNames)[number];
export const rateLabels: Record<RateName, string> = { response: '响应率', resolution: '解决率', satisfaction: '满意率' };

/** The facts of one order the rates read. */
export interface RateFacts {
  status: WorkOrderStatus;
  createdAt: Date | string;
  respondedAt: Date | string | null;
  responseDueAt: Date | string;
  closedAt: Date | string | null;
  /** When it was merged, referred, declined or withdrawn (absent: not disposed of): the response clock stops there. */
  disposedAt?: Date | string | null;
  /** true: the requester confirmed solved; null: closed without confirmation (or not closed). */
  solved: boolean | null;
  ratedAt: Date | string | null;
  /** 1–5 */
  rating: number | null;
}

export interface RateCount {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface WorkOrderRates {
  /** Orders created in the window. */
  total: number;
  response: RateCount;
  resolution: RateCount;
  satisfaction: RateCount;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export interface RateWindow {
  from: Date | string;
  /** Exclusive. */
  to: Date | string;
  /** Orders not yet responded count for the response rate only once their deadline has passed (by now, or by their withdrawal). */
  now: Date | string;
}

/** numerator ÷ denominator; null over zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A satisfied rating: 4 or 5 of 5. */
export const satisfiedRating = 4;

type Ms = { from: number; to: number; now: number };
const ms = (w: RateWindow): Ms => ({ from: parseInstant(w.from), to: parseInstant(w.to), now: parseInstant(w.now) });
const inWindow = (at: Date | string | null, w: Ms) => {
  if (at == null) return false;
  const t = parseInstant(at);
  return t >= w.from && t < w.to;
};

/**
 * How an order counts for one rate: 'counted' (in the numerator), 'against' (in the denominator
 * only — the drill-down's "orders that count against the rate"), or null (not in the denominator).
 */
export function rateOutcome(order: RateFacts, rate: RateName, window: RateWindow): 'counted' | 'against' | null {
  const w = ms(window);
  switch (rate) {
    case 'response': {
      if (!inWindow(order.createdAt, w)) return null;
      const due = parseInstant(order.responseDueAt);
      if (order.respondedAt != null) return parseInstant(order.respondedAt) <= due ? 'counted' : 'against';
      // Withdrawn before anyone answered: against only if the deadline had already passed by then.
      const stoppedAt = order.disposedAt == null ? w.now : Math.min(w.now, parseInstant(order.disposedAt));
      return stoppedAt > due ? 'against' : null;
    }
    case 'resolution':
      // Merged, referred, declined and withdrawn orders are not "closed"; a reopened order is not closed either.
      if (order.status !== 'closed' || !inWindow(order.closedAt, w)) return null;
      return order.solved === true ? 'counted' : 'against';
    case 'satisfaction':
      if (!inWindow(order.ratedAt, w) || order.rating == null) return null;
      return order.rating >= satisfiedRating ? 'counted' : 'against';
  }
}

export function workOrderRates(orders: Iterable<RateFacts>, window: RateWindow): WorkOrderRates {
  const w = ms(window);
  const counts: Record<RateName, { numerator: number; denominator: number }> = {
    response: { numerator: 0, denominator: 0 },
    resolution: { numerator: 0, denominator: 0 },
    satisfaction: { numerator: 0, denominator: 0 },
  };
  let total = 0;
  for (const o of orders) {
    if (inWindow(o.createdAt, w)) total++;
    for (const rate of rateNames) {
      const outcome = rateOutcome(o, rate, window);
      if (outcome == null) continue;
      counts[rate].denominator++;
      if (outcome === 'counted') counts[rate].numerator++;
    }
  }
  const withRate = (c: { numerator: number; denominator: number }): RateCount => ({ ...c, rate: ratio(c.numerator, c.denominator) });
  const response = withRate(counts.response);
  const resolution = withRate(counts.resolution);
  const satisfaction = withRate(counts.satisfaction);
  return { total, response, resolution, satisfaction, responseRate: response.rate, resolutionRate: resolution.rate, satisfactionRate: satisfaction.rate };
}

/**
 * Weights of the composite score used to rank departments, officers and parks; the default
 * follows the common 接诉即办 assessment (响应 10%, 解决 45%, 满意 45%).
 */
export type RateWeights = Record<RateName, number>;
export const defaultRateWeights: RateWeights = { response: 0.1, resolution: 0.45, satisfaction: 0.45 };

/** Weighted mean of the rates present (a null rate drops out and the others are re-weighted); null when none is present. */
export function compositeScore(rates: Pick<WorkOrderRates, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>, weights: RateWeights = defaultRateWeights): number | null {
  const parts: [number | null, number][] = [
    [rates.responseRate, weights.response],
    [rates.resolutionRate, weights.resolution],
    [rates.satisfactionRate, weights.satisfaction],
  ];
  let sum = 0;
  let weight = 0;
  for (const [r, wt] of parts) {
    if (r == null || wt <= 0) continue;
    sum += r * wt;
    weight += wt;
  }
  return weight > 0 ? sum / weight : null;
}

const DAY_MS = 86_400_000;

/**
 * A stats window from query values: 'YYYY-MM-DD' dates are Asia/Shanghai days and `to` includes
 * its whole day (from=2025-01-01&to=2025-01-31 is January); ISO instants are taken as they are,
 * `to` exclusive. Throws RangeError (→ 400) when the window is empty or reversed.
 */
export function statsWindow(from: string, to: string): { from: Date; to: Date } {
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
  const f = parseInstant(from);
  const t = parseInstant(to) + (isDate(to) ? DAY_MS : 0);
  if (!(t > f)) throw new RangeError('统计区间的结束应晚于开始');
  return { from: new Date(f), to: new Date(t) };
}
