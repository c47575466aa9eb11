import ExcelJS from 'exceljs';
import { request, type Page, type Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addMonths, columnLetter, periodLabel, type Analysis, type Cockpit, type ReportForm, type ReportingPage, type StatPeriod, type Summary, type WriteResult } from '@zhiyuan/core';
import { closeBrowser, newPage, screenshot, signedIn, signIn, signOut, waitForText } from './browser';

/**
 * A month in, the figures out (DESIGN.md §6): demo_statistician imports the newest period for three
 * 海淀园 enterprises the demo data left without a report (a bad cell first: nothing stored; fixed:
 * the dry run, then 确认导入). Once the rollups caught up, demo_leader's cockpit (1920×1080) shows
 * the new zone total, 海淀园 in the park ranking and the map; the analysis page lists the sub-parks
 * with 同比 and drills into 海淀园's industries.
 */

const baseUrl = inject('baseUrl');
/** The newest period enterprises report for: the month before today's in Beijing. */
const period = addMonths(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7), -1);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const isApi = (r: Response, method: string, path: string, check: (q: URLSearchParams) => boolean = () => true) => {
  const url = new URL(r.url());
  return r.request().method() === method && url.pathname === path && check(url.searchParams);
};
const getJson = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
};
/** Revenue (万元) by group name from the summary API. */
const revenueOf = async (page: Page, groupBy: 'zone' | 'park') =>
  new Map((await getJson<Summary>(page, `/api/statistics/summary?period=${period}&groupBy=${groupBy}&indicators=revenue`)).rows.map((r) => [r.name, { key: r.key, value: r.indicators.revenue!.value! }]));
const statusOf = async (page: Page, uscc: string) => (await getJson<ReportingPage>(page, `/api/statistics/reporting?period=${period}&q=${uscc}`)).items.map((i) => i.state);
/** Figures an enterprise plausibly reports: its flows grow by their usual month, its stocks stay. */
function plausible(f: ReportForm, k: number): Record<string, number> {
  const out: Record<string, number> = { revenue: 1000 + k * 100, employees: 20 + k };
  for (const i of f.indicators.filter((x) => x.active && x.formula == null && x.unit !== '件')) {
    const last = f.lastMonth[i.code];
    // (January: the 1–N月 figures start again.)
    if (last != null) out[i.code] = i.kind === 'stock' ? last : Number(((period.endsWith('-01') ? 0 : last) + (f.usualIncrement[i.code] ?? 0)).toFixed(i.precision));
  }
  return out;
}
/** 万元 as the cockpit and the analysis table show 1 亿 or more: 亿元 with two decimals. */
const yi = (wan: number) => `${(wan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}亿元`;
/** Growth as the pages show it: '+12.3%', '−4.0%' (U+2212), '—' without a base. */
const growth = (g: number | null) => (g == null ? '—' : Math.abs(g * 100).toFixed(1) === '0.0' ? '0.0%' : `${g > 0 ? '+' : '\u2212'}${Math.abs(g * 100).toFixed(1)}%`);

afterAll(closeBrowser);

describe('a month imported, then read on the cockpit and the analysis page', () => {
  const leader = signedIn(baseUrl, 'demo_leader', () => inject('demoPassword'));
  /** Revenue (万元) of the zone and of 海淀园 once the import is rolled up. */
  let zone = 0;
  let haidian = { key: '', value: 0 };

  it('demo_statistician imports the month for three 海淀园 enterprises without a report: a bad cell stores nothing; fixed, dry run, then 确认导入; the rollups add it up', { timeout: 180_000 }, async () => {
    const app = await newPage(baseUrl);
    const { page } = app;
    await signIn(page, 'demo_statistician', inject('demoPassword'));
    const zoneBefore = [...(await revenueOf(page, 'zone')).values()][0]!.value;
    const haidianBefore = (await revenueOf(page, 'park')).get('海淀园')!;
    // The newest period is open and the demo data left it incomplete.
    const info = (await getJson<{ items: StatPeriod[] }>(page, '/api/statistics/periods')).items.find((p) => p.period === period)!;
    expect(info).toMatchObject({ status: 'open' });
    expect(info.reported).toBeLessThan(info.expected);
    // Not demo_enterprise's own 海淀园 enterprise: statistics.e2e.ts reports it on the portal.
    const api = await request.newContext({ baseURL: baseUrl });
    const own = (await (await api.post('/api/auth/login', { data: { username: 'demo_enterprise', password: inject('demoPassword') } })).json()) as { user: { enterpriseId: string } };
    await api.dispose();
    expect(own.user.enterpriseId).toBeTruthy();
    const missing = (await getJson<ReportingPage>(page, `/api/statistics/reporting?period=${period}&parkId=${haidianBefore.key}&state=missing&pageSize=10`)).items.filter((m) => m.enterpriseId !== own.user.enterpriseId).slice(0, 3);
    expect(missing).toHaveLength(3);
    const forms = await Promise.all(missing.map((m) => getJson<ReportForm>(page, `/api/statistics/enterprises/${m.enterpriseId}/form?period=${period}`)));
    const figures = forms.map(plausible);

    await page.goto('/statistics/import');
    await waitForText(page.getByTestId('page-title'), '月报导入');
    expect(await page.getByLabel('统计期', { exact: true }).inputValue()).toBe(period);
    await waitForText(page.getByTestId('period-status'), '开放');

    // The template, through the link: the reported indicators as columns, the enterprises listed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stat-import-template').click()]);
    expect(await download.failure()).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('月报');
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(headers.slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '营业收入（万元）[revenue]']);
    expect(headers).toContain('从业人员期末人数（人）[employees]');
    expect(headers.join('|')).not.toContain('[tax_incl_refund]');
    const column = (code: string) => headers.findIndex((h) => h.endsWith(`[${code}]`)) + 1;
    const rowOf = new Map<string, number>();
    ws.eachRow((r, n) => void (n > 1 && rowOf.set(r.getCell(1).text, n)));
    for (const m of missing) expect(rowOf.has(m.uscc), `${m.enterpriseName} is listed`).toBe(true);
    await screenshot(page, 'statistics-import-upload');

    const file = async (bad: boolean) => {
      missing.forEach((m, k) => {
        for (const [code, v] of Object.entries(figures[k]!)) ws.getRow(rowOf.get(m.uscc)!).getCell(column(code)).value = bad && k === 1 && code === 'revenue' ? '约120万' : v;
      });
      return { name: bad ? '月报-有错.xlsx' : '月报.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    };
    const upload = (dryRun: boolean) => page.waitForResponse((r) => isApi(r, 'POST', '/api/statistics/imports', (q) => q.get('period') === period && q.get('dryRun') === String(dryRun)));

    // One non-numeric cell: the whole file is refused, the problem named by sheet, row and column.
    let answer = upload(true);
    await page.locator('[data-testid="stat-import-upload"] input[type=file]').setInputFiles(await file(true));
    expect((await answer).status()).toBe(422);
    await waitForText(page.getByTestId('stat-import-nothing-stored'), '未保存任何数据');
    const badRow = rowOf.get(missing[1]!.uscc)!;
    const problem = page.getByTestId(`stat-import-error-row-${badRow}-${columnLetter(column('revenue'))}`);
    expect((await problem.locator('td').allInnerTexts()).slice(0, 3)).toEqual(['月报', String(badRow), columnLetter(column('revenue'))]);
    await waitForText(problem, '营业收入应为数字，实际为“约120万”');
    expect(await page.locator('[data-testid^="stat-import-error-row-"]').count()).toBe(1);
    await screenshot(page, 'statistics-import-errors');
    for (const m of missing) expect(await statusOf(page, m.uscc)).toEqual(['missing']);

    // Fixed: the dry run counts three new reports and still stores nothing.
    answer = upload(true);
    await page.locator('[data-testid="stat-import-upload"] input[type=file]').setInputFiles(await file(false));
    const dry = await answer;
    expect(dry.status(), await dry.text()).toBe(200);
    const expected: WriteResult = { accepted: 3, created: 3, updated: 0, unchanged: 0, flagged: 0, late: today > info.dueOn ? 3 : 0 };
    expect(await dry.json()).toEqual(expected);
    await waitForText(page.getByTestId('stat-import-checked'), '检查通过：月报.xlsx');
    for (const [k, v] of Object.entries(expected)) await waitForText(page.getByTestId(`stat-import-count-${k}`).locator('.ant-statistic-content-value'), new RegExp(`^${v}$`));
    await waitForText(page.getByTestId('stat-import-not-yet'), '检查通过，尚未导入');
    for (const m of missing) expect(await statusOf(page, m.uscc)).toEqual(['missing']);
    await screenshot(page, 'statistics-import-checked');

    await page.getByTestId('stat-import-commit').click();
    answer = upload(false);
    await page.locator('.ant-popover:visible').getByTestId('stat-import-commit-ok').click();
    const done = await answer;
    expect(done.status(), await done.text()).toBe(200);
    expect(await done.json()).toEqual(expected);
    await waitForText(page.getByTestId('stat-import-result'), `${period} 月报已导入`);
    await waitForText(page.getByTestId('stat-import-result'), `有效 3 行：新增 3，更新 0，无变化 0；有预警 0，迟报 ${expected.late}。`);
    await screenshot(page, 'statistics-import-result');
    for (const m of missing) expect(await statusOf(page, m.uscc)).toEqual(['submitted']);

    // The rollup worker catches up (the import marked the period in its own transaction).
    const deadline = Date.now() + 60_000;
    while ((await getJson<{ pending: number }>(page, '/api/statistics/rollups/status')).pending > 0) {
      expect(Date.now(), 'rollups still pending after 60 s').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const added = figures.reduce((sum, f) => sum + f.revenue!, 0);
    zone = [...(await revenueOf(page, 'zone')).values()][0]!.value;
    haidian = (await revenueOf(page, 'park')).get('海淀园')!;
    expect(zone).toBeCloseTo(zoneBefore + added, 4);
    expect(haidian.value).toBeCloseTo(haidianBefore.value + added, 4);
    app.assertClean();
    await signOut(page);
    await app.close();
  });

  it('the cockpit at 1920×1080: headline 营业收入 = the zone total, 海淀园 in the park ranking, the map drawn', { timeout: 120_000 }, async () => {
    const { page, assertClean } = leader();
    expect(zone, 'the import test rolled up the figures').toBeGreaterThan(0);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const loaded = page.waitForResponse((r) => isApi(r, 'GET', '/api/statistics/cockpit', (q) => q.get('period') === period));
    await page.goto(`/statistics/cockpit?period=${period}`);
    const cockpit = (await (await loaded).json()) as Cockpit;
    await waitForText(page.getByTestId('page-title'), '园区经济运行驾驶舱');
    await waitForText(page.getByTestId('cockpit-period'), `${periodLabel(period)} · 营业收入`);

    // The headline: the zone total of the summary, in 亿元.
    const headline = cockpit.headline.find((h) => h.indicator.code === 'revenue')!;
    expect(headline.value).toBeCloseTo(zone, 4);
    const card = page.getByTestId('cockpit-headline-revenue');
    await waitForText(card, '营业收入');
    expect((await card.locator('.zy-cockpit-card-value').innerText()).replace(/\s/g, '')).toBe(yi(zone));
    await waitForText(card.getByTestId('cockpit-headline-yoy'), growth(headline.yoy));

    // The map: an ECharts canvas of real size with something drawn on it.
    const map = page.getByTestId('cockpit-map-chart');
    await map.locator('canvas').first().waitFor({ state: 'visible' });
    const canvases = () =>
      map.locator('canvas').evaluateAll((list) =>
        (list as HTMLCanvasElement[]).map((c) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          const colours = new Set<number>();
          for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
          return { width: c.width, height: c.height, colours: colours.size };
        }),
      );
    const [first] = await canvases();
    expect(first!.width).toBeGreaterThan(300);
    expect(first!.height).toBeGreaterThan(300);
    // Districts, their borders and the parks' bubbles: many colours once drawn.
    await expect.poll(async () => Math.max(...(await canvases()).map((c) => c.colours)), { timeout: 10_000 }).toBeGreaterThan(20);
    expect(await page.getByTestId('cockpit-map').innerText()).not.toContain('地图数据加载失败');
    await screenshot(page, 'cockpit', { fullPage: true });

    // The park ranking (a canvas): the tooltip of 海淀园's bar names it with its new figure.
    const ranked = cockpit.parks.filter((p) => p.value != null).sort((a, b) => b.value! - a.value!);
    // The demo's 16 sub-parks have figures (a park another spec creates has none).
    expect(ranked).toHaveLength(16);
    const at = ranked.findIndex((p) => p.name === '海淀园');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(ranked[at]!.value).toBeCloseTo(haidian.value, 4);
    const chart = page.getByTestId('cockpit-ranking-chart');
    await chart.locator('canvas').first().waitFor({ state: 'visible' });
    const box = (await chart.boundingBox())!;
    const band = (box.height - 16) / ranked.length; // grid: 8 px above and below, one band per park
    const [x, y] = [box.x + 128 + Math.min(40, 0.5 * (ranked[at]!.value! / ranked[0]!.value!) * (box.width - 280)), box.y + 8 + (at + 0.5) * band];
    const tooltip = chart.locator('div').filter({ hasText: '海淀园' });
    // The bars grow in (and are drawn again once the web font is in): hover until the tooltip shows.
    for (let attempt = 0; !(await tooltip.isVisible()); attempt++) {
      expect(attempt, 'hovering 海淀园’s bar shows its tooltip').toBeLessThan(30);
      await page.mouse.move(x, y + (attempt % 3) - 1);
      await tooltip.waitFor({ state: 'visible', timeout: 500 }).catch(() => undefined);
    }
    await waitForText(tooltip, yi(haidian.value));
    await waitForText(tooltip, `同比 ${growth(ranked[at]!.yoy)}`);

    await page.setViewportSize({ width: 1366, height: 768 });
    assertClean();
  });

  it('analysis: the sub-parks with 同比, then 海淀园 drilled into its industries (period and parkId in the URL)', { timeout: 120_000 }, async () => {
    const { page, assertClean } = leader();
    expect(haidian.key, 'the import test read the figures').toBeTruthy();
    const loaded = page.waitForResponse((r) => isApi(r, 'GET', '/api/statistics/analysis', (q) => q.get('period') === period && q.get('groupBy') === 'park'));
    await page.goto(`/statistics/analysis?period=${period}`);
    const parks = (await (await loaded).json()) as Analysis;
    await waitForText(page.getByTestId('analysis-heading'), `${periodLabel(period)} · 全区 · 按分园`);
    const rows = page.locator('[data-testid^="analysis-row-"]');
    await rows.first().waitFor({ state: 'visible' });
    expect(await rows.count()).toBe(parks.rows.length);
    expect(parks.rows.length).toBeGreaterThanOrEqual(16);
    // Columns: 园区, 营业收入（亿元）, 同比, …
    for (const r of parks.rows) {
      const cells = await page.getByTestId(`analysis-row-${r.key}`).locator('td').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual([r.name, r.value == null ? '—' : yi(r.value).replace('亿元', ''), growth(r.yoy)]);
    }
    expect(parks.rows.filter((r) => r.yoy != null).length).toBeGreaterThanOrEqual(parks.rows.length - 1);
    await waitForText(page.getByTestId(`analysis-row-${haidian.key}`), yi(haidian.value).replace('亿元', ''));
    await waitForText(page.getByTestId('analysis-total'), yi(zone).replace('亿元', ''));
    await screenshot(page, 'analysis-parks');

    const drilled = page.waitForResponse((r) => isApi(r, 'GET', '/api/statistics/analysis', (q) => q.get('groupBy') === 'industry' && q.get('parkId') === haidian.key && q.get('period') === period));
    await page.getByTestId(`analysis-drill-${haidian.key}`).click();
    const industries = (await (await drilled).json()) as Analysis;
    await page.waitForURL((url) => url.pathname === '/statistics/analysis' && url.searchParams.get('period') === period && url.searchParams.get('parkId') === haidian.key && url.searchParams.get('groupBy') === 'industry');
    await waitForText(page.getByTestId('analysis-heading'), `${periodLabel(period)} · 海淀园 · 按行业`);
    await waitForText(page.getByTestId('analysis-crumb-park'), '海淀园');
    expect(industries.rows.length).toBeGreaterThanOrEqual(3);
    for (const r of industries.rows) await waitForText(page.getByTestId(`analysis-row-${r.key}`), r.name);
    expect(await rows.count()).toBe(industries.rows.length);
    expect(industries.total.value).toBeCloseTo(haidian.value, 4);
    await waitForText(page.getByTestId('analysis-total'), yi(haidian.value).replace('亿元', ''));
    await screenshot(page, 'analysis-haidian-industries');

    // Back up through the breadcrumb: the parks again, the period kept.
    await page.getByTestId('analysis-crumb-zone').click();
    await page.waitForURL((url) => url.searchParams.get('period') === period && !url.searchParams.has('parkId'));
    await waitForText(page.getByTestId('analysis-heading'), '全区 · 按分园');
    assertClean();
  });
});
