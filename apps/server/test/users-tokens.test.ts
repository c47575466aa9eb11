import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

let now = new Date('2025-06-02T02:00:00Z');
let t: TestApp;
let admin: Session;
let secadmin: Session;
let zoneId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  secadmin = await login(t.app, 'demo_secadmin', DEMO_PASSWORD);
  zoneId = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items.find((p: { parentId: string | null }) => p.parentId === null).id;
});
afterAll(() => t.close());

const newUser = async (username: string, roles: string[] = ['leader']) => {
  const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Some-Pass-2025!', roles, parkIds: [zoneId], mobile: '13812345678' }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

describe('users', () => {
  it('creates a user (201 with id), lists with search, paging and sort; duplicate usernames are 409', async () => {
    const u = await newUser('zhangsan');
    expect(u).toMatchObject({ username: 'zhangsan', roles: ['leader'], parkIds: [zoneId], mobile: '13812345678', mustChangePassword: false });
    const dup = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'ZhangSan', displayName: 'x', password: 'Some-Pass-2025!', roles: ['leader'] }));
    expect(dup.statusCode).toBe(409);
    const page = (await t.app.inject(as(admin, 'GET', '/api/users?q=zhang&sort=username&pageSize=1'))).json();
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(page.items[0].mobile).toBe('138****5678'); // lists mask the mobile number
  });

  it('stores the mobile number encrypted', async () => {
    const { rows } = await t.database.pool.query(`SELECT mobile_enc FROM users WHERE username = 'zhangsan'`);
    expect(rows[0].mobile_enc).toMatch(/^a1:/);
    expect(rows[0].mobile_enc).not.toContain('13812345678');
  });

  it('rejects weak initial passwords and invalid role sets with the field named', async () => {
    const weak = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'weak1', displayName: 'x', password: 'password123', roles: ['leader'] }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toEqual(['password']);
    const mixed = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'mixed1', displayName: 'x', password: 'Mixed-Pass-2025', roles: ['auditor', 'leader'] }));
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.code).toBe('INVALID_ROLES');
  });

  it('separates duties: nobody changes their own roles; only the security admin grants administrator roles', async () => {
    const self = await t.app.inject(as(admin, 'PUT', `/api/users/${admin.user.id}/roles`, { roles: ['leader'] }));
    expect(self.statusCode).toBe(403);
    const u = await newUser('lisi');
    expect((await t.app.inject(as(admin, 'PUT', `/api/users/${u.id}/roles`, { roles: ['auditor'] }))).statusCode).toBe(403);
    expect((await t.app.inject(as(admin, 'PUT', `/api/users/${u.id}/roles`, { roles: ['statistician'] }))).json().roles).toEqual(['statistician']);
    expect((await t.app.inject(as(secadmin, 'PUT', `/api/users/${u.id}/roles`, { roles: ['auditor'] }))).json().roles).toEqual(['auditor']);
    expect((await t.app.inject(as(secadmin, 'PUT', `/api/users/${secadmin.user.id}/roles`, { roles: ['secadmin'] }))).statusCode).toBe(403);
  });

  it('keeps administrator accounts out of the system admin’s hands (三权分立)', async () => {
    // A second auditor: the system admin may not create it, nor reset, unlock, disable or end the sessions of the auditor.
    const create = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'auditor2', displayName: 'x', password: 'Second-Audit-2025!', roles: ['auditor'] }));
    expect(create.statusCode).toBe(403);
    const auditor = (await t.app.inject(as(admin, 'GET', '/api/users?q=demo_auditor'))).json().items[0];
    for (const [method, url, payload] of [
      ['POST', `/api/users/${auditor.id}/reset-password`, { password: 'Taken-Over-2025!' }],
      ['POST', `/api/users/${auditor.id}/unlock`, undefined],
      ['POST', `/api/users/${auditor.id}/end-sessions`, undefined],
      ['PATCH', `/api/users/${auditor.id}`, { status: 'disabled' }],
    ] as const) {
      const res = await t.app.inject(as(admin, method, url, payload));
      expect(res.statusCode, url).toBe(403);
    }
    expect((await t.app.inject(as(admin, 'POST', `/api/users/${admin.user.id}/reset-password`, { password: 'Self-Reset-2025!' }))).statusCode).toBe(403);
    // The security admin may.
    expect((await t.app.inject(as(secadmin, 'POST', `/api/users/${auditor.id}/unlock`))).statusCode).toBe(200);
    const denials = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE result = 'denied' AND target_id = $1`, [auditor.id]);
    expect(denials.rows[0].n).toBe(4);
  });

  it('an admin unlocks a locked account', async () => {
    const u = await newUser('wangwu');
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangwu', password: 'bad' }, remoteAddress: `10.5.0.${i}` });
    expect((await t.app.inject(as(admin, 'GET', `/api/users/${u.id}`))).json().lockedUntil).not.toBeNull();
    expect((await t.app.inject(as(admin, 'POST', `/api/users/${u.id}/unlock`))).json().lockedUntil).toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangwu', password: 'Some-Pass-2025!' } })).statusCode).toBe(200);
  });
});

describe('integration tokens', () => {
  it('is shown once, stored hashed, works as Bearer within its roles, and stops at revocation and expiry', async () => {
    const created = await t.app.inject(as(admin, 'POST', '/api/tokens', { name: '统计局对接', roles: ['statistician'], parkIds: [zoneId], expiresAt: '2025-06-03T00:00:00Z' }));
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^zy_/);
    const { rows } = await t.database.pool.query('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(rows[0].token_hash).not.toContain(token);
    expect((await t.app.inject(as(admin, 'GET', '/api/tokens'))).json().items[0]).not.toHaveProperty('token');

    const bearer = (url: string, method: 'GET' | 'POST' = 'GET') => t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
    expect((await bearer('/api/parks')).statusCode).toBe(200);
    expect((await bearer('/api/users')).statusCode).toBe(403);
    expect((await bearer('/api/auth/me')).json().user.roles).toEqual(['statistician']);

    now = new Date('2025-06-03T00:00:01Z');
    expect((await bearer('/api/parks')).statusCode).toBe(401);
    now = new Date('2025-06-02T03:00:00Z');
    admin = await login(t.app, 'admin', ADMIN_PASSWORD); // the old session went idle while the clock jumped
    expect((await t.app.inject(as(admin, 'POST', `/api/tokens/${id}/revoke`))).statusCode).toBe(200);
    expect((await bearer('/api/parks')).statusCode).toBe(401);
    expect((await t.app.inject(as(admin, 'POST', `/api/tokens/${id}/revoke`))).statusCode).toBe(409);
  });

  it('never carries administrator roles', async () => {
    const res = await t.app.inject(as(admin, 'POST', '/api/tokens', { name: 'x', roles: ['auditor'], parkIds: [zoneId], expiresAt: '2025-07-01T00:00:00Z' }));
    expect(res.statusCode).toBe(400);
  });
});
