import type { Page, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addMonths, formatWan, periodLabel, type Indicator, type Report, type ReportForm, type ReportingPage } from '@zhiyuan/core';
import { closeBrowser, inputOf, newPage, screenshot, signIn, signOut, waitForText, type AppPage } from './browser';

/**
 * The monthly report (DESIGN.md §6): demo_enterprise, whose report for the newest period the demo
 * data leaves out, fills it in on the portal with the live checks and confirms a warning;
 * demo_statistician finds it on 报送审核 and returns it with a comment the enterprise then reads.
 * (cockpit.e2e.ts imports the same period for other enterprises and follows the figures out.)
 */

const baseUrl = inject('baseUrl');
/** The newest period enterprises report for: the month before today's in Beijing. */
const period = addMonths(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7), -1);
const month = Number(period.slice(5));
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const comment = '营业收入与税费口径不一致，请核对后重新报送';

const toast = (page: Page, text: string | RegExp) => waitForText(page.locator('.ant-message-notice'), text);
const isApi = (r: Response, method: string, path: RegExp | string, check: (q: URLSearchParams) => boolean = () => true) => {
  const url = new URL(r.url());
  return r.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)) && check(url.searchParams);
};
/** A figure as the form and the drawer show it: 万元 with the indicator's decimals, others grouped. */
const shown = (ind: Indicator, v: number, unit = false) =>
  ind.unit === '万元' ? formatWan(v, { wanDecimals: ind.precision, scale: 'wan', unit }) : v.toLocaleString('zh-CN', { minimumFractionDigits: ind.precision, maximumFractionDigits: ind.precision }) + (unit ? ind.unit : '');
const round = (v: number, precision: number) => Number(v.toFixed(precision));
/** A number as the check messages print it (up to 4 decimals, grouped). */
const plain = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
const reported = (f: ReportForm) => f.indicators.filter((i) => i.active && i.formula == null);
/** Figures that pass the plausibility checks: a flow grows by its usual month, a stock stays. */
function plausible(f: ReportForm): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of reported(f)) {
    const last = f.lastMonth[i.code];
    const usual = f.usualIncrement[i.code] ?? 0;
    if (last == null || (i.kind === 'flow' && i.precision === 0 && !Number.isInteger(usual))) continue;
    out[i.code] = i.kind === 'stock' ? last : round((f.period.endsWith('-01') ? 0 : last) + usual, i.precision); // January: 1–N月 starts again
  }
  return out;
}

/** A fresh context signed in as a demo user; `finish` checks it, signs out and closes it. */
async function session(username: string): Promise<AppPage> {
  const app = await newPage(baseUrl);
  await signIn(app.page, username, inject('demoPassword'));
  return app;
}
async function finish(app: AppPage) {
  app.assertClean();
  await signOut(app.page);
  await app.close();
}

afterAll(closeBrowser);

describe('monthly statistics', () => {
  let form: ReportForm;
  let stored: Report;

  it('demo_enterprise reports the newest month: figures beside last month’s and last year’s, live checks, the warning confirmed, stored as 已报送', { timeout: 120_000 }, async () => {
    const app = await session('demo_enterprise');
    const { page } = app;
    const loaded = page.waitForResponse((r) => isApi(r, 'GET', /^\/api\/statistics\/enterprises\/[^/]+\/form$/, (q) => q.get('period') === period));
    await page.goto('/portal/report');
    form = (await (await loaded).json()) as ReportForm;
    await waitForText(page.getByTestId('page-title'), '月报填报');
    await waitForText(page.getByTestId('portal-enterprise-name'), form.enterpriseName);
    expect(await page.getByLabel('统计期', { exact: true }).inputValue()).toBe(period);
    await waitForText(page.getByTestId('report-period-bar'), periodLabel(period));
    await waitForText(page.getByTestId('report-state-none'), `本期尚未报送，请于 ${form.dueOn} 前完成填报`);

    // Last month's and last year's figures beside the fields.
    const table = page.getByTestId('report-table');
    await waitForText(table.locator('thead'), `上月（${addMonths(period, -1)}）`);
    await waitForText(table.locator('thead'), `上年同期（${addMonths(period, -12)}）`);
    const byCode = new Map(form.indicators.map((i) => [i.code, i]));
    const revenue = byCode.get('revenue')!;
    expect(form.lastMonth.revenue, 'the demo enterprise reported last month').toBeGreaterThan(0);
    expect(form.lastMonth.employees).toBeGreaterThan(0);
    for (const code of ['revenue', 'employees']) {
      const cells = await table.locator(`tr[data-row-key="${code}"] > td`).allInnerTexts();
      expect(cells.slice(3, 5)).toEqual([shown(byCode.get(code)!, form.lastMonth[code]!), form.lastYear[code] == null ? '—' : shown(byCode.get(code)!, form.lastYear[code]!)]);
    }

    // Live: revenue YTD below last month's is a warning; a pasted ID number and a headcount with
    // decimals are errors, and an error blocks the submission.
    const puts: string[] = [];
    page.on('request', (r) => r.method() === 'PUT' && puts.push(r.url()));
    const field = (code: string) => page.getByLabel(byCode.get(code)!.nameZh, { exact: true });
    const low = round(form.lastMonth.revenue! / 2, 1);
    await field('revenue').fill(String(low));
    // (In January the 1–N月 figures start again: no falling-YTD check.)
    if (month > 1) await waitForText(page.getByTestId('report-warning-revenue'), `营业收入1–${month}月累计低于上月累计（${plain(low)} < ${plain(form.lastMonth.revenue!)}）`);
    await field('tax').fill('110101199003071234');
    await waitForText(page.getByTestId('report-error-tax'), '实缴税费数值过大');
    await field('employees').fill('12.5');
    await waitForText(page.getByTestId('report-error-employees'), '从业人员期末人数应为整数');
    expect(await field('employees').getAttribute('aria-invalid')).toBe('true');
    // What was typed stays: a negative is refused with a message, never turned into 0.
    await field('export').fill('-5');
    await field('export').blur();
    await waitForText(page.getByTestId('report-error-export'), '出口额不能为负数');
    expect(Number(await field('export').inputValue())).toBe(-5);
    await waitForText(page.getByTestId('report-summary'), '3 处错误');
    if (month > 1) await waitForText(page.getByTestId('report-summary'), '1 处数值波动较大');
    await screenshot(page, 'statistics-portal-checks');
    await page.getByTestId('report-submit').click();
    await toast(page, /还有 \d 处错误，请修改后再提交/);
    await waitForText(page.getByTestId('report-error-tax'), '实缴税费数值过大');
    expect(puts).toEqual([]);

    // Fixed: every figure plausible but the headcount, more than doubled (a warning the enterprise confirms).
    const values: Record<string, number> = { ...plausible(form), employees: form.lastMonth.employees! * 2 + 5 };
    await field('tax').fill('');
    await field('export').fill('');
    for (const [code, v] of Object.entries(values)) await field(code).fill(String(v));
    await field('employees').blur();
    expect(await page.locator('[data-testid^="report-error-"]').count()).toBe(0);
    await waitForText(page.getByTestId('report-warning-employees'), `从业人员期末人数较上月 ${plain(form.lastMonth.employees!)} 变化超过 50%`);
    expect(await page.locator('[data-testid^="report-warning-"]').count()).toBe(1);
    await waitForText(page.getByTestId('report-summary'), `已填 ${Object.keys(values).length} / ${reported(form).length} 项`);
    await page.getByTestId('report-submit').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await waitForText(confirm, '有 1 处数值波动较大，确认提交？');
    await waitForText(confirm.getByTestId('report-confirm-warnings'), '从业人员期末人数较上月');
    await screenshot(page, 'statistics-portal-confirm');
    const submitted = page.waitForResponse((r) => isApi(r, 'PUT', `/api/statistics/enterprises/${form.enterpriseId}/reports/${period}`));
    await confirm.getByTestId('report-confirm-ok').click();
    const put = await submitted;
    expect(put.status(), await put.text()).toBe(200);
    stored = (await put.json()) as Report;
    expect(stored).toMatchObject({ status: 'submitted', values, version: 1, late: today > form.dueOn, enterpriseName: form.enterpriseName });
    expect(stored.flags.map((f) => f.indicator)).toEqual(['employees']);
    await toast(page, '报送成功，1 处数值波动较大');

    // The stored state, after a reload too.
    await page.reload();
    const state = page.getByTestId('report-state');
    await waitForText(state, '已报送，等待园区审核');
    await waitForText(state.getByTestId('report-status'), '已报送');
    expect(await state.getByTestId('report-late').count()).toBe(stored.late ? 1 : 0);
    await waitForText(state.getByTestId('report-flags'), '从业人员期末人数较上月');
    expect(await field('revenue').inputValue()).toBe(values.revenue!.toFixed(revenue.precision));
    await waitForText(page.getByTestId('report-submit'), '重新报送');
    await screenshot(page, 'statistics-portal-submitted');
    await finish(app);
  });

  it('demo_statistician finds the report on 报送审核, opens it and returns it with a comment', { timeout: 120_000 }, async () => {
    expect(stored, 'the previous test stored a report').toBeTruthy();
    const app = await session('demo_statistician');
    const { page } = app;
    await page.goto('/statistics/reporting');
    await waitForText(page.getByTestId('page-title'), '报送审核');
    expect(await page.getByLabel('统计期', { exact: true }).inputValue()).toBe(period);
    await inputOf(page, 'reporting-search').fill(form.enterpriseName);
    const searched = page.waitForResponse((r) => isApi(r, 'GET', '/api/statistics/reporting', (q) => q.get('q') === form.enterpriseName && q.get('period') === period));
    await inputOf(page, 'reporting-search').press('Enter');
    const list = (await (await searched).json()) as ReportingPage;
    expect(list.items.map((i) => [i.uscc, i.state, i.flagCount])).toEqual([[stored.uscc, 'submitted', 1]]);
    const row = page.getByTestId(`reporting-row-${stored.uscc}`);
    await waitForText(row, form.enterpriseName);
    await waitForText(row.getByTestId('report-status'), '已报送');
    await waitForText(row.getByTestId('reporting-flag-count'), '1');
    await screenshot(page, 'statistics-reporting-search');

    // The drawer: the figures as stored, the warning, then 退回 with a comment.
    await page.getByTestId(`reporting-open-${stored.uscc}`).click();
    await page.waitForURL((url) => url.searchParams.get('report') === stored.id);
    const drawer = page.locator('.ant-drawer-content:visible');
    await waitForText(drawer.locator('.ant-drawer-title'), `${form.enterpriseName} · ${periodLabel(period)}`);
    const revenue = form.indicators.find((i) => i.code === 'revenue')!;
    await waitForText(drawer.getByTestId('report-figure-row-revenue'), shown(revenue, stored.values.revenue!, true));
    await waitForText(drawer.getByTestId('report-flags'), '从业人员期末人数较上月');
    await waitForText(drawer.getByTestId('report-meta'), '企业填报');
    await screenshot(page, 'statistics-report-drawer');
    await drawer.getByTestId('report-return').click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('report-return-form') });
    await dialog.getByTestId('report-return-comment-input').fill(comment);
    const reviewed = page.waitForResponse((r) => isApi(r, 'POST', `/api/statistics/reports/${stored.id}/review`));
    await dialog.getByTestId('modal-ok').click();
    const res = await reviewed;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'returned', reviewComment: comment, reviewedBy: 'demo_statistician' });
    await toast(page, '已退回');
    await waitForText(drawer.getByTestId('report-review-comment'), comment);
    await waitForText(drawer.getByTestId('report-meta').getByTestId('report-status'), '已退回');
    await screenshot(page, 'statistics-report-returned');
    // Closed by a click beside it (the toast may still cover its close button).
    await page.locator('.ant-drawer-mask').click({ position: { x: 100, y: 600 } });
    await page.waitForURL((url) => !url.searchParams.has('report'));
    await waitForText(row.getByTestId('report-status'), '已退回');
    await finish(app);
  });

  it('demo_enterprise reads the comment of the returned report', { timeout: 60_000 }, async () => {
    const app = await session('demo_enterprise');
    const { page } = app;
    await page.goto('/portal/report');
    const state = page.getByTestId('report-state');
    await waitForText(state, '已退回：请按审核意见修改后重新报送');
    await waitForText(state.getByTestId('report-return-comment'), `退回意见：${comment}`);
    await waitForText(state.getByTestId('report-status'), '已退回');
    // The figures stay in the form for the correction.
    expect(await page.getByLabel('营业收入', { exact: true }).inputValue()).toBe(stored.values.revenue!.toFixed(4));
    await waitForText(page.getByTestId('report-submit'), '重新报送');
    await screenshot(page, 'statistics-portal-returned');
    await finish(app);
  });
});
