import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

let now = new Date('2025-06-02T02:00:00Z');
let t: TestApp;
let admin: Session;
let zoneId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  zoneId = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items.find((p: { parentId: string | null }) => p.parentId === null).id;
});
afterAll(() => t.close());

describe('parks', () => {
  it('seeds the 16 Zhongguancun sub-parks under one zone', async () => {
    const { items } = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json();
    expect(items.filter((p: { parentId: string | null }) => p.parentId === zoneId)).toHaveLength(16);
    expect(items.map((p: { name: string }) => p.name)).toContain('大兴-亦庄园');
  });

  it('creates a sub-park with area, centre and boundary; a duplicate code is 409; a second zone is refused', async () => {
    const body = { code: 'TEST-1', name: '测试分园', parentId: zoneId, areaKm2: 2.5, district: '海淀区', center: [116.3, 39.9], boundary: [[116.29, 39.89], [116.31, 39.89], [116.31, 39.91], [116.29, 39.89]] };
    const created = await t.app.inject(as(admin, 'POST', '/api/parks', body));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'TEST-1', areaKm2: 2.5, center: [116.3, 39.9], parentId: zoneId });
    const dup = await t.app.inject(as(admin, 'POST', '/api/parks', body));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toEqual(['code']);
    const zone2 = await t.app.inject(as(admin, 'POST', '/api/parks', { code: 'Z2', name: '第二个管委会', areaKm2: 1 }));
    expect(zone2.statusCode).toBe(409);
  });

  it('rejects a non-positive area with the field named', async () => {
    const res = await t.app.inject(as(admin, 'POST', '/api/parks', { code: 'BAD', name: '坏数据', parentId: zoneId, areaKm2: -1 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toEqual(['areaKm2']);
  });

  it('a park admin sees only its own park', async () => {
    const pa = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
    const { items } = (await t.app.inject(as(pa, 'GET', '/api/parks'))).json();
    expect(items.map((p: { code: string }) => p.code)).toEqual(['ZGC-HD']);
  });
});

describe('departments', () => {
  it('creates, renames, lists with search and deletes; duplicate names in a park are 409', async () => {
    const created = await t.app.inject(as(admin, 'POST', '/api/departments', { name: '知识产权处', parkId: zoneId, phone: '010-88888888' }));
    expect(created.statusCode).toBe(201);
    expect((await t.app.inject(as(admin, 'POST', '/api/departments', { name: '知识产权处', parkId: zoneId }))).statusCode).toBe(409);
    const id = created.json().id;
    expect((await t.app.inject(as(admin, 'PATCH', `/api/departments/${id}`, { name: '知识产权服务处' }))).json().name).toBe('知识产权服务处');
    const found = (await t.app.inject(as(admin, 'GET', '/api/departments?q=知识产权&pageSize=5'))).json();
    expect(found).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect((await t.app.inject(as(admin, 'DELETE', `/api/departments/${id}`))).statusCode).toBe(200);
    expect((await t.app.inject(as(admin, 'GET', `/api/departments?q=知识产权`))).json().total).toBe(0);
  });
});

describe('working-day calendar', () => {
  it('is seeded for 2024–2026 from chinese-days', async () => {
    const { years } = (await t.app.inject(as(admin, 'GET', '/api/calendar/years'))).json();
    expect(years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    const { days } = (await t.app.inject(as(admin, 'GET', '/api/calendar/days?year=2025'))).json();
    expect(days).toContainEqual(expect.objectContaining({ date: '2025-01-26', kind: 'workday' }));
    expect(days).toContainEqual(expect.objectContaining({ date: '2025-10-08', kind: 'holiday' }));
  });

  it('computes deadlines across Spring Festival 2025 in Asia/Shanghai', async () => {
    // Friday 2025-01-24 10:00 Shanghai: next working days are Sun 01-26 (调休), Mon 01-27, then Wed 02-05 after the holiday.
    const res = await t.app.inject({ method: 'GET', url: `/api/calendar/due?start=${encodeURIComponent('2025-01-24T10:00:00+08:00')}&workingDays=3` });
    expect(res.json()).toEqual({ dueAt: '2025-02-05T15:59:59.000Z', dueDate: '2025-02-05', fallbackYears: [] });
  });

  it('falls back to Monday–Friday for a year with no calendar, and says so', async () => {
    const res = (await t.app.inject({ method: 'GET', url: `/api/calendar/due?start=2030-01-04T01:00:00Z&workingDays=1` })).json();
    expect(res).toMatchObject({ dueDate: '2030-01-07', fallbackYears: [2030] });
    expect(res.message).toContain('2030');
  });

  it('an admin marks a day; an import replaces a whole year or, with a bad row, nothing', async () => {
    expect((await t.app.inject(as(admin, 'PUT', '/api/calendar/days/2026-06-01', { kind: 'holiday', name: '园区活动日' }))).statusCode).toBe(200);
    const due = (await t.app.inject({ method: 'GET', url: '/api/calendar/due?start=2026-05-29T01:00:00Z&workingDays=1' })).json();
    expect(due.dueDate).toBe('2026-06-02');

    const bad = await t.app.inject(as(admin, 'POST', '/api/calendar/import', { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday' }, { date: '2026-12-31', kind: 'holiday' }, { date: '2027-01-01', kind: 'holiday' }] }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([
      { row: 2, column: 'date', message: '2026-12-31 不属于 2027 年' },
      { row: 3, column: 'date', message: '2027-01-01 重复出现' },
    ]);
    expect((await t.app.inject(as(admin, 'GET', '/api/calendar/days?year=2027'))).json().days).toEqual([]);

    const ok = await t.app.inject(as(admin, 'POST', '/api/calendar/import', { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }));
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject(as(admin, 'GET', '/api/calendar/years'))).json().years.map((y: { year: number }) => y.year)).toContain(2027);
  });

  it('from November reminds administrators that next year is missing', async () => {
    now = new Date('2027-11-02T02:00:00Z');
    admin = await login(t.app, 'admin', ADMIN_PASSWORD); // sessions went idle while the clock jumped
    expect((await t.app.inject(as(admin, 'GET', '/api/calendar/years'))).json().missingYearReminder).toBe(2028);
    now = new Date('2027-10-30T02:00:00Z');
    expect((await t.app.inject(as(admin, 'GET', '/api/calendar/years'))).json().missingYearReminder).toBeNull();
  });
});

describe('reference', () => {
  it('validates a USCC and says which check character was expected', async () => {
    const good = (await t.app.inject({ method: 'GET', url: '/api/reference/uscc/91440300708461136T' })).json();
    expect(good.valid).toBe(true);
    const bad = (await t.app.inject({ method: 'GET', url: '/api/reference/uscc/91440300708461136U' })).json();
    expect(bad.valid).toBe(false);
    expect(bad.errors[0].message).toContain('T');
  });

  it('lists the 20 sections and 97 divisions of GB/T 4754-2017', async () => {
    const r = (await t.app.inject({ method: 'GET', url: '/api/reference/industries' })).json();
    expect(r.sections).toHaveLength(20);
    expect(r.divisions).toHaveLength(97);
  });
});
