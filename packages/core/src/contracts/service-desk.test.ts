import { describe, expect, it } from 'vitest';
import { createWorkOrderRequest, workOrderActionRequest, workOrderFilter, type WorkOrderActionRequest } from './service-desk';
import type { WorkOrderActionInput } from '../work-order';
import { workOrderStatsQuery } from './service-desk-stats';
import { createVisitRequest } from './service-desk-officer';
import { notificationDedupeKey } from '../notifications';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('service desk contracts', () => {
  it('accepts the DESIGN §8 create and requires the 12345 number for a 12345 ticket', () => {
    expect(createWorkOrderRequest.safeParse({ type: 'help', title: '办公用房漏水', description: '三楼会议室漏水' }).success).toBe(true);
    const r = createWorkOrderRequest.safeParse({ type: 'complaint', title: '噪音扰民', description: '夜间施工', channel: 'hotline_12345' });
    expect(messages(r)).toEqual(['externalNo: 12345 转办工单请填写 12345 工单编号']);
    expect(createWorkOrderRequest.safeParse({ type: 'help', title: '求助', description: 'x', requesterPhone: '12345' }).success).toBe(false);
  });

  it('takes the DESIGN §8 actions as written there', () => {
    // The parsed action goes straight into the state machine.
    const parsed: WorkOrderActionRequest = workOrderActionRequest.parse({ action: 'confirm', solved: false });
    const input: WorkOrderActionInput = parsed;
    expect(input).toEqual({ action: 'confirm', solved: false });
    for (const body of [
      { action: 'accept' },
      { action: 'assign', departmentId: '0193a7d4-0000-7000-8000-000000000001' },
      { action: 'reply', content: '已协调物业处理' },
      { action: 'confirm', solved: true },
      { action: 'rate', score: 5 },
      { action: 'rate', score: 4, comment: '及时' },
      { action: 'reopen' },
      { action: 'close' },
      { action: 'supervise', reason: '超期未办' },
    ]) {
      expect(workOrderActionRequest.safeParse(body).success, JSON.stringify(body)).toBe(true);
    }
  });

  it('refuses incomplete actions with Chinese messages', () => {
    expect(messages(workOrderActionRequest.safeParse({ action: 'assign' }))).toEqual(['departmentId: 请选择承办部门或承办人']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'rate', score: 6 }))).toEqual(['score: 评分为 1–5 分']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'decline', reason: '不属于园区职责' }))).toEqual(['nextStep: 请告知提出人下一步去哪里办理']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'requestExtension', workingDays: 31, reason: '需要协调' }))).toEqual(['workingDays: 延期最多 30 个工作日']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'refer', reason: '不属于园区职责', nextStep: '区' }))).toEqual(['nextStep: 请告知提出人下一步去哪里办理（至少 2 个字）']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'supervise' }))).toEqual(['reason: 请填写原因']);
    expect(messages(workOrderActionRequest.safeParse({ action: 'fly' }))).toEqual(['action: 未知的工单操作']);
  });

  it('reads list filters from query strings', () => {
    expect(workOrderFilter.parse({ status: 'submitted,in_progress', overdue: 'true' })).toEqual({ status: ['submitted', 'in_progress'], overdue: true });
    expect(workOrderFilter.safeParse({ status: 'submitted,lost' }).success).toBe(false);
  });

  it('stats windows: dates or instants, in order', () => {
    expect(workOrderStatsQuery.safeParse({ from: '2025-01-01', to: '2025-12-31' }).success).toBe(true);
    expect(workOrderStatsQuery.safeParse({ from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00' }).success).toBe(true);
    expect(messages(workOrderStatsQuery.safeParse({ from: '2025-02-01', to: '2025-01-01' }))).toEqual(['to: 结束不能早于开始']);
    expect(workOrderStatsQuery.safeParse({ from: 'yesterday', to: '2025-01-01' }).success).toBe(false);
  });

  it('a visit is either planned or recorded', () => {
    const enterpriseId = '0193a7d4-0000-7000-8000-000000000002';
    expect(createVisitRequest.safeParse({ enterpriseId, plannedOn: '2025-03-20', topics: ['政策宣讲'] }).success).toBe(true);
    expect(createVisitRequest.safeParse({ enterpriseId, visitedOn: '2025-03-20', people: ['张三'], topics: ['融资需求'], problemsFound: [{ text: '缺少流动资金' }] }).success).toBe(true);
    expect(messages(createVisitRequest.safeParse({ enterpriseId }))).toEqual(['plannedOn: 请填写计划走访日期或实际走访日期（二选一）']);
    expect(messages(createVisitRequest.safeParse({ enterpriseId, visitedOn: '2025-03-20', topics: ['融资'] }))).toEqual(['people: 请填写参加走访的人员']);
  });

  it('notification dedupe keys name the order and the deadline', () => {
    expect(notificationDedupeKey.resolveOverdue('o1', '2025-02-05T15:59:59.000Z')).toBe('overdue:resolve:o1:1738771199000');
    expect(notificationDedupeKey.deadlineNear('o1', new Date('2025-02-05T15:59:59Z'))).toBe(notificationDedupeKey.deadlineNear('o1', '2025-02-05T15:59:59.000Z'));
  });

  it('an overdue digest is keyed by the deadline kind and the run, apart from any order', () => {
    expect(notificationDedupeKey.overdueDigest('resolve', new Date('2025-02-05T16:00:00Z'))).toBe('overdue:resolve:run:1738771200000');
    expect(notificationDedupeKey.overdueDigest('response', '2025-02-05T16:00:00.000Z')).toBe('overdue:response:run:1738771200000');
  });
});
