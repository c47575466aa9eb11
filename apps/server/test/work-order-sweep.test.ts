import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineRuleFor, notificationDedupeKey, overdueDigestThreshold, workOrderDeadlines, type WorkCalendar } from '@zhiyuan/core';
import { demoUsername } from '../src/seed/bootstrap';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { uscc } from './fixtures';
import { insertOrder } from './sla-fixtures';

// The SLA sweep with an injected clock: an inquiry created on the Friday before the 2025 Spring
// Festival (holiday 28 Jan – 4 Feb, make-up working Sunday 26 Jan) is due at the end of Wed 5 Feb.
const sh = (s: string) => new Date(`${s}+08:00`);
const FRIDAY = '2025-01-24T10:00:00';
let now = sh('2025-01-20T09:00:00');

let t: TestApp;
let admin: Session;
let cal: WorkCalendar;
let haidianId: string;
let assigneeId: string;
let headId: string;
let officerId: string;
let departmentId: string;
let enterpriseId: string;
let installed: { schedule: Record<string, unknown> | undefined; policy: string | undefined };
const o = {} as Record<'assigned' | 'replied' | 'submitted' | 'later', string>;

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows as T[];
const sweep = () => t.app.services.serviceDesk.sweep();
const notes = (orderId: string, kind: string) =>
  q<{ userId: string; dedupeKey: string; title: string }>(`SELECT user_id AS "userId", dedupe_key AS "dedupeKey", title FROM notifications WHERE link = $1 AND kind = $2 ORDER BY user_id`, [`/work-orders/${orderId}`, kind]);
const supervisionsOf = (orderId: string) => q<{ kind: string; trigger: string; status: string }>(`SELECT kind, trigger, status FROM work_order_supervisions WHERE order_id = $1 ORDER BY created_at`, [orderId]);
const order = async (id: string) => (await q<{ resolveOverdueAt: Date | null; responseOverdueAt: Date | null; supervised: boolean }>(`SELECT resolve_overdue_at AS "resolveOverdueAt", response_overdue_at AS "responseOverdueAt", supervised FROM work_orders WHERE id = $1`, [id]))[0]!;

const STAFF_PASSWORD = 'Sweep-Test-2025!';
async function staff(username: string, department: string) {
  const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: STAFF_PASSWORD, roles: ['department_staff'], parkIds: [haidianId], departmentId: department }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function makeHead(department: string, userId: string) {
  expect((await t.app.inject(as(admin, 'PATCH', `/api/departments/${department}`, { headUserId: userId }))).statusCode).toBe(200);
}

async function until(check: () => Promise<boolean>, ms = 40_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) if (await check()) return;
  throw new Error('timed out');
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  // pg-boss's clock sends the minute job at start-up: wait for that run (nothing is due yet), then stop
  // the schedule so that every later run is the test's own, at the instant the test chose.
  await until(async () => (await q(`SELECT 1 FROM pgboss.job WHERE name = 'service-desk-sweep' AND state = 'completed'`)).length > 0);
  installed = {
    schedule: (await q(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'service-desk-sweep'`))[0],
    policy: (await q<{ policy: string }>(`SELECT policy FROM pgboss.queue WHERE name = 'service-desk-sweep'`))[0]?.policy,
  };
  await q(`DELETE FROM pgboss.schedule`);

  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string }[];
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  departmentId = (await t.app.inject(as(admin, 'POST', '/api/departments', { name: '督办测试科', parkId: haidianId }))).json().id;
  assigneeId = await staff('sweep_assignee', departmentId);
  headId = await staff('sweep_head', departmentId);
  await makeHead(departmentId, headId);
  const officer = await login(t.app, demoUsername('service_officer'), DEMO_PASSWORD);
  officerId = officer.user.id;
  const ent = await t.app.inject(as(officer, 'POST', '/api/enterprises', { uscc: uscc(770001), name: '督办测试科技有限公司', parkId: haidianId, industryCode: '6513', serviceOfficerId: officerId }));
  expect(ent.statusCode, ent.body).toBe(201);
  enterpriseId = ent.json().id;

  cal = await t.app.services.calendar.workCalendar();
  const d = workOrderDeadlines(cal, sh(FRIDAY), deadlineRuleFor([], 'inquiry', 'normal'));
  const base = { parkId: haidianId, createdBy: officerId, createdAt: sh(FRIDAY).toISOString(), type: 'inquiry' as const, responseDueAt: d.responseDueAt, resolveDueAt: d.resolveDueAt };
  o.assigned = await insertOrder(t.database.pool, { ...base, status: 'assigned', departmentId, assigneeId, respondedAt: sh('2025-01-24T10:30:00').toISOString() });
  o.replied = await insertOrder(t.database.pool, { ...base, status: 'replied', departmentId, assigneeId, respondedAt: sh('2025-01-24T10:30:00').toISOString(), repliedAt: sh('2025-02-05T12:00:00').toISOString() });
  o.submitted = await insertOrder(t.database.pool, { ...base, enterpriseId });
});
afterAll(() => t.close());

describe('the SLA sweep', () => {
  it('is a minute job on a queue that never runs two at once, installed with the migrations', () => {
    expect(installed.schedule).toEqual({ name: 'service-desk-sweep', cron: '* * * * *', timezone: 'Asia/Shanghai' });
    expect(installed.policy).toBe('stately');
  });

  it('the deadline counts working days across the Spring Festival (make-up Sunday included)', async () => {
    const [r] = await q<{ due: Date }>(`SELECT resolve_due_at AS due FROM work_orders WHERE id = $1`, [o.assigned]);
    expect(r!.due.toISOString()).toBe(sh('2025-02-05T23:59:59').toISOString());
  });

  it('marks a response deadline once passed: supervision, timeline, the enterprise’s officer notified', async () => {
    now = sh('2025-01-24T12:00:00'); // the 2-hour response deadline itself: not yet passed
    expect((await sweep()).responseOverdue).toBe(0);
    now = sh('2025-01-24T12:00:01');
    const r = await sweep();
    expect(r).toMatchObject({ responseOverdue: 1, resolveOverdue: 0, overdueNotified: 1 });
    expect((await order(o.submitted)).responseOverdueAt?.toISOString()).toBe(now.toISOString());
    expect(await supervisionsOf(o.submitted)).toEqual([{ kind: 'auto', trigger: 'response_overdue', status: 'open' }]);
    const n = await notes(o.submitted, 'overdue');
    expect(n).toEqual([{ userId: officerId, dedupeKey: notificationDedupeKey.responseOverdue(o.submitted, sh('2025-01-24T12:00:00')), title: expect.stringContaining('已超期') }]);
    expect((await order(o.assigned)).responseOverdueAt).toBeNull(); // responded at 10:30
  });

  it('tells the holders once when the deadline is within 4 working hours (from 14:00 of its day)', async () => {
    now = sh('2025-02-05T13:59:59');
    expect((await sweep()).nearNotified).toBe(0);
    now = sh('2025-02-05T14:00:00');
    expect((await sweep()).nearNotified).toBe(2); // the assignee of the assigned order, the officer of the submitted one
    const near = await notes(o.assigned, 'deadline_near');
    expect(near).toEqual([{ userId: assigneeId, dedupeKey: notificationDedupeKey.deadlineNear(o.assigned, sh('2025-02-05T23:59:59')), title: expect.stringContaining('即将超期') }]);
    now = sh('2025-02-05T17:00:00');
    expect((await sweep()).nearNotified).toBe(0);
    expect(await notes(o.assigned, 'deadline_near')).toHaveLength(1);
  });

  it('marks the resolution deadline exactly after it passes, not at it', async () => {
    now = sh('2025-02-05T23:59:59');
    expect((await sweep()).resolveOverdue).toBe(0);
    expect((await order(o.assigned)).resolveOverdueAt).toBeNull();

    now = sh('2025-02-06T00:00:00');
    const r = await sweep();
    expect(r).toMatchObject({ responseOverdue: 0, resolveOverdue: 2 }); // the assigned and the submitted order; the replied one met it
    const a = await order(o.assigned);
    expect(a.resolveOverdueAt?.toISOString()).toBe(now.toISOString());
    expect(a.supervised).toBe(true);
    expect(await supervisionsOf(o.assigned)).toEqual([{ kind: 'auto', trigger: 'resolve_overdue', status: 'open' }]);
    const events = await q<{ action: string; visibility: string; content: string; actorId: string | null }>(
      `SELECT action, visibility, content, actor_id AS "actorId" FROM work_order_events WHERE order_id = $1`,
      [o.assigned],
    );
    expect(events).toEqual([{ action: 'resolve_overdue', visibility: 'internal', content: '超过办理时限（时限 2025-02-05 23:59），已自动督办', actorId: null }]);
    const key = notificationDedupeKey.resolveOverdue(o.assigned, sh('2025-02-05T23:59:59'));
    expect((await notes(o.assigned, 'overdue')).map((n) => [n.userId, n.dedupeKey]).sort()).toEqual([[assigneeId, key], [headId, key]].sort());
    expect(await supervisionsOf(o.submitted)).toHaveLength(2); // response, then resolution
    const audit = await q(`SELECT 1 FROM audit_log WHERE action = 'workOrder.sweep'`);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('a second run notifies nobody twice and touches nothing', async () => {
    const before = await q(`SELECT (SELECT count(*) FROM notifications)::int AS n, (SELECT count(*) FROM work_order_supervisions)::int AS s, (SELECT count(*) FROM work_order_events)::int AS e`);
    now = sh('2025-02-06T00:01:00');
    expect(await sweep()).toMatchObject({ responseOverdue: 0, resolveOverdue: 0, overdueNotified: 0, nearNotified: 0 });
    expect(await q(`SELECT (SELECT count(*) FROM notifications)::int AS n, (SELECT count(*) FROM work_order_supervisions)::int AS s, (SELECT count(*) FROM work_order_events)::int AS e`)).toEqual(before);
    expect((await order(o.assigned)).resolveOverdueAt?.toISOString()).toBe(sh('2025-02-06T00:00:00').toISOString());
  });

  it('an order replied in time is never marked', async () => {
    expect(await order(o.replied)).toEqual({ resolveOverdueAt: null, responseOverdueAt: null, supervised: false });
    expect(await supervisionsOf(o.replied)).toEqual([]);
  });

  it('a later run touches only the newly late orders; a department head who holds the order is told once', async () => {
    const d = workOrderDeadlines(cal, sh('2025-02-05T10:00:00'), deadlineRuleFor([], 'inquiry', 'urgent'));
    o.later = await insertOrder(t.database.pool, { parkId: haidianId, createdBy: officerId, createdAt: sh('2025-02-05T10:00:00').toISOString(), status: 'assigned', departmentId, respondedAt: sh('2025-02-05T10:10:00').toISOString(), ...d });
    now = sh('2025-02-07T00:00:00');
    expect(await sweep()).toMatchObject({ resolveOverdue: 1, overdueNotified: 1 });
    expect((await order(o.assigned)).resolveOverdueAt?.toISOString()).toBe(sh('2025-02-06T00:00:00').toISOString());
    expect((await notes(o.later, 'overdue')).map((n) => n.userId)).toEqual([headId]);
  });

  it('a moved deadline (reopen, extension) is marked and notified again', async () => {
    // As a reopen does: open again, the clock restarted, the mark cleared.
    const due = sh('2025-02-10T23:59:59');
    await q(`UPDATE work_orders SET status = 'in_progress', resolve_due_at = $2, resolve_overdue_at = NULL WHERE id = $1`, [o.assigned, due]);
    now = sh('2025-02-11T08:00:00');
    expect(await sweep()).toMatchObject({ resolveOverdue: 1, overdueNotified: 2 });
    expect(await supervisionsOf(o.assigned)).toHaveLength(2);
    expect((await notes(o.assigned, 'overdue')).filter((n) => n.dedupeKey === notificationDedupeKey.resolveOverdue(o.assigned, due))).toHaveLength(2);
  });

  it('two runs at once mark an order once', async () => {
    const id = await insertOrder(t.database.pool, { parkId: haidianId, createdBy: officerId, createdAt: sh('2025-02-11T09:00:00').toISOString(), status: 'assigned', departmentId, assigneeId, respondedAt: sh('2025-02-11T09:05:00').toISOString(), resolveDueAt: sh('2025-02-11T09:30:00').toISOString() });
    now = sh('2025-02-11T10:00:00');
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.resolveOverdue + b.resolveOverdue).toBe(1);
    expect(await supervisionsOf(id)).toHaveLength(1);
    expect(await notes(id, 'overdue')).toHaveLength(2);
  });
});

// A backlog: more than overdueDigestThreshold orders of one holder late in the same run.
describe('a run that finds many late orders for one person', () => {
  const MANY = overdueDigestThreshold + 2;
  const many: string[] = [];
  const few: { id: string; due: Date }[] = [];
  let backlogDepartment: string;
  let manyHolder: string;
  let fewHolder: string;
  let backlogHead: string;
  const overdueInbox = (userId: string) =>
    q<{ title: string; body: string; link: string; dedupeKey: string }>(`SELECT title, body, link, dedupe_key AS "dedupeKey" FROM notifications WHERE user_id = $1 AND kind = 'overdue' ORDER BY created_at, dedupe_key`, [userId]);
  const numbers = async (ids: string[]) => (await q<{ number: string }>(`SELECT number FROM work_orders WHERE id = ANY($1) ORDER BY resolve_due_at, number`, [ids])).map((r) => r.number);
  const lateOrder = async (assignee: string | null, due: Date) =>
    insertOrder(t.database.pool, { parkId: haidianId, createdBy: officerId, createdAt: sh('2025-02-12T09:00:00').toISOString(), status: 'in_progress', departmentId: backlogDepartment, assigneeId: assignee, respondedAt: sh('2025-02-12T09:05:00').toISOString(), resolveDueAt: due.toISOString() });

  beforeAll(async () => {
    now = sh('2025-02-12T09:00:00');
    admin = await login(t.app, 'admin', ADMIN_PASSWORD); // the first session expired weeks ago on the test's clock
    backlogDepartment = (await t.app.inject(as(admin, 'POST', '/api/departments', { name: '督办汇总测试科', parkId: haidianId }))).json().id;
    manyHolder = await staff('sweep_many', backlogDepartment);
    fewHolder = await staff('sweep_few', backlogDepartment);
    backlogHead = await staff('sweep_backlog_head', backlogDepartment);
    await makeHead(backlogDepartment, backlogHead);
    for (let i = 0; i < MANY; i++) many.push(await lateOrder(manyHolder, sh(`2025-02-12T09:${10 + i}:00`)));
    for (let i = 0; i < overdueDigestThreshold; i++) {
      const due = sh(`2025-02-12T09:${30 + i}:00`);
      few.push({ id: await lateOrder(fewHolder, due), due });
    }
  });

  it('sends that holder one digest carrying the count, the department head one for all; a holder with a few gets one per order', async () => {
    now = sh('2025-02-12T10:00:00');
    const digest = notificationDedupeKey.overdueDigest('resolve', now);
    // A digest each for the holder of many and the head, one per order for the holder of a few.
    expect(await sweep()).toMatchObject({ resolveOverdue: MANY + few.length, overdueNotified: 2 + few.length });
    const [n1, n2, n3] = await numbers(many);
    expect(await overdueInbox(manyHolder)).toEqual([
      { title: `${MANY} 个工单已超过办理时限`, body: `已自动督办：${n1}、${n2}、${n3} 等`, link: '/work-orders?overdue=true&mine=true', dedupeKey: digest },
    ]);
    expect(await overdueInbox(backlogHead)).toEqual([
      { title: `${MANY + few.length} 个工单已超过办理时限`, body: `已自动督办：${n1}、${n2}、${n3} 等`, link: `/work-orders?overdue=true&departmentId=${backlogDepartment}`, dedupeKey: digest },
    ]);
    expect((await overdueInbox(fewHolder)).map((n) => n.dedupeKey).sort()).toEqual(few.map((o) => notificationDedupeKey.resolveOverdue(o.id, o.due)).sort());
    // Supervision and timeline stay per order.
    for (const id of [...many, ...few.map((o) => o.id)]) {
      expect(await supervisionsOf(id)).toEqual([{ kind: 'auto', trigger: 'resolve_overdue', status: 'open' }]);
      expect(await q(`SELECT 1 FROM work_order_events WHERE order_id = $1 AND action = 'resolve_overdue'`, [id])).toHaveLength(1);
    }
  });

  it('the digest’s link lists the holder’s late orders', async () => {
    const holder = await login(t.app, 'sweep_many', STAFF_PASSWORD);
    const r = await t.app.inject(as(holder, 'GET', '/api/work-orders?overdue=true&mine=true&pageSize=50'));
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json().items as { id: string }[]).map((o) => o.id).sort()).toEqual([...many].sort());
  });

  it('a rerun at the same or a later instant notifies nobody', async () => {
    const count = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'overdue'`))[0]!.n;
    const before = await count();
    expect(await sweep()).toMatchObject({ resolveOverdue: 0, overdueNotified: 0 });
    now = sh('2025-02-12T10:05:00');
    expect(await sweep()).toMatchObject({ resolveOverdue: 0, overdueNotified: 0 });
    expect(await count()).toBe(before);
  });

  it('orders whose deadline moved and passed again bring a new digest from the run that finds them', async () => {
    await q(`UPDATE work_orders SET resolve_due_at = $2, resolve_overdue_at = NULL WHERE id = ANY($1)`, [many, sh('2025-02-13T09:00:00')]);
    now = sh('2025-02-13T10:00:00');
    expect(await sweep()).toMatchObject({ resolveOverdue: MANY, overdueNotified: 2 });
    const digest = notificationDedupeKey.overdueDigest('resolve', now);
    expect((await overdueInbox(manyHolder)).map((n) => [n.title, n.dedupeKey])).toEqual([
      [`${MANY} 个工单已超过办理时限`, notificationDedupeKey.overdueDigest('resolve', sh('2025-02-12T10:00:00'))],
      [`${MANY} 个工单已超过办理时限`, digest],
    ]);
    expect((await overdueInbox(backlogHead)).at(-1)).toMatchObject({ title: `${MANY} 个工单已超过办理时限`, dedupeKey: digest });
    for (const id of many) expect(await supervisionsOf(id)).toHaveLength(2);
  });

  it('a head holding one late order as assignee and the department’s unassigned ones gets the department’s list, not “mine”', async () => {
    await lateOrder(backlogHead, sh('2025-02-14T09:10:00'));
    for (let i = 0; i < overdueDigestThreshold + 1; i++) await lateOrder(null, sh(`2025-02-14T09:${20 + i}:00`));
    now = sh('2025-02-14T10:00:00');
    expect(await sweep()).toMatchObject({ resolveOverdue: overdueDigestThreshold + 2, overdueNotified: 1 });
    expect((await overdueInbox(backlogHead)).at(-1)).toMatchObject({
      title: `${overdueDigestThreshold + 2} 个工单已超过办理时限`,
      link: `/work-orders?overdue=true&departmentId=${backlogDepartment}`,
      dedupeKey: notificationDedupeKey.overdueDigest('resolve', now),
    });
  });
});
