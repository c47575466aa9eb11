import { addMonths, shanghaiPeriod } from '@zhiyuan/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// The demo zone's 36 months of synthetic statistics, as `npm start` seeds them.
const now = new Date('2026-11-20T02:00:00Z');
const last = addMonths(shanghaiPeriod(now), -1);
let t: TestApp;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now, env: { SEED_DEMO_STATISTICS: 'true', SEED_DEMO_SERVICE_DESK: 'true' } });
  leader = await login(t.app, 'demo_leader', DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

const get = async (s: Session, url: string) => {
  const res = await t.app.inject(as(s, 'GET', url));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

it('36 periods, all closed but the newest, rolled up at seed time, with yoy and like-for-like that differ', async () => {
  const periods = (await get(leader, '/api/statistics/periods')).items as { period: string; status: string; reported: number; expected: number }[];
  const seeded = periods.filter((p) => p.reported > 0);
  expect(seeded.length).toBe(36);
  expect(seeded[0]).toMatchObject({ period: last, status: 'open' });
  expect(seeded.slice(1).every((p) => p.status === 'closed')).toBe(true);
  // The newest month is incomplete: some enterprises still have to report it.
  expect(seeded[0]!.reported).toBeLessThan(seeded[0]!.expected);

  const rows = (await get(leader, `/api/statistics/summary?period=${last}&groupBy=park&indicators=revenue`)).rows as { indicators: { revenue: { value: number; yoy: number; lfl: number } } }[];
  expect(rows.length).toBe(16);
  for (const r of rows) expect(r.indicators.revenue.value).toBeGreaterThan(0);
  // Entrants, leavers and restated priors make the two growth rates differ in most parks.
  expect(rows.filter((r) => Math.abs(r.indicators.revenue.yoy - r.indicators.revenue.lfl) > 0.001).length).toBeGreaterThan(8);
  const declining = (await get(leader, `/api/statistics/ranking?period=${last}&by=growth&order=asc&limit=5`)).items as { growth: number }[];
  expect(declining[0]!.growth).toBeLessThan(0);

  // Leadership sees the newest closed month by default: the open one is still incomplete.
  const cockpit = await get(leader, '/api/statistics/cockpit');
  expect(cockpit.period).toBe(addMonths(last, -1));
  expect(cockpit.trend).toHaveLength(36);
  expect(cockpit.parks.every((p: { center: unknown }) => p.center !== null)).toBe(true);
});

it('the cockpit counts the overdue work orders for those who may see work-order figures, fresh at every request', async () => {
  const day = now.toISOString().slice(0, 10);
  const overdueNow = async () => (await get(leader, `/api/work-orders/stats?from=${day}&to=${day}`)).overdueNow as number;
  const before = await overdueNow();
  expect(before).toBeGreaterThan(0); // the demo keeps some open orders past their deadlines
  expect((await get(leader, '/api/statistics/cockpit')).overdueOrders).toBe(before);
  // An order declined now is no longer overdue: the remembered cockpit figures do not hide that.
  const admin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  const late = (await get(admin, '/api/work-orders?overdue=true&status=submitted,accepted,assigned,in_progress&pageSize=1')).items[0] as { id: string };
  const declined = await t.app.inject(as(admin, 'POST', `/api/work-orders/${late.id}/actions`, { action: 'decline', reason: '不属于园区职责范围', nextStep: '请向区市场监管局咨询' }));
  expect(declined.statusCode, declined.body).toBe(200);
  expect((await get(leader, '/api/statistics/cockpit')).overdueOrders).toBe(before - 1);
  // A statistician reads figures but not work orders: no count.
  const stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  expect((await get(stat, '/api/statistics/cockpit')).overdueOrders).toBeNull();
});

it('the demo enterprise has its history but not the newest month (it reports that one itself)', async () => {
  const ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  const form = await get(ent, `/api/statistics/enterprises/${ent.user.enterpriseId}/form?period=${last}`);
  expect(form.report).toBeNull();
  expect(Object.keys(form.lastMonth).length).toBeGreaterThan(0);
  expect(Object.keys(form.lastYear).length).toBeGreaterThan(0);
});

it('the open period shows flagged values for review, a few per cent of its reports', async () => {
  const stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  const page = await get(stat, `/api/statistics/reporting?period=${last}&flagged=true`);
  const reported = page.counts.submitted + page.counts.accepted + page.counts.returned;
  expect(page.counts.flagged).toBeGreaterThan(0);
  expect(page.counts.flagged / reported).toBeLessThan(0.15);
  // The period list and the review list count the same enterprises.
  const all = await get(stat, `/api/statistics/reporting?period=${last}&pageSize=1`);
  const listed = (await get(stat, '/api/statistics/periods')).items.find((p: { period: string }) => p.period === last);
  expect(listed).toMatchObject({ expected: all.total, reported });
});
