// A user's department (department staff): searched on the server within the user's parks and the
// parks below them (the user form's picker), and checked inside them when the user is saved, with
// the park tree remembered per instance (ADR 0010) yet following a new park at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

let t: TestApp;
let admin: Session;
let parkAdmin: Session; // demo_park_admin: 海淀园 only
let zoneId: string;
let haidianId: string;
let changpingId: string;
const dep = {} as Record<'haidian' | 'changping' | 'zone', string>;

const departments = async (s: Session, query: string) => {
  const r = await t.app.inject(as(s, 'GET', `/api/departments?${query}`));
  expect(r.statusCode, r.body).toBe(200);
  return (r.json().items as { id: string }[]).map((d) => d.id).sort();
};
const newDepartment = async (name: string, parkId: string) => {
  const r = await t.app.inject(as(admin, 'POST', '/api/departments', { name, parkId }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
let seq = 0;
const newStaff = (parkIds: string[], departmentId: string) =>
  t.app.inject(as(admin, 'POST', '/api/users', { username: `dept_user${++seq}`, displayName: '部门人员', password: 'Dept-User-2025!', roles: ['department_staff'], parkIds, departmentId }));

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  parkAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string; parentId: string | null }[];
  zoneId = parks.find((p) => p.parentId === null)!.id;
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  changpingId = parks.find((p) => p.code === 'ZGC-CP')!.id;
  dep.haidian = await newDepartment('人员部门海淀科', haidianId);
  dep.changping = await newDepartment('人员部门昌平科', changpingId);
  dep.zone = await newDepartment('人员部门管委科', zoneId);
});
afterAll(() => t.close());

describe('GET /api/departments: the user form’s search', () => {
  it('finds by name within the given parks and the parks below them', async () => {
    const q = `q=${encodeURIComponent('人员部门')}`;
    expect(await departments(admin, `${q}&withinParks=${haidianId}`)).toEqual([dep.haidian]);
    expect(await departments(admin, `${q}&withinParks=${haidianId},${changpingId}`)).toEqual([dep.haidian, dep.changping].sort());
    expect(await departments(admin, `${q}&withinParks=${zoneId}`)).toEqual([dep.haidian, dep.changping, dep.zone].sort());
    expect(await departments(admin, `${q}&withinParks=`)).toEqual([]);
    expect(await departments(admin, `q=${encodeURIComponent('昌平科')}&withinParks=${zoneId}`)).toEqual([dep.changping]);
  });

  it('names the departments a picker holds, and never leaves the caller’s own parks', async () => {
    expect(await departments(admin, `ids=${dep.zone},${dep.changping}`)).toEqual([dep.zone, dep.changping].sort());
    expect(await departments(parkAdmin, `withinParks=${changpingId}`)).toEqual([]);
    expect(await departments(parkAdmin, `ids=${dep.changping}`)).toEqual([]);
    expect(await departments(parkAdmin, `q=${encodeURIComponent('人员部门')}&withinParks=${zoneId}`)).toEqual([dep.haidian]);
    const bad = await t.app.inject(as(admin, 'GET', '/api/departments?withinParks=not-a-park'));
    expect(bad.statusCode).toBe(400);
  });
});

describe('a department staff member’s department', () => {
  it('must lie in the user’s parks or a park below them', async () => {
    expect((await newStaff([haidianId], dep.haidian)).statusCode).toBe(201);
    expect((await newStaff([zoneId], dep.changping)).statusCode).toBe(201);
    const outside = await newStaff([haidianId], dep.changping);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([{ path: ['departmentId'], message: '部门不在用户的园区内' }]);
  });

  it('follows a park created after the tree was remembered', async () => {
    expect((await newStaff([zoneId], dep.zone)).statusCode).toBe(201);
    const park = await t.app.inject(as(admin, 'POST', '/api/parks', { code: 'ZGC-NEW', name: '新建分园', parentId: zoneId, areaKm2: 1 }));
    expect(park.statusCode, park.body).toBe(201);
    const fresh = await newDepartment('新分园服务科', park.json().id);
    expect((await newStaff([zoneId], fresh)).statusCode).toBe(201);
    expect(await departments(admin, `withinParks=${zoneId}&q=${encodeURIComponent('新分园')}`)).toEqual([fresh]);
  });
});
