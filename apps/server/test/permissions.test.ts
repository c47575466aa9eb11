import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, roleCodes, shanghaiDate, type Action, type RoleCode } from '@zhiyuan/core';
import { demoUsername } from '../src/seed/bootstrap';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { uscc } from './fixtures';
import { insertOrder } from './sla-fixtures';
import { multipartFile } from './multipart';

/**
 * Every role × every admin endpoint: allowed (2xx), 403, or — for a caller whose park scope does
 * not reach the object — 404. The expected outcome comes from the one permission matrix in core.
 */
let t: TestApp;
const sessions = new Map<RoleCode, Session>();
let admin: Session;
let zoneId: string;
let haidianId: string;
let otherParkId: string;
let seq = 0;
let ownEnterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  for (const role of roleCodes) {
    sessions.set(role, role === 'sysadmin' ? admin : await login(t.app, demoUsername(role), DEMO_PASSWORD));
  }
  ownEnterpriseId = sessions.get('enterprise')!.user.enterpriseId!;
  const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string; parentId: string | null }[];
  zoneId = parks.find((p) => p.parentId === null)!.id;
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  otherParkId = parks.find((p) => p.code === 'ZGC-CP')!.id;
});
afterAll(() => t.close());

/** Fixtures made by the admin for one case, so each request hits a live object. */
async function newUser(parkId = zoneId) {
  const r = await t.app.inject(as(admin, 'POST', '/api/users', { username: `target${++seq}`, displayName: '目标用户', password: 'Target-Pass-2025', roles: ['leader'], parkIds: [parkId] }));
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}
async function newDepartment(parkId = haidianId) {
  const r = await t.app.inject(as(admin, 'POST', '/api/departments', { name: `部门${++seq}`, parkId }));
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}
async function newToken() {
  const r = await t.app.inject(as(admin, 'POST', '/api/tokens', { name: `tok${++seq}`, roles: ['statistician'], parkIds: [zoneId], expiresAt: new Date(Date.now() + 86_400_000).toISOString() }));
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

/** A 海淀园 enterprise made by the statistician: never the demo enterprise user's own. */
async function newEnterprise() {
  const r = await t.app.inject(as(sessions.get('statistician')!, 'POST', '/api/enterprises', { uscc: uscc(900000 + ++seq), name: `权限测试企业${seq}有限公司`, parkId: haidianId, industryCode: '6513' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function newQualification() {
  const id = await newEnterprise();
  const r = await t.app.inject(as(sessions.get('statistician')!, 'POST', `/api/enterprises/${id}/qualifications`, { kind: 'hnte', validFrom: '2025-01-01' }));
  expect(r.statusCode, r.body).toBe(201);
  return `/api/enterprises/${id}/qualifications/${r.json().id}`;
}
/** A pending change request filed by the demo enterprise for its own enterprise (one may be pending at a time). */
async function newChangeRequest() {
  const me = sessions.get('enterprise')!;
  const approver = sessions.get('park_admin')!;
  const pending = (await t.app.inject(as(approver, 'GET', `/api/enterprise-change-requests?status=pending&enterpriseId=${ownEnterpriseId}`))).json().items as { id: string }[];
  for (const r of pending) await t.app.inject(as(approver, 'POST', `/api/enterprise-change-requests/${r.id}/decision`, { approve: false, comment: '测试清理' }));
  const r = await t.app.inject(as(me, 'POST', `/api/enterprises/${ownEnterpriseId}/change-requests`, { changes: { name: `示例更名${++seq}有限公司` }, reason: '工商变更' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}


/** A report of a new 海淀园 enterprise, made by the statistician. */
async function newReport() {
  const id = await newEnterprise();
  const e = (await t.app.inject(as(sessions.get('statistician')!, 'GET', `/api/enterprises/${id}`))).json();
  const r = await t.app.inject(as(sessions.get('statistician')!, 'PUT', `/api/statistics/reports/${PERIOD}`, { rows: [{ uscc: e.uscc, values: { revenue: 100 } }] }));
  expect(r.statusCode, r.body).toBe(200);
  const list = (await t.app.inject(as(sessions.get('statistician')!, 'GET', `/api/statistics/reporting?period=${PERIOD}&q=${e.uscc}`))).json();
  return { enterpriseId: id, uscc: e.uscc as string, reportId: list.items[0].reportId as string };
}
const PERIOD = '2026-01';
/** A period of its own for each close/reopen case (2010-01, 2010-02…). */
let periodSeq = 0;
const freshPeriod = () => `${2010 + Math.floor(periodSeq / 12)}-${String((periodSeq++ % 12) + 1).padStart(2, '0')}`;

/** `action` or, for routes serving several roles, any of `anyOf`; `objectOfOthers`: an enterprise user reaching another enterprise gets 404. */
/** `allowedRoles` replaces the matrix where being the requester is the permission; `headers` for a multipart body. */
type Case = {
  name: string;
  action: Action;
  anyOf?: Action[];
  objectOfOthers?: boolean;
  allowedRoles?: RoleCode[];
  request: (role: RoleCode) => Promise<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }>;
};

const cases: Case[] = [
  { name: 'GET /users', action: 'user.read', request: async () => ({ method: 'GET', url: '/api/users' }) },
  { name: 'GET /users/:id', action: 'user.read', request: async () => ({ method: 'GET', url: `/api/users/${await newUser(haidianId)}` }) },
  { name: 'POST /users', action: 'user.write', request: async () => ({ method: 'POST', url: '/api/users', payload: { username: `new${++seq}`, displayName: '新用户', password: 'New-User-Pass-2025', roles: ['leader'], parkIds: [zoneId] } }) },
  { name: 'PATCH /users/:id', action: 'user.write', request: async () => ({ method: 'PATCH', url: `/api/users/${await newUser()}`, payload: { displayName: '改名' } }) },
  { name: 'PUT /users/:id/roles', action: 'user.assignRoles', request: async () => ({ method: 'PUT', url: `/api/users/${await newUser()}/roles`, payload: { roles: ['statistician'] } }) },
  { name: 'POST /users/:id/reset-password', action: 'user.secure', request: async () => ({ method: 'POST', url: `/api/users/${await newUser()}/reset-password`, payload: { password: 'Reset-Pass-2025x' } }) },
  { name: 'POST /users/:id/end-sessions', action: 'user.secure', request: async () => ({ method: 'POST', url: `/api/users/${await newUser()}/end-sessions` }) },
  { name: 'POST /users/:id/unlock', action: 'user.secure', request: async () => ({ method: 'POST', url: `/api/users/${await newUser()}/unlock` }) },
  { name: 'GET /security/settings', action: 'security.read', request: async () => ({ method: 'GET', url: '/api/security/settings' }) },
  { name: 'PUT /security/settings', action: 'security.write', request: async () => ({ method: 'PUT', url: '/api/security/settings', payload: { lockoutThreshold: 5 } }) },
  { name: 'GET /parks', action: 'park.read', request: async () => ({ method: 'GET', url: '/api/parks' }) },
  { name: 'GET /parks/:id', action: 'park.read', request: async () => ({ method: 'GET', url: `/api/parks/${haidianId}` }) },
  { name: 'POST /parks', action: 'park.write', request: async () => ({ method: 'POST', url: '/api/parks', payload: { code: `P${++seq}`, name: `新分园${seq}`, parentId: zoneId, areaKm2: 1.5 } }) },
  { name: 'PATCH /parks/:id', action: 'park.write', request: async () => ({ method: 'PATCH', url: `/api/parks/${haidianId}`, payload: { district: '海淀区' } }) },
  { name: 'GET /departments', action: 'department.read', request: async () => ({ method: 'GET', url: '/api/departments' }) },
  { name: 'POST /departments', action: 'department.write', request: async () => ({ method: 'POST', url: '/api/departments', payload: { name: `新部门${++seq}`, parkId: haidianId } }) },
  { name: 'PATCH /departments/:id', action: 'department.write', request: async () => ({ method: 'PATCH', url: `/api/departments/${await newDepartment()}`, payload: { phone: '010-12345678' } }) },
  { name: 'DELETE /departments/:id', action: 'department.write', request: async () => ({ method: 'DELETE', url: `/api/departments/${await newDepartment()}` }) },
  { name: 'PUT /calendar/days/:date', action: 'calendar.write', request: async () => ({ method: 'PUT', url: '/api/calendar/days/2026-12-31', payload: { kind: 'holiday', name: '测试' } }) },
  { name: 'POST /calendar/import', action: 'calendar.write', request: async () => ({ method: 'POST', url: '/api/calendar/import', payload: { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] } }) },
  { name: 'GET /tokens', action: 'token.manage', request: async () => ({ method: 'GET', url: '/api/tokens' }) },
  { name: 'POST /tokens', action: 'token.manage', request: async () => ({ method: 'POST', url: '/api/tokens', payload: { name: `tok${++seq}`, roles: ['statistician'], parkIds: [zoneId], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }) },
  { name: 'POST /tokens/:id/revoke', action: 'token.manage', request: async () => ({ method: 'POST', url: `/api/tokens/${await newToken()}/revoke` }) },
  { name: 'GET /audit', action: 'audit.read', request: async () => ({ method: 'GET', url: '/api/audit' }) },
  { name: 'GET /audit/verify', action: 'audit.read', request: async () => ({ method: 'GET', url: '/api/audit/verify' }) },
  { name: 'GET /audit/export', action: 'audit.export', request: async () => ({ method: 'GET', url: '/api/audit/export' }) },
  { name: 'GET /enterprises', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/enterprises' }) },
  { name: 'GET /enterprises/similar', action: 'enterprise.read', request: async () => ({ method: 'GET', url: `/api/enterprises/similar?name=${encodeURIComponent('某公司')}&parkId=${haidianId}` }) },
  { name: 'GET /enterprises/tags', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/enterprises/tags' }) },
  { name: 'GET /enterprises/officers', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/enterprises/officers' }) },
  { name: 'POST /enterprises', action: 'enterprise.write', request: async () => ({ method: 'POST', url: '/api/enterprises', payload: { uscc: uscc(800000 + ++seq), name: `新企业${seq}有限公司`, parkId: haidianId, industryCode: '6513' } }) },
  { name: 'GET /enterprises/:id', action: 'enterprise.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}` }) },
  { name: 'PATCH /enterprises/:id', action: 'enterprise.write', anyOf: ['enterprise.write', 'enterprise.selfEdit'], objectOfOthers: true, request: async () => ({ method: 'PATCH', url: `/api/enterprises/${await newEnterprise()}`, payload: { operatingAddress: '北京市海淀区' } }) },
  { name: 'GET /enterprises/:id/status-events', action: 'enterprise.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}/status-events` }) },
  { name: 'POST /enterprises/:id/status-events', action: 'enterprise.write', request: async () => ({ method: 'POST', url: `/api/enterprises/${await newEnterprise()}/status-events`, payload: { kind: 'relocating', on: shanghaiDate(new Date()) } }) },
  { name: 'GET /enterprises/:id/history', action: 'enterprise.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}/history` }) },
  { name: 'GET /enterprises/:id/qualifications', action: 'enterprise.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}/qualifications` }) },
  { name: 'POST /enterprises/:id/qualifications', action: 'qualification.write', request: async () => ({ method: 'POST', url: `/api/enterprises/${await newEnterprise()}/qualifications`, payload: { kind: 'gazelle', validFrom: '2025-06-01' } }) },
  { name: 'PATCH /enterprises/:id/qualifications/:qid', action: 'qualification.write', request: async () => ({ method: 'PATCH', url: await newQualification(), payload: { certificateNo: 'GR2025110000' } }) },
  { name: 'DELETE /enterprises/:id/qualifications/:qid', action: 'qualification.write', request: async () => ({ method: 'DELETE', url: await newQualification() }) },
  { name: 'GET /qualifications/expiring', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/qualifications/expiring' }) },
  { name: 'GET /qualifications/expiring/export', action: 'enterprise.export', request: async () => ({ method: 'GET', url: '/api/qualifications/expiring/export' }) },
  { name: 'GET /qualification-kinds', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/qualification-kinds' }) },
  { name: 'POST /qualification-kinds', action: 'qualificationKind.write', request: async () => ({ method: 'POST', url: '/api/qualification-kinds', payload: { code: `kind_${++seq}`, name: `资质类型${seq}` } }) },
  { name: 'PATCH /qualification-kinds/:code', action: 'qualificationKind.write', request: async () => ({ method: 'PATCH', url: '/api/qualification-kinds/tech_center', payload: { sort: 99 } }) },
  { name: 'GET /enterprises/export', action: 'enterprise.export', request: async () => ({ method: 'GET', url: '/api/enterprises/export?tag=none-such' }) },
  { name: 'GET /enterprises/import-template', action: 'enterprise.import', request: async () => ({ method: 'GET', url: '/api/enterprises/import-template' }) },
  { name: 'GET /enterprises/:id/change-requests', action: 'enterprise.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}/change-requests` }) },
  { name: 'POST /enterprises/:id/change-requests', action: 'enterprise.requestChange', objectOfOthers: true, request: async () => ({ method: 'POST', url: `/api/enterprises/${await newEnterprise()}/change-requests`, payload: { changes: { industryCode: '6520' }, reason: '主营业务调整' } }) },
  { name: 'GET /enterprise-change-requests', action: 'enterprise.approveChange', request: async () => ({ method: 'GET', url: '/api/enterprise-change-requests' }) },
  { name: 'POST /enterprise-change-requests/:id/decision', action: 'enterprise.approveChange', request: async () => ({ method: 'POST', url: `/api/enterprise-change-requests/${await newChangeRequest()}/decision`, payload: { approve: false, comment: '材料不全' } }) },
  { name: 'GET /saved-filters', action: 'enterprise.read', request: async () => ({ method: 'GET', url: '/api/saved-filters?module=enterprises' }) },
  { name: 'POST /saved-filters', action: 'enterprise.read', request: async () => ({ method: 'POST', url: '/api/saved-filters', payload: { module: 'enterprises', name: `筛选${++seq}`, query: { aboveScale: 'true' } } }) },
  { name: 'GET /statistics/indicators', action: 'statistics.read', anyOf: ['statistics.read', 'statistics.report', 'statistics.write'], request: async () => ({ method: 'GET', url: '/api/statistics/indicators' }) },
  { name: 'POST /statistics/indicators', action: 'statistics.manage', request: async () => ({ method: 'POST', url: '/api/statistics/indicators', payload: { code: `ind_${++seq}`, nameZh: `指标${seq}`, nameEn: `Indicator ${seq}`, unit: '万元', kind: 'flow' } }) },
  { name: 'PATCH /statistics/indicators/:code', action: 'statistics.manage', request: async () => ({ method: 'PATCH', url: '/api/statistics/indicators/export', payload: { sortOrder: 75 } }) },
  { name: 'GET /statistics/periods', action: 'statistics.read', anyOf: ['statistics.read', 'statistics.write', 'statistics.review'], request: async () => ({ method: 'GET', url: '/api/statistics/periods' }) },
  { name: 'PATCH /statistics/periods/:period', action: 'statistics.manage', request: async () => ({ method: 'PATCH', url: `/api/statistics/periods/${PERIOD}`, payload: { dueOn: '2026-02-20' } }) },
  { name: 'POST /statistics/periods/:period/close', action: 'statistics.manage', request: async () => ({ method: 'POST', url: `/api/statistics/periods/${freshPeriod()}/close` }) },
  {
    name: 'POST /statistics/periods/:period/reopen',
    action: 'statistics.manage',
    request: async () => {
      const period = freshPeriod();
      expect((await t.app.inject(as(sessions.get('statistician')!, 'POST', `/api/statistics/periods/${period}/close`))).statusCode).toBe(200);
      return { method: 'POST', url: `/api/statistics/periods/${period}/reopen` };
    },
  },
  { name: 'PUT /statistics/reports/:period', action: 'statistics.write', request: async () => ({ method: 'PUT', url: `/api/statistics/reports/${PERIOD}`, payload: { rows: [{ uscc: (await newReport()).uscc, values: { revenue: 120 } }] } }) },
  { name: 'GET /statistics/enterprises/:id/form', action: 'statistics.write', anyOf: ['statistics.report', 'statistics.write'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/statistics/enterprises/${await newEnterprise()}/form?period=${PERIOD}` }) },
  { name: 'PUT /statistics/enterprises/:id/reports/:period', action: 'statistics.write', anyOf: ['statistics.report', 'statistics.write'], objectOfOthers: true, request: async () => ({ method: 'PUT', url: `/api/statistics/enterprises/${await newEnterprise()}/reports/${PERIOD}`, payload: { values: { revenue: 10 } } }) },
  { name: 'GET /statistics/enterprises/:id/series', action: 'statistics.read', anyOf: ['statistics.read', 'statistics.report'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/statistics/enterprises/${await newEnterprise()}/series` }) },
  { name: 'GET /statistics/reporting', action: 'statistics.review', request: async () => ({ method: 'GET', url: `/api/statistics/reporting?period=${PERIOD}` }) },
  { name: 'GET /statistics/reports/:id', action: 'statistics.read', anyOf: ['statistics.read', 'statistics.review', 'statistics.report'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/statistics/reports/${(await newReport()).reportId}` }) },
  { name: 'POST /statistics/reports/:id/review', action: 'statistics.review', request: async () => ({ method: 'POST', url: `/api/statistics/reports/${(await newReport()).reportId}/review`, payload: { decision: 'accept' } }) },
  { name: 'POST /statistics/reminders', action: 'statistics.review', request: async () => ({ method: 'POST', url: '/api/statistics/reminders', payload: { period: PERIOD, parkId: haidianId } }) },
  { name: 'GET /statistics/import-template', action: 'statistics.write', request: async () => ({ method: 'GET', url: '/api/statistics/import-template' }) },
  { name: 'GET /statistics/summary', action: 'statistics.read', request: async () => ({ method: 'GET', url: `/api/statistics/summary?period=${PERIOD}` }) },
  { name: 'GET /statistics/analysis', action: 'statistics.read', request: async () => ({ method: 'GET', url: `/api/statistics/analysis?period=${PERIOD}&groupBy=industry` }) },
  { name: 'GET /statistics/trend', action: 'statistics.read', request: async () => ({ method: 'GET', url: `/api/statistics/trend?to=${PERIOD}&months=12` }) },
  { name: 'GET /statistics/ranking', action: 'statistics.read', request: async () => ({ method: 'GET', url: `/api/statistics/ranking?period=${PERIOD}&by=growth&order=asc` }) },
  { name: 'GET /statistics/analysis/export', action: 'statistics.export', request: async () => ({ method: 'GET', url: `/api/statistics/analysis/export?period=${PERIOD}` }) },
  { name: 'GET /statistics/ranking/export', action: 'statistics.export', request: async () => ({ method: 'GET', url: `/api/statistics/ranking/export?period=${PERIOD}` }) },
  { name: 'GET /statistics/bulletin', action: 'statistics.export', request: async () => ({ method: 'GET', url: `/api/statistics/bulletin?period=${PERIOD}` }) },
  { name: 'GET /statistics/cockpit', action: 'statistics.read', request: async () => ({ method: 'GET', url: '/api/statistics/cockpit' }) },
  { name: 'POST /statistics/rollups/refresh', action: 'statistics.manage', request: async () => ({ method: 'POST', url: '/api/statistics/rollups/refresh', payload: { period: PERIOD } }) },
  { name: 'GET /statistics/rollups/status', action: 'statistics.read', request: async () => ({ method: 'GET', url: '/api/statistics/rollups/status' }) },
  { name: 'GET /notifications', action: 'notification.read', request: async () => ({ method: 'GET', url: '/api/notifications' }) },
  { name: 'GET /notifications/unread-count', action: 'notification.read', request: async () => ({ method: 'GET', url: '/api/notifications/unread-count' }) },
  { name: 'POST /notifications/:id/read', action: 'notification.read', request: async (role) => ({ method: 'POST', url: `/api/notifications/${await newNotification(role)}/read` }) },
  { name: 'POST /notifications/read-all', action: 'notification.read', request: async () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
  { name: 'GET /work-orders', action: 'workOrder.read', request: async () => ({ method: 'GET', url: '/api/work-orders' }) },
  { name: 'GET /work-orders/export', action: 'workOrder.read', request: async () => ({ method: 'GET', url: '/api/work-orders/export?q=none-such' }) },
  { name: 'POST /work-orders', action: 'workOrder.create', request: async () => ({ method: 'POST', url: '/api/work-orders', payload: { type: 'help', title: '权限测试工单', description: '权限测试', parkId: haidianId } }) },
  { name: 'GET /work-orders/:id', action: 'workOrder.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/work-orders/${await newWorkOrder({ assign: true })}` }) },
  { name: 'GET /work-orders/:id/assignees', action: 'workOrder.dispatch', request: async () => ({ method: 'GET', url: `/api/work-orders/${await newWorkOrder()}/assignees` }) },
  // Actions: staff need the matrix actions core names for each; the requester (here on its own enterprise's order) is refused by the state machine's side rule.
  { name: 'POST /work-orders/:id/actions accept', action: 'workOrder.dispatch', request: async () => ({ method: 'POST', url: `/api/work-orders/${await newWorkOrder({ own: true })}/actions`, payload: { action: 'accept' } }) },
  { name: 'POST /work-orders/:id/actions reply', action: 'workOrder.handle', request: async () => ({ method: 'POST', url: `/api/work-orders/${await newWorkOrder({ own: true, assign: true })}/actions`, payload: { action: 'reply', content: '权限测试答复' } }) },
  { name: 'POST /work-orders/:id/actions note', action: 'workOrder.handle', anyOf: ['workOrder.handle', 'workOrder.dispatch', 'workOrder.supervise'], request: async () => ({ method: 'POST', url: `/api/work-orders/${await newWorkOrder({ own: true, assign: true })}/actions`, payload: { action: 'note', content: '内部备注' } }) },
  { name: 'POST /work-orders/:id/actions supervise', action: 'workOrder.supervise', request: async () => ({ method: 'POST', url: `/api/work-orders/${await newWorkOrder({ own: true, assign: true })}/actions`, payload: { action: 'supervise', reason: '请加快办理' } }) },
  // 补充信息 on a portal order: its requester only (staff record it on a caller's behalf only for other channels).
  { name: 'POST /work-orders/:id/actions addInfo', action: 'workOrder.create', allowedRoles: ['enterprise'], request: async () => ({ method: 'POST', url: `/api/work-orders/${await newPortalOrder()}/actions`, payload: { action: 'addInfo', content: '补充材料' } }) },
  // 撤回 likewise: a portal order by its requester only; a hotline order also by the dispatch desk for the caller (回访), by no other staff.
  { name: 'POST /work-orders/:id/actions withdraw', action: 'workOrder.create', allowedRoles: ['enterprise'], request: async () => ({ method: 'POST', url: `/api/work-orders/${await newPortalOrder()}/actions`, payload: { action: 'withdraw', reason: '问题已自行解决' } }) },
  {
    name: 'POST /work-orders/:id/actions 回访撤回',
    action: 'workOrder.dispatch',
    allowedRoles: [...roleCodes.filter((r) => can([r], 'workOrder.dispatch')), 'enterprise'],
    request: async () => ({ method: 'POST', url: `/api/work-orders/${await newWorkOrder({ own: true })}/actions`, payload: { action: 'withdraw', reason: '来电人表示已自行解决' } }),
  },
  { name: 'POST /work-order-attachments', action: 'workOrder.create', anyOf: ['workOrder.create', 'workOrder.handle', 'workOrder.dispatch', 'workOrder.supervise'], request: async () => pdfUpload() },
  { name: 'GET /work-order-attachments/:id', action: 'workOrder.read', objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/work-order-attachments/${await newOrderAttachment()}` }) },
  { name: 'GET /work-order-categories', action: 'workOrder.read', anyOf: ['workOrder.read', 'workOrder.configure'], request: async () => ({ method: 'GET', url: '/api/work-order-categories' }) },
  { name: 'POST /work-order-categories', action: 'workOrder.configure', request: async () => ({ method: 'POST', url: '/api/work-order-categories', payload: { name: `权限分类${++seq}` } }) },
  { name: 'PATCH /work-order-categories/:id', action: 'workOrder.configure', request: async () => ({ method: 'PATCH', url: `/api/work-order-categories/${await newCategory()}`, payload: { sortOrder: 5 } }) },
  { name: 'DELETE /work-order-categories/:id', action: 'workOrder.configure', request: async () => ({ method: 'DELETE', url: `/api/work-order-categories/${await newCategory()}` }) },
  { name: 'GET /work-order-deadline-rules', action: 'workOrder.read', anyOf: ['workOrder.read', 'workOrder.configure'], request: async () => ({ method: 'GET', url: '/api/work-order-deadline-rules' }) },
  { name: 'PUT /work-order-deadline-rules/:type/:priority', action: 'workOrder.configure', request: async () => ({ method: 'PUT', url: '/api/work-order-deadline-rules/suggestion/urgent', payload: { responseHours: 1, resolveWorkingDays: 5 } }) },
  // 三率 and 督办
  { name: 'GET /work-orders/stats', action: 'workOrder.stats', request: async () => ({ method: 'GET', url: `/api/work-orders/stats?${STATS_WINDOW}` }) },
  { name: 'GET /work-orders/stats/breakdown', action: 'workOrder.stats', request: async () => ({ method: 'GET', url: `/api/work-orders/stats/breakdown?${STATS_WINDOW}&groupBy=park` }) },
  { name: 'GET /work-orders/stats/breakdown/export', action: 'workOrder.stats', request: async () => ({ method: 'GET', url: `/api/work-orders/stats/breakdown/export?${STATS_WINDOW}` }) },
  { name: 'GET /work-orders/stats/orders', action: 'workOrder.stats', request: async () => ({ method: 'GET', url: `/api/work-orders/stats/orders?${STATS_WINDOW}&rate=response` }) },
  { name: 'GET /work-orders/stats/orders/export', action: 'workOrder.stats', request: async () => ({ method: 'GET', url: `/api/work-orders/stats/orders/export?${STATS_WINDOW}&rate=resolution` }) },
  { name: 'GET /supervisions', action: 'workOrder.supervise', anyOf: ['workOrder.supervise', 'workOrder.handle'], request: async () => ({ method: 'GET', url: '/api/supervisions' }) },
  { name: 'GET /supervisions/export', action: 'workOrder.supervise', anyOf: ['workOrder.supervise', 'workOrder.handle'], request: async () => ({ method: 'GET', url: '/api/supervisions/export?status=closed' }) },
  { name: 'POST /supervisions/:id/actions feedback', action: 'workOrder.handle', request: async (role) => ({ method: 'POST', url: `/api/supervisions/${await newSupervision(role)}/actions`, payload: { action: 'feedback', content: '已督促承办部门' } }) },
  { name: 'POST /supervisions/:id/actions return', action: 'workOrder.supervise', request: async (role) => ({ method: 'POST', url: `/api/supervisions/${await newSupervision(role, 'feedback')}/actions`, payload: { action: 'return', comment: '反馈不充分' } }) },
  { name: 'POST /supervisions/:id/actions close', action: 'workOrder.supervise', request: async (role) => ({ method: 'POST', url: `/api/supervisions/${await newSupervision(role)}/actions`, payload: { action: 'close' } }) },
  // 走访, 服务包, the workbench and the enterprise tab
  { name: 'GET /visits', action: 'visit.read', request: async () => ({ method: 'GET', url: '/api/visits' }) },
  { name: 'GET /visits/export', action: 'visit.read', request: async () => ({ method: 'GET', url: '/api/visits/export?status=cancelled' }) },
  { name: 'GET /visits/frequency-rules', action: 'visit.read', request: async () => ({ method: 'GET', url: '/api/visits/frequency-rules' }) },
  { name: 'PUT /visits/frequency-rules/:class', action: 'workOrder.configure', request: async () => ({ method: 'PUT', url: '/api/visits/frequency-rules/other', payload: { intervalDays: 180 } }) },
  { name: 'POST /visits', action: 'visit.write', request: async () => ({ method: 'POST', url: '/api/visits', payload: { enterpriseId: await newEnterprise(), plannedOn: shanghaiDate(new Date()) } }) },
  { name: 'GET /visits/:id', action: 'visit.read', request: async () => ({ method: 'GET', url: `/api/visits/${(await newVisit()).id}` }) },
  { name: 'PATCH /visits/:id', action: 'visit.write', request: async () => ({ method: 'PATCH', url: `/api/visits/${(await newVisit()).id}`, payload: { topics: ['政策需求'] } }) },
  { name: 'POST /visits/:id/record', action: 'visit.write', request: async () => ({ method: 'POST', url: `/api/visits/${(await newVisit()).id}/record`, payload: { visitedOn: shanghaiDate(new Date()), people: ['张三'], topics: ['经营情况'] } }) },
  { name: 'POST /visits/:id/cancel', action: 'visit.write', request: async () => ({ method: 'POST', url: `/api/visits/${(await newVisit()).id}/cancel`, payload: { reason: '企业改期' } }) },
  { name: 'POST /visits/:id/problems', action: 'visit.write', request: async () => ({ method: 'POST', url: `/api/visits/${(await newVisit(true)).id}/problems`, payload: { text: '停车难' } }) },
  {
    name: 'POST /visits/:id/problems/:problemId/work-order',
    action: 'visit.write',
    request: async () => {
      const v = await newVisit(true);
      return { method: 'POST', url: `/api/visits/${v.id}/problems/${v.problems[0]!.id}/work-order`, payload: {} };
    },
  },
  { name: 'GET /service-packages', action: 'servicePackage.read', request: async () => ({ method: 'GET', url: '/api/service-packages' }) },
  { name: 'POST /service-packages', action: 'servicePackage.manage', request: async () => ({ method: 'POST', url: '/api/service-packages', payload: { name: `权限测试服务包${++seq}`, items: [{ name: '政策解读' }] } }) },
  { name: 'GET /service-packages/:id', action: 'servicePackage.read', request: async () => ({ method: 'GET', url: `/api/service-packages/${(await newPackage()).id}` }) },
  { name: 'PATCH /service-packages/:id', action: 'servicePackage.manage', request: async () => ({ method: 'PATCH', url: `/api/service-packages/${(await newPackage()).id}`, payload: { description: '说明' } }) },
  { name: 'POST /service-packages/:id/assignments', action: 'servicePackage.write', request: async () => ({ method: 'POST', url: `/api/service-packages/${(await newPackage()).id}/assignments`, payload: { enterpriseIds: [await newEnterprise()] } }) },
  { name: 'GET /service-package-assignments', action: 'servicePackage.read', request: async () => ({ method: 'GET', url: '/api/service-package-assignments' }) },
  { name: 'GET /service-package-assignments/:id', action: 'servicePackage.read', request: async () => ({ method: 'GET', url: `/api/service-package-assignments/${(await newAssignment()).id}` }) },
  {
    name: 'PUT /service-package-assignments/:id/items/:itemId',
    action: 'servicePackage.write',
    request: async () => {
      const a = await newAssignment();
      return { method: 'PUT', url: `/api/service-package-assignments/${a.id}/items/${a.items[0]!.itemId}`, payload: { status: 'in_progress' } };
    },
  },
  { name: 'GET /service-desk/workbench', action: 'visit.write', request: async () => ({ method: 'GET', url: '/api/service-desk/workbench' }) },
  { name: 'GET /service-desk/my-enterprises', action: 'visit.write', request: async () => ({ method: 'GET', url: '/api/service-desk/my-enterprises' }) },
  { name: 'GET /enterprises/:id/service', action: 'workOrder.read', anyOf: ['workOrder.read', 'visit.read'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/enterprises/${await newEnterprise()}/service` }) },
  // 我的服务 in the portal: being an enterprise user is the permission (its own enterprise's rows only).
  { name: 'GET /portal/visits', action: 'enterprise.read', allowedRoles: ['enterprise'], request: async () => ({ method: 'GET', url: '/api/portal/visits' }) },
  { name: 'GET /portal/visits/:id (own)', action: 'enterprise.read', allowedRoles: ['enterprise'], request: async () => ({ method: 'GET', url: `/api/portal/visits/${(await newVisit(true, ownEnterpriseId)).id}` }) },
  { name: 'GET /portal/visits/:id (another enterprise’s)', action: 'enterprise.read', allowedRoles: ['enterprise'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/portal/visits/${(await newVisit()).id}` }) },
  { name: 'GET /portal/service-packages', action: 'enterprise.read', allowedRoles: ['enterprise'], request: async () => ({ method: 'GET', url: '/api/portal/service-packages' }) },
  { name: 'GET /portal/service-packages/:id (own)', action: 'enterprise.read', allowedRoles: ['enterprise'], request: async () => ({ method: 'GET', url: `/api/portal/service-packages/${(await newAssignment(ownEnterpriseId)).id}` }) },
  { name: 'GET /portal/service-packages/:id (another enterprise’s)', action: 'enterprise.read', allowedRoles: ['enterprise'], objectOfOthers: true, request: async () => ({ method: 'GET', url: `/api/portal/service-packages/${(await newAssignment()).id}` }) },
];

/** A visit of a new 海淀园 enterprise by the demo service officer: planned, or recorded with a problem found. */
async function newVisit(done = false, enterpriseId?: string) {
  const today = shanghaiDate(new Date());
  const body = done ? { visitedOn: today, people: ['张三'], topics: ['经营情况'], problemsFound: [{ text: '企业希望对接银行' }] } : { plannedOn: today };
  const r = await t.app.inject(as(sessions.get('service_officer')!, 'POST', '/api/visits', { enterpriseId: enterpriseId ?? (await newEnterprise()), ...body }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; problems: { id: string }[] };
}
/** A service package made by the 海淀园 park admin. */
async function newPackage() {
  const r = await t.app.inject(as(sessions.get('park_admin')!, 'POST', '/api/service-packages', { name: `权限测试包${++seq}`, items: [{ name: '专属服务管家' }, { name: '融资对接' }] }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}
/** A package assigned to a new enterprise (海淀园 unless another park's is given). */
async function newAssignment(enterpriseId?: string) {
  const pkg = await newPackage();
  const e = enterpriseId ?? (await newEnterprise());
  const r = await t.app.inject(as(sessions.get('service_officer')!, 'POST', `/api/service-packages/${pkg.id}/assignments`, { enterpriseIds: [e] }));
  expect(r.statusCode, r.body).toBe(201);
  const list = await t.app.inject(as(sessions.get('service_officer')!, 'GET', `/api/service-package-assignments?packageId=${pkg.id}`));
  return list.json().items[0] as { id: string; items: { itemId: string }[] };
}
/** An enterprise of another park than 海淀园, made by the zone-wide statistician. */
async function otherParkEnterprise() {
  const r = await t.app.inject(as(sessions.get('statistician')!, 'POST', '/api/enterprises', { uscc: uscc(950000 + ++seq), name: `昌平权限测试企业${seq}有限公司`, parkId: otherParkId, industryCode: '6513' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

const STATS_WINDOW = 'from=2025-01-01&to=2025-12-31';
/**
 * An automatic supervision of a late 海淀园 order (or another park's). Department staff reach only
 * their department's orders: the order goes to the demo department staff's department (one is
 * given to it when it has none).
 */
async function newSupervision(role: RoleCode, status: 'open' | 'feedback' = 'open', parkId = haidianId) {
  const pool = t.database.pool;
  let departmentId: string | null = null;
  if (role === 'department_staff') {
    const staffId = sessions.get('department_staff')!.user.id;
    departmentId = (await pool.query(`SELECT department_id FROM users WHERE id = $1`, [staffId])).rows[0].department_id;
    if (!departmentId) await pool.query(`UPDATE users SET department_id = $2 WHERE id = $1`, [staffId, (departmentId = await newDepartment(haidianId))]);
  }
  const orderId = await insertOrder(pool, { parkId, departmentId, createdBy: admin.user.id, createdAt: '2025-03-03T09:00:00+08:00', status: 'assigned', respondedAt: '2025-03-03T09:30:00+08:00' });
  const r = await pool.query(`INSERT INTO work_order_supervisions (order_id, kind, trigger, reason, status) VALUES ($1, 'auto', 'resolve_overdue', '超过办理时限', $2) RETURNING id`, [orderId, status]);
  return r.rows[0].id as string;
}

/** A notification in the inbox of the role's demo user (each user marks only its own). */
async function newNotification(role: RoleCode) {
  const r = await t.database.pool.query(`INSERT INTO notifications (user_id, kind, title) VALUES ($1, 'assigned', '权限测试') RETURNING id`, [sessions.get(role)!.user.id]);
  return r.rows[0].id as string;
}

/** The demo department staff's department (given one on first use): where assigned test orders go. */
async function staffDepartment() {
  const staffId = sessions.get('department_staff')!.user.id;
  const pool = t.database.pool;
  let id = (await pool.query(`SELECT department_id FROM users WHERE id = $1`, [staffId])).rows[0].department_id as string | null;
  if (!id) await pool.query(`UPDATE users SET department_id = $2 WHERE id = $1`, [staffId, (id = await newDepartment(haidianId))]);
  return id;
}
/** A 海淀园 order recorded by the demo service officer: for a new enterprise, or the demo enterprise's own; assigned to the staff's department. */
async function newWorkOrder(o: { own?: boolean; assign?: boolean; attachmentIds?: string[] } = {}) {
  const officer = sessions.get('service_officer')!;
  const enterpriseId = o.own ? ownEnterpriseId : await newEnterprise();
  const r = await t.app.inject(as(officer, 'POST', '/api/work-orders', { type: 'help', channel: 'hotline', title: `权限测试工单${++seq}`, description: '来电', enterpriseId, attachmentIds: o.attachmentIds }));
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  if (o.assign) expect((await t.app.inject(as(officer, 'POST', `/api/work-orders/${id}/actions`, { action: 'assign', departmentId: await staffDepartment() }))).statusCode).toBe(200);
  return id;
}
/** Submitted by the demo enterprise through the portal. */
async function newPortalOrder() {
  const r = await t.app.inject(as(sessions.get('enterprise')!, 'POST', '/api/work-orders', { type: 'inquiry', title: `门户工单${++seq}`, description: '门户提交' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
/** A one-file multipart upload of a small PDF. */
function pdfUpload() {
  const { payload, contentType } = multipartFile('a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
  return { method: 'POST' as const, url: '/api/work-order-attachments', payload, headers: { 'content-type': contentType } };
}
/** An attachment of an order (of a new enterprise) assigned to the staff's department. */
async function newOrderAttachment() {
  const up = pdfUpload();
  const r = await t.app.inject({ ...as(sessions.get('service_officer')!, 'POST', up.url), payload: up.payload, headers: { ...as(sessions.get('service_officer')!, 'POST', up.url).headers, ...up.headers } });
  expect(r.statusCode, r.body).toBe(201);
  await newWorkOrder({ assign: true, attachmentIds: [r.json().id] });
  return r.json().id as string;
}
async function newCategory() {
  const r = await t.app.inject(as(sessions.get('park_admin')!, 'POST', '/api/work-order-categories', { name: `权限分类${++seq}` }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

describe.each(cases)('$name', (c) => {
  it.each(roleCodes)('as %s', async (role) => {
    const req = await c.request(role);
    const signed = as(sessions.get(role)!, req.method, req.url, req.payload);
    const res = await t.app.inject({ ...signed, headers: { ...signed.headers, ...req.headers } });
    const allowed = c.allowedRoles ? c.allowedRoles.includes(role) : (c.anyOf ?? [c.action]).some((a) => can([role], a));
    if (allowed && role === 'enterprise' && c.objectOfOthers) {
      // An enterprise user may use the route, but only for its own enterprise.
      expect(res.statusCode, res.body).toBe(404);
    } else if (allowed) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('without signing in → 401', async () => {
    const req = await c.request('leader');
    const res = await t.app.inject({ method: req.method, url: req.url, payload: req.payload as object | undefined, headers: req.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('NOT_SIGNED_IN');
  });
});

describe('out of park scope → 404', () => {
  // demo_park_admin's scope is 海淀园; a sysadmin scoped to 海淀园 shows the same for admin-only endpoints.
  let parkAdmin: Session;
  let scopedAdmin: Session;
  beforeAll(async () => {
    parkAdmin = sessions.get('park_admin')!;
    // Two people make an administrator: the system admin creates the account, the security admin grants the role.
    const r = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'hd_sysadmin', displayName: '海淀园系统管理员', password: 'Haidian-Admin-2025', roles: ['leader'], parkIds: [haidianId] }));
    expect(r.statusCode).toBe(201);
    expect((await t.app.inject(as(sessions.get('secadmin')!, 'PUT', `/api/users/${r.json().id}/roles`, { roles: ['sysadmin'] }))).statusCode).toBe(200);
    scopedAdmin = await login(t.app, 'hd_sysadmin', 'Haidian-Admin-2025');
  });

  const outOfScope: { name: string; who: () => Session; request: () => Promise<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown }> }[] = [
    { name: 'park admin reads a department of another park', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/departments` }) },
    { name: 'park admin edits a department of another park', who: () => parkAdmin, request: async () => ({ method: 'PATCH', url: `/api/departments/${await newDepartment(otherParkId)}`, payload: { phone: '1' } }) },
    { name: 'park admin deletes a department of another park', who: () => parkAdmin, request: async () => ({ method: 'DELETE', url: `/api/departments/${await newDepartment(otherParkId)}` }) },
    { name: 'park admin creates a department in another park', who: () => parkAdmin, request: async () => ({ method: 'POST', url: '/api/departments', payload: { name: '越权部门', parkId: otherParkId } }) },
    { name: 'park admin reads a zone-wide user', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/users/${await newUser(zoneId)}` }) },
    { name: 'scoped sysadmin reads another park', who: () => scopedAdmin, request: async () => ({ method: 'GET', url: `/api/parks/${otherParkId}` }) },
    { name: 'scoped sysadmin edits another park', who: () => scopedAdmin, request: async () => ({ method: 'PATCH', url: `/api/parks/${otherParkId}`, payload: { name: '越权' } }) },
    { name: 'scoped sysadmin edits a user of another park', who: () => scopedAdmin, request: async () => ({ method: 'PATCH', url: `/api/users/${await newUser(otherParkId)}`, payload: { displayName: '越权' } }) },
    { name: 'scoped sysadmin resets a zone user', who: () => scopedAdmin, request: async () => ({ method: 'POST', url: `/api/users/${await newUser(zoneId)}/reset-password`, payload: { password: 'Reset-Pass-2025x' } }) },
    { name: 'scoped sysadmin creates a user in another park', who: () => scopedAdmin, request: async () => ({ method: 'POST', url: '/api/users', payload: { username: 'evil1', displayName: 'x', password: 'Evil-User-2025!', roles: ['leader'], parkIds: [otherParkId] } }) },
    { name: 'scoped sysadmin revokes a zone token', who: () => scopedAdmin, request: async () => ({ method: 'POST', url: `/api/tokens/${await newToken()}/revoke` }) },
    { name: 'park admin reads the rates of another park', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/work-orders/stats?${STATS_WINDOW}&parkId=${otherParkId}` }) },
    { name: 'park admin lists the assignees of another park’s order', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/work-orders/${await insertOrder(t.database.pool, { parkId: otherParkId, createdBy: admin.user.id, createdAt: '2025-03-03T09:00:00+08:00' })}/assignees` }) },
    { name: 'park admin closes a supervision of another park', who: () => parkAdmin, request: async () => ({ method: 'POST', url: `/api/supervisions/${await newSupervision('park_admin', 'open', otherParkId)}/actions`, payload: { action: 'close' } }) },
    { name: 'department staff give feedback on another department’s supervision', who: () => sessions.get('department_staff')!, request: async () => ({ method: 'POST', url: `/api/supervisions/${await newSupervision('leader')}/actions`, payload: { action: 'feedback', content: '越权反馈' } }) },
    { name: 'park admin reads a visit of another park', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/visits/${(await newVisit(false, await otherParkEnterprise())).id}` }) },
    { name: 'park admin records a visit of another park', who: () => parkAdmin, request: async () => ({ method: 'POST', url: `/api/visits/${(await newVisit(false, await otherParkEnterprise())).id}/record`, payload: { visitedOn: shanghaiDate(new Date()), people: ['张三'], topics: ['经营情况'] } }) },
    { name: 'park admin plans a visit to another park’s enterprise', who: () => parkAdmin, request: async () => ({ method: 'POST', url: '/api/visits', payload: { enterpriseId: await otherParkEnterprise(), plannedOn: shanghaiDate(new Date()) } }) },
    { name: 'park admin reads a package assignment of another park', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/service-package-assignments/${(await newAssignment(await otherParkEnterprise())).id}` }) },
    {
      name: 'park admin updates progress of another park’s assignment',
      who: () => parkAdmin,
      request: async () => {
        const a = await newAssignment(await otherParkEnterprise());
        return { method: 'PUT', url: `/api/service-package-assignments/${a.id}/items/${a.items[0]!.itemId}`, payload: { status: 'done' } };
      },
    },
    { name: 'park admin reads the service tab of another park’s enterprise', who: () => parkAdmin, request: async () => ({ method: 'GET', url: `/api/enterprises/${await otherParkEnterprise()}/service` }) },
  ];

  it.each(outOfScope)('$name', async (c) => {
    const req = await c.request();
    const res = await t.app.inject(as(c.who(), req.method, req.url, req.payload));
    if (req.url === '/api/departments' && req.method === 'GET') {
      // A list never answers 404: it leaves out what is out of scope.
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { parkId: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((d) => d.parkId === haidianId)).toBe(true);
      return;
    }
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
