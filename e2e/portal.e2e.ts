import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, newPage, screenshot, signIn, signOut, waitForText } from './browser';

/**
 * The enterprise portal (我的企业): demo_enterprise, linked by the demo seed to an active 海淀园
 * enterprise, edits a contact and asks for a new name; demo_park_admin (海淀园) approves it. The
 * enterprise user never reaches the staff registry nor another enterprise.
 */

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);

const toast = (page: Page, text: string | RegExp) => waitForText(page.locator('.ant-message-notice'), text);

type Me = { user: { enterpriseId: string | null } } | { enterpriseId: string | null };
type Enterprise = { id: string; name: string; formerNames: string[]; contacts: { name: string; phone: string | null }[] };

describe('the enterprise portal', () => {
  afterAll(closeBrowser);

  const contactName = '端到端联系人';
  const contactPhone = '13900001234';
  const newName = `北京示例端到端更名${stamp}科技有限公司（示例）`;
  let enterpriseId = '';
  let oldName = '';
  let requestId = '';
  /** Another 海淀园 enterprise, read by the park admin: the enterprise user must not reach it. */
  let otherId = '';

  it('demo_enterprise lands on 我的企业, edits a contact and asks for a new name', { timeout: 120_000 }, async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'demo_enterprise', inject('demoPassword'));
    await page.waitForURL((url) => url.pathname === '/');
    await waitForText(page.getByTestId('page-title'), '我的企业');
    await waitForText(page.getByTestId('current-user'), '企业用户（示例）');
    const nameShown = page.getByTestId('portal-enterprise-name');
    await waitForText(nameShown, /示例/);
    oldName = (await nameShown.innerText()).trim();
    await waitForText(page.getByTestId('portal-profile'), oldName);
    // The menu offers the portal, not the registry.
    await page.getByTestId('menu-portal').waitFor({ state: 'visible' });
    expect(await page.getByTestId('menu-enterprises').count()).toBe(0);

    const me = (await (await page.request.get('/api/auth/me')).json()) as Me;
    enterpriseId = ('user' in me ? me.user.enterpriseId : me.enterpriseId) ?? '';
    expect(enterpriseId).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(page, 'portal-home');

    // A contact: name and phone.
    await page.getByTestId('portal-edit-contacts').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('portal-contacts-form').waitFor({ state: 'visible' });
    await dialog.getByTestId('portal-contact-name-0').fill(contactName);
    await dialog.getByTestId('portal-contact-phone-0').fill(contactPhone);
    await screenshot(page, 'portal-contacts-form');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/enterprises/${enterpriseId}`);
    await dialog.getByTestId('modal-ok').click();
    const patch = await saved;
    expect(patch.status(), await patch.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, '已保存');
    const contacts = page.getByTestId('portal-contact-list');
    await waitForText(contacts, contactName);
    await waitForText(contacts, contactPhone);
    await page.reload();
    await waitForText(page.getByTestId('portal-contact-list'), contactName);
    await waitForText(page.getByTestId('portal-contact-list'), contactPhone);

    // A new name: a request, not a change.
    await page.getByTestId('portal-request-change').click();
    await dialog.getByTestId('portal-request-form').waitFor({ state: 'visible' });
    await dialog.getByTestId('portal-request-name').fill(newName);
    await dialog.getByTestId('portal-request-reason').fill('已完成工商变更登记，变更通知书编号 京海工商变字 E2E-001');
    await screenshot(page, 'portal-request-form');
    const filed = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/enterprises/${enterpriseId}/change-requests`);
    await dialog.getByTestId('modal-ok').click();
    const res = await filed;
    expect(res.status(), await res.text()).toBe(201);
    requestId = ((await res.json()) as { id: string }).id;
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, '申请已提交');
    const row = page.getByTestId(`portal-request-row-${requestId}`);
    await waitForText(row, newName);
    await waitForText(row.getByTestId('portal-request-status'), '待审批');
    // The name itself is unchanged until approved; a second request waits for this one.
    await waitForText(nameShown, oldName);
    expect(await page.getByTestId('portal-request-change').isDisabled()).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-request-pending');

    expect(app.externalRequests).toEqual([]);
    app.assertClean();
    await signOut(page);
    await app.close();
  });

  it('demo_park_admin approves the request on the change requests page', { timeout: 120_000 }, async () => {
    expect(requestId, 'the previous test filed a request').toBeTruthy();
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'demo_park_admin', inject('demoPassword'));
    await page.goto('/enterprises/change-requests');
    await waitForText(page.getByTestId('page-title'), '变更审批');
    const row = page.getByTestId(`change-row-${requestId}`);
    await waitForText(row, oldName);
    await waitForText(row, newName);
    await waitForText(row.getByTestId('change-status'), '待审批');
    await screenshot(page, 'change-requests-pending');

    await page.getByTestId(`change-approve-${requestId}`).click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await waitForText(confirm, newName);
    const decided = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/enterprise-change-requests/${requestId}/decision`);
    await confirm.getByTestId('confirm-ok').click();
    const res = await decided;
    expect(res.status(), await res.text()).toBe(200);
    await toast(page, '已通过');
    await waitForText(row.getByTestId('change-status'), '已通过');
    await screenshot(page, 'change-requests-approved');

    // The registry has the new name, the old one among the former names.
    const e = (await (await page.request.get(`/api/enterprises/${enterpriseId}`)).json()) as Enterprise;
    expect(e.name).toBe(newName);
    expect(e.formerNames).toContain(oldName);
    // Another enterprise of the park, for the next test.
    const list = (await (await page.request.get('/api/enterprises?pageSize=5')).json()) as { items: { id: string }[] };
    otherId = list.items.find((x) => x.id !== enterpriseId)?.id ?? '';
    expect(otherId).toBeTruthy();

    expect(app.externalRequests).toEqual([]);
    app.assertClean();
    await signOut(page);
    await app.close();
  });

  it('demo_enterprise sees its new name, and neither the registry nor another enterprise', { timeout: 120_000 }, async () => {
    expect(otherId, 'the previous test approved the request').toBeTruthy();
    const app = await newPage(baseUrl);
    const { page } = app;
    const listCalls: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/enterprises' || url.pathname === `/api/enterprises/${otherId}`) listCalls.push(`${r.method()} ${url.pathname}${url.search}`);
    });
    await signIn(page, 'demo_enterprise', inject('demoPassword'));
    await page.waitForURL((url) => url.pathname === '/');
    await waitForText(page.getByTestId('portal-enterprise-name'), newName);
    await waitForText(page.getByTestId('portal-profile'), oldName); // 曾用名
    await waitForText(page.getByTestId(`portal-request-row-${requestId}`).getByTestId('portal-request-status'), '已通过');
    expect(await page.getByTestId('portal-request-change').isDisabled()).toBe(false);
    await screenshot(page, 'portal-renamed');

    // The staff registry: the 403 page, no list fetched, no enterprise shown.
    await page.goto('/enterprises');
    await waitForText(page.getByTestId('page-title'), '403');
    await waitForText(page.getByTestId('forbidden'), '没有访问此页面的权限');
    expect(await page.getByTestId('enterprise-table').count()).toBe(0);
    expect(await page.locator('[data-testid^="enterprise-row-"]').count()).toBe(0);
    expect(await page.locator('main, .ant-layout-content').first().innerText()).not.toMatch(/北京示例|家企业/);
    await screenshot(page, 'portal-forbidden-registry');

    // Another enterprise's page: the 403 page too.
    await page.goto(`/enterprises/${otherId}`);
    await waitForText(page.getByTestId('page-title'), '403');
    expect(listCalls).toEqual([]);

    // And the API, with this session: the list holds only its own enterprise; another's id is a 404.
    const own = (await (await page.request.get('/api/enterprises')).json()) as { total: number; items: { id: string }[] };
    expect(own.total).toBe(1);
    expect(own.items.map((x) => x.id)).toEqual([enterpriseId]);
    expect((await page.request.get(`/api/enterprises/${otherId}`)).status()).toBe(404);

    expect(app.externalRequests).toEqual([]);
    app.assertClean();
    await signOut(page);
    await app.close();
  });
});
