/**
 * Visits (走访) by service officers (issue 6 §6): a target frequency per enterprise class and
 * when each enterprise is next due. Dates are Asia/Shanghai calendar dates ('YYYY-MM-DD').
 */
import { addDays, daysBetween } from './calendar';

export const visitStatuses = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
export const visitStatusNames: Record<VisitStatus, string> = { planned: '计划中', done: '已走访', cancelled: '已取消' };

export const visitClasses = ['key', 'above_scale', 'other'] as const;
export type VisitClass = (typeof visitClasses)[number];
export const visitClassNames: Record<VisitClass, string> = { key: '重点企业', above_scale: '规上企业', other: '其他企业' };

/** The enterprise tag that marks a key enterprise. */
export const keyEnterpriseTag = '重点企业';

/** Days between visits per class (configurable in visit_frequency_rules). */
export type VisitFrequencyRules = Record<VisitClass, number>;
export const defaultVisitFrequency: VisitFrequencyRules = { key: 30, above_scale: 90, other: 180 };
export const visitIntervalLimits = { min: 7, max: 730 } as const;

/** Key enterprise (tagged 重点企业) first, then above-scale, else other. */
export function visitClassOf(enterprise: { tags: readonly string[]; aboveScale: boolean }): VisitClass {
  if (enterprise.tags.includes(keyEnterpriseTag)) return 'key';
  return enterprise.aboveScale ? 'above_scale' : 'other';
}

/** The date the next visit is due; null for an enterprise never visited (due at once). */
export function nextVisitDue(lastVisitOn: string | null, cls: VisitClass, rules: VisitFrequencyRules = defaultVisitFrequency): string | null {
  return lastVisitOn == null ? null : addDays(lastVisitOn, rules[cls]);
}

/** never: not visited yet · overdue: past due · due_soon: due within `soonDays` · ok. */
export type VisitDueState = 'never' | 'overdue' | 'due_soon' | 'ok';
export const visitDueStateNames: Record<VisitDueState, string> = { never: '从未走访', overdue: '走访逾期', due_soon: '即将到期', ok: '正常' };

export function visitDue(
  lastVisitOn: string | null,
  cls: VisitClass,
  today: string,
  rules: VisitFrequencyRules = defaultVisitFrequency,
  soonDays = 7,
): { dueOn: string | null; state: VisitDueState; daysLeft: number | null } {
  const dueOn = nextVisitDue(lastVisitOn, cls, rules);
  if (dueOn == null) return { dueOn, state: 'never', daysLeft: null };
  const daysLeft = daysBetween(today, dueOn);
  return { dueOn, state: daysLeft < 0 ? 'overdue' : daysLeft <= soonDays ? 'due_soon' : 'ok', daysLeft };
}
