import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderAssignee } from '@zhiyuan/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// GET /api/work-orders/:id/assignees: who a 海淀园 order may be assigned to, and that the assign agrees.
let t: TestApp;
let admin: Session, officer: Session, ent: Session, staffA: Session, otherOfficer: Session;
let zoneId: string, haidianId: string, changpingId: string, depA: string, depB: string;
type Username = 'asg_staff_a' | 'asg_staff_b' | 'asg_leader' | 'asg_zone_admin' | 'asg_cp_staff' | 'asg_cp_officer' | 'asg_disabled';
const ids = {} as Record<Username, string>;

const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
async function assignees(s: Session, orderId: string, query = '') {
  const r = await get(s, `/api/work-orders/${orderId}/assignees${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: WorkOrderAssignee[] }).items;
}
async function newOrder() {
  const r = await t.app.inject(as(ent, 'POST', '/api/work-orders', { type: 'help', title: '厂房漏水报修', description: '三号楼二层漏水。' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function user(username: Username, body: object) {
  const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Assignee-Pass-2025!', ...body }));
  expect(r.statusCode, r.body).toBe(201);
  ids[username] = r.json().id as string;
  return ids[username];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  const parks = (await get(admin, '/api/parks')).json().items as { id: string; code: string; parentId: string | null }[];
  zoneId = parks.find((p) => p.parentId === null)!.id;
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  changpingId = parks.find((p) => p.code === 'ZGC-CP')!.id;
  const dept = async (name: string, parkId: string) => (await t.app.inject(as(admin, 'POST', '/api/departments', { name, parkId }))).json().id as string;
  [depA, depB] = [await dept('派单测试一科', haidianId), await dept('派单测试二科', haidianId)];
  const depCp = await dept('派单测试昌平科', changpingId);
  await user('asg_staff_a', { roles: ['department_staff'], parkIds: [haidianId], departmentId: depA });
  await user('asg_staff_b', { roles: ['department_staff'], parkIds: [haidianId], departmentId: depB });
  await user('asg_leader', { roles: ['leader'], parkIds: [haidianId] });
  await user('asg_zone_admin', { roles: ['park_admin'], parkIds: [zoneId] });
  await user('asg_cp_staff', { roles: ['department_staff'], parkIds: [changpingId], departmentId: depCp });
  await user('asg_cp_officer', { roles: ['service_officer'], parkIds: [changpingId] });
  await user('asg_disabled', { roles: ['department_staff'], parkIds: [haidianId], departmentId: depA });
  expect((await t.app.inject(as(admin, 'PATCH', `/api/users/${ids.asg_disabled}`, { status: 'disabled' }))).statusCode).toBe(200);
  staffA = await login(t.app, 'asg_staff_a', 'Assignee-Pass-2025!');
  otherOfficer = await login(t.app, 'asg_cp_officer', 'Assignee-Pass-2025!');
});
afterAll(() => t.close());

describe('who an order may be assigned to', () => {
  it('the chosen department’s staff first, with their department; no one without handling rights, outside the park or disabled', async () => {
    const order = await newOrder();
    const items = await assignees(officer, order, `?departmentId=${depA}`);
    expect(items[0]).toEqual({ id: ids.asg_staff_a, displayName: 'asg_staff_a', departmentId: depA, departmentName: '派单测试一科', roles: ['department_staff'] });
    const listed = new Set(items.map((u) => u.id));
    // Department staff of another department, the zone-wide park admin (the zone is above 海淀园) and the officer are there too.
    for (const id of [ids.asg_staff_b, ids.asg_zone_admin, officer.user.id]) expect(listed.has(id)).toBe(true);
    for (const id of [ids.asg_leader, ids.asg_cp_staff, ids.asg_cp_officer, ids.asg_disabled]) expect(listed.has(id)).toBe(false);
    // Another department chosen: its staff come first instead.
    expect((await assignees(officer, order, `?departmentId=${depB}`))[0]!.id).toBe(ids.asg_staff_b);
  });

  it('q finds by name or username, bounded to 50', async () => {
    const order = await newOrder();
    expect((await assignees(officer, order, '?q=asg_staff_')).map((u) => u.id).sort()).toEqual([ids.asg_staff_a, ids.asg_staff_b].sort());
    expect(await assignees(officer, order, `?q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await assignees(officer, order)).length).toBeLessThanOrEqual(50);
  });

  it('an assignment to someone listed succeeds; to someone left out is refused by the same rule', async () => {
    const order = await newOrder();
    const listed = await assignees(officer, order, `?departmentId=${depB}`);
    const r = await t.app.inject(as(officer, 'POST', `/api/work-orders/${order}/actions`, { action: 'assign', departmentId: depB, assigneeId: listed[0]!.id }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'assigned', departmentId: depB, assigneeId: ids.asg_staff_b, assigneeName: 'asg_staff_b' });
    const refused = await t.app.inject(as(officer, 'POST', `/api/work-orders/${order}/actions`, { action: 'assign', assigneeId: ids.asg_cp_staff }));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details[0].path).toEqual(['assigneeId']);
  });

  it('dispatchers only: enterprise users and department staff 403; an order out of the caller’s parks or unknown 404', async () => {
    const order = await newOrder();
    for (const s of [ent, staffA]) {
      const r = await get(s, `/api/work-orders/${order}/assignees`);
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    const outOfReach = [get(otherOfficer, `/api/work-orders/${order}/assignees`), get(officer, '/api/work-orders/00000000-0000-4000-8000-000000000000/assignees')];
    for (const r of await Promise.all(outOfReach)) {
      expect(r.statusCode, r.body).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
  });
});
