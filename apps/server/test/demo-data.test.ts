// The demo seed (bootstrap with SEED_DEMO) and the scale generator (scripts/gen-enterprises.ts)
// against a real database, read back through the API.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUscc } from '@zhiyuan/core';
import { loadEnterprises } from '../../../scripts/gen-enterprises';
import { DEMO_ENTERPRISES, bootstrap } from '../src/seed/bootstrap';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, createTestDatabase, login, type Session, type TestApp } from './harness';

let t: TestApp;
let admin: Session;
let stat: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => Number((await t.database.pool.query(sql, params)).rows[0].n);

describe('demo seed', () => {
  it('seeds the qualification kinds and the demo enterprises across the 16 sub-parks', async () => {
    expect(await count('SELECT count(*) AS n FROM qualification_kinds')).toBe(10);
    expect(await count('SELECT count(*) AS n FROM enterprises')).toBe(DEMO_ENTERPRISES);
    expect(await count('SELECT count(DISTINCT park_id) AS n FROM enterprises')).toBe(16);
    expect(await count(`SELECT count(*) AS n FROM enterprises WHERE name NOT LIKE '%示例%'`)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM enterprise_qualifications')).toBeGreaterThan(1000);
    expect(await count('SELECT count(*) AS n FROM enterprise_status_events')).toBeGreaterThanOrEqual(DEMO_ENTERPRISES);
    const officer = await count(`SELECT count(*) AS n FROM enterprises e JOIN users u ON u.id = e.service_officer_id WHERE u.username = 'demo_service_officer'`);
    expect(officer).toBe(DEMO_ENTERPRISES / 10);
  });

  it('is served by the API: list, detail with decrypted contacts, status history, expiring qualifications', async () => {
    const page = (await t.app.inject(as(stat, 'GET', '/api/enterprises?pageSize=5&sort=name'))).json();
    expect(page).toMatchObject({ total: DEMO_ENTERPRISES, totalCapped: false }); // only text searches stop counting
    const e = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${page.items[0].id}`))).json();
    expect(e.name).toContain('示例');
    expect(validateUscc(e.uscc).valid).toBe(true);
    expect(e.contacts[0].phone).toMatch(/^1390000\d{4}$/);
    expect(e.location).toHaveLength(2);
    const events = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${e.id}/status-events`))).json().items;
    expect(events.at(-1).kind).toBe('moved_in');
    const expiring = (await t.app.inject(as(stat, 'GET', '/api/qualifications/expiring?days=90&pageSize=5'))).json();
    expect(expiring.total).toBeGreaterThan(50);
    const mine = (await t.app.inject(as(stat, 'GET', '/api/enterprises?pageSize=1&officerId=' + (await officerId())))).json();
    expect(mine.total).toBe(DEMO_ENTERPRISES / 10);
  });

  it('links demo_enterprise to one active 海淀园 enterprise, and seeds nothing twice', async () => {
    const me = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
    expect(me.user.roles).toEqual(['enterprise']);
    const own = (await t.app.inject(as(me, 'GET', `/api/enterprises/${me.user.enterpriseId}`))).json();
    expect(own).toMatchObject({ status: 'active' });
    const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items as { id: string; code: string }[];
    expect(parks.find((p) => p.id === own.parkId)?.code).toBe('ZGC-HD');

    expect(await bootstrap(t.database.db, t.app.services, t.config)).toBeNull();
    expect(await count('SELECT count(*) AS n FROM enterprises')).toBe(DEMO_ENTERPRISES);
    expect(await count('SELECT count(*) AS n FROM qualification_kinds')).toBe(10);
  });
});

describe('scale generator', () => {
  it('loads enterprises through COPY with the app role (indexes kept), then as the owner (indexes rebuilt)', async () => {
    const logs: string[] = [];
    const kept = await loadEnterprises(t.database.pool, { count: 1500, seed: 7, cipher: t.app.services.cipher, log: (l) => logs.push(l) });
    expect(kept).toMatchObject({ enterprises: 1500, indexesRebuilt: false });
    expect(kept.qualifications).toBeGreaterThan(500);

    const owner = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      const rebuilt = await loadEnterprises(owner, { count: 2500, seed: 8, rebuildIndexes: true });
      expect(rebuilt).toMatchObject({ enterprises: 2500, indexesRebuilt: true });
      expect(rebuilt.events).toBeGreaterThanOrEqual(2500);
    } finally {
      await owner.end();
    }
    const total = DEMO_ENTERPRISES + 4000;
    expect(await count('SELECT count(*) AS n FROM enterprises')).toBe(total);
    expect(await count('SELECT count(DISTINCT uscc) AS n FROM enterprises')).toBe(total);
    expect(await count('SELECT count(DISTINCT name) AS n FROM enterprises')).toBe(total);
    expect(await count(`SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'enterprises'`)).toBe(10);
    expect(await count(`SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f' AND conrelid = 'enterprises'::regclass`)).toBe(2);

    // Loaded rows are searchable (bigram column and index) and readable, phones decrypted with the app's key.
    const [{ name, id }] = (await t.database.pool.query(`SELECT name, id FROM enterprises WHERE name LIKE '%（示例1003000）'`)).rows;
    const found = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${encodeURIComponent(name.slice(2, 10))}`))).json();
    expect(found.items.map((x: { id: string }) => x.id)).toContain(id);
    const detail = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${id}`))).json();
    expect(detail.contacts[0].phone).toMatch(/^1390000\d{4}$/);
    expect(detail.statusSince).not.toBeNull();
  });

  it('refuses a database without sub-parks, saying what to do', async () => {
    const empty = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: empty.url, max: 1 });
    try {
      await expect(loadEnterprises(pool, { count: 10 })).rejects.toThrow(/没有园区的子园区/);
    } finally {
      await pool.end();
      await empty.drop();
    }
  });
});

async function officerId(): Promise<string> {
  return (await t.database.pool.query(`SELECT id FROM users WHERE username = 'demo_service_officer'`)).rows[0].id;
}
