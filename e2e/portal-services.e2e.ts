import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, newPage, screenshot, signIn, signOut, waitForText } from './browser';

/**
 * The portal's 我的服务: demo_service_officer records a visit to demo_enterprise's enterprise (a
 * problem found becomes a work order, an internal note stays internal) and demo_park_admin gives
 * it a service package with one item done; demo_enterprise then sees both, read-only.
 */

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
const packageName = `端到端服务包${stamp}`;
const internalNote = `内部备注${stamp}`;

/** A JSON call of the API as the page's signed-in user (with its CSRF token). */
async function call<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken }, data });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Signed in as a demo user for some API calls (staff prepare what the enterprise will see). */
async function asUser(username: string, work: (page: Page) => Promise<void>) {
  const app = await newPage(baseUrl);
  try {
    await signIn(app.page, username, inject('demoPassword'));
    await app.page.waitForURL((url) => url.pathname === '/');
    await work(app.page);
    await signOut(app.page);
  } finally {
    await app.close();
  }
}

describe("the portal's 我的服务", () => {
  afterAll(closeBrowser);
  let enterpriseId = '';
  let orderNumber = '';

  it('staff record a visit and assign a package to the demo enterprise', { timeout: 120_000 }, async () => {
    await asUser('demo_enterprise', async (page) => {
      enterpriseId = (await call<{ user: { enterpriseId: string } }>(page, 'GET', '/api/auth/me')).user.enterpriseId;
    });
    await asUser('demo_park_admin', async (page) => {
      const pkg = await call<{ id: string }>(page, 'POST', '/api/service-packages', { name: packageName, description: '端到端测试的服务包', items: [{ name: '政策解读', description: '每季度一次' }, { name: '融资对接' }] });
      await call(page, 'POST', `/api/service-packages/${pkg.id}/assignments`, { enterpriseIds: [enterpriseId] });
      const [a] = (await call<{ items: { id: string; items: { itemId: string }[] }[] }>(page, 'GET', `/api/service-package-assignments?packageId=${pkg.id}`)).items;
      await call(page, 'PUT', `/api/service-package-assignments/${a!.id}/items/${a!.items[0]!.itemId}`, { status: 'done', note: internalNote });
    });
    await asUser('demo_service_officer', async (page) => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const visit = await call<{ id: string; problems: { id: string }[] }>(page, 'POST', '/api/visits', {
        enterpriseId,
        visitedOn: today,
        people: ['企业用户（示例）'],
        topics: [`端到端走访${stamp}`, '融资需求'],
        problemsFound: [{ text: `企业希望对接科技信贷${stamp}` }],
        notes: internalNote,
      });
      orderNumber = (await call<{ number: string }>(page, 'POST', `/api/visits/${visit.id}/problems/${visit.problems[0]!.id}/work-order`, {})).number;
    });
    expect(orderNumber).toMatch(/^GD-/);
  });

  it('demo_enterprise sees its package progress and its visits, and opens the order a problem became', { timeout: 120_000 }, async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    try {
      await signIn(page, 'demo_enterprise', inject('demoPassword'));
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('menu-portalServices').click();
      await page.waitForURL((url) => url.pathname === '/portal/services');
      await waitForText(page.getByTestId('page-title'), '我的服务');

      const pkg = page.getByTestId('portal-package').filter({ hasText: packageName });
      await waitForText(pkg, '端到端测试的服务包');
      await waitForText(pkg.getByTestId('package-completion'), '1/2');
      expect(await pkg.getByTestId('portal-package-item-status').allInnerTexts()).toEqual(['已完成', '未开始']);

      const visit = page.getByTestId('portal-visit').filter({ hasText: `端到端走访${stamp}` });
      await waitForText(visit, '已走访');
      await waitForText(visit.getByTestId('portal-visit-problem'), `企业希望对接科技信贷${stamp}`);
      expect(await page.locator('body').innerText()).not.toContain(internalNote);
      await screenshot(page, 'portal-services', { fullPage: true });

      await visit.getByTestId('portal-visit-problem-order').click();
      await page.waitForURL((url) => url.pathname.startsWith('/portal/orders/'));
      await waitForText(page.locator('body'), orderNumber);
      await signOut(page);
    } finally {
      await app.close();
    }
  });
});
