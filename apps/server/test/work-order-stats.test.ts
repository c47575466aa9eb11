import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositeScore, ranks, rateOutcome, workOrderRates, type RateFacts, type RateName } from '@zhiyuan/core';
import { demoUsername } from '../src/seed/bootstrap';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { insertOrder, rateFacts, type OrderFixture } from './sla-fixtures';

// The three rates as the API computes them in SQL, against core's workOrderRates on the same orders.
const NOW = new Date('2025-04-02T10:00:00+08:00');
const sh = (s: string) => `${s}+08:00`;
const plus = (s: string, hours: number) => new Date(new Date(sh(s)).getTime() + hours * 3_600_000).toISOString();
const MARCH = { from: new Date(sh('2025-03-01T00:00:00')), to: new Date(sh('2025-04-01T00:00:00')), now: NOW };

let t: TestApp;
let admin: Session;
let leader: Session;
let parkAdmin: Session;
let haidianId: string;
let parkA: string;
let parkB: string;
let depA: string;
let depB: string;
let officerId: string;
let staffId: string;
const ids: Record<string, string> = {};

const get = (s: Session, path: string, q: Record<string, string>) => t.app.inject(as(s, 'GET', `${path}?${new URLSearchParams(q)}`));
const march = { from: '2025-03-01', to: '2025-03-31' };
const factsOf = (where: string, params: unknown[] = []) => rateFacts(t.database.pool, where, params);
const coreRates = (facts: RateFacts[], w = MARCH) => {
  const r = workOrderRates(facts, w);
  return { total: r.total, response: r.response, resolution: r.resolution, satisfaction: r.satisfaction };
};
const apiRates = (b: { total: number; response: unknown; resolution: unknown; satisfaction: unknown }) => ({ total: b.total, response: b.response, resolution: b.resolution, satisfaction: b.satisfaction });

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  leader = await login(t.app, demoUsername('leader'), DEMO_PASSWORD);
  parkAdmin = await login(t.app, demoUsername('park_admin'), DEMO_PASSWORD);
  const officer = await login(t.app, demoUsername('service_officer'), DEMO_PASSWORD);
  officerId = officer.user.id;
  staffId = (await login(t.app, demoUsername('department_staff'), DEMO_PASSWORD)).user.id;
  const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string }[];
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  const changpingId = parks.find((p) => p.code === 'ZGC-CP')!.id;
  const park = async (code: string, parentId: string) => (await t.app.inject(as(admin, 'POST', '/api/parks', { code, name: `三率测试园${code}`, parentId, areaKm2: 1 }))).json().id as string;
  parkA = await park('SL-A', haidianId);
  parkB = await park('SL-B', changpingId);
  const dep = async (name: string) => (await t.app.inject(as(admin, 'POST', '/api/departments', { name, parkId: parkA }))).json().id as string;
  depA = await dep('三率测试甲科');
  depB = await dep('三率测试乙科');

  const base = { parkId: parkA, createdBy: officerId };
  const orders: Record<string, OrderFixture> = {
    // Created at the window's first instant; answered, confirmed solved, rated 5.
    o1: { ...base, createdAt: sh('2025-03-01T00:00:00'), respondedAt: plus('2025-03-01T00:00:00', 1), status: 'closed', repliedAt: sh('2025-03-03T10:00:00'), closedAt: sh('2025-03-05T10:00:00'), solved: true, ratedAt: sh('2025-03-05T11:00:00'), rating: 5, departmentId: depA, assigneeId: officerId },
    // Created one second before the window: counts for its closing and rating only.
    o2: { ...base, createdAt: sh('2025-02-28T23:59:59'), respondedAt: plus('2025-02-28T23:59:59', 0.5), status: 'closed', closedAt: sh('2025-03-02T10:00:00'), solved: true, ratedAt: sh('2025-03-02T11:00:00'), rating: 3, departmentId: depB, assigneeId: officerId },
    // The window's last second; responded an hour late.
    o3: { ...base, createdAt: sh('2025-03-31T23:59:59'), respondedAt: plus('2025-03-31T23:59:59', 3), status: 'in_progress', departmentId: depA, assigneeId: staffId },
    // The first instant after the window: nothing of it counts.
    o4: { ...base, createdAt: sh('2025-04-01T00:00:00'), respondedAt: plus('2025-04-01T00:00:00', 1), status: 'closed', closedAt: sh('2025-04-01T08:00:00'), solved: true, ratedAt: sh('2025-04-01T09:00:00'), rating: 5 },
    // Never responded, deadline passed: against.
    o5: { ...base, createdAt: sh('2025-03-10T09:00:00') },
    // Never responded, deadline still ahead at NOW: not due yet, left out.
    o6: { ...base, createdAt: sh('2025-03-31T20:00:00'), responseDueAt: sh('2025-04-07T20:00:00') },
    // Dispositions: their response counts; they are never "closed".
    o7: { ...base, createdAt: sh('2025-03-05T09:00:00'), respondedAt: sh('2025-03-05T09:30:00'), status: 'merged' },
    o8: { ...base, createdAt: sh('2025-03-06T09:00:00'), respondedAt: sh('2025-03-06T09:30:00'), status: 'referred' },
    o9: { ...base, createdAt: sh('2025-03-07T09:00:00'), respondedAt: sh('2025-03-07T14:00:00'), status: 'declined' },
    // Closed by staff without the requester's word: against the resolution rate.
    o10: { ...base, createdAt: sh('2025-03-08T09:00:00'), respondedAt: sh('2025-03-08T09:30:00'), status: 'closed', repliedAt: sh('2025-03-10T09:00:00'), closedAt: sh('2025-03-12T10:00:00'), solved: null, departmentId: depA },
    // Reopened (not closed now); its rating, given in the window's last millisecond, stays.
    o11: { ...base, createdAt: sh('2025-03-09T09:00:00'), respondedAt: sh('2025-03-09T09:10:00'), status: 'in_progress', reopenCount: 1, ratedAt: sh('2025-03-31T23:59:59.999'), rating: 4, departmentId: depB },
    // Closed at the first instant after the window.
    o13: { ...base, createdAt: sh('2025-03-20T09:00:00'), respondedAt: sh('2025-03-20T09:10:00'), status: 'closed', closedAt: sh('2025-04-01T00:00:00'), solved: true },
    // Another sub-park (昌平): out of the 海淀园 park admin's reach.
    o12: { parkId: parkB, createdBy: officerId, createdAt: sh('2025-03-10T09:00:00'), respondedAt: sh('2025-03-10T09:30:00'), status: 'closed', closedAt: sh('2025-03-15T09:00:00'), solved: true, ratedAt: sh('2025-03-15T10:00:00'), rating: 2 },
  };
  for (const [name, o] of Object.entries(orders)) ids[name] = await insertOrder(t.database.pool, o);
});
afterAll(() => t.close());

describe('GET /api/work-orders/stats', () => {
  it('counts the hand-made orders as DESIGN §7 defines (edges in Asia/Shanghai, dispositions not closed, unconfirmed closes against, ratings ≥ 4)', async () => {
    const res = await get(leader, '/api/work-orders/stats', { ...march, parkId: parkA });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.total).toBe(10);
    expect(b.response).toEqual({ numerator: 6, denominator: 9, rate: 6 / 9 });
    expect(b.resolution).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(b.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect([b.responseRate, b.resolutionRate, b.satisfactionRate]).toEqual([6 / 9, 2 / 3, 2 / 3]);
    expect(apiRates(b)).toEqual(coreRates(await factsOf('park_id = $1', [parkA])));
    expect(b.from).toBe(MARCH.from.toISOString());
    expect(b.to).toBe(MARCH.to.toISOString());
  });

  it('equals core over every order of the caller’s scope: the zone for a leader, 海淀园 and below for its park admin', async () => {
    const zone = (await get(leader, '/api/work-orders/stats', march)).json();
    expect(apiRates(zone)).toEqual(coreRates(await factsOf('true')));
    const haidian = (await get(parkAdmin, '/api/work-orders/stats', march)).json();
    const subtree = `park_id IN (WITH RECURSIVE t AS (SELECT id FROM parks WHERE id = $1 UNION SELECT p.id FROM parks p JOIN t ON p.parent_id = t.id) SELECT id FROM t)`;
    expect(apiRates(haidian)).toEqual(coreRates(await factsOf(subtree, [haidianId])));
    expect(haidian.total).toBe(zone.total - 1); // o12 (昌平) is the only order of the window outside 海淀园
    expect((await get(parkAdmin, '/api/work-orders/stats', { ...march, parkId: parkB })).statusCode).toBe(404);
    expect((await get(leader, '/api/work-orders/stats', { ...march, parkId: parkB })).json().total).toBe(1);
  });

  it('takes dates as whole Shanghai days (to included) and ISO instants as they are (to excluded)', async () => {
    const byDates = (await get(leader, '/api/work-orders/stats', { ...march, parkId: parkA })).json();
    const byInstants = (await get(leader, '/api/work-orders/stats', { from: sh('2025-03-01T00:00:00'), to: sh('2025-04-01T00:00:00'), parkId: parkA })).json();
    expect(apiRates(byInstants)).toEqual(apiRates(byDates));
    const to30th = (await get(leader, '/api/work-orders/stats', { from: '2025-03-01', to: '2025-03-30', parkId: parkA })).json();
    expect(to30th.total).toBe(8); // o3 (23:59:59 on the 31st) and o6 (20:00 on the 31st) fall out
    expect(to30th.satisfaction.denominator).toBe(2); // o11's rating at 23:59:59.999 on the 31st
    const reversed = await get(leader, '/api/work-orders/stats', { from: '2025-03-31', to: '2025-03-01' });
    expect(reversed.statusCode).toBe(400);
  });

  it('counts open orders past a deadline now and supervisions opened in the window', async () => {
    const b = (await get(leader, '/api/work-orders/stats', { ...march, parkId: parkA })).json();
    const open = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM work_orders WHERE park_id = $1 AND ((status = 'submitted' AND response_due_at < $2) OR (status IN ('submitted','accepted','assigned','in_progress') AND resolve_due_at < $2))`,
      [parkA, NOW],
    );
    expect(b.overdueNow).toBe(open.rows[0].n);
    expect(b.overdueNow).toBeGreaterThanOrEqual(2); // o5 (response), o3 and o11 (resolution by 5 days)
    expect(typeof b.supervisions).toBe('number');
  });
});

describe('GET /api/work-orders/stats/breakdown', () => {
  it('by department: each row equals core over its orders, ranked by the composite score; unassigned orders shown, not ranked', async () => {
    const res = await get(leader, '/api/work-orders/stats/breakdown', { ...march, parkId: parkA, groupBy: 'department' });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    const facts = await factsOf('park_id = $1', [parkA]);
    const rowOf = (key: string) => b.rows.find((r: { key: string }) => r.key === key);
    for (const [key, dep] of [[depA, depA], [depB, depB], ['none', null]] as const) {
      const mine = facts.filter((f) => f.departmentId === dep);
      expect(apiRates(rowOf(key)), key).toEqual(coreRates(mine));
      expect(rowOf(key).score).toBeCloseTo(compositeScore(workOrderRates(mine, MARCH))!, 12);
    }
    expect(rowOf(depA).name).toBe('三率测试甲科');
    expect(rowOf('none').rank).toBeNull();
    const expected = ranks([rowOf(depA).score, rowOf(depB).score]);
    expect([rowOf(depA).rank, rowOf(depB).rank]).toEqual(expected);
    expect(b.rows.map((r: { rank: number | null }) => r.rank)).toEqual([...b.rows.map((r: { rank: number | null }) => r.rank)].sort((x, y) => (x ?? 99) - (y ?? 99)));
    expect(apiRates(b.overall)).toEqual(coreRates(facts));
    expect(b.weights).toEqual({ response: 0.1, resolution: 0.45, satisfaction: 0.45 });
  });

  it('by officer and by park', async () => {
    const facts = await factsOf('park_id = $1', [parkA]);
    const officers = (await get(leader, '/api/work-orders/stats/breakdown', { ...march, parkId: parkA, groupBy: 'officer' })).json();
    const row = officers.rows.find((r: { key: string }) => r.key === officerId);
    expect(row.name).toBe('服务管家（示例）');
    expect(apiRates(row)).toEqual(coreRates(facts.filter((f) => f.assigneeId === officerId)));
    const byPark = (await get(leader, '/api/work-orders/stats/breakdown', { ...march, parkId: haidianId, groupBy: 'park' })).json();
    expect(apiRates(byPark.rows.find((r: { key: string }) => r.key === parkA))).toEqual(coreRates(facts));
  });

  it('by month: each rate counts in the month of its own event', async () => {
    const b = (await get(leader, '/api/work-orders/stats/breakdown', { from: '2025-02-01', to: '2025-04-30', parkId: parkA, groupBy: 'month' })).json();
    const facts = await factsOf('park_id = $1', [parkA]);
    expect(b.rows.map((r: { key: string }) => r.key)).toEqual(['2025-02', '2025-03', '2025-04']);
    const months = { '2025-02': ['2025-02-01', '2025-03-01'], '2025-03': ['2025-03-01', '2025-04-01'], '2025-04': ['2025-04-01', '2025-05-01'] } as const;
    for (const r of b.rows as { key: keyof typeof months; rank: null; total: number; response: unknown; resolution: unknown; satisfaction: unknown }[]) {
      const [from, to] = months[r.key];
      expect(apiRates(r), r.key).toEqual(coreRates(facts, { from: new Date(sh(`${from}T00:00:00`)), to: new Date(sh(`${to}T00:00:00`)), now: NOW }));
      expect(r.rank).toBeNull();
    }
  });

  it('exports the breakdown as xlsx', async () => {
    const res = await get(leader, '/api/work-orders/stats/breakdown/export', { ...march, groupBy: 'department' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('GET /api/work-orders/stats/orders (drill-down)', () => {
  const listed = async (rate: RateName, outcome: string, extra: Record<string, string> = {}) => {
    const res = await get(leader, '/api/work-orders/stats/orders', { ...march, parkId: parkA, rate, outcome, pageSize: '100', ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; outcome: string; parkName: string }[]; total: number };
  };
  const named = (...names: string[]) => names.map((n) => ids[n]).sort();

  it('lists exactly the orders that count against each rate, as core’s rateOutcome says', async () => {
    const facts = await factsOf('park_id = $1', [parkA]);
    for (const rate of ['response', 'resolution', 'satisfaction'] as const) {
      const against = facts.filter((f) => rateOutcome(f, rate, MARCH) === 'against').map((f) => f.id).sort();
      const page = await listed(rate, 'against');
      expect(page.items.map((i) => i.id).sort(), rate).toEqual(against);
      expect(page.total).toBe(against.length);
      expect(page.items.every((i) => i.outcome === 'against')).toBe(true);
    }
    expect((await listed('response', 'against')).items.map((i) => i.id).sort()).toEqual(named('o3', 'o5', 'o9'));
    expect((await listed('resolution', 'against')).items.map((i) => i.id)).toEqual([ids.o10]);
    expect((await listed('satisfaction', 'against')).items.map((i) => i.id)).toEqual([ids.o2]);
    expect((await listed('response', 'counted')).items.map((i) => i.id).sort()).toEqual(named('o1', 'o7', 'o8', 'o10', 'o11', 'o13'));
    expect((await listed('resolution', 'all')).total).toBe(3);
  });

  it('narrows to a breakdown row (department, officer, month), pages, and exports', async () => {
    expect((await listed('response', 'all', { departmentId: depA })).items.map((i) => i.id).sort()).toEqual(named('o1', 'o3', 'o10'));
    expect((await listed('satisfaction', 'all', { assigneeId: officerId })).items.map((i) => i.id).sort()).toEqual(named('o1', 'o2'));
    const feb = await get(leader, '/api/work-orders/stats/orders', { from: '2025-02-01', to: '2025-04-30', parkId: parkA, rate: 'response', outcome: 'all', month: '2025-02' });
    expect(feb.json().items.map((i: { id: string }) => i.id)).toEqual([ids.o2]);
    const first = (await listed('response', 'all', { pageSize: '2', page: '1', sort: 'createdAt' })).items;
    expect(first.map((i) => i.id)).toEqual([ids.o1, ids.o7]);
    expect(first[0]!.parkName).toBe('三率测试园SL-A');
    const xlsx = await get(leader, '/api/work-orders/stats/orders/export', { ...march, parkId: parkA, rate: 'response' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a 海淀园 park admin never sees another park’s orders', async () => {
    const res = await get(parkAdmin, '/api/work-orders/stats/orders', { ...march, rate: 'satisfaction', outcome: 'all', pageSize: '200' });
    expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(ids.o12);
    expect((await get(parkAdmin, '/api/work-orders/stats/orders', { ...march, parkId: parkB, rate: 'response' })).statusCode).toBe(404);
  });
});

describe('withdrawn orders (撤回) in the rates', () => {
  let parkW: string;
  const w = (name: string) => ids[name]!;

  beforeAll(async () => {
    parkW = (await t.app.inject(as(admin, 'POST', '/api/parks', { code: 'SL-W', name: '三率测试园SL-W', parentId: haidianId, areaKm2: 1 }))).json().id;
    const base = { parkId: parkW, createdBy: officerId, status: 'withdrawn' as const };
    // Response due two hours after creation (09:00 → 11:00).
    const orders: Record<string, [OrderFixture, string]> = {
      // Withdrawn before anyone answered, in time: no response was owed yet — left out.
      w1: [{ ...base, createdAt: sh('2025-03-12T09:00:00') }, sh('2025-03-12T10:00:00')],
      // Withdrawn unanswered after its deadline had passed: against.
      w2: [{ ...base, createdAt: sh('2025-03-12T09:00:00') }, sh('2025-03-12T12:00:00')],
      // Withdrawn after a timely response: the response counts; never closed.
      w3: [{ ...base, createdAt: sh('2025-03-13T09:00:00'), respondedAt: sh('2025-03-13T09:30:00') }, sh('2025-03-20T09:00:00')],
      // Withdrawn at the deadline itself: not yet late.
      w4: [{ ...base, createdAt: sh('2025-03-14T09:00:00') }, sh('2025-03-14T11:00:00')],
    };
    for (const [name, [o, at]] of Object.entries(orders)) {
      ids[name] = await insertOrder(t.database.pool, o);
      await t.database.pool.query(`UPDATE work_orders SET disposed_at = $2, disposition_next_step = NULL, disposition_reason = '不再需要' WHERE id = $1`, [ids[name], at]);
    }
    ids.wClosed = await insertOrder(t.database.pool, { parkId: parkW, createdBy: officerId, createdAt: sh('2025-03-15T09:00:00'), respondedAt: sh('2025-03-15T09:10:00'), status: 'closed', closedAt: sh('2025-03-18T09:00:00'), solved: true });
  });

  const factsW = () => factsOf('park_id = $1', [parkW]);

  it('one withdrawn unanswered counts against the response rate only if its deadline had passed; none is closed', async () => {
    const b = (await get(leader, '/api/work-orders/stats', { ...march, parkId: parkW })).json();
    expect(b.total).toBe(5);
    expect(b.response).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 }); // w3 and wClosed in time, w2 against; w1 and w4 out
    expect(b.resolution).toEqual({ numerator: 1, denominator: 1, rate: 1 }); // wClosed only
    expect(apiRates(b)).toEqual(coreRates(await factsW()));
  });

  it('the drill-down and the monthly breakdown agree with core', async () => {
    const against = await get(leader, '/api/work-orders/stats/orders', { ...march, parkId: parkW, rate: 'response', outcome: 'against' });
    expect(against.json().items.map((i: { id: string }) => i.id)).toEqual([w('w2')]);
    const all = await get(leader, '/api/work-orders/stats/orders', { ...march, parkId: parkW, rate: 'response', outcome: 'all', pageSize: '100' });
    expect(all.json().items.map((i: { id: string }) => i.id).sort()).toEqual([w('w2'), w('w3'), w('wClosed')].sort());
    const months = (await get(leader, '/api/work-orders/stats/breakdown', { ...march, parkId: parkW, groupBy: 'month' })).json();
    expect(apiRates(months.rows[0])).toEqual(coreRates(await factsW()));
  });
});
