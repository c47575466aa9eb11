import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// 撤回: the requester withdraws an open order it no longer needs (ADR 0009).
let t: TestApp;
let admin: Session, officer: Session, ent: Session, otherEnt: Session, staff: Session;
let haidianId: string, depId: string;

type Detail = { id: string; number: string; status: string; disposedAt: string | null; disposition: Record<string, unknown> | null; events: { action: string; visibility: string; content: string | null; data: Record<string, unknown> }[]; availableActions: string[] };
const act = (s: Session, id: string, body: object) => t.app.inject(as(s, 'POST', `/api/work-orders/${id}/actions`, body));
const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
async function ok(s: Session, id: string, body: object): Promise<Detail> {
  const r = await act(s, id, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
async function newOrder(s: Session, body: object = {}): Promise<Detail> {
  const r = await t.app.inject(as(s, 'POST', '/api/work-orders', { type: 'help', title: '申请人才公寓', description: '两名博士入职，需要人才公寓。', ...body }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const hotlineOrder = () => newOrder(officer, { type: 'inquiry', channel: 'hotline', title: '来电咨询社保补贴', requesterName: '王先生', requesterPhone: '13900001111', parkId: haidianId });
const inbox = async (s: Session) => (await get(s, '/api/notifications?pageSize=100')).json().items as { kind: string; title: string; body: string | null; link: string }[];
const withdraw = { action: 'withdraw', reason: '问题已自行解决，不再需要帮助' };

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  [officer, ent] = [await login(t.app, 'demo_service_officer', DEMO_PASSWORD), await login(t.app, 'demo_enterprise', DEMO_PASSWORD)];
  haidianId = ((await get(admin, '/api/parks')).json().items as { id: string; code: string }[]).find((p) => p.code === 'ZGC-HD')!.id;
  depId = (await t.app.inject(as(admin, 'POST', '/api/departments', { name: '撤回测试科', parkId: haidianId }))).json().id;
  const user = async (username: string, body: object) => {
    const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Withdraw-Test-2025!', parkIds: [haidianId], ...body }));
    expect(r.statusCode, r.body).toBe(201);
    return login(t.app, username, 'Withdraw-Test-2025!');
  };
  staff = await user('wd_staff', { roles: ['department_staff'], departmentId: depId });
  const others = (await get(officer, `/api/enterprises?parkId=${haidianId}&status=active&pageSize=5`)).json().items as { id: string }[];
  otherEnt = await user('wd_other_ent', { roles: ['enterprise'], enterpriseId: others.find((e) => e.id !== ent.user.enterpriseId)!.id });
});
afterAll(() => t.close());

describe('withdrawing an order (撤回)', () => {
  it('the requester withdraws its open order: final, public in the timeline, shown as its disposition, the holder told, audited', async () => {
    const o = await newOrder(ent);
    expect(o.availableActions).toEqual(['addInfo', 'withdraw']);
    await ok(officer, o.id, { action: 'assign', departmentId: depId, assigneeId: staff.user.id });
    const d = await ok(ent, o.id, withdraw);
    expect(d).toMatchObject({ status: 'withdrawn', availableActions: [] });
    expect(d.events.at(-1)).toMatchObject({ action: 'withdraw', visibility: 'public', content: withdraw.reason });
    // Shown as the order's disposition: why and who, no next step.
    expect(d.disposition).toMatchObject({ kind: 'withdrawn', reason: withdraw.reason, nextStep: null, decidedById: ent.user.id, decidedAt: d.disposedAt, mergedIntoId: null, referredTo: null });
    const row = (await t.database.pool.query('SELECT disposition_reason, disposition_next_step, decided_by, disposed_at, responded_at, closed_at FROM work_orders WHERE id = $1', [o.id])).rows[0];
    expect(row).toMatchObject({ disposition_reason: withdraw.reason, disposition_next_step: null, decided_by: ent.user.id, closed_at: null });
    expect(row.disposed_at).toBeInstanceOf(Date);
    expect(row.responded_at).toBeInstanceOf(Date); // the earlier assign was the response; the withdrawal sets none
    // The assignee holds it and hears of it; the requester is not told of its own act.
    const told = (await inbox(staff)).find((n) => n.link === `/work-orders/${o.id}` && n.title === `工单已撤回：${o.number}`);
    expect(told).toMatchObject({ kind: 'disposed', body: `申请人才公寓。撤回原因：${withdraw.reason}` });
    expect((await inbox(ent)).some((n) => n.title.includes(o.number) && n.kind === 'disposed')).toBe(false);
    const audit = (await t.database.pool.query(`SELECT summary FROM audit_log WHERE target_id = $1 AND action = 'workOrder.withdraw' AND result = 'success'`, [o.id])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ number: o.number, from: 'assigned', to: 'withdrawn' });
    // Nothing follows but an internal note; staff list it under its status.
    expect((await act(ent, o.id, { action: 'addInfo', content: '再补充' })).statusCode).toBe(409);
    expect((await act(officer, o.id, { action: 'accept' })).statusCode).toBe(409);
    const listed = (await get(officer, `/api/work-orders?status=withdrawn&q=${encodeURIComponent(o.number)}`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
  });

  it('one withdrawn unanswered has no response: responded_at stays empty', async () => {
    const o = await newOrder(ent);
    await ok(ent, o.id, withdraw);
    const row = (await t.database.pool.query('SELECT responded_at, disposed_at FROM work_orders WHERE id = $1', [o.id])).rows[0];
    expect(row.responded_at).toBeNull();
    expect(row.disposed_at).toBeInstanceOf(Date);
  });

  it('another enterprise’s user cannot reach the order: 404', async () => {
    const o = await newOrder(ent);
    const r = await act(otherEnt, o.id, withdraw);
    expect(r.statusCode, r.body).toBe(404);
    expect((await get(ent, `/api/work-orders/${o.id}`)).json().status).toBe('submitted');
  });

  it('an answered order is confirmed instead, a closed one is done: 409 ILLEGAL_TRANSITION', async () => {
    const o = await newOrder(ent);
    await ok(officer, o.id, { action: 'assign', departmentId: depId });
    await ok(staff, o.id, { action: 'reply', content: '已为贵司登记人才公寓。' });
    const replied = await act(ent, o.id, withdraw);
    expect(replied.statusCode).toBe(409);
    expect(replied.json().error).toEqual({ code: 'ILLEGAL_TRANSITION', message: '工单当前为「已答复」，不能撤回' });
    await ok(ent, o.id, { action: 'confirm', solved: true });
    expect((await act(ent, o.id, withdraw)).json().error).toEqual({ code: 'ILLEGAL_TRANSITION', message: '工单当前为「已办结」，不能撤回' });
  });

  it('staff may not withdraw a portal order for its requester: 403; a reason is required: 400', async () => {
    const o = await newOrder(ent);
    const r = await act(officer, o.id, withdraw);
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toEqual({ code: 'FORBIDDEN', message: '企业门户提交的工单须由提出人本人撤回' });
    expect((await act(ent, o.id, { action: 'withdraw' })).statusCode).toBe(400);
    expect((await act(ent, o.id, { action: 'withdraw', reason: ' ' })).statusCode).toBe(400);
  });

  it('the dispatch desk records a hotline caller’s withdrawal (回访); department staff cannot', async () => {
    const o = await hotlineOrder();
    await ok(officer, o.id, { action: 'assign', departmentId: depId });
    expect((await act(staff, o.id, withdraw)).statusCode).toBe(403);
    const d = await ok(officer, o.id, { action: 'withdraw', reason: '来电人表示已在区政务中心办妥' });
    expect(d.status).toBe('withdrawn');
    expect(d.events.at(-1)).toMatchObject({ action: 'withdraw', visibility: 'public', data: { onBehalf: true } });
  });

  it('a pending extension ends with the withdrawal: rejected with the reason, nothing left to decide', async () => {
    const o = await newOrder(ent);
    await ok(officer, o.id, { action: 'assign', departmentId: depId, assigneeId: staff.user.id });
    await ok(staff, o.id, { action: 'requestExtension', workingDays: 3, reason: '需要等待外部评估结果' });
    await ok(ent, o.id, withdraw);
    const d = (await get(officer, `/api/work-orders/${o.id}`)).json() as Detail & { extensions: { status: string; comment: string | null; newDueAt: string | null }[] };
    expect(d.extensions).toEqual([expect.objectContaining({ status: 'rejected', comment: '工单已撤回，延期申请随之结束', newDueAt: null })]);
    expect(d.availableActions).not.toContain('decideExtension');
  });

  it('a withdrawn order cannot be the target of a merge', async () => {
    const gone = await newOrder(ent);
    await ok(ent, gone.id, withdraw);
    const o = await newOrder(ent);
    const r = await act(officer, o.id, { action: 'merge', intoOrderId: gone.id, reason: '与已撤回的工单重复' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toEqual({ code: 'ILLEGAL_TRANSITION', message: `工单 ${gone.number} 为「已撤回」，不能再合并到它` });
  });
});
