import { describe, expect, it } from 'vitest';
import { compositeScore, rateOutcome, ratio, statsWindow, workOrderRates, type RateFacts } from './work-order-rates';

const sh = (local: string) => `${local}+08:00`;
/** An order created at `created` with a 2-hour response deadline and nothing else happened. */
const order = (created: string, more: Partial<RateFacts> = {}): RateFacts => ({
  status: 'submitted',
  createdAt: sh(created),
  respondedAt: null,
  responseDueAt: new Date(Date.parse(sh(created)) + 2 * 3_600_000).toISOString(),
  closedAt: null,
  disposedAt: null,
  solved: null,
  ratedAt: null,
  rating: null,
  ...more,
});

// March 2025 in Asia/Shanghai, looked at on 10 April.
const march = { from: sh('2025-03-01T00:00:00'), to: sh('2025-04-01T00:00:00'), now: sh('2025-04-10T09:00:00') };

const orders: Record<string, RateFacts> = {
  // responded in time, confirmed solved, rated 5
  A: order('2025-03-05T10:00:00', { status: 'closed', respondedAt: sh('2025-03-05T11:00:00'), closedAt: sh('2025-03-10T10:00:00'), solved: true, ratedAt: sh('2025-03-11T10:00:00'), rating: 5 }),
  // responded an hour late, closed by staff without confirmation, rated 3
  B: order('2025-03-06T10:00:00', { status: 'closed', respondedAt: sh('2025-03-06T13:00:00'), closedAt: sh('2025-03-12T10:00:00'), solved: null, ratedAt: sh('2025-03-13T10:00:00'), rating: 3 }),
  // created on the last evening, never responded, deadline passed by `now`
  C: order('2025-03-31T23:30:00'),
  // created in February, closed solved in March: resolution only
  D: order('2025-02-20T10:00:00', { status: 'closed', respondedAt: sh('2025-02-20T10:30:00'), closedAt: sh('2025-03-02T10:00:00'), solved: true }),
  // declined after a timely response: not "closed"
  E: order('2025-03-15T10:00:00', { status: 'declined', respondedAt: sh('2025-03-15T10:20:00') }),
  // closed, rated 4, then reopened: no longer closed, but its rating stands
  F: order('2025-03-16T10:00:00', { status: 'in_progress', respondedAt: sh('2025-03-16T10:05:00'), ratedAt: sh('2025-03-18T10:00:00'), rating: 4 }),
  // closed exactly at the window's end: the end is exclusive
  G: order('2025-03-17T10:00:00', { status: 'closed', respondedAt: sh('2025-03-17T10:05:00'), closedAt: sh('2025-04-01T00:00:00'), solved: true }),
  // April: outside in every respect
  H: order('2025-04-02T10:00:00', { status: 'closed', respondedAt: sh('2025-04-02T10:05:00'), closedAt: sh('2025-04-03T10:00:00'), solved: true, ratedAt: sh('2025-04-03T11:00:00'), rating: 5 }),
};

describe('withdrawn orders', () => {
  // Created 10:00, response due 12:00.
  const withdrawn = (at: string, more: Partial<RateFacts> = {}) => order('2025-03-20T10:00:00', { status: 'withdrawn', disposedAt: sh(at), ...more });

  it('withdrawn before anyone answered: left out of the response rate unless its deadline had passed by then', () => {
    expect(rateOutcome(withdrawn('2025-03-20T11:00:00'), 'response', march)).toBeNull();
    expect(rateOutcome(withdrawn('2025-03-20T12:00:00'), 'response', march)).toBeNull(); // at the deadline: not yet late
    expect(rateOutcome(withdrawn('2025-03-20T12:00:01'), 'response', march)).toBe('against');
    // The clock stops at the earlier of now and the withdrawal.
    expect(rateOutcome(withdrawn('2025-03-20T15:00:00'), 'response', { ...march, now: sh('2025-03-20T11:00:00') })).toBeNull();
  });

  it('withdrawn after a response: the response counts as it was; never closed, so never in the resolution rate', () => {
    const answered = withdrawn('2025-03-25T10:00:00', { respondedAt: sh('2025-03-20T10:30:00') });
    expect(rateOutcome(answered, 'response', march)).toBe('counted');
    expect(rateOutcome(answered, 'resolution', march)).toBeNull();
    const r = workOrderRates([answered, withdrawn('2025-03-20T11:00:00'), withdrawn('2025-03-21T09:00:00')], march);
    expect(r.total).toBe(3);
    expect(r.response).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(r.resolution).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});

describe('workOrderRates', () => {
  it('computes the hand-worked March example', () => {
    const r = workOrderRates(Object.values(orders), march);
    expect(r.total).toBe(6); // A B C E F G
    // responded in time: A E F G; against: B (late) and C (never, deadline passed)
    expect(r.response).toEqual({ numerator: 4, denominator: 6, rate: 4 / 6 });
    // closed in March: A (solved), B (unconfirmed), D (solved); not E (declined), F (reopened), G (April)
    expect(r.resolution).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    // rated in March: A 5, B 3, F 4
    expect(r.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect([r.responseRate, r.resolutionRate, r.satisfactionRate]).toEqual([4 / 6, 2 / 3, 2 / 3]);
  });

  it('leaves out an order not yet responded whose deadline has not passed', () => {
    const early = { ...march, now: sh('2025-04-01T00:30:00') }; // C is due at 01:30
    expect(workOrderRates(Object.values(orders), early).response).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    expect(rateOutcome(orders.C!, 'response', early)).toBeNull();
    expect(rateOutcome(orders.C!, 'response', march)).toBe('against');
  });

  it('is null, never NaN, over nothing', () => {
    const r = workOrderRates([], march);
    expect(r).toEqual({
      total: 0,
      response: { numerator: 0, denominator: 0, rate: null },
      resolution: { numerator: 0, denominator: 0, rate: null },
      satisfaction: { numerator: 0, denominator: 0, rate: null },
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
    });
    expect(ratio(0, 0)).toBeNull();
  });

  it('says which orders count against each rate (the drill-down)', () => {
    const against = (rate: 'response' | 'resolution' | 'satisfaction') =>
      Object.entries(orders)
        .filter(([, o]) => rateOutcome(o, rate, march) === 'against')
        .map(([k]) => k);
    expect(against('response')).toEqual(['B', 'C']);
    expect(against('resolution')).toEqual(['B']);
    expect(against('satisfaction')).toEqual(['B']);
    expect(rateOutcome(orders.A!, 'response', march)).toBe('counted');
    expect(rateOutcome(orders.H!, 'satisfaction', march)).toBeNull();
  });

  it('a response exactly at the deadline is in time', () => {
    const o = order('2025-03-20T10:00:00', { respondedAt: sh('2025-03-20T12:00:00'), status: 'accepted' });
    expect(rateOutcome(o, 'response', march)).toBe('counted');
  });
});

describe('compositeScore', () => {
  it('weights response 10%, resolution and satisfaction 45% each', () => {
    expect(compositeScore({ responseRate: 1, resolutionRate: 0.5, satisfactionRate: 0 })).toBeCloseTo(0.1 + 0.225, 12);
  });
  it('re-weights over the rates present', () => {
    expect(compositeScore({ responseRate: 0.5, resolutionRate: null, satisfactionRate: 1 })).toBeCloseTo((0.05 + 0.45) / 0.55, 12);
    expect(compositeScore({ responseRate: null, resolutionRate: null, satisfactionRate: null })).toBeNull();
  });
});

describe('statsWindow', () => {
  it('reads dates as whole Shanghai days, `to` included', () => {
    expect(statsWindow('2025-03-01', '2025-03-31')).toEqual({ from: new Date('2025-02-28T16:00:00Z'), to: new Date('2025-03-31T16:00:00Z') });
    expect(statsWindow('2025-03-01', '2025-03-01').to.toISOString()).toBe('2025-03-01T16:00:00.000Z');
  });
  it('takes instants as given, `to` exclusive', () => {
    expect(statsWindow('2025-03-01T00:00:00+08:00', '2025-04-01T00:00:00+08:00')).toEqual({ from: new Date('2025-02-28T16:00:00Z'), to: new Date('2025-03-31T16:00:00Z') });
  });
  it('refuses an empty or reversed window', () => {
    expect(() => statsWindow('2025-03-02', '2025-03-01')).toThrow('统计区间的结束应晚于开始');
    expect(() => statsWindow('2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z')).toThrow(RangeError);
  });
});
