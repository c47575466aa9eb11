import { describe, expect, it } from 'vitest';
import { can, roleCodes } from './roles';
import {
  availableWorkOrderActions,
  formatWorkOrderNumber,
  maskPhone,
  parseWorkOrderNumber,
  staffActsForRequester,
  supervisionPermission,
  supervisionTransition,
  workOrderActionNames,
  workOrderActionPermissions,
  workOrderActionTable,
  workOrderNumberYear,
  workOrderStatuses,
  workOrderTransition,
  type WorkOrderActionName,
  type WorkOrderFacts,
  type WorkOrderStatus,
} from './work-order';

const portal = (status: WorkOrderStatus, more: Partial<WorkOrderFacts> = {}): WorkOrderFacts => ({ status, rated: false, channel: 'portal', ...more });

/** Written out by hand from issue 6, not derived from the rules: the test of the rule table. */
const expected: Record<WorkOrderStatus, { staff: WorkOrderActionName[]; requester: WorkOrderActionName[] }> = {
  submitted: { staff: ['accept', 'assign', 'supervise', 'note', 'merge', 'refer', 'decline'], requester: ['addInfo', 'withdraw'] },
  accepted: { staff: ['assign', 'reply', 'supervise', 'note', 'merge', 'refer', 'decline', 'requestExtension'], requester: ['addInfo', 'withdraw'] },
  assigned: { staff: ['assign', 'start', 'reply', 'supervise', 'note', 'merge', 'refer', 'decline', 'requestExtension'], requester: ['addInfo', 'withdraw'] },
  in_progress: { staff: ['assign', 'reply', 'supervise', 'note', 'merge', 'refer', 'decline', 'requestExtension'], requester: ['addInfo', 'withdraw'] },
  replied: { staff: ['close', 'supervise', 'note'], requester: ['confirm', 'addInfo'] },
  closed: { staff: ['reopen', 'note'], requester: ['rate', 'reopen'] },
  merged: { staff: ['note'], requester: [] },
  referred: { staff: ['note'], requester: [] },
  declined: { staff: ['note'], requester: [] },
  withdrawn: { staff: ['note'], requester: [] },
};

describe('available actions', () => {
  it.each(workOrderStatuses)('%s: staff and requester of a portal order', (status) => {
    expect(availableWorkOrderActions(portal(status), 'staff')).toEqual(expected[status].staff);
    expect(availableWorkOrderActions(portal(status), 'requester')).toEqual(expected[status].requester);
  });

  it('staff record confirm, rate, 补充信息 and a withdrawal for a hotline caller (回访), never for a portal user', () => {
    const hotline = (status: WorkOrderStatus): WorkOrderFacts => ({ status, rated: false, channel: 'hotline' });
    expect(availableWorkOrderActions(hotline('submitted'), 'staff')).toEqual(['accept', 'assign', 'supervise', 'note', 'addInfo', 'withdraw', 'merge', 'refer', 'decline']);
    expect(availableWorkOrderActions(hotline('replied'), 'staff')).toEqual(['confirm', 'close', 'supervise', 'note', 'addInfo']);
    expect(availableWorkOrderActions(hotline('closed'), 'staff')).toEqual(['rate', 'reopen', 'note']);
    expect(staffActsForRequester('confirm', 'hotline_12345')).toBe(true);
    expect(staffActsForRequester('confirm', 'portal')).toBe(false);
    expect(staffActsForRequester('withdraw', 'hotline')).toBe(true);
    expect(staffActsForRequester('withdraw', 'portal')).toBe(false);
    expect(staffActsForRequester('reopen', 'hotline')).toBe(false); // staff reopen is their own action
  });

  it('a rated order offers no second rating; a pending extension swaps request for decide', () => {
    expect(availableWorkOrderActions(portal('closed', { rated: true }), 'requester')).toEqual(['reopen']);
    expect(availableWorkOrderActions(portal('in_progress', { pendingExtension: true }), 'staff')).toEqual(['assign', 'reply', 'supervise', 'note', 'merge', 'refer', 'decline', 'decideExtension']);
    expect(availableWorkOrderActions(portal('replied', { pendingExtension: true }), 'staff')).toContain('decideExtension');
  });

  it('narrows to what the caller may do', () => {
    const deptStaff = (a: WorkOrderActionName) => workOrderActionPermissions(a).some((p) => can(['department_staff'], p));
    expect(availableWorkOrderActions(portal('assigned'), 'staff', deptStaff)).toEqual(['start', 'reply', 'note', 'requestExtension']);
    const leader = (a: WorkOrderActionName) => workOrderActionPermissions(a).some((p) => can(['leader'], p));
    expect(availableWorkOrderActions(portal('in_progress'), 'staff', leader)).toEqual(['supervise', 'note']);
  });

  it('the documented table is the same machine', () => {
    expect(workOrderActionTable.assigned.staff).toEqual([...expected.assigned.staff, 'decideExtension']);
    expect(workOrderActionTable.submitted.staff).toEqual(expected.submitted.staff);
    expect(workOrderActionTable.closed.requester).toEqual(['rate', 'reopen']);
  });
});

describe('transitions', () => {
  const go = (status: WorkOrderStatus, action: WorkOrderActionName, by: 'staff' | 'requester' = 'staff', more: Partial<WorkOrderFacts> & { solved?: boolean } = {}) => {
    const { solved, ...facts } = more;
    return workOrderTransition(portal(status, facts), { action, solved }, by);
  };

  it('walks the happy path: submitted → accepted → assigned → in_progress → replied → closed', () => {
    const steps: [WorkOrderStatus, WorkOrderActionName, 'staff' | 'requester', WorkOrderStatus][] = [
      ['submitted', 'accept', 'staff', 'accepted'],
      ['accepted', 'assign', 'staff', 'assigned'],
      ['assigned', 'start', 'staff', 'in_progress'],
      ['in_progress', 'reply', 'staff', 'replied'],
      ['replied', 'confirm', 'requester', 'closed'],
    ];
    for (const [from, action, by, to] of steps) {
      const r = go(from, action, by, { solved: true });
      expect(r, `${from} ${action}`).toMatchObject({ ok: true, from, to });
    }
  });

  it('accept is the response; assign from submitted is too (accept implied)', () => {
    expect(go('submitted', 'accept')).toMatchObject({ ok: true, event: 'accept', effects: { respond: true, assign: false } });
    expect(go('submitted', 'assign')).toMatchObject({ ok: true, to: 'assigned', event: 'assign', effects: { respond: true, assign: true, notify: { kind: 'assigned', to: ['holders'] } } });
    expect(go('accepted', 'assign')).toMatchObject({ ok: true, event: 'assign', effects: { respond: false, assign: true } });
  });

  it('re-assigning is a transfer back to assigned', () => {
    expect(go('assigned', 'assign')).toMatchObject({ ok: true, to: 'assigned', event: 'transfer' });
    expect(go('in_progress', 'assign')).toMatchObject({ ok: true, to: 'assigned', event: 'transfer', effects: { respond: false } });
  });

  it('reply may come straight after accepting (an inquiry answered at once) and notifies the requester', () => {
    expect(go('accepted', 'reply')).toMatchObject({ ok: true, to: 'replied', visibility: 'public', effects: { reply: true, notify: { kind: 'replied', to: ['requester'] } } });
  });

  it('confirm: solved closes, not solved reopens', () => {
    expect(go('replied', 'confirm', 'requester', { solved: true })).toMatchObject({ ok: true, to: 'closed', effects: { close: true, solved: true, reopen: false } });
    expect(go('replied', 'confirm', 'requester', { solved: false })).toMatchObject({ ok: true, to: 'in_progress', effects: { close: false, solved: null, reopen: true, notify: { kind: 'reopened' } } });
  });

  it('close without confirmation leaves solved null; reopen clears it', () => {
    expect(go('replied', 'close')).toMatchObject({ ok: true, to: 'closed', effects: { close: true, solved: null } });
    expect(go('closed', 'reopen', 'requester')).toMatchObject({ ok: true, to: 'in_progress', effects: { reopen: true, solved: null } });
    expect(go('closed', 'reopen', 'staff')).toMatchObject({ ok: true, to: 'in_progress' });
  });

  it('rate once, on a closed order only', () => {
    expect(go('closed', 'rate', 'requester')).toMatchObject({ ok: true, to: 'closed', effects: { rate: true } });
    expect(go('closed', 'rate', 'requester', { rated: true })).toEqual({ ok: false, reason: 'rated', message: '该工单已评价，不能重复评价' });
    expect(go('declined', 'rate', 'requester')).toMatchObject({ ok: false, reason: 'status' });
    expect(go('replied', 'rate', 'requester')).toMatchObject({ ok: false, reason: 'status' });
  });

  it('merge, refer and decline are terminal dispositions; from submitted they are the response', () => {
    for (const [action, to] of [['merge', 'merged'], ['refer', 'referred'], ['decline', 'declined']] as const) {
      expect(go('submitted', action)).toMatchObject({ ok: true, to, effects: { dispose: true, respond: true, notify: { kind: 'disposed', to: ['requester'] } } });
      expect(go('in_progress', action)).toMatchObject({ ok: true, to, effects: { respond: false } });
      expect(go('replied', action)).toMatchObject({ ok: false, reason: 'status' });
      for (const next of workOrderActionNames) if (next !== 'note') expect(go(to, next).ok, `${to} ${next}`).toBe(false);
    }
  });

  it('withdraw: the requester ends an open order; public, the holder told, never the response; not once answered', () => {
    for (const from of ['submitted', 'accepted', 'assigned', 'in_progress'] as const) {
      expect(go(from, 'withdraw', 'requester'), from).toMatchObject({
        ok: true,
        from,
        to: 'withdrawn',
        event: 'withdraw',
        visibility: 'public',
        effects: { dispose: true, respond: false, close: false, notify: { kind: 'disposed', to: ['holders'] } },
      });
    }
    expect(go('replied', 'withdraw', 'requester')).toEqual({ ok: false, reason: 'status', message: '工单当前为「已答复」，不能撤回' });
    for (const from of ['closed', 'merged', 'referred', 'declined', 'withdrawn'] as const) expect(go(from, 'withdraw', 'requester').ok, from).toBe(false);
    for (const next of workOrderActionNames) if (next !== 'note') expect(go('withdrawn', next).ok || go('withdrawn', next, 'requester').ok, next).toBe(false);
    // Staff: only on the caller's behalf (回访), never on a portal order.
    expect(go('in_progress', 'withdraw', 'staff')).toEqual({ ok: false, reason: 'side', message: '企业门户提交的工单须由提出人本人撤回' });
    expect(workOrderTransition({ status: 'in_progress', rated: false, channel: 'hotline_12345' }, { action: 'withdraw' }, 'staff')).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(workOrderActionPermissions('withdraw')).toEqual(['workOrder.dispatch']);
  });

  it('supervise and note keep the status and stay internal; 补充信息 is public and reaches the holder', () => {
    expect(go('in_progress', 'supervise')).toMatchObject({ ok: true, to: 'in_progress', visibility: 'internal', effects: { supervise: true, notify: { kind: 'supervised', to: ['holders', 'departmentHead'] } } });
    expect(go('closed', 'supervise')).toMatchObject({ ok: false, reason: 'status' });
    expect(go('declined', 'note')).toMatchObject({ ok: true, to: 'declined', visibility: 'internal' });
    expect(go('replied', 'addInfo', 'requester')).toMatchObject({ ok: true, to: 'replied', visibility: 'public', effects: { notify: { kind: 'info_added', to: ['holders'] } } });
    expect(go('closed', 'addInfo', 'requester')).toMatchObject({ ok: false, reason: 'status' });
  });

  it('extensions: one pending at a time, decided by the head', () => {
    expect(go('in_progress', 'requestExtension')).toMatchObject({ ok: true, visibility: 'internal', effects: { extension: 'request', notify: { kind: 'extension_requested', to: ['departmentHead'] } } });
    expect(go('in_progress', 'requestExtension', 'staff', { pendingExtension: true })).toMatchObject({ ok: false, reason: 'extension' });
    expect(go('submitted', 'requestExtension')).toMatchObject({ ok: false, reason: 'status' });
    expect(go('in_progress', 'decideExtension')).toMatchObject({ ok: false, reason: 'extension', message: '没有待审批的延期申请' });
    expect(go('in_progress', 'decideExtension', 'staff', { pendingExtension: true })).toMatchObject({ ok: true, visibility: 'public', effects: { extension: 'decide' } });
  });

  it('says why, in Chinese: 409 for the status, 403 for the side', () => {
    expect(go('submitted', 'reply')).toEqual({ ok: false, reason: 'status', message: '工单当前为「已提交」，不能答复' });
    expect(go('closed', 'start')).toEqual({ ok: false, reason: 'status', message: '工单当前为「已办结」，不能开始办理' });
    expect(go('submitted', 'accept', 'requester')).toEqual({ ok: false, reason: 'side', message: '受理由园区工作人员办理' });
    expect(go('replied', 'confirm', 'staff')).toEqual({ ok: false, reason: 'side', message: '企业门户提交的工单须由提出人本人确认办理结果' });
  });

  it('every staff action is open to some role, and never to an enterprise user through the matrix', () => {
    for (const action of workOrderActionNames) {
      const perms = workOrderActionPermissions(action);
      expect(perms.length, action).toBeGreaterThan(0);
      expect(roleCodes.some((r) => perms.some((p) => can([r], p))), action).toBe(true);
      expect(perms.some((p) => can(['enterprise'], p)), action).toBe(false);
    }
  });
});

describe('supervision', () => {
  it('open → feedback → closed, with a way back', () => {
    expect(supervisionTransition('open', 'feedback')).toEqual({ ok: true, to: 'feedback' });
    expect(supervisionTransition('feedback', 'return')).toEqual({ ok: true, to: 'open' });
    expect(supervisionTransition('feedback', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(supervisionTransition('open', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(supervisionTransition('open', 'return')).toEqual({ ok: false, message: '督办当前为「督办中」，不能退回继续督办' });
    expect(supervisionTransition('closed', 'feedback').ok).toBe(false);
    expect(supervisionPermission('feedback')).toBe('workOrder.handle');
    expect(supervisionPermission('close')).toBe('workOrder.supervise');
  });
});

describe('order numbers', () => {
  it('formats GD-YYYY-NNNNNN and parses it back', () => {
    expect(formatWorkOrderNumber(2025, 123)).toBe('GD-2025-000123');
    expect(formatWorkOrderNumber(2025, 1_234_567)).toBe('GD-2025-1234567');
    expect(parseWorkOrderNumber(' gd-2025-000123 ')).toEqual({ year: 2025, seq: 123 });
    expect(parseWorkOrderNumber('GD-2025-1234567')).toEqual({ year: 2025, seq: 1_234_567 });
    for (const bad of ['GD-2025-12345', 'GD-25-000123', 'GD-2025-000000', 'XX-2025-000123', 'GD-2025-00012a']) expect(parseWorkOrderNumber(bad), bad).toBeNull();
    expect(() => formatWorkOrderNumber(2025, 0)).toThrow(RangeError);
  });

  it('takes the year in Asia/Shanghai', () => {
    expect(workOrderNumberYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
    expect(workOrderNumberYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
  });
});

describe('maskPhone', () => {
  it('keeps the prefix and the last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010-****5678');
    expect(maskPhone('0755-2345678')).toBe('0755-****5678');
    expect(maskPhone('12')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
});
