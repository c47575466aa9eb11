import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

// 提出人: who asked, as staff and the requester read an order.
let t: TestApp;
let officer: Session, ent: Session;

const create = async (s: Session, body: object) => {
  const r = await t.app.inject(as(s, 'POST', '/api/work-orders', { type: 'inquiry', title: '政策咨询', description: '请问研发费用加计扣除如何申报？', ...body }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; requesterName: string | null };
};
const requesterSeenBy = async (s: Session, id: string) => (await t.app.inject(as(s, 'GET', `/api/work-orders/${id}`))).json().requesterName as string | null;
const displayName = async (s: Session) => (await t.app.inject(as(s, 'GET', '/api/auth/me'))).json().user.displayName as string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('the requester of an order', () => {
  it('of a portal order is the enterprise user who submitted it (the portal form asks no name)', async () => {
    const name = await displayName(ent);
    expect(name).toBeTruthy();
    const o = await create(ent, {});
    expect(o.requesterName).toBe(name);
    expect(await requesterSeenBy(officer, o.id)).toBe(name);
    expect(await requesterSeenBy(ent, o.id)).toBe(name);
  });

  it('of a recorded call is the name staff wrote down, or none for an anonymous call', async () => {
    const named = await create(officer, { channel: 'hotline', requesterName: '王女士', enterpriseId: ent.user.enterpriseId });
    expect(await requesterSeenBy(officer, named.id)).toBe('王女士');
    const anonymous = await create(officer, { channel: 'hotline', enterpriseId: ent.user.enterpriseId });
    // Not the staff member who took the call.
    expect(await requesterSeenBy(officer, anonymous.id)).toBeNull();
  });
});
