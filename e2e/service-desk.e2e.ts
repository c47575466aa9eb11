import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  notificationKindNames,
  roleNames,
  workOrderActionLabels,
  workOrderStatusNames,
  workOrderTypeNames,
  type NotificationPage,
  type RateName,
  type WorkOrderDetail,
  type WorkOrderStats,
} from '@zhiyuan/core';
import { closeBrowser, inputOf, newPage, openDropdown, screenshot, signIn, signOut, waitForText, type AppPage } from './browser';

/**
 * The service desk (issue 6, DESIGN.md §7): demo_enterprise submits a 求助 with an attachment in the
 * portal; demo_park_admin (海淀园, the enterprise's park) accepts it and assigns it to 海淀园企业服务部
 * and demo_service_officer, who finds it through the bell and replies; the enterprise reads the
 * reply from its bell, confirms solved and rates 5; demo_leader's 三率 count it. The order is this
 * spec's own: the rates are compared with what they were before it (other specs may add orders).
 */

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
const title = `端到端求助${stamp}：研发楼租金补贴申报材料咨询`;
const description = '我司拟申报今年的研发用房租金补贴，请问需要提交哪些材料、何时截止？附件为租赁合同首页。';
const replyText = `您好，租金补贴申报材料为租赁合同、缴费凭证和研发投入说明，截止时间为本季度末，可在政务服务网在线提交。（${stamp}）`;
const ratingComment = '答复及时清楚，谢谢！';
const department = '海淀园企业服务部';
const officerName = '服务管家（示例）';

const toast = (page: Page, text: string | RegExp) => waitForText(page.locator('.ant-message-notice'), text);
const isApi = (r: Response, method: string, path: RegExp | string, check: (q: URLSearchParams) => boolean = () => true) => {
  const url = new URL(r.url());
  return r.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)) && check(url.searchParams);
};
/** This month in Beijing: the rates page's default window. */
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const rates: readonly RateName[] = ['response', 'resolution', 'satisfaction'];
/** The fraction under each rate, as the rate cards print it. */
const fraction: Record<RateName, (n: number, d: number) => string> = {
  response: (n, d) => `按时响应 ${n} / 应响应 ${d}`,
  resolution: (n, d) => `确认解决 ${n} / 办结 ${d}`,
  satisfaction: (n, d) => `满意（4–5 分）${n} / 评价 ${d}`,
};

/** A one-page PDF (the server checks the type by its content). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function session(username: string): Promise<AppPage> {
  const app = await newPage(baseUrl);
  await signIn(app.page, username, inject('demoPassword'));
  return app;
}
async function finish(app: AppPage) {
  expect(app.externalRequests).toEqual([]);
  app.assertClean();
  await signOut(app.page);
  await app.close();
}

/** The session's CSRF token, for API calls made with the page's cookies. */
async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}
async function detail(page: Page, id: string): Promise<WorkOrderDetail> {
  const res = await page.request.get(`/api/work-orders/${id}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as WorkOrderDetail;
}
/** The caller's notifications about one order, newest first. */
async function noticesAbout(page: Page, orderId: string) {
  const res = await page.request.get('/api/notifications?pageSize=100');
  expect(res.status()).toBe(200);
  return ((await res.json()) as NotificationPage).items.filter((n) => n.link === `/work-orders/${orderId}`);
}

/** Opens the bell and waits for the notification whose title is given; the panel stays open. */
async function bellItem(page: Page, text: string) {
  await page.getByTestId('notification-bell').click();
  const panel = page.getByTestId('notification-panel');
  await panel.waitFor({ state: 'visible' });
  const item = panel.getByTestId('notification-item').filter({ hasText: text });
  await item.first().waitFor({ state: 'visible' });
  return item.first();
}

/**
 * The portal's progress bar (提交 → 受理 → 办理 → 答复 → 办结): these stages done, and the one under
 * way with what it waits for (none once closed).
 */
async function progress(page: Page, done: string[], underWay?: RegExp) {
  const bar = page.getByTestId('portal-order-steps');
  if (underWay) await waitForText(bar.locator('.ant-steps-item-process'), underWay);
  else await waitForText(bar.locator('.ant-steps-item-finish').nth(done.length - 1), done.at(-1)!);
  expect(await bar.locator('.ant-steps-item-finish .ant-steps-item-title').allTextContents()).toEqual(done);
  expect(await bar.locator('.ant-steps-item-error').count()).toBe(0);
}

/**
 * Picks an option of an antd Select or TreeSelect by typing, in the open dropdown, until the field
 * shows it (a click while the options are still arriving can miss).
 */
async function pick(page: Page, select: Locator, text: string, option = '.ant-select-item-option') {
  const chosen = select.locator('.ant-select-selection-item').filter({ hasText: text });
  for (let attempt = 1; ; attempt++) {
    // The previous picker's dropdown may still be closing: its animation made clicks wait for "stable" in CI.
    await openDropdown(page).first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    await select.click();
    await select.locator('input').first().fill(text);
    // Forced: the option may still be sliding in; the field showing it afterwards is what counts.
    await openDropdown(page).locator(option).filter({ hasText: text }).first().click({ force: true });
    try {
      await chosen.waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

afterAll(closeBrowser);

describe('the service desk', () => {
  let before: WorkOrderStats;
  let order: WorkOrderDetail;
  /** An order of another enterprise, which demo_enterprise must not open. */
  let otherId = '';

  it('demo_leader reads this month’s 三率 before the flow', { timeout: 90_000 }, async () => {
    const app = await session('demo_leader');
    const { page } = app;
    const loaded = page.waitForResponse((r) => isApi(r, 'GET', '/api/work-orders/stats', (q) => q.get('from') === `${month}-01` && !q.has('parkId')));
    await page.goto('/service/rates');
    const res = await loaded;
    expect(res.status(), await res.text()).toBe(200);
    before = (await res.json()) as WorkOrderStats;
    await waitForText(page.getByTestId('page-title'), '接诉即办三率');
    for (const rate of rates) await waitForText(page.getByTestId(`rate-fraction-${rate}`), fraction[rate](before[rate].numerator, before[rate].denominator));
    await finish(app);
  });

  it('demo_enterprise submits a 求助 with an attachment in the portal and finds it listed with its GD number', { timeout: 120_000 }, async () => {
    expect(before, 'the previous test read the rates').toBeTruthy();
    const app = await session('demo_enterprise');
    const { page } = app;
    await page.getByTestId('menu-portalOrders').click();
    await page.waitForURL((url) => url.pathname === '/portal/orders');
    await waitForText(page.getByTestId('page-title'), '我的诉求');

    await page.getByTestId('portal-order-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('portal-order-form').waitFor({ state: 'visible' });
    await dialog.getByTestId('order-type').getByText(workOrderTypeNames.help, { exact: true }).click();
    await pick(page, dialog.getByTestId('order-category'), '融资', '.ant-select-tree-node-content-wrapper');
    await dialog.getByTestId('order-title').fill(title);
    await dialog.getByTestId('order-description').fill(description);
    const uploaded = page.waitForResponse((r) => isApi(r, 'POST', '/api/work-order-attachments'));
    await dialog.locator('[data-testid="order-attachments"] input[type=file]').setInputFiles({ name: '租赁合同首页.pdf', mimeType: 'application/pdf', buffer: pdf });
    const up = await uploaded;
    expect(up.status(), await up.text()).toBe(201);
    await waitForText(dialog.locator('.ant-upload-list-item-done'), '租赁合同首页.pdf');
    await dialog.locator('.ant-upload-list-item-done').scrollIntoViewIfNeeded();
    await screenshot(page, 'service-desk-portal-form');

    const created = page.waitForResponse((r) => isApi(r, 'POST', '/api/work-orders'));
    await dialog.getByTestId('modal-ok').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    order = (await res.json()) as WorkOrderDetail;
    expect(order).toMatchObject({ type: 'help', channel: 'portal', status: 'submitted', title, categoryPath: ['融资'] });
    expect(order.number).toMatch(/^GD-\d{4}-\d{6,}$/);
    // The portal form asks no name: the requester is the submitting user.
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { displayName: string } };
    expect(order.requesterName).toBe(me.user.displayName);
    await toast(page, `已提交，编号 ${order.number}`);

    // The order's page: number, status, the file, what the requester may do — not confirm nor rate yet.
    await page.waitForURL((url) => url.pathname === `/portal/orders/${order.id}`);
    await waitForText(page.getByTestId('page-title'), title);
    await waitForText(page.getByTestId('work-order-number'), order.number);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.submitted);
    await waitForText(page.getByTestId('portal-order-description'), description);
    await waitForText(page.getByTestId('portal-order-info').getByTestId('attachment-link'), '租赁合同首页.pdf');
    await progress(page, ['提交'], /受理.*等待园区受理/);
    const shown = await detail(page, order.id);
    // Before anyone answers, the requester may add information or withdraw the request.
    expect(shown.availableActions).toEqual(['addInfo', 'withdraw']);
    await page.getByTestId('action-addInfo').waitFor({ state: 'visible' });
    await page.getByTestId('action-withdraw').waitFor({ state: 'visible' });
    for (const a of ['confirm', 'rate', 'reopen', 'accept', 'reply']) expect(await page.getByTestId(`action-${a}`).count(), a).toBe(0);
    expect(await page.getByTestId('portal-confirm-prompt').count()).toBe(0);
    await screenshot(page, 'service-desk-portal-submitted');
    // Asked anyway, the server refuses the step out of order.
    const refused = await page.request.post(`/api/work-orders/${order.id}/actions`, { headers: { 'x-csrf-token': await csrf(page) }, data: { action: 'confirm', solved: true } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ILLEGAL_TRANSITION');

    // Listed under 我的诉求 with its number.
    await page.getByTestId('portal-order-back').click();
    await page.waitForURL((url) => url.pathname === '/portal/orders');
    const row = page.getByTestId(`portal-order-row-${order.number}`);
    await waitForText(row, title);
    await waitForText(row, order.number);
    await waitForText(row.getByTestId('portal-order-status'), workOrderStatusNames.submitted);
    await screenshot(page, 'service-desk-portal-list');
    await finish(app);
  });

  it('demo_park_admin accepts the order and assigns it to a department and an officer', { timeout: 120_000 }, async () => {
    expect(order, 'the previous test submitted an order').toBeTruthy();
    const app = await session('demo_park_admin');
    const { page } = app;
    const listed = page.waitForResponse((r) => isApi(r, 'GET', '/api/work-orders', (q) => q.get('q') === order.number));
    await page.goto(`/work-orders?q=${order.number}`);
    expect((await listed).status()).toBe(200);
    await waitForText(page.getByTestId(`work-order-row-${order.number}`), title);
    await page.getByTestId(`work-order-link-${order.number}`).click();
    await page.waitForURL((url) => url.pathname === `/work-orders/${order.id}`);
    await waitForText(page.getByTestId('page-title'), title);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.submitted);
    await waitForText(page.getByTestId('work-order-info'), '融资');
    await waitForText(page.getByTestId('work-order-requester'), order.requesterName!);
    await waitForText(page.getByTestId('work-order-attachments'), '租赁合同首页.pdf');
    // Staff never confirm or rate a portal order for the enterprise: not offered.
    await page.getByTestId('action-accept').waitFor({ state: 'visible' });
    for (const a of ['confirm', 'rate', 'reply']) expect(await page.getByTestId(`action-${a}`).count(), a).toBe(0);
    await screenshot(page, 'service-desk-staff-submitted');

    // 受理
    await page.getByTestId('action-accept').click();
    let dialog = page.getByRole('dialog').filter({ has: page.getByTestId('action-form-accept') });
    const accepted = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${order.id}/actions`));
    await dialog.getByTestId('modal-ok').click();
    let res = await accepted;
    expect(res.status(), await res.text()).toBe(200);
    await toast(page, workOrderActionLabels.accept);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.accepted);

    // 派单: the lead department and the officer.
    await page.getByTestId('action-assign').click();
    dialog = page.getByRole('dialog').filter({ has: page.getByTestId('action-form-assign') });
    await pick(page, dialog.getByTestId('action-department'), department);
    // Everyone who may take it is offered, department staff included, each with their department (or role).
    await dialog.getByTestId('action-assignee').click();
    await waitForText(openDropdown(page).locator('.ant-select-item-option').filter({ hasText: `${roleNames.department_staff.zh}（示例）` }), '企业服务处');
    await screenshot(page, 'service-desk-staff-assignees');
    await dialog.locator('.ant-modal-title').click();
    await pick(page, dialog.getByTestId('action-assignee'), officerName);
    await dialog.getByTestId('action-note').fill('请服务管家尽快答复');
    await screenshot(page, 'service-desk-staff-assign');
    const assigned = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${order.id}/actions`));
    await dialog.getByTestId('modal-ok').click();
    res = await assigned;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'assigned', departmentName: department, assigneeName: officerName });
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, workOrderActionLabels.assign);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.assigned);
    const handling = page.getByTestId('work-order-handling');
    await waitForText(handling, department);
    await waitForText(handling, officerName);
    await waitForText(page.getByTestId('work-order-timeline-card'), '请服务管家尽快答复');
    const staffView = await detail(page, order.id);
    expect(staffView.availableActions).not.toContain('accept');
    expect(staffView.availableActions).not.toContain('confirm');
    expect(await page.getByTestId('action-accept').count()).toBe(0);
    await screenshot(page, 'service-desk-staff-assigned');

    // Another enterprise's order of the park, for the enterprise's last step.
    const others = (await (await page.request.get('/api/work-orders?pageSize=50&sort=-createdAt')).json()) as { items: { id: string; enterpriseId: string | null }[] };
    otherId = others.items.find((o) => o.enterpriseId && o.enterpriseId !== order.enterpriseId)?.id ?? '';
    expect(otherId).toBeTruthy();
    await finish(app);
  });

  it('demo_service_officer finds the assignment in the bell and replies', { timeout: 120_000 }, async () => {
    expect(otherId, 'the previous test assigned the order').toBeTruthy();
    const app = await session('demo_service_officer');
    const { page } = app;
    // The inbox: the assignment, unread; the reply notice is not the officer's.
    const mine = await noticesAbout(page, order.id);
    expect(mine.filter((n) => n.kind === 'assigned').map((n) => [n.title, n.readAt])).toEqual([[`${notificationKindNames.assigned}：${order.number}`, null]]);
    expect(mine.map((n) => n.kind)).not.toContain('replied');
    await page.getByTestId('notification-count').locator('.ant-badge-count').waitFor({ state: 'visible' });
    const item = await bellItem(page, `${notificationKindNames.assigned}：${order.number}`);
    expect(await item.getAttribute('data-unread')).toBe('true');
    await waitForText(item, title);
    await screenshot(page, 'service-desk-officer-bell');

    // The notice opens the order (and is read).
    const read = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/notifications\/[^/]+\/read$/));
    await item.click();
    await page.waitForURL((url) => url.pathname === `/work-orders/${order.id}`);
    expect((await read).status()).toBe(200);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.assigned);
    await waitForText(page.getByTestId('work-order-handling'), officerName);

    await page.getByTestId('action-reply').click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('action-form-reply') });
    await dialog.getByTestId('action-content').fill(replyText);
    await screenshot(page, 'service-desk-officer-reply');
    const replied = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${order.id}/actions`));
    await dialog.getByTestId('modal-ok').click();
    const res = await replied;
    expect(res.status(), await res.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, workOrderActionLabels.reply);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.replied);
    await waitForText(page.getByTestId('work-order-timeline-card'), replyText);
    // Replied: no second reply, and the requester's steps are not the officer's.
    const after = await detail(page, order.id);
    for (const a of ['reply', 'confirm', 'rate', 'accept'] as const) expect(after.availableActions, a).not.toContain(a);
    for (const a of ['reply', 'confirm', 'rate']) expect(await page.getByTestId(`action-${a}`).count(), a).toBe(0);
    expect((await noticesAbout(page, order.id)).find((n) => n.kind === 'assigned')?.readAt).toBeTruthy();
    await screenshot(page, 'service-desk-officer-replied');
    await finish(app);
  });

  it('demo_enterprise reads the reply from the bell, confirms solved, rates 5, and cannot open another enterprise’s order', { timeout: 120_000 }, async () => {
    expect(otherId, 'the earlier tests prepared the order').toBeTruthy();
    const app = await session('demo_enterprise');
    const { page } = app;
    // The reply reached the enterprise; the assignment did not.
    const mine = await noticesAbout(page, order.id);
    expect(mine.map((n) => n.kind)).toEqual(['replied']);
    const item = await bellItem(page, `${notificationKindNames.replied}：${order.number}`);
    await waitForText(item, replyText.slice(0, 20));
    await screenshot(page, 'service-desk-portal-bell');
    await item.click();
    await page.waitForURL((url) => url.pathname === `/portal/orders/${order.id}`);

    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.replied);
    const prompt = page.getByTestId('portal-confirm-prompt');
    await waitForText(prompt, '园区已答复您的诉求');
    await waitForText(page.locator('main, .ant-layout-content').first(), replyText);
    await waitForText(page.getByTestId('portal-order-info'), department);
    await progress(page, ['提交', '受理', '办理', '答复'], /办结.*请确认问题是否已解决/);
    await screenshot(page, 'service-desk-portal-replied');

    // 已解决
    await page.getByTestId('portal-solved').click();
    let dialog = page.getByRole('dialog').filter({ has: page.getByTestId('action-form-confirm') });
    expect(await inputOf(dialog, 'action-solved-yes').isChecked()).toBe(true);
    const confirmed = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${order.id}/actions`));
    await dialog.getByTestId('modal-ok').click();
    let res = await confirmed;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'closed', solved: true });
    await toast(page, '感谢确认');
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.closed);

    // 评价: five stars and a comment.
    await page.getByTestId('portal-rate').click();
    dialog = page.getByRole('dialog').filter({ has: page.getByTestId('action-form-rate') });
    await dialog.locator('.ant-rate-star').nth(4).click();
    await dialog.getByTestId('action-comment').fill(ratingComment);
    await screenshot(page, 'service-desk-portal-rate');
    const rated = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${order.id}/actions`));
    await dialog.getByTestId('modal-ok').click();
    res = await rated;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'closed', rating: 5, ratingComment });
    await toast(page, '感谢您的评价');
    await waitForText(page.getByTestId('portal-rating'), ratingComment);
    expect(await page.getByTestId('portal-rating').locator('.ant-rate-star-full').count()).toBe(5);
    // Rated once: no second rating offered.
    expect(await page.getByTestId('portal-rate').count()).toBe(0);
    expect((await detail(page, order.id)).availableActions).not.toContain('rate');
    await progress(page, ['提交', '受理', '办理', '答复', '办结']);
    await screenshot(page, 'service-desk-portal-closed');

    // Under 已结束 in the list.
    await page.goto('/portal/orders?group=closed');
    await waitForText(page.getByTestId(`portal-order-row-${order.number}`).getByTestId('portal-order-status'), workOrderStatusNames.closed);

    // Another enterprise's order: the not-found page, and a 404 from the API.
    await page.goto(`/portal/orders/${otherId}`);
    await waitForText(page.getByTestId('not-found'), '诉求不存在，或不属于本企业。');
    expect(await page.getByTestId('portal-order-detail').count()).toBe(0);
    await screenshot(page, 'service-desk-portal-not-found');
    expect((await page.request.get(`/api/work-orders/${otherId}`)).status()).toBe(404);
    const acted = await page.request.post(`/api/work-orders/${otherId}/actions`, { headers: { 'x-csrf-token': await csrf(page) }, data: { action: 'addInfo', content: '试图操作他人的工单' } });
    expect(acted.status()).toBe(404);
    await finish(app);
  });

  it('demo_leader’s 三率 count the order: each numerator one more, and the drill-down lists it', { timeout: 120_000 }, async () => {
    expect(order, 'the earlier tests closed the order').toBeTruthy();
    const app = await session('demo_leader');
    const { page } = app;
    const loaded = page.waitForResponse((r) => isApi(r, 'GET', '/api/work-orders/stats', (q) => q.get('from') === `${month}-01` && !q.has('parkId')));
    await page.goto('/service/rates');
    const after = (await (await loaded).json()) as WorkOrderStats;
    // Answered on time, confirmed solved, rated 5: one more in each numerator. The resolution and
    // satisfaction denominators count closings and ratings (one each); the response denominator
    // may also take in an older order whose response deadline passed meanwhile.
    expect(after.response.numerator).toBe(before.response.numerator + 1);
    expect(after.response.denominator).toBeGreaterThanOrEqual(before.response.denominator + 1);
    expect([after.resolution.numerator, after.resolution.denominator]).toEqual([before.resolution.numerator + 1, before.resolution.denominator + 1]);
    expect([after.satisfaction.numerator, after.satisfaction.denominator]).toEqual([before.satisfaction.numerator + 1, before.satisfaction.denominator + 1]);
    expect(after.total).toBe(before.total + 1);
    for (const rate of rates) await waitForText(page.getByTestId(`rate-fraction-${rate}`), fraction[rate](after[rate].numerator, after[rate].denominator));
    await waitForText(page.getByTestId('rates-total'), String(after.total));
    await screenshot(page, 'service-desk-rates');

    // The drill-down behind 满意率: not among the orders against it; among all, counted, 5 分.
    await page.getByTestId('rate-drill-satisfaction').click();
    const drawer = page.locator('.ant-drawer-content:visible');
    await waitForText(drawer.getByTestId('drill-title'), '满意率');
    await drawer.locator('.ant-table-tbody').waitFor({ state: 'visible' });
    expect(await drawer.getByTestId(`drill-row-${order.number}`).count()).toBe(0);
    const all = page.waitForResponse((r) => isApi(r, 'GET', '/api/work-orders/stats/orders', (q) => q.get('rate') === 'satisfaction' && q.get('outcome') === 'all'));
    await drawer.getByTestId('drill-outcome').getByText('全部工单').click();
    expect((await all).status()).toBe(200);
    const row = drawer.getByTestId(`drill-row-${order.number}`);
    await waitForText(row, '5 分');
    await waitForText(row, '计入');
    await waitForText(row, department);
    await screenshot(page, 'service-desk-rates-drill');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await finish(app);
  });

  // Last: a declined order counts as responded, which the rates test above does not expect.
  it('a declined order ends the enterprise’s progress bar with the reason and where to go next', { timeout: 120_000 }, async () => {
    expect(order, 'the first tests submitted an order').toBeTruthy();
    const reason = '个人所得税汇算不属于园区职责范围';
    const nextStep = '请咨询主管税务机关或拨打 12366 纳税服务热线';
    // demo_park_admin records the enterprise's call and declines it.
    const admin = await session('demo_park_admin');
    const headers = { 'x-csrf-token': await csrf(admin.page) };
    const created = await admin.page.request.post('/api/work-orders', {
      headers,
      data: { type: 'inquiry', channel: 'hotline', enterpriseId: order.enterpriseId, title: `端到端来电咨询${stamp}：个人所得税汇算`, description: '来电咨询员工个人所得税汇算清缴。' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const call = (await created.json()) as WorkOrderDetail;
    const declined = await admin.page.request.post(`/api/work-orders/${call.id}/actions`, { headers, data: { action: 'decline', reason, nextStep } });
    expect(declined.status(), await declined.text()).toBe(200);
    await finish(admin);

    const app = await session('demo_enterprise');
    const { page } = app;
    await page.goto(`/portal/orders/${call.id}`);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.declined);
    const bar = page.getByTestId('portal-order-steps');
    await waitForText(bar.locator('.ant-steps-item-error'), workOrderStatusNames.declined);
    const disposition = page.getByTestId('portal-disposition');
    await waitForText(disposition, reason);
    await waitForText(disposition, nextStep);
    // Declined on arrival: only 提交 was done, nothing is under way.
    expect(await bar.locator('.ant-steps-item-finish .ant-steps-item-title').allTextContents()).toEqual(['提交']);
    expect(await bar.locator('.ant-steps-item-process').count()).toBe(0);
    await screenshot(page, 'service-desk-portal-declined');
    await finish(app);
  });

  it('demo_enterprise withdraws a request it no longer needs: asked twice, 已撤回 with the reason; staff see it was withdrawn before its deadlines', { timeout: 120_000 }, async () => {
    const reason = '问题已在区政务服务中心办妥，不再需要帮助';
    const app = await session('demo_enterprise');
    const { page } = app;
    const created = await page.request.post('/api/work-orders', {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { type: 'inquiry', title: `端到端咨询${stamp}：高企认定材料`, description: '请问高新技术企业认定需要哪些材料？' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const asked = (await created.json()) as WorkOrderDetail;
    await page.goto(`/portal/orders/${asked.id}`);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.submitted);
    await page.getByTestId('action-withdraw').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-reason').fill(reason);
    await dialog.getByTestId('modal-ok').click();
    // Final: asked a second time before anything is sent.
    const done = page.waitForResponse((r) => isApi(r, 'POST', `/api/work-orders/${asked.id}/actions`));
    await page.getByTestId('action-confirm-ok').click();
    expect((await done).status()).toBe(200);
    await waitForText(page.getByTestId('work-order-status'), workOrderStatusNames.withdrawn);
    await waitForText(page.getByTestId('portal-disposition'), reason);
    expect(await page.getByTestId('action-withdraw').count()).toBe(0);
    await screenshot(page, 'service-desk-portal-withdrawn');
    await finish(app);

    // Withdrawn within both deadlines: staff see that, not "met" (nobody answered or resolved it).
    const staff = await session('demo_park_admin');
    await staff.page.goto(`/work-orders/${asked.id}`);
    await waitForText(staff.page.getByTestId('work-order-status'), workOrderStatusNames.withdrawn);
    await waitForText(staff.page.getByTestId('work-order-response-due'), '撤回时未到时限');
    await waitForText(staff.page.getByTestId('work-order-resolve-due'), '撤回时未到时限');
    await waitForText(staff.page.getByTestId('work-order-disposition'), reason);
    await screenshot(staff.page, 'service-desk-staff-withdrawn');
    await finish(staff);
  });
});
