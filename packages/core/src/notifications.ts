/**
 * In-app notifications (issue 6 §9): the kinds every module may send and the dedupe keys that
 * let a sweep run again without notifying anyone twice (unique per user in the notifications table).
 */

export const notificationKinds = [
  'submitted', // a new order waits to be accepted (to the enterprise's service officer)
  'assigned', // an order was dispatched or transferred to you / your department
  'deadline_near', // resolution deadline within 4 working hours
  'overdue', // response or resolution deadline passed
  'replied', // your order was answered
  'reopened', // the requester was not satisfied, or someone reopened the order
  'disposed', // your order was merged, referred elsewhere or declined (with where to go next)
  'supervised', // 督办: a leader flagged the order or it was escalated for being late
  'info_added', // the requester added information
  'extension_requested', // a handler asks the department head for more working days
  'extension_decided', // the extension was approved or refused
  'statistics_reminder', // 催报 (statistics module)
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindNames: Record<NotificationKind, string> = {
  submitted: '新工单待受理',
  assigned: '工单派发',
  deadline_near: '即将超期',
  overdue: '已超期',
  replied: '工单已答复',
  reopened: '工单重新办理',
  disposed: '工单已处理',
  supervised: '督办',
  info_added: '补充信息',
  extension_requested: '延期申请',
  extension_decided: '延期审批结果',
  statistics_reminder: '统计报送提醒',
};

const epoch = (at: Date | string) => (at instanceof Date ? at : new Date(at)).getTime();

/**
 * A sweep run that finds more than this many newly late orders for one person sends them one digest
 * for the run instead of one notification per order (a backlog after a long stop would otherwise
 * bury the inbox, ADR 0009 "Notifications").
 */
export const overdueDigestThreshold = 3;

/**
 * Dedupe keys of the notifications a sweep sends. A per-order key names the order *and* the deadline
 * it is about, so a deadline moved by an extension or a reopen can be notified again, while running
 * the same sweep twice for the same deadline inserts nothing (ON CONFLICT (user_id, dedupe_key) DO
 * NOTHING). A digest's key names the deadline kind and the run's instant (one digest per person and
 * run); the overdue mark itself keeps a later run from finding the same orders again. Notifications
 * caused by a user action carry no key: every action is its own event.
 */
export const notificationDedupeKey = {
  deadlineNear: (orderId: string, resolveDueAt: Date | string) => `near:${orderId}:${epoch(resolveDueAt)}`,
  responseOverdue: (orderId: string, responseDueAt: Date | string) => `overdue:response:${orderId}:${epoch(responseDueAt)}`,
  resolveOverdue: (orderId: string, resolveDueAt: Date | string) => `overdue:resolve:${orderId}:${epoch(resolveDueAt)}`,
  overdueDigest: (deadline: 'response' | 'resolve', runAt: Date | string) => `overdue:${deadline}:run:${epoch(runAt)}`,
  statisticsReminder: (period: string, enterpriseId: string, day: string) => `stat-remind:${period}:${enterpriseId}:${day}`,
};
