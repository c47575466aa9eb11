import { defaultWorkOrderCategories } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// Categories, deadline rules, a user's department, and departments that work orders refer to.
const FRIDAY = new Date('2026-11-20T02:00:00Z');
let t: TestApp;
let admin: Session, parkAdmin: Session, officer: Session, ent: Session;
let haidianId: string, otherParkId: string;

const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
const send = (s: Session, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object) => t.app.inject(as(s, method, url, body));
type Category = { id: string; parentId: string | null; name: string; active: boolean; path: string[]; sortOrder: number };
const categories = async () => (await get(officer, '/api/work-order-categories')).json().items as Category[];

beforeAll(async () => {
  t = await createTestApp({ clock: () => FRIDAY });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  parkAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  const parks = (await get(admin, '/api/parks')).json().items as { id: string; code: string }[];
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  otherParkId = parks.find((p) => p.code === 'ZGC-CP')!.id;
});
afterAll(() => t.close());

describe('work order categories', () => {
  it('every install starts with the default categories, once', async () => {
    const list = await categories();
    expect(list.map((c) => c.name)).toEqual([...defaultWorkOrderCategories]);
    expect(list.every((c) => c.parentId === null && c.active)).toBe(true);
    // The bootstrap runs on every start: the tree is not seeded twice.
    const { bootstrap } = await import('../src/seed/bootstrap');
    await bootstrap(t.database.db, t.app.services, t.config);
    expect((await categories()).length).toBe(defaultWorkOrderCategories.length);
    // Enterprise users read them (the portal form).
    expect((await get(ent, '/api/work-order-categories')).statusCode).toBe(200);
  });

  it('creates, renames, moves and deactivates; refuses duplicates, cycles and depth beyond three', async () => {
    const talent = (await categories()).find((c) => c.name === '人才服务')!;
    const create = (body: object) => send(parkAdmin, 'POST', '/api/work-order-categories', body);
    const housing = await create({ name: '人才公寓', parentId: talent.id, sortOrder: 1 });
    expect(housing.statusCode, housing.body).toBe(201);
    expect(housing.json()).toMatchObject({ name: '人才公寓', parentId: talent.id, path: ['人才服务', '人才公寓'], active: true });
    expect((await create({ name: '人才公寓', parentId: talent.id })).statusCode).toBe(409);
    expect((await create({ name: '人才服务' })).statusCode).toBe(409); // top-level names are unique too
    const leaf = (await create({ name: '公租房', parentId: housing.json().id })).json();
    expect(leaf.path).toEqual(['人才服务', '人才公寓', '公租房']);
    const tooDeep = await create({ name: '第四级', parentId: leaf.id });
    expect(tooDeep.statusCode).toBe(400);
    expect((await send(parkAdmin, 'PATCH', `/api/work-order-categories/${talent.id}`, { parentId: leaf.id })).statusCode).toBe(400);
    const renamed = await send(parkAdmin, 'PATCH', `/api/work-order-categories/${leaf.id}`, { name: '公共租赁住房', active: false });
    expect(renamed.json()).toMatchObject({ name: '公共租赁住房', active: false });
    // Parents come before their children in the flat list.
    const order = (await categories()).map((c) => c.id);
    expect(order.indexOf(talent.id)).toBeLessThan(order.indexOf(housing.json().id));
    expect(order.indexOf(housing.json().id)).toBeLessThan(order.indexOf(leaf.id));
    // An inactive category takes no new orders.
    expect((await send(ent, 'POST', '/api/work-orders', { type: 'help', title: '申请公租房', description: '三套', categoryId: leaf.id })).statusCode).toBe(400);
    // Configuration needs workOrder.configure.
    expect((await send(officer, 'POST', '/api/work-order-categories', { name: '无权新增' })).statusCode).toBe(403);
  });

  it('deletes an unused leaf; a category with children or orders → 409 CATEGORY_IN_USE', async () => {
    const finance = (await categories()).find((c) => c.name === '融资')!;
    const child = (await send(parkAdmin, 'POST', '/api/work-order-categories', { name: '银行贷款', parentId: finance.id })).json();
    const withChild = await send(parkAdmin, 'DELETE', `/api/work-order-categories/${finance.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.code).toBe('CATEGORY_IN_USE');
    const order = await send(ent, 'POST', '/api/work-orders', { type: 'help', title: '贷款咨询', description: '500 万授信', categoryId: child.id });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().categoryPath).toEqual(['融资', '银行贷款']);
    // The list's category filter takes the subtree.
    expect((await get(officer, `/api/work-orders?categoryId=${finance.id}`)).json().items.map((o: { id: string }) => o.id)).toEqual([order.json().id]);
    const used = await send(parkAdmin, 'DELETE', `/api/work-order-categories/${child.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({ error: { code: 'CATEGORY_IN_USE' } });
    expect(used.json().error.message).toContain('1 个工单');
    const unused = (await send(parkAdmin, 'POST', '/api/work-order-categories', { name: '临时分类' })).json();
    expect((await send(parkAdmin, 'DELETE', `/api/work-order-categories/${unused.id}`)).statusCode).toBe(200);
    expect((await categories()).some((c) => c.id === unused.id)).toBe(false);
  });
});

describe('deadline rules', () => {
  it('lists every type × priority (defaults until changed); a change applies to orders created afterwards', async () => {
    const before = await send(ent, 'POST', '/api/work-orders', { type: 'inquiry', title: '咨询一', description: '规则修改前' });
    const rules = (await get(officer, '/api/work-order-deadline-rules')).json().items as { type: string; priority: string; responseHours: number; resolveWorkingDays: number; updatedAt: string | null }[];
    expect(rules).toHaveLength(8);
    expect(rules.find((r) => r.type === 'inquiry' && r.priority === 'normal')).toMatchObject({ responseHours: 2, resolveWorkingDays: 3, updatedAt: null });
    const put = await send(parkAdmin, 'PUT', '/api/work-order-deadline-rules/inquiry/normal', { responseHours: 4, resolveWorkingDays: 5 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ type: 'inquiry', priority: 'normal', responseHours: 4, resolveWorkingDays: 5, updatedByName: '园区管理员（示例）' });
    expect((await send(parkAdmin, 'PUT', '/api/work-order-deadline-rules/inquiry/normal', { responseHours: 0, resolveWorkingDays: 5 })).statusCode).toBe(400);
    expect((await send(officer, 'PUT', '/api/work-order-deadline-rules/inquiry/normal', { responseHours: 3, resolveWorkingDays: 3 })).statusCode).toBe(403);
    const after = await send(ent, 'POST', '/api/work-orders', { type: 'inquiry', title: '咨询二', description: '规则修改后' });
    expect(after.json().responseDueAt).toBe('2026-11-20T06:00:00.000Z');
    // Fri 2026-11-20: five working days → Fri 2026-11-27 23:59:59 Shanghai.
    expect(after.json().resolveDueAt).toBe('2026-11-27T15:59:59.000Z');
    // The earlier order keeps what it was given.
    expect((await get(officer, `/api/work-orders/${before.json().id}`)).json()).toMatchObject({ responseDueAt: '2026-11-20T04:00:00.000Z', resolveDueAt: '2026-11-25T15:59:59.000Z' });
  });
});

describe('users and departments', () => {
  const newDept = async (name: string, parkId = haidianId) => (await send(admin, 'POST', '/api/departments', { name, parkId })).json().id as string;
  const newUser = (body: object) => send(admin, 'POST', '/api/users', { displayName: '部门人员', password: 'Dept-Staff-2025!', parkIds: [haidianId], ...body });

  it('department staff need a department inside their parks; the API returns it', async () => {
    const dept = await newDept('用户测试科');
    const far = await newDept('昌平用户测试科', otherParkId);
    expect((await newUser({ username: 'ds_none', roles: ['department_staff'] })).statusCode).toBe(400);
    const outside = await newUser({ username: 'ds_far', roles: ['department_staff'], departmentId: far });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toEqual(['departmentId']);
    const created = await newUser({ username: 'ds_ok', roles: ['department_staff'], departmentId: dept });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().departmentId).toBe(dept);
    const id = created.json().id;
    expect((await get(admin, `/api/users/${id}`)).json().departmentId).toBe(dept);
    expect((await send(admin, 'PATCH', `/api/users/${id}`, { departmentId: null })).statusCode).toBe(400);
    expect((await send(admin, 'PATCH', `/api/users/${id}`, { parkIds: [otherParkId] })).statusCode).toBe(400);
    const other = await newDept('用户测试二科');
    expect((await send(admin, 'PATCH', `/api/users/${id}`, { departmentId: other })).json().departmentId).toBe(other);
    // Becoming department staff needs a department first.
    const plain = (await newUser({ username: 'ds_later', roles: ['leader'] })).json().id;
    expect((await send(admin, 'PUT', `/api/users/${plain}/roles`, { roles: ['department_staff'] })).statusCode).toBe(400);
    expect((await send(admin, 'PATCH', `/api/users/${plain}`, { departmentId: dept })).statusCode).toBe(200);
    expect((await send(admin, 'PUT', `/api/users/${plain}/roles`, { roles: ['department_staff'] })).statusCode).toBe(200);
  });

  it('a department that users or work orders refer to is not deleted: 409 with the reason', async () => {
    const withUser = await newDept('有人员的科');
    expect((await newUser({ username: 'ds_keep', roles: ['department_staff'], departmentId: withUser })).statusCode).toBe(201);
    const r1 = await send(admin, 'DELETE', `/api/departments/${withUser}`);
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.message).toContain('1 名用户');

    const withOrders = await newDept('有工单的科');
    const coHandling = await newDept('协办的科');
    const order = (await send(ent, 'POST', '/api/work-orders', { type: 'help', title: '部门引用', description: '派给该科' })).json();
    expect((await send(officer, 'POST', `/api/work-orders/${order.id}/actions`, { action: 'assign', departmentId: withOrders, coHandlerDepartmentIds: [coHandling] })).statusCode).toBe(200);
    for (const id of [withOrders, coHandling]) {
      const r = await send(admin, 'DELETE', `/api/departments/${id}`);
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'CONFLICT' });
      expect(r.json().error.message).toContain('1 个工单');
    }
    const unused = await newDept('无人无单的科');
    expect((await send(admin, 'DELETE', `/api/departments/${unused}`)).statusCode).toBe(200);
  });
});
