import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsWindow } from '@zhiyuan/core';
import { demoUsername } from '../src/seed/bootstrap';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { insertOrder } from './sla-fixtures';

// 督办: the list (scope, filters, export) and the supervision's own machine (feedback, return, close).
let t: TestApp;
let admin: Session;
let leader: Session;
let parkAdmin: Session;
let staff: Session;
let otherStaff: Session;
let haidianId: string;
let changpingId: string;
let depId: string;
let otherDepId: string;
const sup = {} as Record<'auto' | 'flag' | 'other' | 'changping', string>;

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows as T[];
const list = (s: Session, query = '') => t.app.inject(as(s, 'GET', `/api/supervisions${query}`));
const act = (s: Session, id: string, body: object) => t.app.inject(as(s, 'POST', `/api/supervisions/${id}/actions`, body));

/** A late order and its automatic supervision (as the sweep leaves them), or a leader's flag. */
async function supervised(parkId: string, departmentId: string | null, createdBy: string | null, at: string) {
  const creator = (await q<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [demoUsername('service_officer')]))[0]!.id;
  const orderId = await insertOrder(t.database.pool, { parkId, departmentId, createdBy: creator, createdAt: `${at}T09:00:00+08:00`, status: 'assigned', respondedAt: `${at}T09:10:00+08:00` });
  const [row] = await q<{ id: string }>(
    `INSERT INTO work_order_supervisions (order_id, kind, trigger, reason, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [orderId, createdBy ? 'manual' : 'auto', createdBy ? 'flag' : 'resolve_overdue', createdBy ? '请加快办理' : '超过办理时限', `${at}T10:00:00+08:00`, createdBy],
  );
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  leader = await login(t.app, demoUsername('leader'), DEMO_PASSWORD);
  parkAdmin = await login(t.app, demoUsername('park_admin'), DEMO_PASSWORD);
  const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string }[];
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  changpingId = parks.find((p) => p.code === 'ZGC-CP')!.id;
  depId = (await t.app.inject(as(admin, 'POST', '/api/departments', { name: '督办列表甲科', parkId: haidianId }))).json().id;
  otherDepId = (await t.app.inject(as(admin, 'POST', '/api/departments', { name: '督办列表乙科', parkId: haidianId }))).json().id;
  const staffUser = async (username: string, departmentId: string) => {
    const id = (await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Staff-Test-2025!', roles: ['department_staff'], parkIds: [haidianId], departmentId }))).json().id;
    await q(`UPDATE users SET department_id = $2 WHERE id = $1`, [id, departmentId]);
    return login(t.app, username, 'Staff-Test-2025!');
  };
  staff = await staffUser('sup_staff', depId);
  otherStaff = await staffUser('sup_other', otherDepId);
  sup.auto = await supervised(haidianId, depId, null, '2025-05-06');
  sup.flag = await supervised(haidianId, depId, leader.user.id, '2025-05-07');
  sup.other = await supervised(haidianId, otherDepId, null, '2025-05-08');
  sup.changping = await supervised(changpingId, null, null, '2025-05-09');
});
afterAll(() => t.close());

const idsOf = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

describe('GET /api/supervisions', () => {
  it('lists with the order’s facts, newest first, filtered and paged', async () => {
    const res = await list(leader, `?parkId=${haidianId}&departmentId=${depId}`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.items.map((i: { id: string }) => i.id)).toEqual([sup.flag, sup.auto]);
    expect(b.items[0]).toMatchObject({ kind: 'manual', trigger: 'flag', status: 'open', departmentName: '督办列表甲科', createdByName: '领导（示例）', orderStatus: 'assigned' });
    expect(b.items[1]).toMatchObject({ kind: 'auto', createdById: null, createdByName: null });
    expect(idsOf(await list(leader, `?kind=manual&parkId=${haidianId}`))).toEqual([sup.flag]);
    expect(idsOf(await list(leader, `?from=2025-05-08&to=2025-05-08`))).toEqual([sup.other]);
    expect(idsOf(await list(leader, `?parkId=${haidianId}&sort=createdAt&pageSize=2&page=1`))).toEqual([sup.auto, sup.flag]);
    expect((await list(leader, `?parkId=${haidianId}&pageSize=2`)).json().total).toBe(3);
  });

  it('reads its dates as the rates do (statsWindow): Shanghai days, `to` including its day; an end before the start is 400', async () => {
    const [last, first] = [await supervised(haidianId, depId, null, '2025-06-01'), await supervised(haidianId, depId, null, '2025-06-02')];
    // The last instant of 1 June and the first of 2 June in Shanghai (16:00 UTC is midnight there).
    await q(`UPDATE work_order_supervisions SET created_at = $2 WHERE id = $1`, [last, '2025-06-01T15:59:59.999Z']);
    await q(`UPDATE work_order_supervisions SET created_at = $2 WHERE id = $1`, [first, '2025-06-01T16:00:00Z']);
    const w = statsWindow('2025-06-01', '2025-06-01');
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(['2025-05-31T16:00:00.000Z', '2025-06-01T16:00:00.000Z']);
    expect(idsOf(await list(leader, `?from=2025-06-01&to=2025-06-01`))).toEqual([last]);
    expect(idsOf(await list(leader, `?from=2025-06-02&to=2025-06-02`))).toEqual([first]);
    expect(idsOf(await list(leader, `?to=2025-06-01&sort=-createdAt&pageSize=1`))).toEqual([last]);
    expect(idsOf(await list(leader, `?from=2025-06-02`))).toEqual([first]);
    const reversed = await list(leader, `?from=2025-06-02&to=2025-06-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].path).toEqual(['to']);
    await q(`DELETE FROM work_order_supervisions WHERE id = ANY($1)`, [[last, first]]);
  });

  it('scope: the 海淀园 park admin sees no 昌平 order; department staff only their department’s', async () => {
    expect(idsOf(await list(parkAdmin))).not.toContain(sup.changping);
    expect(idsOf(await list(leader))).toContain(sup.changping);
    expect((await list(parkAdmin, `?parkId=${changpingId}`)).statusCode).toBe(404);
    expect(idsOf(await list(staff)).sort()).toEqual([sup.auto, sup.flag].sort());
    expect(idsOf(await list(otherStaff))).toEqual([sup.other]);
  });

  it('exports the list as xlsx', async () => {
    const res = await t.app.inject(as(leader, 'GET', `/api/supervisions/export?status=open`));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('POST /api/supervisions/:id/actions', () => {
  it('feedback by the handling department, return and close by a supervisor; the timeline and the flagging leader hear of it', async () => {
    const fb = await act(staff, sup.flag, { action: 'feedback', content: '已联系企业，本周内答复' });
    expect(fb.statusCode, fb.body).toBe(200);
    expect(fb.json()).toMatchObject({ status: 'feedback', feedback: '已联系企业，本周内答复', feedbackByName: 'sup_staff' });
    const told = await q(`SELECT title FROM notifications WHERE user_id = $1 AND kind = 'supervised'`, [leader.user.id]);
    expect(told).toHaveLength(1);

    const back = await act(leader, sup.flag, { action: 'return', comment: '答复时间太晚' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe('open');
    expect((await act(staff, sup.flag, { action: 'feedback', content: '今天已答复' })).json().status).toBe('feedback');
    const closed = await act(leader, sup.flag, { action: 'close', comment: '办结' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedByName: '领导（示例）', closeComment: '办结' });

    const orderId = closed.json().orderId;
    const events = await q<{ action: string; visibility: string }>(`SELECT action, visibility FROM work_order_events WHERE order_id = $1 ORDER BY at, action`, [orderId]);
    expect(events.map((e) => e.action)).toEqual(['supervision_feedback', 'note', 'supervision_feedback', 'supervision_closed']);
    expect(events.every((e) => e.visibility === 'internal')).toBe(true);
    const audit = await q(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [sup.flag]);
    expect(audit.map((a) => a.action)).toEqual(['supervision.feedback', 'supervision.return', 'supervision.feedback', 'supervision.close']);
  });

  it('out of order → 409; another’s action → 403; another department’s or park’s → 404', async () => {
    const r1 = await act(leader, sup.auto, { action: 'return', comment: '重新办理' }); // open: nothing to return
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await act(leader, sup.auto, { action: 'feedback', content: '领导不反馈' })).statusCode).toBe(403);
    expect((await act(staff, sup.auto, { action: 'close' })).statusCode).toBe(403);
    expect((await act(otherStaff, sup.auto, { action: 'feedback', content: '不是我部门的' })).statusCode).toBe(404);
    expect((await act(parkAdmin, sup.changping, { action: 'close' })).statusCode).toBe(404);
    expect((await act(leader, sup.auto, { action: 'close' })).statusCode).toBe(200);
    expect((await act(leader, sup.auto, { action: 'close' })).statusCode).toBe(409);
    expect((await act(leader, sup.auto, { action: 'escalate' })).statusCode).toBe(400);
  });
});
