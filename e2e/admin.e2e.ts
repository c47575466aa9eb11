import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, either, newPage, screenshot, signIn, signOut, waitForText } from './browser';

const baseUrl = inject('baseUrl');

/** An open antd Select / TreeSelect dropdown (they render in a portal at the end of <body>). */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

describe('user administration is audited', () => {
  afterAll(closeBrowser);

  const username = `e2e_${Date.now().toString(36)}`;
  const displayName = '端到端测试用户';
  let userId = '';

  // A long flow (sign in, dialog, two dropdowns, save, table): more than the default 60 s on a busy machine.
  it('admin creates a user through /admin/users', { timeout: 120_000 }, async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'admin', inject('adminPassword'));

    await page.goto('/admin/users');
    await waitForText(page.getByTestId('page-title'), '用户');
    await either(page.getByTestId('user-create'), page.getByRole('button', { name: /新\s*建|新\s*增|创\s*建/ })).click();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await either(dialog.getByTestId('user-username'), dialog.getByLabel('用户名')).fill(username);
    await either(dialog.getByTestId('user-displayName'), dialog.getByLabel(/姓名|显示名/)).fill(displayName);
    await either(dialog.getByTestId('user-password'), dialog.getByLabel(/初始密码|密码/)).fill('Stat-E2e-Pass-2025!');

    // Role: 统计人员 (statistician), picked from the multi-select.
    await either(dialog.getByTestId('user-roles'), dialog.locator('.ant-form-item').filter({ hasText: '角色' }).locator('.ant-select')).click();
    await page.keyboard.type('统计');
    await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: '统计人员' }).first().click();
    await dialog.locator('.ant-modal-title').click(); // close the dropdown (Escape would close the dialog)

    // Scope: 海淀园, picked from the park tree.
    await either(dialog.getByTestId('user-parks'), dialog.locator('.ant-form-item').filter({ hasText: '园区' }).locator('.ant-select')).click();
    await page.keyboard.type('海淀');
    await openDropdown(page).locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '海淀园' }).first().click();
    await dialog.locator('.ant-modal-title').click();

    await screenshot(page, 'admin-user-form');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/users');
    await either(dialog.getByTestId('modal-ok'), dialog.getByRole('button', { name: /保\s*存|确\s*定/ })).click();
    const response = await created;
    expect(response.status(), await response.text()).toBe(201);
    userId = ((await response.json()) as { id: string }).id;
    await dialog.waitFor({ state: 'hidden' });

    const row = either(page.getByTestId(`user-row-${username}`), page.getByRole('row').filter({ hasText: username }));
    await waitForText(row, displayName);
    await waitForText(row, '统计人员');
    await screenshot(page, 'admin-user-created');

    expect(app.externalRequests).toEqual([]);
    await signOut(page);
    await app.close();
  });

  it('the auditor sees the user.create entry on /audit', async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'demo_auditor', inject('demoPassword'));

    await page.goto('/audit');
    await waitForText(page.getByTestId('page-title'), '审计');
    expect(userId, 'the previous test created the user').toBeTruthy();
    // The entry: action user.create (shown as its code or a Chinese label) on the new user's id, by admin.
    const entry = page
      .getByRole('row')
      .filter({ hasText: /user\.create|新建用户|创建用户/ })
      .filter({ hasText: userId });
    await entry.first().waitFor({ state: 'visible' });
    expect(await entry.count()).toBe(1);
    await waitForText(entry, /系统管理员|admin/);
    await waitForText(entry, '成功');
    // Its details (the expanded row) name the new user.
    await entry.locator('.ant-table-row-expand-icon, button[aria-label*="展开"], button[aria-label*="xpand"]').first().click();
    await waitForText(page.locator('.ant-table-expanded-row'), username);
    await screenshot(page, 'audit-user-create');

    expect(app.externalRequests).toEqual([]);
    await signOut(page);
    await app.close();
  });
});
