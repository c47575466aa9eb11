import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { chineseDaysSeed } from './calendar-seed';
import {
  deadlineRuleFor,
  defaultDeadlineRules,
  extendedResolveDue,
  isDeadlineNear,
  overdueState,
  restartedResolveDue,
  workingHoursBetween,
  workingHoursHorizon,
  workOrderDeadlines,
} from './work-order-deadlines';
import type { WorkOrderPriority, WorkOrderType } from './work-order';

// The real arrangements: Spring Festival 2025 off 01-28 … 02-04, worked Sun 01-26 and Sat 02-08;
// National Day 2025 off 10-01 … 10-08, worked Sun 09-28 and Sat 10-11.
const cal = createCalendar(chineseDaysSeed([2025, 2026]), [2025, 2026]);
/** Asia/Shanghai wall time → Date. */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The end of a Shanghai day as the API states it. */
const endOf = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();
const rule = (type: WorkOrderType, priority: WorkOrderPriority = 'normal') => deadlineRuleFor(defaultDeadlineRules, type, priority);

describe('rules', () => {
  it('has the issue defaults for every type × priority', () => {
    expect(defaultDeadlineRules).toHaveLength(8);
    expect([rule('inquiry'), rule('help'), rule('complaint'), rule('suggestion')].map((r) => [r.responseHours, r.resolveWorkingDays])).toEqual([
      [2, 3],
      [2, 5],
      [2, 10],
      [2, 10],
    ]);
    expect([rule('inquiry', 'urgent'), rule('help', 'urgent'), rule('complaint', 'urgent'), rule('suggestion', 'urgent')].map((r) => [r.responseHours, r.resolveWorkingDays])).toEqual([
      [1, 1],
      [1, 2],
      [1, 5],
      [1, 5],
    ]);
  });

  it('uses the configured rule, falling back to the default when one is missing', () => {
    const configured = [{ type: 'help' as const, priority: 'normal' as const, responseHours: 4, resolveWorkingDays: 7 }];
    expect(deadlineRuleFor(configured, 'help', 'normal')).toEqual(configured[0]);
    expect(deadlineRuleFor(configured, 'complaint', 'urgent').resolveWorkingDays).toBe(5);
  });
});

describe('workOrderDeadlines', () => {
  it('response in calendar hours, resolution at the end of the N-th working day', () => {
    const d = workOrderDeadlines(cal, sh('2025-03-14T10:00:00'), rule('inquiry')); // Friday
    expect(d.responseDueAt).toBe(sh('2025-03-14T12:00:00').toISOString());
    expect(d.resolveDueAt).toBe(endOf('2025-03-19')); // Mon 17, Tue 18, Wed 19
    expect(d.usedFallbackYears).toEqual([]);
  });

  it('counts from the Shanghai date, not the UTC one', () => {
    // 01:00 Monday in Shanghai is still Sunday in UTC.
    expect(workOrderDeadlines(cal, '2025-03-16T17:00:00Z', rule('inquiry')).resolveDueAt).toBe(endOf('2025-03-20'));
    // The response clock runs through the night: 17:30 + 2 h.
    expect(workOrderDeadlines(cal, sh('2025-01-27T17:30:00'), rule('help')).responseDueAt).toBe(sh('2025-01-27T19:30:00').toISOString());
    expect(workOrderDeadlines(cal, sh('2025-01-27T17:30:00'), rule('help', 'urgent')).responseDueAt).toBe(sh('2025-01-27T18:30:00').toISOString());
  });

  it('Spring Festival 2025: the holiday is skipped, the make-up Sunday and Saturday count', () => {
    // Friday 01-24: Sun 01-26 (补班) 1, Mon 01-27 2, holidays 01-28…02-04, Wed 02-05 3.
    expect(workOrderDeadlines(cal, sh('2025-01-24T10:00:00'), rule('inquiry')).resolveDueAt).toBe(endOf('2025-02-05'));
    // Monday 01-27, the last day before the holiday: 02-05, 06, 07, Sat 02-08 (补班), Mon 02-10.
    expect(workOrderDeadlines(cal, sh('2025-01-27T16:00:00'), rule('help')).resolveDueAt).toBe(endOf('2025-02-10'));
    expect(workOrderDeadlines(cal, sh('2025-01-27T16:00:00'), rule('complaint')).resolveDueAt).toBe(endOf('2025-02-17'));
    // Submitted during the holiday: the first working day after it.
    expect(workOrderDeadlines(cal, sh('2025-02-01T11:00:00'), rule('inquiry', 'urgent')).resolveDueAt).toBe(endOf('2025-02-05'));
    // Friday 02-07: Sat 02-08 (补班) 1, Mon 02-10 2.
    expect(workOrderDeadlines(cal, sh('2025-02-07T09:00:00'), rule('help', 'urgent')).resolveDueAt).toBe(endOf('2025-02-10'));
  });

  it('National Day 2025: off 10-01…10-08, Sun 09-28 and Sat 10-11 worked', () => {
    // Friday 09-26: Sun 09-28 (补班) 1, Mon 09-29 2, Tue 09-30 3.
    expect(workOrderDeadlines(cal, sh('2025-09-26T15:00:00'), rule('inquiry')).resolveDueAt).toBe(endOf('2025-09-30'));
    // Tuesday 09-30: Thu 10-09, Fri 10-10, Sat 10-11 (补班), Mon 10-13, Tue 10-14.
    expect(workOrderDeadlines(cal, sh('2025-09-30T16:00:00'), rule('help')).resolveDueAt).toBe(endOf('2025-10-14'));
    expect(workOrderDeadlines(cal, sh('2025-09-30T16:00:00'), rule('complaint')).resolveDueAt).toBe(endOf('2025-10-21'));
  });

  it('a year without a calendar falls back to Monday–Friday and says so', () => {
    expect(workOrderDeadlines(cal, sh('2027-03-05T10:00:00'), rule('inquiry')).usedFallbackYears).toEqual([2027]);
  });
});

describe('extensions and reopening', () => {
  it('an extension adds working days to the current due date', () => {
    expect(extendedResolveDue(cal, endOf('2025-01-27'), 3).dueAt).toBe(endOf('2025-02-07'));
    expect(extendedResolveDue(cal, endOf('2025-09-30'), 2).dueAt).toBe(endOf('2025-10-10'));
    expect(() => extendedResolveDue(cal, endOf('2025-09-30'), 0)).toThrow(RangeError);
  });

  it('a reopened order gets a fresh resolution deadline from the reopening', () => {
    // Reopened on the make-up Saturday 10-11: 13, 14, 15, 16, 17.
    expect(restartedResolveDue(cal, sh('2025-10-11T10:00:00'), rule('help')).dueAt).toBe(endOf('2025-10-17'));
  });
});

describe('workingHoursBetween (09:00–18:00 Asia/Shanghai on working days)', () => {
  it.each([
    ['within a day', '2025-03-17T10:00:00', '2025-03-17T15:00:00', 5],
    ['half an hour', '2025-03-17T10:00:00', '2025-03-17T10:30:00', 0.5],
    ['outside office hours count nothing', '2025-03-17T08:00:00', '2025-03-17T20:00:00', 9],
    ['over a weekend', '2025-03-14T16:00:00', '2025-03-17T10:00:00', 3],
    ['over Spring Festival', '2025-01-27T17:00:00', '2025-02-05T10:00:00', 2],
    ['the make-up Sunday counts', '2025-01-25T12:00:00', '2025-01-26T12:00:00', 3],
    ['the make-up Saturday counts in full', '2025-02-07T18:00:00', '2025-02-10T09:00:00', 9],
    ['over National Day', '2025-09-30T14:00:00', '2025-10-09T11:00:00', 6],
    ['the make-up Sunday before National Day', '2025-09-27T00:00:00', '2025-09-29T00:00:00', 9],
    ['inside the holiday', '2025-10-02T09:00:00', '2025-10-06T18:00:00', 0],
  ])('%s', (_name, from, to, hours) => {
    expect(workingHoursBetween(cal, sh(from), sh(to))).toBeCloseTo(hours, 9);
  });

  it('is negative backwards and does not depend on how the instant is written', () => {
    expect(workingHoursBetween(cal, sh('2025-03-17T10:00:00'), sh('2025-03-14T16:00:00'))).toBeCloseTo(-3, 9);
    expect(workingHoursBetween(cal, '2025-03-17T01:00:00Z', '2025-03-17T10:00:00Z')).toBe(9);
    expect(workingHoursBetween(cal, '2025-03-17T09:00:00', '2025-03-17T18:00:00')).toBe(9); // no offset = Shanghai
  });
});

describe('deadline near (within 4 working hours)', () => {
  const h = (from: string, hours: number) => workingHoursHorizon(cal, sh(from), hours).toISOString();

  it('finds the horizon where the working hours run out', () => {
    expect(h('2025-03-17T10:00:00', 4)).toBe(sh('2025-03-17T14:00:00').toISOString());
    // Used up exactly at 18:00: everything up to the next opening is still within 4 hours.
    expect(h('2025-03-17T14:00:00', 4)).toBe(sh('2025-03-18T09:00:00').toISOString());
    expect(h('2025-03-14T16:00:00', 4)).toBe(sh('2025-03-17T11:00:00').toISOString());
    expect(h('2025-01-27T16:00:00', 4)).toBe(sh('2025-02-05T11:00:00').toISOString());
    expect(h('2025-01-25T20:00:00', 4)).toBe(sh('2025-01-26T13:00:00').toISOString()); // 补班 Sunday
    expect(h('2025-03-17T20:00:00', 0)).toBe(sh('2025-03-18T09:00:00').toISOString());
  });

  it('agrees with workingHoursBetween', () => {
    for (const from of ['2025-01-24T15:30:00', '2025-02-07T17:45:00', '2025-09-30T11:00:00', '2025-10-10T16:20:00']) {
      const horizon = workingHoursHorizon(cal, sh(from), 4);
      expect(workingHoursBetween(cal, sh(from), horizon), from).toBeCloseTo(4, 9);
      expect(workingHoursBetween(cal, sh(from), new Date(horizon.getTime() + 60_000)), from).toBeGreaterThan(4);
    }
  });

  it('flags a resolution deadline from 14:00 of its day', () => {
    const due = endOf('2025-03-17');
    expect(isDeadlineNear(cal, sh('2025-03-17T13:59:00'), due)).toBe(false);
    expect(isDeadlineNear(cal, sh('2025-03-17T14:00:00'), due)).toBe(true);
    expect(isDeadlineNear(cal, sh('2025-03-17T23:00:00'), due)).toBe(true);
    expect(isDeadlineNear(cal, sh('2025-03-18T00:00:00'), due)).toBe(false); // passed: overdue, not near
  });

  it('does not flag a deadline after Spring Festival on the eve of the holiday', () => {
    const due = endOf('2025-02-05');
    expect(isDeadlineNear(cal, sh('2025-01-27T17:00:00'), due)).toBe(false); // 1 h + 9 h left
    expect(isDeadlineNear(cal, sh('2025-02-05T14:30:00'), due)).toBe(true);
  });
});

describe('overdueState', () => {
  const base = {
    responseDueAt: sh('2025-03-17T12:00:00'),
    resolveDueAt: endOf('2025-03-20'),
    respondedAt: null,
    repliedAt: null,
  };
  const now = (local: string) => sh(local);

  it('response: pending, overdue, met, late', () => {
    expect(overdueState({ ...base, status: 'submitted' }, now('2025-03-17T11:00:00'))).toEqual({ response: 'pending', resolution: 'pending', overdue: false });
    expect(overdueState({ ...base, status: 'submitted' }, now('2025-03-17T12:00:01'))).toEqual({ response: 'overdue', resolution: 'pending', overdue: true });
    expect(overdueState({ ...base, status: 'accepted', respondedAt: sh('2025-03-17T12:00:00') }, now('2025-03-18T09:00:00')).response).toBe('met');
    expect(overdueState({ ...base, status: 'accepted', respondedAt: sh('2025-03-17T12:30:00') }, now('2025-03-18T09:00:00')).response).toBe('late');
  });

  it('resolution: met by a reply, overdue while open, late when answered after the deadline', () => {
    const responded = { ...base, respondedAt: sh('2025-03-17T10:00:00') };
    expect(overdueState({ ...responded, status: 'replied', repliedAt: sh('2025-03-20T17:00:00') }, now('2025-03-25T09:00:00'))).toMatchObject({ resolution: 'met', overdue: false });
    expect(overdueState({ ...responded, status: 'in_progress' }, now('2025-03-21T00:00:00'))).toMatchObject({ resolution: 'overdue', overdue: true });
    expect(overdueState({ ...responded, status: 'closed', repliedAt: sh('2025-03-21T10:00:00') }, now('2025-03-25T09:00:00'))).toMatchObject({ resolution: 'late', overdue: false });
    expect(overdueState({ ...responded, status: 'declined', disposedAt: sh('2025-03-18T10:00:00') }, now('2025-03-25T09:00:00'))).toMatchObject({ resolution: 'met', overdue: false });
  });

  it('withdrawn unanswered: no longer waiting, never overdue; late only if the deadline had passed by then', () => {
    const withdrawn = { ...base, status: 'withdrawn' as const };
    expect(overdueState({ ...withdrawn, disposedAt: sh('2025-03-17T11:00:00') }, now('2025-03-25T09:00:00'))).toEqual({ response: 'met', resolution: 'met', overdue: false });
    expect(overdueState({ ...withdrawn, disposedAt: sh('2025-03-17T13:00:00') }, now('2025-03-25T09:00:00'))).toEqual({ response: 'late', resolution: 'met', overdue: false });
  });

  it('a reopened order is measured against its restarted deadline, not its old reply', () => {
    const reopened = { ...base, status: 'in_progress' as const, respondedAt: sh('2025-03-17T10:00:00'), repliedAt: sh('2025-03-19T10:00:00'), resolveDueAt: endOf('2025-03-27') };
    expect(overdueState(reopened, now('2025-03-25T09:00:00')).resolution).toBe('pending');
    expect(overdueState(reopened, now('2025-03-28T09:00:00')).resolution).toBe('overdue');
  });
});
