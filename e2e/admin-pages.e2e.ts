import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoSubParks, demoZone } from '../apps/server/src/seed/zhongguancun';
import { closeBrowser, inputOf, openDropdown, screenshot, signedIn, waitForText } from './browser';

/**
 * The admin pages beyond user administration (admin.e2e.ts): calendar, parks, departments, tokens,
 * security settings, the USCC checker, the role matrix, and the 404 / 403 pages. Each role signs in
 * once (in beforeAll) and its page is shared by the tests of its block, to keep sign-ins few.
 */

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);

/**
 * Types into an antd DatePicker (showTime) and confirms with the panel's OK button (Enter would
 * also submit the surrounding form).
 */
async function pickDateTime(page: Page, input: Locator, value: string): Promise<void> {
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await panel.waitFor({ state: 'visible' });
  await input.fill(value);
  await panel.locator('.ant-picker-ok button').click();
  await panel.waitFor({ state: 'hidden' });
  expect(await input.inputValue()).toBe(value);
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from now. */
function shanghaiDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

const toast = (page: Page, text: string | RegExp) => waitForText(page.locator('.ant-message-notice'), text);

afterAll(closeBrowser);

describe('system administrator pages', () => {
  const admin = signedIn(baseUrl, 'admin', () => inject('adminPassword'));

  it('calendar: 2025 Spring Festival and a deadline across it', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/admin/calendar');
    await waitForText(page.getByTestId('page-title'), '工作日历');

    const switcher = page.getByTestId('calendar-year-switch');
    await switcher.getByText('2025', { exact: true }).click();
    // 2025-01-26 (a Sunday) is a make-up working day, 2025-01-28 (除夕) a holiday.
    await page.locator('[data-testid="day-2025-01-26"][data-kind="workday"]').waitFor({ state: 'visible' });
    await page.locator('[data-testid="day-2025-01-28"][data-kind="holiday"]').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('day-2025-01-26'), '班');
    await waitForText(page.getByTestId('day-2025-01-28'), '休');
    await waitForText(page.getByTestId('calendar-summary'), /节假日 \d+ 天/);

    // Friday 2025-01-24 10:00 Shanghai + 3 working days: Sun 26 (班), Mon 27, then the holiday to Feb 4 → Wed Feb 5.
    await pickDateTime(page, inputOf(page, 'due-start'), '2025-01-24 10:00');
    await inputOf(page, 'due-days').fill('3');
    const due = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/calendar/due'));
    await page.getByTestId('due-submit').click();
    expect((await due).status()).toBe(200);
    await waitForText(page.getByTestId('due-date'), '2025-02-05');
    await waitForText(page.getByTestId('due-result'), '2025-02-05');

    // The date picker scrolled the page; the picture shows it from the top.
    await page.getByTestId('page-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-calendar-2025');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('parks: the zone with its 16 sub-parks; a new sub-park joins the tree', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/admin/parks');
    await waitForText(page.getByTestId('page-title'), '园区');
    await waitForText(page.getByTestId(`park-row-${demoZone.code}`), demoZone.name);
    expect(demoSubParks).toHaveLength(16);
    for (const p of demoSubParks) await waitForText(page.getByTestId(`park-row-${p.code}`), p.name);

    const code = `ZGC-E2E-${stamp}`.toUpperCase();
    const name = `端到端测试园${stamp}`;
    await page.getByTestId(`park-add-child-${demoZone.code}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    // The parent is preset to the zone.
    await waitForText(dialog.locator('.ant-form-item').filter({ hasText: '上级园区' }), demoZone.name);
    await inputOf(dialog, 'park-code').fill(code);
    await inputOf(dialog, 'park-name').fill(name);
    await inputOf(dialog, 'park-area').fill('2.5');
    await inputOf(dialog, 'park-district').fill('海淀区');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/parks');
    await dialog.getByTestId('modal-ok').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, '已保存');

    const row = page.getByTestId(`park-row-${code}`);
    await waitForText(row, name);
    await waitForText(row, '海淀区');
    await waitForText(row, '2.5');
    // A child of the zone: the zone now counts 17 sub-parks (the fifth column).
    await waitForText(page.getByTestId(`park-row-${demoZone.code}`).locator('td').nth(4), /^17$/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-parks-added');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('departments: create one, see it, delete it after confirming', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/admin/departments');
    await waitForText(page.getByTestId('page-title'), '部门');

    const name = `端到端测试处${stamp}`;
    await page.getByTestId('department-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await inputOf(dialog, 'department-name').fill(name);
    await dialog.getByTestId('department-park').click();
    await page.keyboard.type('海淀');
    await openDropdown(page).locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '海淀园' }).first().click();
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/departments');
    await dialog.getByTestId('modal-ok').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await dialog.waitFor({ state: 'hidden' });

    // The list is in name order and the demo zone has dozens of departments: find it by keyword.
    await page.getByPlaceholder('请输入').first().fill(name); // 关键词
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByTestId(`department-row-${name}`);
    await waitForText(row, '海淀园');
    await screenshot(page, 'admin-departments-created');

    await page.getByTestId(`department-delete-${id}`).click();
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === `/api/departments/${id}`);
    await page.locator('.ant-popover:visible').getByTestId('confirm-ok').click();
    expect((await deleted).status()).toBeLessThan(300);
    await toast(page, '已删除');
    await row.waitFor({ state: 'detached' });
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('tokens: the secret is shown once, works as a Bearer token, and stops working when revoked', { timeout: 120_000 }, async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/admin/tokens');
    await waitForText(page.getByTestId('page-title'), '令牌');

    const name = `e2e-token-${stamp}`;
    await page.getByTestId('token-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await inputOf(dialog, 'token-name').fill(name);
    await dialog.getByTestId('token-roles').click();
    await page.keyboard.type('统计');
    await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: '统计人员' }).first().click();
    await dialog.locator('.ant-modal-title').click(); // close the dropdown (Escape would close the dialog)
    await dialog.getByTestId('token-parks').click();
    await page.keyboard.type('海淀');
    await openDropdown(page).locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '海淀园' }).first().click();
    await dialog.locator('.ant-modal-title').click();
    const expires = shanghaiDate(30);
    await pickDateTime(page, inputOf(dialog, 'token-expires'), `${expires} 18:00`);

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tokens');
    await dialog.getByTestId('modal-ok').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { token: string; expiresAt: string };
    // 18:00 Shanghai is 10:00 UTC.
    expect(body.expiresAt).toBe(new Date(`${expires}T10:00:00Z`).toISOString());

    const secret = page.getByTestId('token-secret');
    await waitForText(secret, body.token);
    const shown = (await secret.innerText()).trim();
    expect(shown).toBe(body.token);
    await screenshot(page, 'admin-token-secret');

    const callParks = () => fetch(`${baseUrl}/api/parks`, { headers: { authorization: `Bearer ${shown}` } });
    const ok = await callParks();
    expect(ok.status, await ok.text()).toBe(200);

    // The dialog closes only once the admin confirms having saved the secret.
    expect(await page.getByTestId('token-done').isDisabled()).toBe(true);
    await page.getByTestId('token-saved').click();
    await page.getByTestId('token-done').click();
    await secret.waitFor({ state: 'hidden' });

    const row = page.getByTestId(`token-row-${name}`);
    await waitForText(row, '有效');
    await waitForText(row, '统计人员');
    await waitForText(row, '海淀园');
    await page.getByTestId(`token-revoke-${name}`).click();
    const revoked = page.waitForResponse((r) => r.request().method() === 'POST' && /^\/api\/tokens\/[^/]+\/revoke$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-popover:visible').getByTestId('confirm-ok').click();
    expect((await revoked).status()).toBeLessThan(300);
    await toast(page, '令牌已撤销');
    await waitForText(row, '已撤销');
    await screenshot(page, 'admin-tokens-revoked');

    const refused = await callParks();
    expect(refused.status, await refused.text()).toBe(401);
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('reference: the USCC checker accepts a valid code and names the expected check character', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/reference');
    const input = inputOf(page, 'uscc-input');
    const result = page.getByTestId('uscc-result');

    await input.fill('91440300708461136T');
    await page.getByTestId('uscc-submit').click();
    await page.locator('[data-testid="uscc-result"][data-valid="true"]').waitFor({ state: 'visible' });
    await waitForText(result, '有效');

    await input.fill('91440300708461136U');
    await page.getByTestId('uscc-submit').click();
    await page.locator('[data-testid="uscc-result"][data-valid="false"]').waitFor({ state: 'visible' });
    await waitForText(result, '无效');
    await waitForText(result, /第18位校验码应为 T/);
    await waitForText(result, '应为 T');
    await screenshot(page, 'reference-uscc-invalid');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('roles: the matrix grants audit.read to the auditor, not to the system administrator', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/admin/roles');
    await waitForText(page.getByTestId('page-title'), '角色');
    const matrix = page.getByTestId('roles-matrix');
    await waitForText(matrix.getByTestId('role-row-sysadmin'), '系统管理员');
    await matrix.getByTestId('perm-auditor-audit.read').waitFor({ state: 'visible' });
    expect(await matrix.getByTestId('perm-sysadmin-audit.read').count()).toBe(0);
    await matrix.getByTestId('perm-sysadmin-token.manage').waitFor({ state: 'visible' });
    expect(await matrix.getByTestId('perm-auditor-user.read').count()).toBe(0);
    await screenshot(page, 'admin-roles-matrix');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('an unknown address shows the 404 page inside the app', async () => {
    const app = admin();
    const { page } = app;
    await page.goto('/no-such-page');
    await waitForText(page.getByTestId('page-title'), '404');
    await waitForText(page.getByTestId('not-found'), '页面不存在');
    await page.getByTestId('current-user').waitFor({ state: 'visible' });
    await screenshot(page, 'not-found');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });
});

describe('security administrator pages', () => {
  const secadmin = signedIn(baseUrl, 'demo_secadmin', () => inject('demoPassword'));

  it('security: a changed lockout threshold is saved and survives a reload', async () => {
    const app = secadmin();
    const { page } = app;
    await page.goto('/admin/security');
    await waitForText(page.getByTestId('page-title'), '安全策略');
    const field = inputOf(page, 'security-lockoutThreshold');
    await field.waitFor({ state: 'visible' });
    const original = await field.inputValue();
    expect(original).toMatch(/^\d+$/);
    const changed = original === '6' ? '7' : '6';

    const save = async (value: string) => {
      await field.fill(value);
      const put = page.waitForResponse((r) => ['PUT', 'PATCH'].includes(r.request().method()) && new URL(r.url()).pathname.startsWith('/api/security'));
      await page.getByTestId('security-save').click();
      const res = await put;
      expect(res.status(), await res.text()).toBe(200);
      await toast(page, '已保存');
    };

    try {
      await save(changed);
      await screenshot(page, 'security-saved');
      await page.reload();
      await field.waitFor({ state: 'visible' });
      expect(await field.inputValue()).toBe(changed);
    } finally {
      // Restore the original policy for the other spec files.
      await save(original);
    }
    await page.reload();
    await field.waitFor({ state: 'visible' });
    expect(await field.inputValue()).toBe(original);
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('users: may reset passwords and end sessions of administrator accounts, but not edit them', async () => {
    const app = secadmin();
    const { page } = app;
    await page.goto('/admin/users');
    await waitForText(page.getByTestId('page-title'), '用户');
    await waitForText(page.getByTestId('user-row-admin'), '系统管理员');
    // No user.write: no create or edit; user.secure: reset and end sessions, administrators included (三权分立).
    expect(await page.getByTestId('user-create').count()).toBe(0);
    expect(await page.getByTestId('user-edit-admin').count()).toBe(0);
    await page.getByTestId('user-more-admin').click();
    const menu = page.locator('.ant-dropdown:visible');
    await waitForText(menu, '重置密码');
    await waitForText(menu, '结束会话');
    await menu.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await screenshot(page, 'users-secadmin');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    // One's own password is changed, never reset.
    await page.getByTestId('user-more-demo_secadmin').click();
    await waitForText(menu, '结束会话');
    expect(await menu.getByText('重置密码').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });
});

describe('audit administrator', () => {
  const auditor = signedIn(baseUrl, 'demo_auditor', () => inject('demoPassword'));

  it('sees the 403 page on /admin/users', async () => {
    const app = auditor();
    const { page } = app;
    await page.goto('/admin/users');
    await waitForText(page.getByTestId('page-title'), '403');
    await waitForText(page.getByTestId('forbidden'), '没有访问此页面的权限');
    await screenshot(page, 'forbidden-auditor-users');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('reads the administrators’ actions with Chinese labels on /audit', async () => {
    const app = auditor();
    const { page } = app;
    await page.goto('/audit');
    await waitForText(page.getByTestId('page-title'), '审计');
    // The department created and deleted above, by its action's label and code.
    const entry = page.getByRole('row').filter({ hasText: '新建部门' }).filter({ hasText: 'department.create' }).first();
    await entry.waitFor({ state: 'visible' });
    await waitForText(page.getByRole('row').filter({ hasText: '删除部门' }), 'department.delete');
    await waitForText(page.getByRole('row').filter({ hasText: '撤销令牌' }), 'token.revoke');
    await entry.locator('.ant-table-row-expand-icon').first().click();
    await waitForText(page.locator('.ant-table-expanded-row'), `端到端测试处${stamp}`);
    await screenshot(page, 'audit-labels');
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });
});
