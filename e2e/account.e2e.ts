import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, newPage, screenshot, signIn, signOut, waitForText } from './browser';

const baseUrl = inject('baseUrl');

/** Signs in through the API (as the admin) to prepare a fixture the UI flow then uses. */
async function adminApi() {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: inject('adminPassword') }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, url: string, body?: unknown) =>
    fetch(`${baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('accounts', () => {
  afterAll(closeBrowser);

  it('a user whose password an admin reset must change it before anything else', async () => {
    const api = await adminApi();
    const username = `reset_${Date.now().toString(36)}`;
    const created = await api('POST', '/api/users', { username, displayName: '重置测试', password: 'First-Pass-2025!', roles: ['leader'] });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await api('POST', `/api/users/${id}/reset-password`, { password: 'Temp-Pass-2025!' })).status).toBe(200);

    const app = await newPage(baseUrl);
    const { page } = app;
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('Temp-Pass-2025!');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('must-change-notice').waitFor({ state: 'visible' });

    // Other pages stay closed until the password is changed.
    await page.goto('/admin/parks');
    await page.getByTestId('must-change-notice').waitFor({ state: 'visible' });

    await page.getByTestId('current-password').fill('Temp-Pass-2025!');
    await page.getByTestId('new-password').fill('short');
    await page.getByTestId('confirm-password').fill('short');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('password-error').waitFor({ state: 'visible' });
    await screenshot(page, 'password-change-refused');

    await page.getByTestId('new-password').fill('Second-Pass-2025!');
    await page.getByTestId('confirm-password').fill('Second-Pass-2025!');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('home-welcome').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('current-user'), '重置测试');
    await signOut(page);
    await signIn(page, username, 'Second-Pass-2025!');
    expect(app.externalRequests).toEqual([]);
    await app.close();
  });

  it('a wrong password shows the server’s message on the sign-in page', async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('demo_leader');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await waitForText(page.getByTestId('login-error'), '用户名或密码错误');
    await screenshot(page, 'login-refused');
    await app.close();
  });

  it('switches to English and remembers it', async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'demo_leader', inject('demoPassword'));
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await waitForText(page.getByTestId('page-title'), 'Workspace');
    await page.reload();
    await waitForText(page.getByTestId('page-title'), 'Workspace');
    await screenshot(page, 'home-english');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await waitForText(page.getByTestId('page-title'), '工作台');
    await app.close();
  });

  it('the API docs page renders from the server alone', async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await page.goto('/api/docs');
    await page.getByText('zhiyuan 智园 API').first().waitFor({ state: 'visible' });
    await page.getByText('/api/auth/login').first().waitFor({ state: 'visible' });
    await screenshot(page, 'api-docs');
    expect(app.externalRequests).toEqual([]);
    await app.close();
  });
});
