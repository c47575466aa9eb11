// The assign form's department pickers (GET /api/departments?aroundPark=<the order's park>) offer
// what the assign accepts: the caller's own departments and those of the parks above the order's,
// so a 海淀园 park admin can hand an order to the zone's 企业服务处, never to another park's.
// And the demo seeds staff in 海淀园企业服务部, listed first when an order goes to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, WorkOrderAssignee } from '@zhiyuan/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

let t: TestApp;
let admin: Session, parkAdmin: Session, ent: Session;
let zoneId: string, haidianId: string, changpingId: string;
let zoneDesk: string, haidianDesk: string, changpingDesk: string;

const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
async function departments(s: Session, query: string) {
  const r = await get(s, `/api/departments?pageSize=200&${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as Department[];
}
const named = async (parkId: string, name: string) => (await departments(admin, `parkId=${parkId}&q=${encodeURIComponent(name)}`)).find((d) => d.name === name)!.id;
const act = (orderId: string, body: object) => t.app.inject(as(parkAdmin, 'POST', `/api/work-orders/${orderId}/actions`, body));

/** A 海淀园 order (the demo enterprise's park), accepted by the park admin. */
async function haidianOrder() {
  const r = await t.app.inject(as(ent, 'POST', '/api/work-orders', { type: 'help', title: '园区道路照明报修', description: '园区东门路灯不亮。' }));
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().parkId).toBe(haidianId);
  const id = r.json().id as string;
  expect((await act(id, { action: 'accept' })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  parkAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  const parks = (await get(admin, '/api/parks')).json().items as { id: string; code: string; parentId: string | null }[];
  zoneId = parks.find((p) => p.parentId === null)!.id;
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  changpingId = parks.find((p) => p.code === 'ZGC-CP')!.id;
  zoneDesk = await named(zoneId, '企业服务处');
  haidianDesk = await named(haidianId, '海淀园企业服务部');
  const created = await t.app.inject(as(admin, 'POST', '/api/departments', { name: '昌平园服务科', parkId: changpingId }));
  expect(created.statusCode, created.body).toBe(201);
  changpingDesk = created.json().id as string;
});
afterAll(() => t.close());

describe('the departments an order of a park may be assigned to', () => {
  it('a 海淀园 park admin is offered the zone’s departments besides 海淀园’s, and no other park’s', async () => {
    const own = await departments(parkAdmin, '');
    expect(own.map((d) => d.id)).not.toContain(zoneDesk);
    const around = await departments(parkAdmin, `aroundPark=${haidianId}`);
    const ids = around.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([zoneDesk, haidianDesk, ...own.map((d) => d.id)]));
    expect(new Set(around.map((d) => d.parkId))).toEqual(new Set([zoneId, haidianId]));
    expect(ids).not.toContain(changpingDesk);
  });

  it('the assign accepts the zone’s department offered, and refuses another park’s', async () => {
    const order = await haidianOrder();
    const assigned = await act(order, { action: 'assign', departmentId: zoneDesk });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', departmentId: zoneDesk, departmentName: '企业服务处' });
    const other = await haidianOrder();
    const refused = await act(other, { action: 'assign', departmentId: changpingDesk });
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.json().error.details[0].path).toEqual(['departmentId']);
  });

  it('a park outside the caller’s parks is 404, an unknown one too', async () => {
    for (const parkId of [changpingId, '00000000-0000-4000-8000-000000000000']) {
      const r = await get(parkAdmin, `/api/departments?aroundPark=${parkId}`);
      expect(r.statusCode, r.body).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get(parkAdmin, '/api/departments?aroundPark=not-a-park')).statusCode).toBe(400);
  });
});

describe('the demo staff of 海淀园企业服务部', () => {
  it('sign in with the demo password and come first when an order goes to their department', async () => {
    const staff = await login(t.app, 'demo_haidian_staff1', DEMO_PASSWORD);
    expect(staff.user.roles).toEqual(['department_staff']);
    const order = await haidianOrder();
    const r = await get(parkAdmin, `/api/work-orders/${order}/assignees?departmentId=${haidianDesk}`);
    expect(r.statusCode, r.body).toBe(200);
    const first = (r.json().items as WorkOrderAssignee[]).slice(0, 2);
    // Both of them (in the order of their names), ahead of everyone else.
    expect(first.map((a) => [a.displayName, a.departmentName])).toEqual(
      expect.arrayContaining([
        ['海淀园服务专员甲（示例）', '海淀园企业服务部'],
        ['海淀园服务专员乙（示例）', '海淀园企业服务部'],
      ]),
    );
  });
});
