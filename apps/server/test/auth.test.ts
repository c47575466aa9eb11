import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type TestApp } from './harness';

let now = new Date('2025-06-02T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(() => t.close());

const tryLogin = (username: string, password: string, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('answers the user, a CSRF token and an HttpOnly SameSite session cookie', async () => {
    const res = await tryLogin('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', roles: ['sysadmin'] });
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'zy_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('gives a new session id at every sign-in', async () => {
    const a = await login(t.app, 'admin', ADMIN_PASSWORD);
    const b = await login(t.app, 'admin', ADMIN_PASSWORD);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown user', async () => {
    for (const [u, p] of [['admin', 'nope'], ['nobody', 'nope']]) {
      const res = await tryLogin(u!, p!);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    }
  });

  it('locks the account after 5 failures in 15 minutes, even for the right password, then lets it in after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await tryLogin('demo_leader', 'wrong-password', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await tryLogin('demo_leader', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await tryLogin('demo_leader', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('cannot be outrun by guesses sent all at once', async () => {
    const guesses = Array.from({ length: 12 }, (_, i) => tryLogin('demo_service_officer', `wrong-${i}`, `10.7.0.${i}`));
    const codes = (await Promise.all(guesses)).map((r) => r.statusCode);
    // Whatever the order, no more than 5 passwords were tried before the lock.
    const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM login_attempts a JOIN users u ON u.id = a.user_id WHERE u.username = 'demo_service_officer' AND NOT a.success`);
    expect(rows[0].n).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 423).length).toBeGreaterThanOrEqual(7);
  });

  it('does not count failures from before the last success', async () => {
    for (let i = 0; i < 4; i++) await tryLogin('demo_statistician', 'wrong');
    expect((await tryLogin('demo_statistician', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await tryLogin('demo_statistician', 'wrong');
    expect((await tryLogin('demo_statistician', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles sign-in per IP address (429) without locking other accounts', async () => {
    const ip = '10.9.9.9';
    let last = 0;
    for (let i = 0; i < t.config.loginRatePerIp + 1; i++) last = (await tryLogin(`ghost${i}`, 'x', ip)).statusCode;
    expect(last).toBe(429);
    expect((await tryLogin('demo_auditor', DEMO_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes and after 12 hours whatever the activity', async () => {
    const s = await login(t.app, 'demo_secadmin', DEMO_PASSWORD);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await t.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await t.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(401);

    const long = await login(t.app, 'demo_secadmin', DEMO_PASSWORD);
    // Active every 25 minutes: alive at 11 h 40 min, gone at 12 h 05 min.
    for (let i = 0; i < 28; i++) {
      now = new Date(now.getTime() + 25 * 60_000);
      expect((await t.app.inject(as(long, 'GET', '/api/auth/me'))).statusCode).toBe(200);
    }
    now = new Date(now.getTime() + 25 * 60_000);
    expect((await t.app.inject(as(long, 'GET', '/api/auth/me'))).statusCode).toBe(401);
  });

  it('ends on sign-out, on the server', async () => {
    const s = await login(t.app, 'demo_leader', DEMO_PASSWORD);
    expect((await t.app.inject(as(s, 'POST', '/api/auth/logout'))).statusCode).toBe(200);
    expect((await t.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(401);
  });

  it('ends when an admin ends them or disables the user', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const s = await login(t.app, 'demo_leader', DEMO_PASSWORD);
    await t.app.inject(as(admin, 'POST', `/api/users/${s.user.id}/end-sessions`));
    expect((await t.app.inject(as(s, 'GET', '/api/auth/me'))).statusCode).toBe(401);

    const s2 = await login(t.app, 'demo_policy_officer', DEMO_PASSWORD);
    expect((await t.app.inject(as(admin, 'PATCH', `/api/users/${s2.user.id}`, { status: 'disabled' }))).statusCode).toBe(200);
    expect((await t.app.inject(as(s2, 'GET', '/api/auth/me'))).statusCode).toBe(401);
    expect((await tryLogin('demo_policy_officer', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses a write without the CSRF header, or with another session’s', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const other = await login(t.app, 'demo_secadmin', DEMO_PASSWORD);
    const payload = { name: '无令牌部门', parkId: admin.user.id };
    for (const headers of [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': other.csrf }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/departments', payload, headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    }
  });
});

describe('passwords', () => {
  it('forces a change after an admin reset, enforces the policy and the last 5 passwords', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const created = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'pwuser', displayName: '密码测试', password: 'First-Pass-2025', roles: ['leader'] }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.app.inject(as(admin, 'POST', `/api/users/${created.json().id}/reset-password`, { password: 'Reset-Pass-2025' }))).statusCode).toBe(200);

    const s = await login(t.app, 'pwuser', 'Reset-Pass-2025');
    expect(s.user).toMatchObject({ mustChangePassword: true });
    const blocked = await t.app.inject(as(s, 'GET', '/api/parks'));
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = (currentPassword: string, newPassword: string) => t.app.inject(as(s, 'POST', '/api/auth/password', { currentPassword, newPassword }));
    const weak = await change('Reset-Pass-2025', 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect((await change('Reset-Pass-2025', 'pwuser-Pass-2025')).json().error.code).toBe('WEAK_PASSWORD'); // contains the username
    expect((await change('Reset-Pass-2025', 'alllowercaseletters')).json().error.code).toBe('WEAK_PASSWORD'); // one class
    const reused = await change('Reset-Pass-2025', 'First-Pass-2025');
    expect(reused.json().error.message).toContain('最近');
    expect((await change('Reset-Pass-2025', 'Second-Pass-2025')).statusCode).toBe(200);
    expect((await t.app.inject(as(s, 'GET', '/api/parks'))).statusCode).toBe(200);
  });

  it('never stores or returns a password in clear', async () => {
    const { rows } = await t.database.pool.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    const audit = await t.database.pool.query(`SELECT summary::text AS s FROM audit_log`);
    expect(audit.rows.some((r) => r.s?.includes(ADMIN_PASSWORD) || r.s?.includes(DEMO_PASSWORD))).toBe(false);
  });
});

describe('errors', () => {
  it('malformed JSON, unknown fields, wrong types, oversize bodies and unknown routes get the one error shape', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_REQUEST');

    const unknownField = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b', extra: 1 } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');

    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 5, password: 'b' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details[0].path).toEqual(['username']);
    expect(wrongType.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/); // zod speaks Chinese here

    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    for (const r of [malformed, unknownField, wrongType, big, missing]) expect(r.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('sends the security headers: same-origin CSP, nosniff, no framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // only with COOKIE_SECURE behind HTTPS
  });

  it('health answers ok when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    expect(doc.paths['/api/users'].post.responses['201']).toBeDefined();
  });
});
