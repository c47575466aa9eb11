import { describe, expect, it } from 'vitest';
import { defaultVisitFrequency, nextVisitDue, visitClassOf, visitDue } from './visits';

describe('visit frequency', () => {
  it('classes an enterprise: 重点企业 tag first, then above-scale', () => {
    expect(visitClassOf({ tags: ['重点企业'], aboveScale: false })).toBe('key');
    expect(visitClassOf({ tags: ['重点企业'], aboveScale: true })).toBe('key');
    expect(visitClassOf({ tags: ['瞪羚'], aboveScale: true })).toBe('above_scale');
    expect(visitClassOf({ tags: [], aboveScale: false })).toBe('other');
  });

  it('is due 30 / 90 / 180 days after the last visit by default, or as configured', () => {
    expect(defaultVisitFrequency).toEqual({ key: 30, above_scale: 90, other: 180 });
    expect(nextVisitDue('2025-01-15', 'key')).toBe('2025-02-14');
    expect(nextVisitDue('2025-01-15', 'above_scale')).toBe('2025-04-15');
    expect(nextVisitDue('2024-12-01', 'other')).toBe('2025-05-30');
    expect(nextVisitDue('2025-01-15', 'key', { key: 14, above_scale: 60, other: 120 })).toBe('2025-01-29');
    expect(nextVisitDue(null, 'key')).toBeNull();
  });

  it('states never, overdue, due soon or ok on a day', () => {
    expect(visitDue(null, 'other', '2025-03-01')).toEqual({ dueOn: null, state: 'never', daysLeft: null });
    expect(visitDue('2025-01-15', 'key', '2025-02-15')).toEqual({ dueOn: '2025-02-14', state: 'overdue', daysLeft: -1 });
    expect(visitDue('2025-01-15', 'key', '2025-02-14')).toEqual({ dueOn: '2025-02-14', state: 'due_soon', daysLeft: 0 });
    expect(visitDue('2025-01-15', 'key', '2025-02-07')).toMatchObject({ state: 'due_soon', daysLeft: 7 });
    expect(visitDue('2025-01-15', 'key', '2025-02-06')).toMatchObject({ state: 'ok', daysLeft: 8 });
  });
});
