// Visits (走访), service packages (服务包), the officer's workbench and the enterprise tab, on the demo
// zone with its service desk seeded (SEED_DEMO_SERVICE_DESK).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate, workingHoursHorizon } from '@zhiyuan/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { uscc } from './fixtures';
import { insertOrder } from './sla-fixtures';
import { overdueNotice, plainText, transitionNotice } from '../src/modules/service-desk/notification-texts';
import { shanghaiMinute } from '../src/modules/service-desk/work-order-export';

let t: TestApp;
let admin: Session;
let officer: Session; // demo_service_officer, zone-wide
let parkAdmin: Session; // demo_park_admin, 海淀园 only
let cpOfficer: Session; // a service officer of 昌平园 only
let leader: Session;
let parks: { id: string; code: string; parentId: string | null }[];
const park = (code: string) => parks.find((p) => p.code === code)!.id;
const today = shanghaiDate(new Date());
let seq = 0;

/** A 海淀园 (or other park's) enterprise of the demo officer, made for one case. */
async function newEnterprise(code = 'ZGC-HD', extra: Record<string, unknown> = {}) {
  const r = await t.app.inject(as(officer, 'POST', '/api/enterprises', { uscc: uscc(700000 + ++seq), name: `走访测试企业${seq}有限公司`, parkId: park(code), industryCode: '6513', serviceOfficerId: officer.user.id, ...extra }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const post = (s: Session, url: string, body: unknown) => t.app.inject(as(s, 'POST', url, body));
const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));

beforeAll(async () => {
  t = await createTestApp({ env: { SEED_DEMO_SERVICE_DESK: 'true' } });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  parkAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  leader = await login(t.app, 'demo_leader', DEMO_PASSWORD);
  parks = (await get(admin, '/api/parks')).json().items;
  const r = await post(admin, '/api/users', { username: 'cp_officer', displayName: '昌平园服务管家', password: 'Changping-2025!', roles: ['service_officer'], parkIds: [park('ZGC-CP')] });
  expect(r.statusCode, r.body).toBe(201);
  cpOfficer = await login(t.app, 'cp_officer', 'Changping-2025!');
});
afterAll(() => t.close());

describe('visits', () => {
  it('plans, records with problems, and refuses to record or cancel twice', async () => {
    const enterpriseId = await newEnterprise();
    const planned = await post(officer, '/api/visits', { enterpriseId, plannedOn: addDays(today, 3), topics: ['融资需求'] });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json()).toMatchObject({ status: 'planned', enterpriseId, parkId: park('ZGC-HD'), officerId: officer.user.id, plannedOn: addDays(today, 3), visitedOn: null, problems: [] });
    const id = planned.json().id;

    const moved = await t.app.inject(as(officer, 'PATCH', `/api/visits/${id}`, { plannedOn: addDays(today, 5) }));
    expect(moved.json().plannedOn).toBe(addDays(today, 5));

    const recorded = await post(officer, `/api/visits/${id}/record`, { visitedOn: today, people: ['张三（总经理）'], topics: ['融资需求', '人才需求'], problemsFound: [{ text: '企业希望对接银行贷款' }, { text: '员工住房困难' }], notes: '经营平稳' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'done', visitedOn: today, people: ['张三（总经理）'], notes: '经营平稳' });
    expect(recorded.json().problems.map((p: { text: string; workOrderId: null }) => [p.text, p.workOrderId])).toEqual([
      ['企业希望对接银行贷款', null],
      ['员工住房困难', null],
    ]);
    expect((await post(officer, `/api/visits/${id}/record`, { visitedOn: today, people: ['李四'], topics: ['x'] })).statusCode).toBe(409);
    expect((await post(officer, `/api/visits/${id}/cancel`, { reason: '重复登记' })).json().error.code).toBe('CONFLICT');
    const added = await post(officer, `/api/visits/${id}/problems`, { text: '停车位紧张' });
    expect(added.json().problems).toHaveLength(3);

    const audit = await t.database.pool.query(`SELECT action FROM audit_log WHERE target_id = $1 AND result = 'success' ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['visit.create', 'visit.update', 'visit.record', 'visit.problem.add']);
  });

  it('records a visit already made in one request, and cancels a plan with its reason', async () => {
    const enterpriseId = await newEnterprise();
    const done = await post(officer, '/api/visits', { enterpriseId, visitedOn: addDays(today, -2), people: ['王五（董事长）'], topics: ['经营情况'] });
    expect(done.json()).toMatchObject({ status: 'done', plannedOn: null, visitedOn: addDays(today, -2) });
    const plan = (await post(officer, '/api/visits', { enterpriseId, plannedOn: today })).json();
    const cancelled = await post(officer, `/api/visits/${plan.id}/cancel`, { reason: '企业负责人出差' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '企业负责人出差' });
  });

  it('says what is wrong, field by field', async () => {
    const enterpriseId = await newEnterprise();
    const cases: [unknown, (string | number)[]][] = [
      [{ enterpriseId }, ['plannedOn']],
      [{ enterpriseId, plannedOn: addDays(today, -1) }, ['plannedOn']],
      [{ enterpriseId, visitedOn: addDays(today, 1), people: ['张三'], topics: ['经营情况'] }, ['visitedOn']],
      [{ enterpriseId, visitedOn: today, topics: ['经营情况'] }, ['people']],
      [{ enterpriseId, plannedOn: today, notes: '提前写的记录' }, ['visitedOn']],
      [{ enterpriseId, plannedOn: today, officerId: parkAdmin.user.id }, ['officerId']],
      [{ enterpriseId: '00000000-0000-4000-8000-000000000000', plannedOn: today }, ['enterpriseId']],
    ];
    for (const [body, path] of cases) {
      const r = await post(officer, '/api/visits', body);
      expect(r.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.json().error.details.map((d: { path: unknown }) => d.path), JSON.stringify(body)).toContainEqual(path);
    }
    expect((await t.app.inject(as(parkAdmin, 'PUT', '/api/visits/frequency-rules/key', { intervalDays: 3 }))).json().error.details[0].path).toEqual(['intervalDays']);
  });

  it('lists with filters and paging, and exports', async () => {
    const enterpriseId = await newEnterprise();
    for (const d of [-30, -10]) await post(officer, '/api/visits', { enterpriseId, visitedOn: addDays(today, d), people: ['赵六'], topics: ['经营情况'] });
    await post(officer, '/api/visits', { enterpriseId, plannedOn: addDays(today, 7) });
    const all = (await get(officer, `/api/visits?enterpriseId=${enterpriseId}`)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((v: { status: string }) => v.status)).toEqual(['planned', 'done', 'done']);
    const page = (await get(officer, `/api/visits?enterpriseId=${enterpriseId}&status=done&pageSize=1&page=2&sort=visitedOn`)).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items[0].visitedOn).toBe(addDays(today, -10));
    expect((await get(officer, `/api/visits?enterpriseId=${enterpriseId}&from=${addDays(today, -20)}&to=${today}`)).json().total).toBe(1);
    expect((await get(officer, `/api/visits?mine=true&parkId=${park('ZGC-HD')}&pageSize=1`)).json().total).toBeGreaterThan(3);
    const xlsx = await get(officer, `/api/visits/export?enterpriseId=${enterpriseId}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the frequency per class: defaults, changed by workOrder.configure only', async () => {
    expect((await get(officer, '/api/visits/frequency-rules')).json().items).toEqual([
      { class: 'key', intervalDays: 30, updatedAt: null },
      { class: 'above_scale', intervalDays: 90, updatedAt: null },
      { class: 'other', intervalDays: 180, updatedAt: null },
    ]);
    expect((await t.app.inject(as(officer, 'PUT', '/api/visits/frequency-rules/key', { intervalDays: 20 }))).statusCode).toBe(403);
    const r = await t.app.inject(as(parkAdmin, 'PUT', '/api/visits/frequency-rules/other', { intervalDays: 150 }));
    expect(r.json()).toMatchObject({ class: 'other', intervalDays: 150 });
    expect((await get(leader, '/api/visits/frequency-rules')).json().items[2].intervalDays).toBe(150);
    await t.app.inject(as(parkAdmin, 'PUT', '/api/visits/frequency-rules/other', { intervalDays: 180 }));
  });
});

describe('service packages', () => {
  let packageId: string;
  let items: { id: string; name: string }[];

  it('are defined by servicePackage.manage, names unique', async () => {
    const body = { name: '测试成长服务包', description: '测试', items: [{ name: '专属服务管家' }, { name: '政策解读' }, { name: '融资对接' }] };
    expect((await post(officer, '/api/service-packages', body)).statusCode).toBe(403);
    const r = await post(parkAdmin, '/api/service-packages', body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ name: '测试成长服务包', active: true, assignedCount: 0 });
    packageId = r.json().id;
    items = r.json().items;
    expect(items.map((i) => i.name)).toEqual(['专属服务管家', '政策解读', '融资对接']);
    const dup = await post(parkAdmin, '/api/service-packages', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toEqual(['name']);
    expect((await post(parkAdmin, '/api/service-packages', { name: '空包', items: [] })).json().error.details[0].path).toEqual(['items']);
    const list = (await get(leader, '/api/service-packages?q=成长')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toContain('测试成长服务包');
  });

  it('are assigned to enterprises in scope, once each', async () => {
    const a = await newEnterprise();
    const b = await newEnterprise();
    const r = await post(officer, `/api/service-packages/${packageId}/assignments`, { enterpriseIds: [a, b] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ created: 2, existing: 0 });
    expect((await post(officer, `/api/service-packages/${packageId}/assignments`, { enterpriseIds: [a] })).json()).toEqual({ created: 0, existing: 1 });
    // 海淀园's park admin cannot reach a 昌平园 enterprise.
    const cp = await newEnterprise('ZGC-CP');
    const out = await post(parkAdmin, `/api/service-packages/${packageId}/assignments`, { enterpriseIds: [a, cp] });
    expect(out.statusCode).toBe(404);
    expect(out.json().error.details).toEqual([{ path: ['enterpriseIds', 1], message: expect.any(String) }]);
    const list = (await get(officer, `/api/service-package-assignments?packageId=${packageId}&sort=enterpriseName`)).json();
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ packageName: '测试成长服务包', officerId: officer.user.id, completion: { total: 3, done: 0, inProgress: 0, share: 0 } });
    expect(list.items[0].items.every((i: { status: string }) => i.status === 'todo')).toBe(true);
    expect((await get(parkAdmin, `/api/service-packages/${packageId}`)).json().assignedCount).toBe(2);
  });

  it('track each item: progress, who and when; completion from core; an item left out is deactivated', async () => {
    const enterpriseId = await newEnterprise();
    await post(officer, `/api/service-packages/${packageId}/assignments`, { enterpriseIds: [enterpriseId] });
    const [assignment] = (await get(officer, `/api/service-package-assignments?enterpriseId=${enterpriseId}`)).json().items;
    const put = (itemId: string, body: unknown) => t.app.inject(as(officer, 'PUT', `/api/service-package-assignments/${assignment.id}/items/${itemId}`, body));
    expect((await put(items[0]!.id, { status: 'done', note: '已指定管家' })).json().completion).toEqual({ total: 3, done: 1, inProgress: 0, share: 1 / 3 });
    const r = await put(items[1]!.id, { status: 'in_progress' });
    expect(r.json().items[0]).toMatchObject({ name: '专属服务管家', status: 'done', note: '已指定管家', updatedByName: '服务管家（示例）' });
    expect(r.json().completion).toMatchObject({ done: 1, inProgress: 1 });
    expect((await put(items[2]!.id, { status: 'finished' })).json().error.details[0].path).toEqual(['status']);
    expect((await put('00000000-0000-4000-8000-000000000000', { status: 'done' })).statusCode).toBe(404);

    // 融资对接 leaves the package: the assignment is then 1 of 2 done.
    const patched = await t.app.inject(as(parkAdmin, 'PATCH', `/api/service-packages/${packageId}`, { items: [{ id: items[0]!.id, name: '专属服务管家' }, { id: items[1]!.id, name: '政策解读' }, { name: '上市辅导' }] }));
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().items.map((i: { name: string; active: boolean }) => [i.name, i.active])).toEqual([
      ['专属服务管家', true],
      ['政策解读', true],
      ['上市辅导', true],
      ['融资对接', false],
    ]);
    const after = (await get(officer, `/api/service-package-assignments/${assignment.id}`)).json();
    expect(after.items.map((i: { name: string }) => i.name)).toEqual(['专属服务管家', '政策解读', '上市辅导']);
    await put(items[1]!.id, { status: 'done' });
    await put(patched.json().items[2].id, { status: 'done' });
    expect((await get(officer, `/api/service-package-assignments?enterpriseId=${enterpriseId}&complete=true`)).json().total).toBe(1);
    expect((await get(officer, `/api/service-package-assignments?packageId=${packageId}&complete=false`)).json().total).toBe(2);
    const bad = await t.app.inject(as(parkAdmin, 'PATCH', `/api/service-packages/${packageId}`, { items: [{ id: assignment.id, name: '别的' }] }));
    expect(bad.json().error.details[0].path).toEqual(['items', 0, 'id']);
  });

  it('seeds three demo packages with progress', async () => {
    const list = (await get(leader, '/api/service-packages?pageSize=50')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['专精特新成长服务包', '人才安居服务包', '上市培育服务包']));
    const assignments = (await get(leader, '/api/service-package-assignments?pageSize=100')).json();
    expect(assignments.total).toBeGreaterThan(20);
    expect(assignments.items.some((a: { completion: { done: number } }) => a.completion.done > 0)).toBe(true);
  });
});

describe('scope: another park is 404', () => {
  it("a 昌平园 officer neither reads nor writes a 海淀园 enterprise's visits and packages", async () => {
    const enterpriseId = await newEnterprise();
    const visit = (await post(officer, '/api/visits', { enterpriseId, plannedOn: today })).json();
    const pkg = (await post(parkAdmin, '/api/service-packages', { name: `范围测试包${++seq}`, items: [{ name: '事项' }] })).json();
    await post(officer, `/api/service-packages/${pkg.id}/assignments`, { enterpriseIds: [enterpriseId] });
    const [assignment] = (await get(officer, `/api/service-package-assignments?enterpriseId=${enterpriseId}`)).json().items;
    const requests = [
      get(cpOfficer, `/api/visits/${visit.id}`),
      t.app.inject(as(cpOfficer, 'PATCH', `/api/visits/${visit.id}`, { plannedOn: today })),
      post(cpOfficer, `/api/visits/${visit.id}/record`, { visitedOn: today, people: ['张三'], topics: ['经营情况'] }),
      post(cpOfficer, `/api/visits/${visit.id}/cancel`, { reason: '越权取消' }),
      post(cpOfficer, '/api/visits', { enterpriseId, plannedOn: today }),
      get(cpOfficer, `/api/service-package-assignments/${assignment.id}`),
      t.app.inject(as(cpOfficer, 'PUT', `/api/service-package-assignments/${assignment.id}/items/${pkg.items[0].id}`, { status: 'done' })),
      post(cpOfficer, `/api/service-packages/${pkg.id}/assignments`, { enterpriseIds: [enterpriseId] }),
    ];
    for (const r of await Promise.all(requests)) expect(r.statusCode, r.body).toBe(404);
    expect((await get(cpOfficer, `/api/visits?enterpriseId=${enterpriseId}`)).json().total).toBe(0);
    expect((await get(cpOfficer, `/api/service-package-assignments?enterpriseId=${enterpriseId}`)).json().total).toBe(0);
  });

  it("海淀园's park admin cannot reach a 昌平园 visit", async () => {
    const enterpriseId = await newEnterprise('ZGC-CP');
    const visit = (await post(officer, '/api/visits', { enterpriseId, plannedOn: today })).json();
    expect((await get(parkAdmin, `/api/visits/${visit.id}`)).statusCode).toBe(404);
    expect((await post(parkAdmin, `/api/visits/${visit.id}/cancel`, { reason: '越权取消' })).statusCode).toBe(404);
    expect((await get(cpOfficer, `/api/visits/${visit.id}`)).statusCode).toBe(200);
  });
});

describe('a problem found becomes a work order in one click', () => {
  it('creates the order (channel visit, the enterprise, the problem) and links it; a second click is 409', async () => {
    const enterpriseId = await newEnterprise();
    const v = (await post(officer, '/api/visits', { enterpriseId, visitedOn: today, people: ['张三（总经理）'], topics: ['人才需求'], problemsFound: [{ text: '企业反映研发人员住房困难，希望申请人才公寓' }, { text: '停车难' }] })).json();
    const [p1, p2] = v.problems;
    const r = await post(officer, `/api/visits/${v.id}/problems/${p1.id}/work-order`, {});
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ channel: 'visit', type: 'help', enterpriseId, parkId: park('ZGC-HD'), status: 'submitted', description: p1.text, title: p1.text });
    expect(r.json().number).toMatch(/^GD-\d{4}-\d{6}$/);
    const again = await post(officer, `/api/visits/${v.id}/problems/${p1.id}/work-order`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'PROBLEM_HAS_ORDER', message: expect.stringContaining(r.json().number) });
    const after = (await get(officer, `/api/visits/${v.id}`)).json();
    expect(after.problems[0]).toMatchObject({ workOrderId: r.json().id, workOrderNumber: r.json().number });
    expect(after.problems[1].workOrderId).toBeNull();

    // A double click at once: one order, one 409.
    const both = await Promise.all([0, 1].map(() => post(officer, `/api/visits/${v.id}/problems/${p2.id}/work-order`, { type: 'inquiry', title: '停车难问题' })));
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    expect(Number((await t.database.pool.query(`SELECT count(*) AS n FROM work_orders WHERE enterprise_id = $1`, [enterpriseId])).rows[0].n)).toBe(2);
    const audit = await t.database.pool.query(`SELECT count(*) AS n FROM audit_log WHERE target_id = $1 AND action = 'visit.problem.workOrder' AND result = 'success'`, [v.id]);
    expect(Number(audit.rows[0].n)).toBe(2);
  });

  it('answers 404 for a problem of another visit, or a visit out of scope', async () => {
    const a = (await post(officer, '/api/visits', { enterpriseId: await newEnterprise(), visitedOn: today, people: ['甲'], topics: ['经营情况'], problemsFound: [{ text: '问题甲' }] })).json();
    const b = (await post(officer, '/api/visits', { enterpriseId: await newEnterprise(), visitedOn: today, people: ['乙'], topics: ['经营情况'] })).json();
    expect((await post(officer, `/api/visits/${b.id}/problems/${a.problems[0].id}/work-order`, {})).statusCode).toBe(404);
    expect((await post(cpOfficer, `/api/visits/${a.id}/problems/${a.problems[0].id}/work-order`, {})).statusCode).toBe(404);
    const bad = await post(officer, `/api/visits/${a.id}/problems/${a.problems[0].id}/work-order`, { type: 'praise' });
    expect(bad.json().error.details[0].path).toEqual(['type']);
  });
});

describe('visit frequency and the workbench', () => {
  it("puts the officer's enterprises due per their class: key monthly, above-scale quarterly", async () => {
    const key = await newEnterprise('ZGC-HD', { tags: ['重点企业'] });
    const big = await newEnterprise('ZGC-HD', { aboveScale: true });
    const fresh = await newEnterprise();
    for (const id of [key, big]) await post(officer, '/api/visits', { enterpriseId: id, visitedOn: addDays(today, -40), people: ['张三'], topics: ['经营情况'] });
    const state = async (id: string) => ((await get(officer, `/api/service-desk/my-enterprises?pageSize=200&q=${encodeURIComponent((await get(officer, `/api/enterprises/${id}`)).json().name)}`)).json().items as { enterpriseId: string }[]).find((e) => e.enterpriseId === id);
    expect(await state(key)).toMatchObject({ visitClass: 'key', lastVisitOn: addDays(today, -40), nextVisitDue: addDays(today, -10), visitState: 'overdue', daysLeft: -10 });
    expect(await state(big)).toMatchObject({ visitClass: 'above_scale', nextVisitDue: addDays(today, 50), visitState: 'ok' });
    expect(await state(fresh)).toMatchObject({ visitClass: 'other', lastVisitOn: null, visitState: 'never' });
    const overdue = (await get(officer, '/api/service-desk/my-enterprises?visitState=overdue&pageSize=200')).json();
    expect(overdue.total).toBeGreaterThan(10); // the demo's, and this one
    expect(overdue.items.every((e: { visitState: string }) => e.visitState === 'overdue')).toBe(true);
    expect(overdue.items.map((e: { daysLeft: number }) => e.daysLeft)).toEqual([...overdue.items.map((e: { daysLeft: number }) => e.daysLeft)].sort((a, b) => a - b));

    // The rule decides: key enterprises every 45 days makes it due within the week.
    await t.app.inject(as(parkAdmin, 'PUT', '/api/visits/frequency-rules/key', { intervalDays: 45 }));
    expect(await state(key)).toMatchObject({ visitState: 'due_soon', daysLeft: 5 });
    await t.app.inject(as(parkAdmin, 'PUT', '/api/visits/frequency-rules/key', { intervalDays: 30 }));
  });

  it('shows demo_service_officer their enterprises, visits due, planned visits, open orders and deadlines', async () => {
    const r = await get(officer, '/api/service-desk/workbench');
    expect(r.statusCode, r.body).toBe(200);
    const w = r.json();
    const portfolio = await t.database.pool.query(`SELECT count(*) AS n FROM enterprises WHERE service_officer_id = $1 AND status IN ('active', 'relocating')`, [officer.user.id]);
    expect(w.counts.enterprises).toBe(Number(portfolio.rows[0].n));
    expect(w.counts.enterprises).toBeGreaterThan(250);
    expect(w.counts.visitsDue).toBeGreaterThan(10);
    expect(w.visitsDue[0].visitState).toBe('overdue');
    expect(w.counts.plannedVisits).toBeGreaterThan(5);
    expect(w.plannedVisits.every((v: { status: string; officerId: string }) => v.status === 'planned' && v.officerId === officer.user.id)).toBe(true);
    expect(w.plannedVisits.map((v: { plannedOn: string }) => v.plannedOn)).toEqual([...w.plannedVisits.map((v: { plannedOn: string }) => v.plannedOn)].sort());
    expect(w.counts.openOrders).toBeGreaterThan(0);
    expect(w.counts.openOrders).toBeGreaterThanOrEqual(w.openOrders.length);
    expect(w.openOrders.every((o: { status: string }) => ['submitted', 'accepted', 'assigned', 'in_progress'].includes(o.status))).toBe(true);
    expect(w.openOrders.map((o: { resolveDueAt: string }) => o.resolveDueAt)).toEqual([...w.openOrders.map((o: { resolveDueAt: string }) => o.resolveDueAt)].sort());
    // The demo has orders stuck past their deadline: they are "near or past".
    expect(w.counts.overdueOrders).toBeGreaterThan(0);
    expect(w.deadlinesNear.length).toBeGreaterThan(0);
    const horizon = workingHoursHorizon(await t.app.services.calendar.workCalendar(), new Date(), 4).getTime();
    expect(w.deadlinesNear.every((o: { resolveDueAt: string }) => Date.parse(o.resolveDueAt) <= horizon)).toBe(true);
    expect(w.counts.unreadNotifications).toBeGreaterThan(0);
    // Orders of the officer's: assigned to them, or of their enterprises and not yet routed.
    const mine = await t.database.pool.query(
      `SELECT count(*) AS n FROM work_orders o LEFT JOIN enterprises e ON e.id = o.enterprise_id WHERE o.status IN ('submitted','accepted','assigned','in_progress')
       AND (o.assignee_id = $1 OR (o.assignee_id IS NULL AND o.department_id IS NULL AND e.service_officer_id = $1))`,
      [officer.user.id],
    );
    expect(w.counts.openOrders).toBe(Number(mine.rows[0].n));
  });
});

describe('workbench counts', () => {
  it('count every open order of the queue, not only the first page read (an officer with 230 open orders)', async () => {
    const zone = parks.find((p) => p.parentId === null)!.id;
    const r = await post(admin, '/api/users', { username: 'busy_officer', displayName: '忙碌的服务管家', password: 'Busy-Officer-2025!', roles: ['service_officer'], parkIds: [zone] });
    expect(r.statusCode, r.body).toBe(201);
    const busy = await login(t.app, 'busy_officer', 'Busy-Officer-2025!');
    const enterpriseId = await newEnterprise();
    const hour = 3_600_000;
    const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
    // 215 past their resolution deadline, 15 due in a month: all assigned to the officer, of one enterprise.
    for (let i = 0; i < 230; i++) {
      const late = i < 215;
      await insertOrder(t.database.pool, { parkId: park('ZGC-HD'), enterpriseId, assigneeId: busy.user.id, createdBy: admin.user.id, status: 'assigned', createdAt: at(-240), respondedAt: at(-239), resolveDueAt: late ? at(-24 - i) : at(720 + i) });
    }
    const w = (await get(busy, '/api/service-desk/workbench')).json();
    expect(w.counts).toMatchObject({ openOrders: 230, overdueOrders: 215, deadlinesNear: 215 });
    expect(w.openOrders).toHaveLength(20);
    expect(w.deadlinesNear).toHaveLength(20);
    // The longest late first.
    expect(w.deadlinesNear.map((o: { resolveDueAt: string }) => o.resolveDueAt)).toEqual([...w.deadlinesNear.map((o: { resolveDueAt: string }) => o.resolveDueAt)].sort());
    expect(Date.parse(w.deadlinesNear[19].resolveDueAt)).toBeLessThan(Date.now() - 200 * hour);
    const tab = (await get(leader, `/api/enterprises/${enterpriseId}/service`)).json();
    expect(tab.orders).toEqual({ total: 230, open: 230, overdue: 215 });
  });
});

describe('the demo service desk', () => {
  it('words its notifications as the live ones: the sweep’s overdue notice and an action’s reply notice', async () => {
    type Row = { title: string; body: string; number: string; order_title: string; due: Date; status: string; reason: string | null; next: string | null };
    const rows = async (kind: string, where = 'true') =>
      (
        await t.database.pool.query<Row>(
          `SELECT n.title, n.body, o.number, o.title AS order_title, o.resolve_due_at AS due, o.status, o.disposition_reason AS reason, o.disposition_next_step AS next
           FROM notifications n JOIN work_orders o ON n.link = '/work-orders/' || o.id WHERE n.kind = $1 AND ${where} ORDER BY n.created_at DESC LIMIT 5`,
          [kind],
        )
      ).rows;
    const overdue = (r: Row) => overdueNotice(plainText, { number: r.number, title: r.order_title, due: shanghaiMinute(r.due.toISOString())! }, 'resolve');
    // A live one: the sweep marks an order that has just passed its deadline.
    const late = await insertOrder(t.database.pool, { parkId: park('ZGC-HD'), assigneeId: officer.user.id, createdBy: admin.user.id, status: 'assigned', createdAt: new Date(Date.now() - 30 * 86_400_000).toISOString(), resolveDueAt: new Date(Date.now() - 60_000).toISOString() });
    await t.app.services.serviceDesk.sweep();
    const [live] = await rows('overdue', `o.id = '${late}'`);
    expect({ title: live!.title, body: live!.body }).toEqual(overdue(live!));
    const demo = await rows('overdue', `o.number NOT LIKE 'GD-2099-%'`);
    expect(demo.length).toBeGreaterThan(0);
    for (const r of demo) expect({ title: r.title, body: r.body }).toEqual(overdue(r));
    const disposed = await rows('disposed');
    for (const r of disposed) expect({ title: r.title, body: r.body }).toEqual(transitionNotice('disposed', { number: r.number, title: r.order_title, status: r.status, dispositionReason: r.reason, dispositionNextStep: r.next }, null));
  });

  it('is what the services would have written: the sweep finds nothing left to mark, orders read through the API', async () => {
    // Run twice: the first run's "deadline near" notices may be new (time moved on since the seed); nothing is marked.
    await t.app.services.serviceDesk.sweep();
    expect(await t.app.services.serviceDesk.sweep()).toMatchObject({ responseOverdue: 0, resolveOverdue: 0, nearNotified: 0 });
    const ids = await t.database.pool.query(`SELECT id FROM work_orders WHERE status IN ('merged', 'closed', 'in_progress') AND supervised ORDER BY number LIMIT 6`);
    for (const { id } of ids.rows) {
      const r = await get(leader, `/api/work-orders/${id}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().events[0].action).toBe('create');
      expect(r.json().supervisions.length).toBeGreaterThan(0);
    }
    const n = async (q: string) => Number((await t.database.pool.query(q)).rows[0].n);
    expect(await n(`SELECT count(*) AS n FROM work_orders`)).toBeGreaterThanOrEqual(300);
    expect(await n(`SELECT count(*) AS n FROM departments d JOIN parks p ON p.id = d.park_id WHERE p.parent_id IS NOT NULL AND d.name = '科技金融处'`)).toBe(16);
    expect(await n(`SELECT count(*) AS n FROM users u JOIN departments d ON d.id = u.department_id AND d.head_user_id = u.id WHERE u.username = 'demo_department_staff'`)).toBe(1);
    const rates = (await get(leader, `/api/work-orders/stats?from=${addDays(today, -365)}&to=${today}`)).json();
    expect(rates.satisfactionRate).toBeGreaterThan(0.8);
  });
});

describe("the enterprise page's service tab", () => {
  let enterpriseId: string;
  beforeAll(async () => {
    // A demo enterprise with orders, visits and a package.
    const r = await t.database.pool.query(
      `SELECT a.enterprise_id AS id FROM service_package_assignments a JOIN work_orders o ON o.enterprise_id = a.enterprise_id JOIN visits v ON v.enterprise_id = a.enterprise_id
       GROUP BY a.enterprise_id ORDER BY count(DISTINCT o.id) DESC LIMIT 1`,
    );
    enterpriseId = r.rows[0].id;
  });
  const ordersOf = async (extra = '') => Number((await t.database.pool.query(`SELECT count(*) AS n FROM work_orders o WHERE o.enterprise_id = $1 ${extra}`, [enterpriseId])).rows[0].n);

  it('gives staff the counts, the latest orders, visits and packages with progress', async () => {
    const r = await get(leader, `/api/enterprises/${enterpriseId}/service`);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({ enterpriseId, serviceOfficerId: officer.user.id, serviceOfficerName: '服务管家（示例）' });
    expect(s.orders).toEqual({ total: await ordersOf(), open: await ordersOf(`AND status IN ('submitted','accepted','assigned','in_progress')`), overdue: expect.any(Number) });
    expect(s.recentOrders.length).toBe(Math.min(5, s.orders.total));
    expect(s.recentOrders.map((o: { createdAt: string }) => o.createdAt)).toEqual([...s.recentOrders.map((o: { createdAt: string }) => o.createdAt)].sort().reverse());
    expect(s.recentVisits.length).toBeGreaterThan(0);
    expect(s.lastVisitOn).toBe(s.recentVisits.find((v: { status: string }) => v.status === 'done')?.visitedOn ?? null);
    expect(s.packages.length).toBeGreaterThan(0);
    expect(s.packages[0].completion.total).toBeGreaterThan(0);
  });

  it('gives department staff their department’s orders only, no visits or packages', async () => {
    const staff = await login(t.app, 'demo_department_staff', DEMO_PASSWORD);
    const s = (await get(staff, `/api/enterprises/${enterpriseId}/service`)).json();
    const dept = (await t.database.pool.query(`SELECT department_id AS d FROM users WHERE id = $1`, [staff.user.id])).rows[0].d;
    expect(s.orders.total).toBe(await ordersOf(`AND (o.department_id = '${dept}' OR EXISTS (SELECT 1 FROM work_order_co_handlers c WHERE c.order_id = o.id AND c.department_id = '${dept}'))`));
    expect(s.recentVisits).toEqual([]);
    expect(s.packages).toEqual([]);
  });

  it('gives an enterprise user its own orders and nothing of visits or packages; another enterprise is 404', async () => {
    const me = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
    const own = await get(me, `/api/enterprises/${me.user.enterpriseId}/service`);
    expect(own.statusCode, own.body).toBe(200);
    const total = Number((await t.database.pool.query(`SELECT count(*) AS n FROM work_orders WHERE enterprise_id = $1`, [me.user.enterpriseId])).rows[0].n);
    expect(own.json()).toMatchObject({ orders: { total }, recentVisits: [], packages: [] });
    expect((await get(me, `/api/enterprises/${enterpriseId}/service`)).statusCode).toBe(404);
  });

  it('is 404 for staff of another park', async () => {
    const hd = (await get(admin, `/api/parks`)).json().items.find((p: { code: string }) => p.code === 'ZGC-HD').id;
    const r = await t.database.pool.query(`SELECT id FROM enterprises WHERE park_id = $1 LIMIT 1`, [hd]);
    expect((await get(cpOfficer, `/api/enterprises/${r.rows[0].id}/service`)).statusCode).toBe(404);
    expect((await get(parkAdmin, `/api/enterprises/${r.rows[0].id}/service`)).statusCode).toBe(200);
  });
});

describe("the portal's 我的服务 (an enterprise user's own visits and packages)", () => {
  let me: Session;
  let own: { done: string; planned: string; cancelled: string; assignment: string; orderId: string };
  let others: { visit: string; assignment: string };

  beforeAll(async () => {
    me = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
    const enterpriseId = me.user.enterpriseId!;
    const visit = async (id: string, body: Record<string, unknown>) => {
      const r = await post(officer, '/api/visits', { enterpriseId: id, ...body });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; problems: { id: string }[] };
    };
    const done = await visit(enterpriseId, { visitedOn: addDays(today, -1), people: ['赵六（财务总监）'], topics: ['融资需求'], problemsFound: [{ text: '企业希望对接科技信贷产品' }, { text: '园区班车班次少' }], notes: '企业现金流偏紧，需重点关注' });
    const order = await post(officer, `/api/visits/${done.id}/problems/${done.problems[0]!.id}/work-order`, {});
    expect(order.statusCode, order.body).toBe(201);
    const planned = await visit(enterpriseId, { plannedOn: addDays(today, 2), topics: ['人才需求'] });
    const cancelled = await visit(enterpriseId, { plannedOn: addDays(today, 3) });
    expect((await post(officer, `/api/visits/${cancelled.id}/cancel`, { reason: '改派他人' })).statusCode).toBe(200);

    const pkg = await post(parkAdmin, '/api/service-packages', { name: '门户可见服务包', description: '为企业提供成长服务', items: [{ name: '政策解读', description: '每季度一次政策宣讲' }, { name: '融资对接' }] });
    expect(pkg.statusCode, pkg.body).toBe(201);
    const otherEnterprise = await newEnterprise();
    expect((await post(officer, `/api/service-packages/${pkg.json().id}/assignments`, { enterpriseIds: [enterpriseId, otherEnterprise], officerId: officer.user.id })).statusCode).toBe(201);
    const assignments = (await get(officer, `/api/service-package-assignments?packageId=${pkg.json().id}`)).json().items as { id: string; enterpriseId: string; items: { itemId: string }[] }[];
    const mine = assignments.find((a) => a.enterpriseId === enterpriseId)!;
    expect((await t.app.inject(as(officer, 'PUT', `/api/service-package-assignments/${mine.id}/items/${mine.items[0]!.itemId}`, { status: 'done', note: '企业配合度一般' }))).statusCode).toBe(200);

    own = { done: done.id, planned: planned.id, cancelled: cancelled.id, assignment: mine.id, orderId: order.json().id };
    others = { visit: (await visit(otherEnterprise, { plannedOn: today })).id, assignment: assignments.find((a) => a.enterpriseId === otherEnterprise)!.id };
  });

  it('lists its own visits made and planned, without the internal fields; a problem turned into an order links to it', async () => {
    const r = await get(me, '/api/portal/visits?pageSize=200');
    expect(r.statusCode, r.body).toBe(200);
    const shown = (await t.database.pool.query(`SELECT count(*) AS n FROM visits WHERE enterprise_id = $1 AND status <> 'cancelled'`, [me.user.enterpriseId])).rows[0].n;
    expect(r.json().total).toBe(Number(shown));
    const ids = r.json().items.map((v: { id: string }) => v.id);
    expect(ids).toEqual(expect.arrayContaining([own.done, own.planned]));
    expect(ids).not.toContain(own.cancelled);
    const done = r.json().items.find((v: { id: string }) => v.id === own.done);
    expect(Object.keys(done).sort()).toEqual(['id', 'officerName', 'people', 'plannedOn', 'problems', 'status', 'topics', 'visitedOn']);
    expect(done).toMatchObject({ status: 'done', visitedOn: addDays(today, -1), officerName: '服务管家（示例）', people: ['赵六（财务总监）'], topics: ['融资需求'] });
    expect(r.body).not.toContain('现金流偏紧');
    expect(done.problems).toEqual([
      { text: '企业希望对接科技信贷产品', workOrderId: own.orderId, workOrderNumber: expect.stringMatching(/^GD-\d{4}-\d{6,}$/) },
      { text: '园区班车班次少', workOrderId: null, workOrderNumber: null },
    ]);
    // The enterprise opens that order like its portal orders.
    expect((await get(me, `/api/work-orders/${own.orderId}`)).statusCode).toBe(200);
    expect((await get(me, `/api/portal/visits/${own.planned}`)).json()).toMatchObject({ id: own.planned, status: 'planned', plannedOn: addDays(today, 2), problems: [] });
  });

  it("lists its own packages with each item's progress, without progress notes or who wrote them", async () => {
    const r = await get(me, '/api/portal/service-packages');
    expect(r.statusCode, r.body).toBe(200);
    const total = (await t.database.pool.query(`SELECT count(*) AS n FROM service_package_assignments WHERE enterprise_id = $1`, [me.user.enterpriseId])).rows[0].n;
    expect(r.json().total).toBe(Number(total));
    const a = r.json().items.find((x: { id: string }) => x.id === own.assignment);
    expect(Object.keys(a).sort()).toEqual(['assignedAt', 'completion', 'description', 'id', 'items', 'officerName', 'packageName']);
    expect(a).toMatchObject({ packageName: '门户可见服务包', description: '为企业提供成长服务', officerName: '服务管家（示例）', completion: { total: 2, done: 1, inProgress: 0, share: 0.5 } });
    expect(a.items).toEqual([
      { itemId: expect.any(String), name: '政策解读', description: '每季度一次政策宣讲', status: 'done', updatedAt: expect.any(String) },
      { itemId: expect.any(String), name: '融资对接', description: null, status: 'todo', updatedAt: null },
    ]);
    expect(r.body).not.toContain('配合度');
    expect((await get(me, `/api/portal/service-packages/${own.assignment}`)).json()).toEqual(a);
  });

  it("answers 404 for another enterprise's visit or package, and for a cancelled plan", async () => {
    for (const url of [`/api/portal/visits/${others.visit}`, `/api/portal/service-packages/${others.assignment}`, `/api/portal/visits/${own.cancelled}`]) {
      const r = await get(me, url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('is read-only for the enterprise, and the staff views stay closed to it (403)', async () => {
    const writes = [
      as(me, 'POST', '/api/visits', { enterpriseId: me.user.enterpriseId, plannedOn: today }),
      as(me, 'POST', `/api/visits/${own.planned}/record`, { visitedOn: today, people: ['张三'], topics: ['经营情况'] }),
      as(me, 'POST', `/api/visits/${own.done}/problems`, { text: '想自己加一条' }),
      as(me, 'PUT', `/api/service-package-assignments/${own.assignment}/items/${(await get(officer, `/api/service-package-assignments/${own.assignment}`)).json().items[1].itemId}`, { status: 'done' }),
      as(me, 'GET', '/api/visits'),
      as(me, 'GET', `/api/service-package-assignments/${own.assignment}`),
    ];
    for (const req of writes) {
      const r = await t.app.inject(req);
      expect(r.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
  });

  it('is for enterprise users only: staff get 403 and use the staff views', async () => {
    for (const url of ['/api/portal/visits', `/api/portal/service-packages/${own.assignment}`]) {
      const r = await get(officer, url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
  });
});
