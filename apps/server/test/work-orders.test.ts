import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deadlineRuleFor, workOrderDeadlines } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { multipartFile } from './multipart';

// Fri 2026-11-20 10:00 Asia/Shanghai unless a test moves the clock.
const FRIDAY = new Date('2026-11-20T02:00:00Z');
let now = FRIDAY;
let t: TestApp;
let dataDir: string;
let admin: Session, officer: Session, leader: Session, policy: Session, ent: Session, otherEnt: Session, staffA: Session, staffB: Session;
let haidianId: string, depA: string, depB: string, otherEnterpriseId: string;

type Detail = { id: string; number: string; status: string; events: { action: string; visibility: string; content: string | null; data: Record<string, unknown>; attachments: { id: string }[] }[]; availableActions: string[]; [k: string]: unknown };
const create = (s: Session, body: object, headers: Record<string, string> = {}) => {
  const r = as(s, 'POST', '/api/work-orders', body);
  return t.app.inject({ ...r, headers: { ...r.headers, ...headers } });
};
const act = (s: Session, id: string, body: object) => t.app.inject(as(s, 'POST', `/api/work-orders/${id}/actions`, body));
async function ok(s: Session, id: string, body: object): Promise<Detail> {
  const r = await act(s, id, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
async function newOrder(s: Session = ent, body: object = {}): Promise<Detail> {
  const r = await create(s, { type: 'help', title: '申请人才公寓', description: '三名博士入职，需要人才公寓。', ...body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
/** Moves the clock for `work`, with sessions signed in at that time (sessions expire by the same clock). */
async function at<T>(instant: string, usernames: string[], work: (...s: Session[]) => Promise<T>): Promise<T> {
  now = new Date(instant);
  try {
    const sessions: Session[] = [];
    for (const u of usernames) sessions.push(await login(t.app, u, u.startsWith('demo_') ? DEMO_PASSWORD : 'Work-Order-2025!'));
    return await work(...sessions);
  } finally {
    now = FRIDAY;
  }
}
const inbox = async (s: Session) => (await get(s, '/api/notifications?pageSize=100')).json().items as { kind: string; title: string; link: string }[];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zy-wo-'));
  t = await createTestApp({ clock: () => now, env: { DATA_DIR: dataDir } });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  const demo = (role: string) => login(t.app, `demo_${role}`, DEMO_PASSWORD);
  [officer, leader, policy, ent] = [await demo('service_officer'), await demo('leader'), await demo('policy_officer'), await demo('enterprise')];
  haidianId = ((await get(admin, '/api/parks')).json().items as { id: string; code: string }[]).find((p) => p.code === 'ZGC-HD')!.id;
  const dept = async (name: string) => (await t.app.inject(as(admin, 'POST', '/api/departments', { name, parkId: haidianId }))).json().id as string;
  [depA, depB] = [await dept('工单测试一科'), await dept('工单测试二科')];
  const user = async (username: string, body: object) => {
    const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Work-Order-2025!', parkIds: [haidianId], ...body }));
    expect(r.statusCode, r.body).toBe(201);
    return login(t.app, username, 'Work-Order-2025!');
  };
  staffA = await user('wo_staff_a', { roles: ['department_staff'], departmentId: depA });
  staffB = await user('wo_staff_b', { roles: ['department_staff'], departmentId: depB });
  // staffA heads 一科: it decides its department's extensions.
  expect((await t.app.inject(as(admin, 'PATCH', `/api/departments/${depA}`, { headUserId: staffA.user.id }))).statusCode).toBe(200);
  const list = (await get(officer, `/api/enterprises?parkId=${haidianId}&status=active&pageSize=5`)).json().items as { id: string }[];
  otherEnterpriseId = list.find((e) => e.id !== ent.user.enterpriseId)!.id;
  otherEnt = await user('wo_other_ent', { roles: ['enterprise'], enterpriseId: otherEnterpriseId });
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('creating orders', () => {
  it('numbers GD-YYYY-NNNNNN in sequence, deadlines from the rule, a creation event and the officer told', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const seq = (n: string) => Number(n.slice(8));
    expect(a.number).toMatch(/^GD-2026-\d{6}$/);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
    expect(a).toMatchObject({ status: 'submitted', channel: 'portal', type: 'help', enterpriseId: ent.user.enterpriseId, parkId: haidianId, responseDueAt: '2026-11-20T04:00:00.000Z' });
    const cal = await t.app.services.calendar.workCalendar();
    expect(a.resolveDueAt).toBe(workOrderDeadlines(cal, FRIDAY, deadlineRuleFor([], 'help', 'normal')).resolveDueAt);
    expect(a.events.map((e) => e.action)).toEqual(['create']);
    expect(a.availableActions).toEqual(['addInfo', 'withdraw']);
    // Every 10th demo enterprise is demo_service_officer's; the officer of the enterprise hears of it when there is one.
    const officerId = (await t.database.pool.query('SELECT service_officer_id FROM enterprises WHERE id = $1', [ent.user.enterpriseId])).rows[0].service_officer_id;
    if (officerId === officer.user.id) expect((await inbox(officer)).some((n) => n.kind === 'submitted' && n.title.includes(a.number))).toBe(true);
  });

  it('answers the create with the detail its creator then reads, attachments, category and phone included', async () => {
    const upload = async (s: Session, text: string) => {
      const { payload, contentType } = multipartFile(`${text}.pdf`, Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`), 'application/pdf');
      const r = await t.app.inject({ method: 'POST', url: '/api/work-order-attachments', payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const categoryId = ((await get(officer, '/api/work-order-categories')).json().items as { id: string; active: boolean }[]).find((c) => c.active)!.id;
    const byEnterprise = await create(ent, { type: 'help', title: '附件齐全', description: '营业执照与申请表', categoryId, attachmentIds: [await upload(ent, '营业执照'), await upload(ent, '申请表')] });
    const byOfficer = await create(officer, { type: 'complaint', priority: 'urgent', channel: 'hotline', title: '来电投诉', description: '施工噪音', requesterName: '王先生', requesterPhone: '13900001111', enterpriseId: ent.user.enterpriseId, attachmentIds: [await upload(officer, '录音记录')] });
    for (const [s, r] of [[ent, byEnterprise], [officer, byOfficer]] as const) {
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().attachments.length).toBeGreaterThan(0);
      expect(r.json()).toEqual((await get(s, `/api/work-orders/${r.json().id}`)).json());
    }
    expect(byEnterprise.json().categoryPath.length).toBeGreaterThan(0);
    expect(byOfficer.json().requesterPhone).toBe('13900001111');
  });

  it('a year turns at Shanghai midnight: the first order of 2027 is GD-2027-000001', async () => {
    // 2027-01-01 00:30 in Shanghai, still 2026 in UTC.
    await at('2026-12-31T16:30:00Z', ['demo_enterprise'], async (e) => {
      expect((await newOrder(e)).number).toBe('GD-2027-000001');
      expect((await newOrder(e)).number).toBe('GD-2027-000002');
    });
  });

  it('a hotline order on the Friday before the Spring Festival is due by core’s calendar (the 调休 Saturday counts)', async () => {
    // Fri 10:00; 2026-02-14 is a make-up working Saturday, 15–23 off.
    await at('2026-02-13T02:00:00Z', ['demo_service_officer', 'demo_leader'], async (officer, leader) => {
      const r = await create(officer, { type: 'help', channel: 'hotline', title: '来电求助', description: '企业来电', requesterName: '李女士', requesterPhone: '13812345678', enterpriseId: ent.user.enterpriseId });
      expect(r.statusCode, r.body).toBe(201);
      const o = r.json();
      expect(o).toMatchObject({ channel: 'hotline', responseDueAt: '2026-02-13T04:00:00.000Z', resolveDueAt: '2026-02-27T15:59:59.000Z', requesterPhone: '13812345678' });
      expect(o.resolveDueAt).toBe(workOrderDeadlines(await t.app.services.calendar.workCalendar(), now, deadlineRuleFor([], 'help', 'normal')).resolveDueAt);
      // Encrypted at rest; masked for a reader who does not handle orders.
      const stored = (await t.database.pool.query('SELECT requester_phone_enc FROM work_orders WHERE id = $1', [o.id])).rows[0].requester_phone_enc;
      expect(stored).not.toContain('13812345678');
      expect((await get(leader, `/api/work-orders/${o.id}`)).json().requesterPhone).toBe('138****5678');
    });
  });

  it('the same idempotency key twice gives one order; the replay says so; body and header must agree', async () => {
    const body = { type: 'inquiry', title: '政策咨询', description: '研发费用加计扣除', idempotencyKey: 'form-2026-11-20-0001' };
    const first = await create(ent, body);
    const second = await create(ent, body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).toBe(first.json().id);
    // Concurrent double submit through the header.
    const headerBody = { type: 'inquiry', title: '同时提交', description: '双击' };
    const [x, y] = await Promise.all([create(ent, headerBody, { 'idempotency-key': 'double-click-0002' }), create(ent, headerBody, { 'idempotency-key': 'double-click-0002' })]);
    expect([x.statusCode, y.statusCode]).toEqual([201, 201]);
    expect(x.json().id).toBe(y.json().id);
    const n = (await t.database.pool.query(`SELECT count(*)::int AS n FROM work_orders WHERE idempotency_key IN ('form-2026-11-20-0001', 'double-click-0002')`)).rows[0].n;
    expect(n).toBe(2);
    const clash = await create(ent, { ...body, idempotencyKey: 'form-2026-11-20-0003' }, { 'idempotency-key': 'other-key-0003' });
    expect(clash.statusCode).toBe(400);
    // Keys are per user: another user's same key makes its own order.
    expect((await create(otherEnt, body)).json().id).not.toBe(first.json().id);
  });

  it('refuses what does not fit: portal channel for staff, a foreign enterprise for an enterprise user, 12345 without its number', async () => {
    expect((await create(officer, { type: 'help', channel: 'portal', title: '冒充门户', description: 'x', enterpriseId: ent.user.enterpriseId })).statusCode).toBe(400);
    expect((await create(ent, { type: 'help', title: '替别人提交', description: 'x', enterpriseId: otherEnterpriseId })).statusCode).toBe(404);
    expect((await create(officer, { type: 'help', channel: 'hotline_12345', title: '12345', description: 'x', parkId: haidianId })).statusCode).toBe(400);
    const r = await create(officer, { type: 'complaint', channel: 'hotline_12345', externalNo: '12345-2026-0001', title: '12345 转办', description: '匿名投诉', parkId: haidianId });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ enterpriseId: null, externalNo: '12345-2026-0001' });
  });
});

describe('the lifecycle through the API', () => {
  it('accept → assign → start → reply → confirm → rate, with notifications to the holder and the requester', async () => {
    const o = await newOrder();
    let d = await ok(officer, o.id, { action: 'accept', note: '已受理' });
    expect(d).toMatchObject({ status: 'accepted', respondedAt: FRIDAY.toISOString() });
    d = await ok(officer, o.id, { action: 'assign', departmentId: depA, assigneeId: staffA.user.id, coHandlerDepartmentIds: [depB] });
    expect(d).toMatchObject({ status: 'assigned', departmentId: depA, assigneeId: staffA.user.id, coHandlers: [{ departmentId: depB }] });
    expect((await inbox(staffA)).some((n) => n.kind === 'assigned' && n.link === `/work-orders/${o.id}`)).toBe(true);
    expect((await get(staffA, `/api/work-orders/${o.id}`)).json().availableActions).toEqual(expect.arrayContaining(['start', 'reply', 'note', 'requestExtension']));
    d = await ok(staffA, o.id, { action: 'start' });
    expect(d.status).toBe('in_progress');
    d = await ok(staffA, o.id, { action: 'reply', content: '已协调人才公寓三套，请于周一办理入住。' });
    expect(d).toMatchObject({ status: 'replied', repliedAt: FRIDAY.toISOString() });
    const replied = (await inbox(ent)).find((n) => n.kind === 'replied' && n.link === `/work-orders/${o.id}`);
    expect(replied?.title).toContain(o.number);
    const mine = (await get(ent, `/api/work-orders/${o.id}`)).json();
    expect(mine.availableActions).toEqual(['confirm', 'addInfo']);
    d = await ok(ent, o.id, { action: 'confirm', solved: true, comment: '很及时' });
    expect(d).toMatchObject({ status: 'closed', solved: true, closedAt: FRIDAY.toISOString() });
    d = await ok(ent, o.id, { action: 'rate', score: 5, comment: '满意' });
    expect(d).toMatchObject({ rating: 5, ratingComment: '满意', ratedAt: FRIDAY.toISOString() });
    expect((await act(ent, o.id, { action: 'rate', score: 4 })).statusCode).toBe(409);
    expect(d.events.map((e) => e.action)).toEqual(['create', 'accept', 'assign', 'start', 'reply', 'confirm', 'rate']);
    const audit = (await t.database.pool.query(`SELECT action FROM audit_log WHERE target_id = $1 AND result = 'success' ORDER BY id`, [o.id])).rows.map((r) => r.action);
    expect(audit).toEqual(['workOrder.create', 'workOrder.accept', 'workOrder.assign', 'workOrder.start', 'workOrder.reply', 'workOrder.confirm', 'workOrder.rate']);
  });

  it('not solved reopens, the clock restarts; reopen after close; close without confirmation; transfer', async () => {
    const o = await newOrder();
    await ok(officer, o.id, { action: 'assign', departmentId: depA });
    await ok(staffA, o.id, { action: 'reply', content: '请查看政策文件。' });
    // The next Monday.
    await at('2026-11-23T02:00:00Z', ['demo_enterprise', 'demo_service_officer', 'wo_staff_a'], async (ent, officer, staffA) => {
      let d = await ok(ent, o.id, { action: 'confirm', solved: false, comment: '没有解决' });
      const restarted = workOrderDeadlines(await t.app.services.calendar.workCalendar(), now, deadlineRuleFor([], 'help', 'normal')).resolveDueAt;
      expect(d).toMatchObject({ status: 'in_progress', reopenCount: 1, solved: null, resolveDueAt: restarted });
      expect((await inbox(staffA)).some((n) => n.kind === 'reopened' && n.link === `/work-orders/${o.id}`)).toBe(true); // the department's head holds it
      // Transfer (转派) to 二科: a timeline "transfer".
      d = await ok(officer, o.id, { action: 'assign', departmentId: depB });
      expect(d.events.at(-1)!.action).toBe('transfer');
      await ok(officer, o.id, { action: 'assign', departmentId: depA });
      await ok(staffA, o.id, { action: 'reply', content: '已再次答复。' });
      d = await ok(officer, o.id, { action: 'close', reason: '企业联系不上' });
      expect(d).toMatchObject({ status: 'closed', solved: null });
      d = await ok(ent, o.id, { action: 'reopen', reason: '问题再次出现' });
      expect(d).toMatchObject({ status: 'in_progress', reopenCount: 2, closedAt: null });
    });
  });

  it('supervise, internal notes, 补充信息 to the holder, extensions decided by the department head', async () => {
    const o = await newOrder();
    await ok(officer, o.id, { action: 'assign', departmentId: depA, assigneeId: staffA.user.id });
    let d = await ok(leader, o.id, { action: 'supervise', reason: '企业反映强烈，请加快办理' });
    expect(d.supervised).toBe(true);
    expect((d.supervisions as unknown[]).length).toBe(1);
    expect((await inbox(staffA)).some((n) => n.kind === 'supervised')).toBe(true);
    await ok(staffA, o.id, { action: 'note', content: '内部：需协调住建部门' });
    d = await ok(ent, o.id, { action: 'addInfo', content: '补充：入职时间为 12 月 1 日' });
    expect((await inbox(staffA)).some((n) => n.kind === 'info_added' && n.link === `/work-orders/${o.id}`)).toBe(true);
    // The requester sees public entries only, no supervision, no extension.
    const seen = (await get(ent, `/api/work-orders/${o.id}`)).json();
    expect(seen.events.map((e: { action: string }) => e.action)).toEqual(['create', 'assign', 'addInfo']);
    expect(seen.supervisions).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('内部：需协调住建部门');

    await ok(staffA, o.id, { action: 'requestExtension', workingDays: 3, reason: '需跨部门协调' });
    expect((await act(staffA, o.id, { action: 'requestExtension', workingDays: 2, reason: '再申请一次' })).statusCode).toBe(409);
    d = (await get(staffA, `/api/work-orders/${o.id}`)).json();
    const ext = (d.extensions as { id: string; status: string }[])[0]!;
    expect(ext.status).toBe('pending');
    // 二科's staff member handles orders too, but is not the head of this order's department (and does not reach it).
    expect((await act(staffB, o.id, { action: 'decideExtension', extensionId: ext.id, approved: true })).statusCode).toBe(404);
    const before = d.resolveDueAt as string;
    d = await ok(staffA, o.id, { action: 'decideExtension', extensionId: ext.id, approved: true, comment: '同意' });
    expect(d).toMatchObject({ extendedWorkingDays: 3, extensions: [{ status: 'approved' }] });
    const { extendedResolveDue } = await import('@zhiyuan/core');
    expect(d.resolveDueAt).toBe(extendedResolveDue(await t.app.services.calendar.workCalendar(), before, 3).dueAt);
    expect((await act(staffA, o.id, { action: 'decideExtension', extensionId: ext.id, approved: true })).statusCode).toBe(409);
  });

  it('merge, refer and decline carry reason, decider and next step; the merge target shows it', async () => {
    const [a, b, c, target] = [await newOrder(), await newOrder(), await newOrder(), await newOrder()];
    let d = await ok(officer, a.id, { action: 'merge', intoOrderId: target.id, reason: '重复提交' });
    expect(d).toMatchObject({ status: 'merged', disposition: { kind: 'merged', reason: '重复提交', mergedIntoId: target.id, mergedIntoNumber: target.number, decidedById: officer.user.id } });
    expect((d.disposition as { nextStep: string }).nextStep).toContain(target.number);
    expect(d.respondedAt).toBe(FRIDAY.toISOString()); // a disposition from submitted is the response
    const t2 = (await get(officer, `/api/work-orders/${target.id}`)).json();
    expect(t2.mergedOrders).toEqual([{ id: a.id, number: a.number, title: a.title }]);
    expect(t2.events.at(-1).action).toBe('merged_in');
    d = await ok(officer, b.id, { action: 'refer', reason: '属于区人社局职责', nextStep: '请联系海淀区人社局', to: '海淀区人社局' });
    expect(d).toMatchObject({ status: 'referred', disposition: { referredTo: '海淀区人社局', nextStep: '请联系海淀区人社局' } });
    d = await ok(officer, c.id, { action: 'decline', reason: '不属于园区受理范围', nextStep: '请通过法律途径解决' });
    expect(d.status).toBe('declined');
    expect((await inbox(ent)).filter((n) => n.kind === 'disposed').length).toBeGreaterThanOrEqual(3);
    // Missing reason or next step: 400 before anything happens.
    expect((await act(officer, target.id, { action: 'decline', reason: '不予受理' })).statusCode).toBe(400);
    // Into an order that is itself disposed: refused.
    expect((await act(officer, target.id, { action: 'merge', intoOrderId: b.id, reason: '重复' })).statusCode).toBe(409);
  });

  it('out of order → 409 ILLEGAL_TRANSITION; the wrong side or a missing permission → 403', async () => {
    const o = await newOrder();
    const refused = async (s: Session, body: object, status: number, code: string) => {
      const r = await act(s, o.id, body);
      expect(r.statusCode, `${JSON.stringify(body)} ${r.body}`).toBe(status);
      expect(r.json().error.code).toBe(code);
    };
    const illegal = (s: Session, body: object) => refused(s, body, 409, 'ILLEGAL_TRANSITION');
    const forbidden = (s: Session, body: object) => refused(s, body, 403, 'FORBIDDEN');
    await illegal(officer, { action: 'start' });
    await illegal(officer, { action: 'reply', content: '答复' });
    await illegal(officer, { action: 'close' });
    await illegal(officer, { action: 'requestExtension', workingDays: 1, reason: '需要时间' });
    await illegal(ent, { action: 'confirm', solved: true });
    await forbidden(ent, { action: 'accept' }); // the requester never dispatches
    await forbidden(policy, { action: 'accept' }); // reads orders, takes no action
    await forbidden(policy, { action: 'note', content: '备注' });
    await forbidden(leader, { action: 'reply', content: '领导答复' }); // supervises, does not handle
    await ok(officer, o.id, { action: 'accept' });
    await illegal(officer, { action: 'accept' });
    await illegal(officer, { action: 'decideExtension', extensionId: o.id, approved: true }); // none pending
    await ok(officer, o.id, { action: 'assign', departmentId: depA });
    await ok(staffA, o.id, { action: 'reply', content: '答复内容' });
    await illegal(ent, { action: 'rate', score: 5 }); // rated only once closed
    // A portal order is confirmed and rated by its requester only, never on their behalf.
    await forbidden(officer, { action: 'confirm', solved: true });
    await forbidden(officer, { action: 'addInfo', content: '代为补充' });
    await ok(ent, o.id, { action: 'confirm', solved: true });
    await forbidden(officer, { action: 'rate', score: 5 });
    await illegal(officer, { action: 'merge', intoOrderId: (await newOrder()).id, reason: '重复提交' });
    await illegal(leader, { action: 'supervise', reason: '已办结的不能督办' });
  });

  it('a hotline caller has no account: the dispatch desk confirms, rates and adds information on their behalf (回访)', async () => {
    const r = await create(officer, { type: 'inquiry', channel: 'hotline', title: '来电咨询', description: '社保补贴', requesterName: '王先生', requesterPhone: '13900001111', parkId: haidianId });
    const o = r.json();
    await ok(officer, o.id, { action: 'assign', departmentId: depA });
    await ok(officer, o.id, { action: 'addInfo', content: '来电补充：公司 50 人' });
    await ok(staffA, o.id, { action: 'reply', content: '可申请社保补贴。' });
    await ok(officer, o.id, { action: 'confirm', solved: true });
    const d = await ok(officer, o.id, { action: 'rate', score: 4 });
    expect(d).toMatchObject({ status: 'closed', solved: true, rating: 4 });
    expect(d.events.filter((e) => e.data.onBehalf === true).map((e) => e.action)).toEqual(['addInfo', 'confirm', 'rate']);
    // The requester department staff cannot do it for them.
    expect((await act(staffA, o.id, { action: 'reopen' })).statusCode).toBe(403);
  });
});
