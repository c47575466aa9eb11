import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, either, newPage, screenshot, signIn, signOut, waitForText } from './browser';

const baseUrl = inject('baseUrl');

/** The seeded accounts and the display names the seed gives them (`<role name>（示例）`). */
const accounts = [
  { username: 'admin', displayName: '系统管理员', admin: true },
  { username: 'demo_secadmin', displayName: '安全管理员（示例）', admin: false },
  { username: 'demo_auditor', displayName: '审计管理员（示例）', admin: false },
  { username: 'demo_leader', displayName: '领导（示例）', admin: false },
  { username: 'demo_park_admin', displayName: '园区管理员（示例）', admin: false },
  { username: 'demo_statistician', displayName: '统计人员（示例）', admin: false },
  { username: 'demo_service_officer', displayName: '服务管家（示例）', admin: false },
  { username: 'demo_department_staff', displayName: '承办部门（示例）', admin: false },
  { username: 'demo_policy_officer', displayName: '政策专员（示例）', admin: false },
  { username: 'demo_investment_officer', displayName: '招商专员（示例）', admin: false },
  // Linked by the seed to a 海淀园 enterprise: its home page is 我的企业 (the portal).
  { username: 'demo_enterprise', displayName: '企业用户（示例）', admin: false },
];

describe('every seeded account signs in through the UI', () => {
  afterAll(closeBrowser);

  it.each(accounts)('$username sees its home page', async ({ username, displayName, admin }) => {
    const app = await newPage(baseUrl);
    const { page } = app;

    await signIn(page, username, admin ? inject('adminPassword') : inject('demoPassword'));
    await page.waitForURL((url) => url.pathname === '/');
    await either(page.getByTestId('home-welcome'), page.getByTestId('page-title')).waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('current-user'), displayName);
    if (username === 'demo_enterprise') {
      await waitForText(page.getByTestId('page-title'), '我的企业');
      await page.getByTestId('portal-profile').waitFor({ state: 'visible' });
    }

    // November and December (Shanghai): next year's calendar is not loaded yet, so its keeper is reminded.
    if (username === 'admin') {
      const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()));
      await page.getByTestId('home-calendar-reminder').waitFor({ state: month >= 11 ? 'visible' : 'detached' });
    }
    await screenshot(page, `home-${username}`);
    expect(app.externalRequests).toEqual([]);
    app.assertClean();

    await signOut(page);
    await app.close();
  });
});
