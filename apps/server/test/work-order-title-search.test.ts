import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleContains } from '../src/modules/service-desk/service-desk.tables';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// The list's `q` as a title substring, through the bigram index (ADR 0009), on a few thousand orders.
let t: TestApp;
let admin: Session, officer: Session, ent: Session;
let haidianId: string;
const ORDERS = 4000;
// Common titles of a park's service desk; each order takes one with its sequence number.
const common = ['申请人才公寓', '咨询高新技术企业认定', '办公用房租金补贴', '员工子女入学', '融资对接需求', '工商变更登记咨询', '停车位不足', '园区食堂意见', '专利申请资助', '用电增容申请'];

const titles = async (where = 'true', params: unknown[] = []) => (await t.database.pool.query(`SELECT id, title FROM work_orders WHERE ${where}`, params)).rows as { id: string; title: string }[];
const search = async (s: Session, q: string) => {
  const r = await t.app.inject(as(s, 'GET', `/api/work-orders?${new URLSearchParams({ q, pageSize: '100' })}`));
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: { id: string; title: string }[]; total: number };
};
/** What a substring scan finds (case-insensitive), as the reference. */
const containing = (rows: { id: string; title: string }[], q: string) => rows.filter((r) => r.title.toLowerCase().includes(q.toLowerCase())).map((r) => r.id).sort();
const plan = async (q: string) => {
  const r = await t.database.db.execute<{ 'QUERY PLAN': unknown }>(sql`EXPLAIN (FORMAT JSON) SELECT count(*) FROM work_orders WHERE ${titleContains(q)}`);
  return JSON.stringify(r.rows[0]!['QUERY PLAN']);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  haidianId = ((await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string }[]).find((p) => p.code === 'ZGC-HD')!.id;
  await t.database.pool.query(
    `INSERT INTO work_orders (number, type, channel, title, description, park_id, created_by, response_due_at, resolve_due_at)
     SELECT 'GD-2090-' || lpad(i::text, 6, '0'), 'help', 'staff', ($3::text[])[1 + i % array_length($3::text[], 1)] || ' ' || i, '检索测试', $1, $2, now(), now()
     FROM generate_series(1, ${ORDERS}) AS i`,
    [haidianId, admin.user.id, common],
  );
  // A few rare ones: what a selective search is for.
  for (const title of ['知识产权质押融资', '知识产权质押登记', 'OFD 版式文件无法上传', '房屋漏水', '100%_完成率']) {
    const r = await t.app.inject(as(officer, 'POST', '/api/work-orders', { type: 'inquiry', title, description: '检索测试', parkId: haidianId }));
    expect(r.statusCode, r.body).toBe(201);
  }
  // As autovacuum would: the GIN pending list merged, statistics taken (the owner may; the app role may not).
  const owner = new pg.Client({ connectionString: t.url });
  await owner.connect();
  await owner.query('VACUUM ANALYZE work_orders');
  await owner.end();
});
afterAll(() => t.close());

describe('title search (q)', () => {
  it('finds every title containing the text, Chinese of two characters and more, case-insensitive', async () => {
    const all = await titles();
    for (const q of ['质押', '知识产权质押', '产权质押融', 'ofd', 'OFD 版式', '人才公寓', '子女入学 12']) {
      const found = await search(officer, q);
      const expected = containing(all, q);
      expect(found.total, q).toBe(expected.length);
      if (expected.length <= 100) expect(found.items.map((i) => i.id).sort(), q).toEqual(expected);
    }
    expect((await search(officer, '质押')).total).toBe(2);
    expect((await search(officer, '人才公寓')).total).toBe(ORDERS / common.length);
  });

  it('one character has no bigram: still found, by a scan', async () => {
    const all = await titles();
    for (const q of ['房', '屋', '%', '_']) expect((await search(officer, q)).total, q).toBe(containing(all, q).length);
    expect((await search(officer, '%')).items.map((i) => i.title)).toEqual(['100%_完成率']); // % and _ are literal
    expect(await plan('房')).not.toContain('work_orders_title_grams_idx');
  });

  it('a selective term goes through the bigram index', async () => {
    for (const q of ['质押', '知识产权质押', 'ofd']) expect(await plan(q), q).toContain('work_orders_title_grams_idx');
  });

  it('stays within the caller’s scope: an enterprise user finds only its own orders', async () => {
    expect((await search(ent, '质押')).total).toBe(0);
    const mine = await t.app.inject(as(ent, 'POST', '/api/work-orders', { type: 'help', title: '专利质押贷款咨询', description: '检索测试' }));
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await search(ent, '质押')).items.map((i) => i.id)).toEqual([mine.json().id]);
  });
});
