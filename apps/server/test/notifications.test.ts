import { notificationDedupeKey } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

const now = new Date('2026-11-20T02:00:00Z');
let t: TestApp;
let stat: Session;
let ent: Session;
let officer: Session;
let haidianId: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  haidianId = ((await t.app.inject(as(stat, 'GET', '/api/parks'))).json().items as { id: string; code: string }[]).find((p) => p.code === 'ZGC-HD')!.id;
});
afterAll(() => t.close());

const inbox = async (s: Session, query = '') => {
  const res = await t.app.inject(as(s, 'GET', `/api/notifications${query}`));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; kind: string; title: string; link: string | null; readAt: string | null }[]; total: number; unread: number };
};
const unread = async (s: Session) => (await t.app.inject(as(s, 'GET', '/api/notifications/unread-count'))).json().unread as number;

describe('statistics 催报 reaches the enterprise inbox', () => {
  it('a reminder notifies the accounts of the enterprises that have not reported, once a day', async () => {
    expect((await inbox(ent)).total).toBe(0);
    const r = await t.app.inject(as(stat, 'POST', '/api/statistics/reminders', { period: '2026-10', parkId: haidianId }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().reminded).toBeGreaterThan(0);
    const box = await inbox(ent);
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({ kind: 'statistics_reminder', link: '/portal/report?period=2026-10', readAt: null });
    expect(box.items[0]!.title).toContain('2026-10');
    expect(box.unread).toBe(1);
    // Reminded again the same day: recorded as a reminder, but the inbox is not flooded.
    expect((await t.app.inject(as(stat, 'POST', '/api/statistics/reminders', { period: '2026-10', parkId: haidianId }))).statusCode).toBe(200);
    expect((await inbox(ent)).total).toBe(1);
    const key = (await t.database.pool.query('SELECT dedupe_key FROM notifications WHERE user_id = $1', [ent.user.id])).rows[0].dedupe_key;
    expect(key).toBe(notificationDedupeKey.statisticsReminder('2026-10', ent.user.enterpriseId!, '2026-11-20'));
    // Staff have no enterprise account: nothing for them.
    expect((await inbox(stat)).total).toBe(0);
  });
});

describe('the inbox API', () => {
  it('lists newest first with filters, counts unread, marks one or all read — only one’s own', async () => {
    const users = (await t.database.pool.query(`SELECT id FROM users WHERE username = 'demo_service_officer'`)).rows as { id: string }[];
    const officerId = users[0]!.id;
    const ins = (kind: string, title: string, at: string) =>
      t.database.pool.query(`INSERT INTO notifications (user_id, kind, title, link, created_at) VALUES ($1, $2, $3, '/work-orders', $4)`, [officerId, kind, title, at]);
    await ins('assigned', '旧的', '2026-11-19T01:00:00Z');
    await ins('replied', '新的', '2026-11-20T01:00:00Z');
    await ins('assigned', '中间', '2026-11-19T12:00:00Z');

    let box = await inbox(officer);
    expect(box.items.map((n) => n.title)).toEqual(['新的', '中间', '旧的']);
    expect(box).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect((await inbox(officer, '?kind=assigned')).total).toBe(2);
    expect((await inbox(officer, '?pageSize=1&page=2')).items.map((n) => n.title)).toEqual(['中间']);
    expect(await unread(officer)).toBe(3);

    const target = box.items[0]!;
    // Another user cannot read, mark or even confirm the notification exists.
    const foreign = await t.app.inject(as(ent, 'POST', `/api/notifications/${target.id}/read`));
    expect(foreign.statusCode).toBe(404);
    expect((await inbox(ent)).items.some((n) => n.id === target.id)).toBe(false);
    expect(await unread(officer)).toBe(3);

    const read = await t.app.inject(as(officer, 'POST', `/api/notifications/${target.id}/read`));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(now.toISOString());
    expect(await unread(officer)).toBe(2);
    expect((await inbox(officer, '?unread=true')).items.map((n) => n.title)).toEqual(['中间', '旧的']);
    expect((await inbox(officer, '?unread=false')).items.map((n) => n.title)).toEqual(['新的']);

    // Another's read-all touches only their own rows.
    const entUnread = await unread(ent);
    expect((await t.app.inject(as(ent, 'POST', '/api/notifications/read-all'))).json()).toEqual({ updated: entUnread });
    expect(await unread(officer)).toBe(2);
    expect((await t.app.inject(as(officer, 'POST', '/api/notifications/read-all'))).json()).toEqual({ updated: 2 });
    expect(await unread(officer)).toBe(0);
    box = await inbox(officer);
    expect(box.items.every((n) => n.readAt)).toBe(true);
  });

  it('rejects a bad id and a bad kind', async () => {
    expect((await t.app.inject(as(officer, 'POST', '/api/notifications/not-a-uuid/read'))).statusCode).toBe(400);
    expect((await t.app.inject(as(officer, 'GET', '/api/notifications?kind=nope'))).statusCode).toBe(400);
  });
});
