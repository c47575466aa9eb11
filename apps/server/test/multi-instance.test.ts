import type { FastifyInstance } from 'fastify';
import { shanghaiDate } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, secondInstance, type TestApp } from './harness';

// Two instances behind a load balancer: what one instance ends, the other stops honouring at once.
let t: TestApp;
let b: { app: FastifyInstance; close: () => Promise<void> };
beforeAll(async () => {
  t = await createTestApp();
  b = await secondInstance(t);
});
afterAll(async () => {
  await b.close();
  await t.close();
});

/** NOTIFY arrives asynchronously: give it up to two seconds. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('sessions across instances', () => {
  it('a session made on one instance works on the other', async () => {
    const s = await login(t.app, 'demo_leader', DEMO_PASSWORD);
    expect((await b.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(200);
  });

  it('sign-out on one instance ends the session on the other, even after it was cached there', async () => {
    const s = await login(t.app, 'demo_leader', DEMO_PASSWORD);
    for (let i = 0; i < 3; i++) expect((await b.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(200);
    await t.app.inject(as(s, 'POST', '/api/auth/logout'));
    expect(await eventually(async () => (await b.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode === 401)).toBe(true);
  });

  it('a scope change on one instance reaches the other instance’s cached session', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const s = await login(t.app, 'demo_investment_officer', DEMO_PASSWORD);
    expect((await b.app.inject(as(s, 'GET', '/api/parks'))).statusCode).toBe(200);
    await t.app.inject(as(admin, 'PATCH', `/api/users/${s.user.id}`, { parkIds: [] }));
    expect(await eventually(async () => (await b.app.inject(as(s, 'GET', '/api/parks'))).json().items?.length === 0)).toBe(true);
  });
});

describe('remembered figures across instances', () => {
  it('an indicator edited on one instance is what the other serves next, after it had remembered the catalog', async () => {
    const stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
    const nameOnB = async () => ((await b.app.inject(as(stat, 'GET', '/api/statistics/indicators'))).json().items as { code: string; nameZh: string }[]).find((i) => i.code === 'export')!.nameZh;
    expect(await nameOnB()).toBe('出口额');
    expect(await nameOnB()).toBe('出口额');
    expect((await t.app.inject(as(stat, 'PATCH', '/api/statistics/indicators/export', { nameZh: '出口总额' }))).statusCode).toBe(200);
    expect(await eventually(async () => (await nameOnB()) === '出口总额')).toBe(true);
  });

  it('a report rolled up by one instance changes the summary the other had remembered', async () => {
    const stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
    const [e] = (await t.app.inject(as(stat, 'GET', '/api/enterprises?status=active&pageSize=1'))).json().items as { uscc: string }[];
    const revenueOnB = async () => (await b.app.inject(as(stat, 'GET', '/api/statistics/summary?period=2024-03&groupBy=zone&indicators=revenue'))).json().rows[0]?.indicators.revenue.value ?? null;
    expect(await revenueOnB()).toBeNull();
    expect(await revenueOnB()).toBeNull();
    expect((await t.app.inject(as(stat, 'PUT', '/api/statistics/reports/2024-03', { rows: [{ uscc: e!.uscc, values: { revenue: 123.5 } }] }))).statusCode).toBe(200);
    expect(await eventually(async () => (await revenueOnB()) === 123.5)).toBe(true);
  });
});

describe('remembered service desk settings across instances', () => {
  /** A portal order created on the second instance: its deadlines are computed there. */
  async function orderOnB(body: object = {}) {
    const ent = await login(b.app, 'demo_enterprise', DEMO_PASSWORD);
    const r = await b.app.inject(as(ent, 'POST', '/api/work-orders', { type: 'help', title: '跨实例期限', description: '两台实例', ...body }));
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { createdAt: string; responseDueAt: string; resolveDueAt: string };
  }

  it('a holiday marked on one instance moves the deadlines the other computes after it had remembered the calendar', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const dueDay = shanghaiDate((await orderOnB()).resolveDueAt);
    expect(shanghaiDate((await orderOnB()).resolveDueAt)).toBe(dueDay);
    expect((await t.app.inject(as(admin, 'PUT', `/api/calendar/days/${dueDay}`, { kind: 'holiday', name: '临时停工' }))).statusCode).toBe(200);
    expect(await eventually(async () => shanghaiDate((await orderOnB()).resolveDueAt) > dueDay)).toBe(true);
  });

  it('a deadline rule changed on one instance is the rule the other applies next', async () => {
    const admin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
    const responseHours = async () => {
      const o = await orderOnB({ type: 'suggestion' });
      return (Date.parse(o.responseDueAt) - Date.parse(o.createdAt)) / 3_600_000;
    };
    expect(await responseHours()).toBe(2);
    expect((await t.app.inject(as(admin, 'PUT', '/api/work-order-deadline-rules/suggestion/normal', { responseHours: 7, resolveWorkingDays: 10 }))).statusCode).toBe(200);
    expect(await eventually(async () => (await responseHours()) === 7)).toBe(true);
  });
});
