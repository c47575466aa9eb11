import pg from 'pg';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../src/modules/audit/audit.service';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

let t: TestApp;
let auditor: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  auditor = await login(t.app, 'demo_auditor', DEMO_PASSWORD);
});
afterAll(() => t.close());

const entries = async (query: string) => (await t.app.inject(as(auditor, 'GET', `/api/audit?${query}`))).json();

describe('audit log', () => {
  it('records sign-in success and failure, lockouts, denials and writes with who, where and the result', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong' }, remoteAddress: '10.2.3.4', headers: { 'user-agent': 'AuditTest/1.0' } });
    const failed = await entries('action=auth.login&result=failure');
    expect(failed.items[0]).toMatchObject({ action: 'auth.login', result: 'failure', ip: '10.2.3.4', userAgent: 'AuditTest/1.0' });
    expect(failed.items[0].summary).toMatchObject({ username: 'admin', reason: 'wrong password' });

    const denied = await t.app.inject(as(admin, 'GET', '/api/audit'));
    expect(denied.statusCode).toBe(403);
    expect((await entries('result=denied')).items[0]).toMatchObject({ actorName: 'admin', result: 'denied' });

    const dept = await t.app.inject(as(admin, 'POST', '/api/departments', { name: '审计测试部', parkId: admin.user.id }));
    expect(dept.statusCode).toBe(404); // not a park: a failed write is recorded too
    expect((await entries('action=department.create&result=failure')).total).toBe(1);

    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo_leader', password: 'wrong' }, remoteAddress: `10.3.0.${i}` });
    expect((await entries('action=auth.lockout')).items[0]).toMatchObject({ result: 'success', summary: { username: 'demo_leader', minutes: 15 } });
  });

  it('keeps before/after summaries of changes', async () => {
    const parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items;
    const hd = parks.find((p: { code: string }) => p.code === 'ZGC-HD');
    await t.app.inject(as(admin, 'PATCH', `/api/parks/${hd.id}`, { name: '海淀园（改）' }));
    const e = (await entries(`targetId=${hd.id}`)).items[0];
    expect(e).toMatchObject({ action: 'park.update', actorName: 'admin', summary: { before: { name: '海淀园' }, after: { name: '海淀园（改）' } } });
  });

  it('cannot be changed or removed by the application role', async () => {
    for (const q of ['UPDATE audit_log SET action = $1', 'DELETE FROM audit_log WHERE action = $1', 'TRUNCATE audit_log']) {
      await expect(t.database.pool.query(q, q.startsWith('TRUNCATE') ? [] : ['x'])).rejects.toThrow(/permission denied|append-only/);
    }
  });

  it('is a hash chain whose verification reports the first broken link', async () => {
    expect((await t.app.inject(as(auditor, 'GET', '/api/audit/verify'))).json()).toMatchObject({ ok: true, firstBrokenId: null });
    // Tampering needs the owner and a disabled trigger: exactly what the chain is there to reveal.
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    const { rows } = await owner.query('SELECT id FROM audit_log ORDER BY id LIMIT 3');
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await owner.query(`UPDATE audit_log SET actor_name = 'mallory' WHERE id = $1`, [rows[1].id]);
    await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    await owner.end();
    const verdict = await createAuditService(t.database.db).verify();
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: String(rows[1].id) });
  });

  it('exports the filtered log to xlsx with formula-looking text neutralised', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'x' }, headers: { 'user-agent': '=HYPERLINK("http://x")' } });
    const res = await t.app.inject(as(auditor, 'GET', '/api/audit/export?action=auth.login'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('操作');
    const values = sheet.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(values.filter((v) => v === 'auth.login').length).toBeGreaterThan(0);
    expect(values).toContain(`'=HYPERLINK("http://x")`);
    expect(values.some((v) => v.startsWith('='))).toBe(false);
  });
});
