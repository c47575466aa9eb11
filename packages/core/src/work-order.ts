/**
 * Work orders (工单, issue 6 / DESIGN.md §7): statuses, the one state machine, order numbers.
 * The server applies a transition's effects in one transaction; the web shows the buttons
 * `availableWorkOrderActions` gives. Both read the same rule table below — there is no second copy.
 */
import type { Action } from './roles';
import type { NotificationKind } from './notifications';

// ---------------------------------------------------------------- vocabularies

export const workOrderTypes = ['help', 'complaint', 'inquiry', 'suggestion'] as const;
export type WorkOrderType = (typeof workOrderTypes)[number];
export const workOrderTypeNames: Record<WorkOrderType, string> = { help: '求助', complaint: '投诉', inquiry: '咨询', suggestion: '建议' };

export const workOrderChannels = ['portal', 'hotline', 'visit', 'hotline_12345', 'staff'] as const;
export type WorkOrderChannel = (typeof workOrderChannels)[number];
export const workOrderChannelNames: Record<WorkOrderChannel, string> = {
  portal: '企业门户',
  hotline: '服务热线',
  visit: '走访发现',
  hotline_12345: '12345 转办',
  staff: '工作人员录入',
};

export const workOrderPriorities = ['normal', 'urgent'] as const;
export type WorkOrderPriority = (typeof workOrderPriorities)[number];
export const workOrderPriorityNames: Record<WorkOrderPriority, string> = { normal: '一般', urgent: '紧急' };

export const workOrderStatuses = ['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed', 'merged', 'referred', 'declined', 'withdrawn'] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];
export const workOrderStatusNames: Record<WorkOrderStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已派单',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  merged: '已合并',
  referred: '已转办',
  declined: '不予受理',
  withdrawn: '已撤回',
};

/** The resolution clock runs: not yet answered. The sweep's partial index covers exactly these. */
export const openWorkOrderStatuses = ['submitted', 'accepted', 'assigned', 'in_progress'] as const satisfies readonly WorkOrderStatus[];
/** Not finished: open, or answered and waiting for the requester. Supervision and 补充信息 apply here. */
export const activeWorkOrderStatuses = [...openWorkOrderStatuses, 'replied'] as const satisfies readonly WorkOrderStatus[];
/**
 * Terminal dispositions: never leave, never "closed" for the resolution rate. The park's three carry
 * a reason, the decider and the requester's next step; a withdrawal (the requester's own) a reason and who withdrew.
 */
export const dispositionStatuses = ['merged', 'referred', 'declined', 'withdrawn'] as const satisfies readonly WorkOrderStatus[];
export type DispositionStatus = (typeof dispositionStatuses)[number];

const inList = (list: readonly WorkOrderStatus[], s: WorkOrderStatus) => list.includes(s);
export const isOpenStatus = (s: WorkOrderStatus) => inList(openWorkOrderStatuses, s);
export const isActiveStatus = (s: WorkOrderStatus) => inList(activeWorkOrderStatuses, s);
export const isDispositionStatus = (s: WorkOrderStatus): s is DispositionStatus => inList(dispositionStatuses, s);

// ---------------------------------------------------------------- actions

/** `POST /api/work-orders/:id/actions {action, ...}` (DESIGN.md §8 names included). */
export const workOrderActionNames = [
  'accept',
  'assign',
  'start',
  'reply',
  'confirm',
  'rate',
  'reopen',
  'close',
  'supervise',
  'note',
  'addInfo',
  'withdraw',
  'merge',
  'refer',
  'decline',
  'requestExtension',
  'decideExtension',
] as const;
export type WorkOrderActionName = (typeof workOrderActionNames)[number];

export const workOrderActionLabels: Record<WorkOrderActionName, string> = {
  accept: '受理',
  assign: '派单',
  start: '开始办理',
  reply: '答复',
  confirm: '确认办理结果',
  rate: '评价',
  reopen: '重新办理',
  close: '办结',
  supervise: '督办',
  note: '内部备注',
  addInfo: '补充信息',
  withdraw: '撤回',
  merge: '合并工单',
  refer: '转办',
  decline: '不予受理',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
};

/** Timeline entries: every action, plus what the system or another action records. */
export const workOrderEventKinds = [
  ...workOrderActionNames,
  'create',
  'transfer', // an assign that replaces an earlier assignment (转派)
  'response_overdue', // written by the sweep
  'resolve_overdue', // written by the sweep
  'merged_in', // on the order another one was merged into
  'supervision_feedback',
  'supervision_closed',
] as const;
export type WorkOrderEventKind = (typeof workOrderEventKinds)[number];
export const eventVisibilities = ['public', 'internal'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

/**
 * Who acts: the requester (an enterprise user of the order's enterprise, checked by the server)
 * or park staff (whose permission comes from the role matrix, see `staff` in each rule).
 */
export type WorkOrderSide = 'requester' | 'staff';

/** Who a transition notifies; the server resolves these to users. */
export type NotifyRecipient =
  | 'requester' // the portal user who submitted (orders from other channels: the outbound adapter, if a phone is known)
  | 'holders' // whoever holds the order now: the assignee, else the lead department's head, else the enterprise's service officer
  | 'departmentHead' // head of the lead department
  | 'extensionRequester';

/** What the server does besides changing the status; all instants are "now" of the transaction. */
export interface WorkOrderEffects {
  /** Set responded_at = now when it is still null: the 接诉 response of the response rate. */
  respond: boolean;
  /** Set assigned_at = now, department/assignee/co-handlers from the payload. */
  assign: boolean;
  /** Set replied_at = now (the latest public reply; the resolution deadline is met by it). */
  reply: boolean;
  /** Set closed_at = now. */
  close: boolean;
  /** The value to store in `solved`; undefined leaves it as it is (null = closed without the requester's word). */
  solved?: boolean | null;
  /** reopen_count + 1, closed_at and solved cleared, the resolution clock restarted from now, resolve_overdue_at cleared. */
  reopen: boolean;
  /** Store rating, rating_comment, rated_at = now. */
  rate: boolean;
  /** Store the disposition (reason, decided_by, disposed_at = now; next step, merged_into_id / referred_to: not for a withdrawal). */
  dispose: boolean;
  /** Open a supervision record (kind manual) and set supervised = true. */
  supervise: boolean;
  /** Insert a pending extension / decide the pending one (approved: resolve_due_at moves, resolve_overdue_at cleared). */
  extension: 'request' | 'decide' | null;
  notify: { kind: NotificationKind; to: readonly NotifyRecipient[] } | null;
}

/** The facts of an order the machine needs. */
export interface WorkOrderFacts {
  status: WorkOrderStatus;
  /** A rating has been given; one per order, kept through reopens. */
  rated: boolean;
  channel: WorkOrderChannel;
  /** An extension request waits for a decision (at most one at a time). */
  pendingExtension?: boolean;
}

/** The part of an action's payload the machine reads (the contracts' action union is assignable to it). */
export type WorkOrderActionInput = { action: WorkOrderActionName; solved?: boolean };

export type TransitionResult =
  | {
      ok: true;
      action: WorkOrderActionName;
      from: WorkOrderStatus;
      to: WorkOrderStatus;
      /** The timeline entry to write ('transfer' for a re-assignment). */
      event: WorkOrderEventKind;
      visibility: EventVisibility;
      effects: WorkOrderEffects;
    }
  | {
      ok: false;
      /** side → 403 FORBIDDEN; the others → 409 ILLEGAL_TRANSITION. */
      reason: 'status' | 'side' | 'rated' | 'extension';
      message: string;
    };

type Rule = {
  from: readonly WorkOrderStatus[];
  /** The requester may do it (being the requester is the permission). */
  requester: boolean;
  /** Staff holding any of these matrix actions may do it; empty = staff never. */
  staff: readonly Action[];
  /**
   * A requester action staff may record on the requester's behalf (回访 by phone) when the order
   * did not come through the portal: a hotline caller has no account to confirm or rate with.
   */
  onBehalf?: boolean;
  to: WorkOrderStatus | 'same' | ((input: WorkOrderActionInput) => WorkOrderStatus);
  visibility: EventVisibility;
  effects?: (from: WorkOrderStatus, input: WorkOrderActionInput) => Partial<WorkOrderEffects>;
};

const DISPATCH: Action[] = ['workOrder.dispatch'];
const HANDLE: Action[] = ['workOrder.handle'];
// 回访 is the dispatch desk's job, independent of whoever handled the order.
const ON_BEHALF: Action[] = ['workOrder.dispatch'];
const fromOpen = openWorkOrderStatuses;
const handling = ['accepted', 'assigned', 'in_progress'] as const satisfies readonly WorkOrderStatus[];
const dispose = (from: WorkOrderStatus): Partial<WorkOrderEffects> => ({ dispose: true, respond: from === 'submitted', notify: { kind: 'disposed', to: ['requester'] } });

/** The one definition of the lifecycle. */
const rules: Record<WorkOrderActionName, Rule> = {
  accept: { from: ['submitted'], requester: false, staff: DISPATCH, to: 'accepted', visibility: 'public', effects: () => ({ respond: true }) },
  // From submitted the assignment is also the response (accept implied); from assigned/in_progress it is a transfer.
  assign: {
    from: ['submitted', ...handling],
    requester: false,
    staff: DISPATCH,
    to: 'assigned',
    visibility: 'public',
    effects: (from) => ({ respond: from === 'submitted', assign: true, notify: { kind: 'assigned', to: ['holders'] } }),
  },
  start: { from: ['assigned'], requester: false, staff: HANDLE, to: 'in_progress', visibility: 'public' },
  reply: { from: handling, requester: false, staff: HANDLE, to: 'replied', visibility: 'public', effects: () => ({ reply: true, notify: { kind: 'replied', to: ['requester'] } }) },
  confirm: {
    from: ['replied'],
    requester: true,
    staff: ON_BEHALF,
    onBehalf: true,
    to: (i) => (i.solved ? 'closed' : 'in_progress'),
    visibility: 'public',
    effects: (_f, i) => (i.solved ? { close: true, solved: true } : { reopen: true, solved: null, notify: { kind: 'reopened', to: ['holders'] } }),
  },
  rate: { from: ['closed'], requester: true, staff: ON_BEHALF, onBehalf: true, to: 'same', visibility: 'public', effects: () => ({ rate: true }) },
  reopen: { from: ['closed'], requester: true, staff: DISPATCH, to: 'in_progress', visibility: 'public', effects: () => ({ reopen: true, solved: null, notify: { kind: 'reopened', to: ['holders'] } }) },
  // Closing without the requester's confirmation (e.g. unreachable): solved stays null.
  close: { from: ['replied'], requester: false, staff: DISPATCH, to: 'closed', visibility: 'public', effects: () => ({ close: true, solved: null }) },
  supervise: {
    from: activeWorkOrderStatuses,
    requester: false,
    staff: ['workOrder.supervise'],
    to: 'same',
    visibility: 'internal',
    effects: () => ({ supervise: true, notify: { kind: 'supervised', to: ['holders', 'departmentHead'] } }),
  },
  note: { from: workOrderStatuses, requester: false, staff: ['workOrder.handle', 'workOrder.dispatch', 'workOrder.supervise'], to: 'same', visibility: 'internal' },
  addInfo: { from: activeWorkOrderStatuses, requester: true, staff: ON_BEHALF, onBehalf: true, to: 'same', visibility: 'public', effects: () => ({ notify: { kind: 'info_added', to: ['holders'] } }) },
  // The requester no longer needs help. Not from replied: an answered order is confirmed (or not) instead.
  // Never the response: nobody answered (ADR 0009 on how it counts for the response rate).
  withdraw: {
    from: fromOpen,
    requester: true,
    staff: ON_BEHALF,
    onBehalf: true,
    to: 'withdrawn',
    visibility: 'public',
    effects: () => ({ dispose: true, notify: { kind: 'disposed', to: ['holders'] } }),
  },
  merge: { from: fromOpen, requester: false, staff: DISPATCH, to: 'merged', visibility: 'public', effects: dispose },
  refer: { from: fromOpen, requester: false, staff: DISPATCH, to: 'referred', visibility: 'public', effects: dispose },
  decline: { from: fromOpen, requester: false, staff: DISPATCH, to: 'declined', visibility: 'public', effects: dispose },
  requestExtension: {
    from: handling,
    requester: false,
    staff: HANDLE,
    to: 'same',
    visibility: 'internal',
    effects: () => ({ extension: 'request', notify: { kind: 'extension_requested', to: ['departmentHead'] } }),
  },
  // workOrder.handle alone is not enough: the server also requires the head of the order's department.
  decideExtension: {
    // A request may still wait when the order has been answered meanwhile.
    from: [...handling, 'replied'],
    requester: false,
    staff: ['workOrder.approveExtension', 'workOrder.handle'],
    to: 'same',
    // Public: the requester sees the new deadline when it is approved.
    visibility: 'public',
    effects: () => ({ extension: 'decide', notify: { kind: 'extension_decided', to: ['extensionRequester'] } }),
  },
};

const noEffects: WorkOrderEffects = { respond: false, assign: false, reply: false, close: false, reopen: false, rate: false, dispose: false, supervise: false, extension: null, notify: null };

/** The matrix actions that let staff take a workflow action (any of them); empty = requester only. */
export function workOrderActionPermissions(action: WorkOrderActionName): readonly Action[] {
  return rules[action].staff;
}

/** Whether staff may take a requester action on this order on the requester's behalf (回访). */
export function staffActsForRequester(action: WorkOrderActionName, channel: WorkOrderChannel): boolean {
  const r = rules[action];
  return r.requester && (r.onBehalf ?? false) && channel !== 'portal';
}

function sideAllowed(rule: Rule, action: WorkOrderActionName, order: WorkOrderFacts, by: WorkOrderSide): boolean {
  if (by === 'requester') return rule.requester;
  if (rule.requester) return rule.staff.length > 0 && (!rule.onBehalf || staffActsForRequester(action, order.channel));
  return rule.staff.length > 0;
}

/**
 * The one state machine. Checks the status, the side and the order's facts; the server then
 * checks the matrix (`workOrderActionPermissions`) and the scope, and applies `effects`.
 */
export function workOrderTransition(order: WorkOrderFacts, input: WorkOrderActionInput, by: WorkOrderSide): TransitionResult {
  const { action } = input;
  const rule = rules[action];
  const label = workOrderActionLabels[action];
  if (!sideAllowed(rule, action, order, by)) {
    const message = by === 'requester' ? `${label}由园区工作人员办理` : rule.onBehalf ? `企业门户提交的工单须由提出人本人${label}` : `只有提出人可以${label}`;
    return { ok: false, reason: 'side', message };
  }
  if (!rule.from.includes(order.status)) {
    return { ok: false, reason: 'status', message: `工单当前为「${workOrderStatusNames[order.status]}」，不能${label}` };
  }
  if (action === 'rate' && order.rated) return { ok: false, reason: 'rated', message: '该工单已评价，不能重复评价' };
  if (action === 'requestExtension' && order.pendingExtension) return { ok: false, reason: 'extension', message: '已有一个延期申请待审批' };
  if (action === 'decideExtension' && !order.pendingExtension) return { ok: false, reason: 'extension', message: '没有待审批的延期申请' };
  const to = rule.to === 'same' ? order.status : typeof rule.to === 'function' ? rule.to(input) : rule.to;
  const transfer = action === 'assign' && (order.status === 'assigned' || order.status === 'in_progress');
  return {
    ok: true,
    action,
    from: order.status,
    to,
    event: transfer ? 'transfer' : action,
    visibility: rule.visibility,
    effects: { ...noEffects, ...rule.effects?.(order.status, input) },
  };
}

/**
 * The actions one side may take on an order now (the buttons the web shows). For staff, `mayUse`
 * narrows to the caller's permissions, e.g. `(a) => workOrderActionPermissions(a).some((p) => can(roles, p))`
 * (decideExtension additionally needs the department head unless workOrder.approveExtension is held);
 * for the requester leave it out.
 */
export function availableWorkOrderActions(order: WorkOrderFacts, by: WorkOrderSide, mayUse: (action: WorkOrderActionName) => boolean = () => true): WorkOrderActionName[] {
  return workOrderActionNames.filter((action) => workOrderTransition(order, { action, solved: true }, by).ok && mayUse(action));
}

/** Status × side → actions for an unrated portal order without a pending extension (documentation and the web's legend). */
export const workOrderActionTable: Record<WorkOrderStatus, Record<WorkOrderSide, WorkOrderActionName[]>> = Object.fromEntries(
  workOrderStatuses.map((status) => {
    const facts: WorkOrderFacts = { status, rated: false, channel: 'portal' };
    const staff = availableWorkOrderActions(facts, 'staff');
    // decideExtension needs a pending request; show it wherever one could be waiting.
    if (availableWorkOrderActions({ ...facts, pendingExtension: true }, 'staff').includes('decideExtension')) staff.push('decideExtension');
    return [status, { requester: availableWorkOrderActions(facts, 'requester'), staff }];
  }),
) as Record<WorkOrderStatus, Record<WorkOrderSide, WorkOrderActionName[]>>;

// ---------------------------------------------------------------- supervision (督办)

export const supervisionStatuses = ['open', 'feedback', 'closed'] as const;
export type SupervisionStatus = (typeof supervisionStatuses)[number];
export const supervisionStatusNames: Record<SupervisionStatus, string> = { open: '督办中', feedback: '已反馈', closed: '已结束' };
export const supervisionKinds = ['auto', 'manual'] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];
/** What opened it: a leader's flag, or the sweep finding a passed deadline. */
export const supervisionTriggers = ['flag', 'response_overdue', 'resolve_overdue'] as const;
export type SupervisionTrigger = (typeof supervisionTriggers)[number];

export const supervisionActionNames = ['feedback', 'return', 'close'] as const;
export type SupervisionActionName = (typeof supervisionActionNames)[number];
export const supervisionActionLabels: Record<SupervisionActionName, string> = { feedback: '反馈办理情况', return: '退回继续督办', close: '结束督办' };

const supervisionRules: Record<SupervisionActionName, { from: readonly SupervisionStatus[]; to: SupervisionStatus; permission: Action }> = {
  // The handler reports what was done; a second feedback replaces nothing, it adds to the timeline.
  feedback: { from: ['open', 'feedback'], to: 'feedback', permission: 'workOrder.handle' },
  return: { from: ['feedback'], to: 'open', permission: 'workOrder.supervise' },
  close: { from: ['open', 'feedback'], to: 'closed', permission: 'workOrder.supervise' },
};

export function supervisionPermission(action: SupervisionActionName): Action {
  return supervisionRules[action].permission;
}

export function supervisionTransition(status: SupervisionStatus, action: SupervisionActionName): { ok: true; to: SupervisionStatus } | { ok: false; message: string } {
  const r = supervisionRules[action];
  if (!r.from.includes(status)) return { ok: false, message: `督办当前为「${supervisionStatusNames[status]}」，不能${supervisionActionLabels[action]}` };
  return { ok: true, to: r.to };
}

// ---------------------------------------------------------------- extensions

export const extensionStatuses = ['pending', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof extensionStatuses)[number];
export const extensionStatusNames: Record<ExtensionStatus, string> = { pending: '待审批', approved: '已批准', rejected: '未批准' };
export const maxExtensionWorkingDays = 30;

// ---------------------------------------------------------------- numbers

/** GD-YYYY-NNNNNN: year of creation in Asia/Shanghai and a per-year counter (more digits past 999,999). */
export const workOrderNumberPattern = /^GD-(\d{4})-(\d{6,})$/;

export function formatWorkOrderNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`无效年份：${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`工单序号应为正整数，实际为 ${seq}`);
  return `GD-${year}-${String(seq).padStart(6, '0')}`;
}

/** { year, seq } of a well-formed number, else null (case-insensitive, surrounding spaces ignored). */
export function parseWorkOrderNumber(s: string): { year: number; seq: number } | null {
  const m = workOrderNumberPattern.exec(s.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 && Number.isSafeInteger(seq) ? { year: Number(m[1]), seq } : null;
}

/** The year an order's number belongs to: its creation year in Asia/Shanghai. */
export function workOrderNumberYear(createdAt: Date): number {
  return new Date(createdAt.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * A requester's phone as shown to those who may not see it in full: 138****5678, 010-****5678.
 * Staff who handle the order get it decrypted; everyone else, this.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone == null) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  const mobile = /^1\d{10}$/.test(digits);
  const head = mobile ? digits.slice(0, 3) : (/^(0\d{2,3})-?/.exec(phone)?.[1] ?? digits.slice(0, 3)) + '-';
  return `${head}****${digits.slice(-4)}`;
}
