import ExcelJS from 'exceljs';
import type { Download, Page, Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { enterpriseColumns, formatWan, organizationCodeCheckDigit, usccCheckDigit, validateUscc } from '@zhiyuan/core';
import { closeBrowser, inputOf, openDropdown, screenshot, signedIn, waitForText } from './browser';

/**
 * The enterprise registry as the zone-wide statistician (search, filter, detail page; import of a
 * template with a bad row, then fixed; export of a filtered list). The demo seed gives the zone
 * about 3,000 synthetic enterprises named 北京示例…（示例）.
 */

const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36);
/** Every enterprise this spec imports carries it (a rerun against E2E_BASE_URL does not collide). */
const prefix = `E2E示例${stamp}`;

/** "共 123 家企业" above the registry table. */
const totalText = (page: Page) => page.getByText(/^共 \d+ 家企业$/);

const isList = (r: Response, check: (q: URLSearchParams) => boolean = () => true) => {
  const url = new URL(r.url());
  return r.request().method() === 'GET' && url.pathname === '/api/enterprises' && check(url.searchParams);
};

type Page1 = { total: number; items: { id: string; uscc: string; name: string; parkId: string; status: string }[] };

/** Submits the filter bar and waits for the list answer and for the table to show its total. */
async function search(page: Page, check: (q: URLSearchParams) => boolean): Promise<Page1> {
  const answered = page.waitForResponse((r) => isList(r, check));
  await page.getByTestId('enterprise-filter-submit').click();
  const res = await answered;
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as Page1;
  await waitForText(totalText(page), `共 ${body.total} 家企业`);
  return body;
}

/** The texts of one column of the registry table's visible rows, in order. */
async function columnTexts(page: Page, index: number): Promise<string[]> {
  return page.locator('[data-testid^="enterprise-row-"]').evaluateAll((rows, i) => rows.map((r) => (r.querySelectorAll(':scope > td')[i] as HTMLElement | undefined)?.innerText.trim() ?? ''), index);
}

async function readDownload(download: Download): Promise<ExcelJS.Workbook> {
  expect(await download.failure()).toBeNull();
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowTexts = (ws: ExcelJS.Worksheet, n: number): string[] => {
  const row = ws.getRow(n);
  return Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text.trim());
};

/** A valid USCC of a 昌平区 company (登记管理部门 9, 类别 1), the organisation code from `seed`. */
function uscc(seed: number): string {
  const body = String(seed).padStart(8, '0').slice(-8);
  const first17 = `91110114${body}${organizationCodeCheckDigit(body)}`;
  const code = first17 + usccCheckDigit(first17);
  if (!validateUscc(code).valid) throw new Error(`not a valid USCC: ${code}`);
  return code;
}

afterAll(closeBrowser);

describe('the registry, as the zone-wide statistician', () => {
  const statistician = signedIn(baseUrl, 'demo_statistician', () => inject('demoPassword'));

  it('search narrows the list, a park filter narrows it further, and a name opens the detail page with its tabs', { timeout: 120_000 }, async () => {
    const app = statistician();
    const { page } = app;
    const all = page.waitForResponse((r) => isList(r));
    await page.goto('/enterprises');
    await waitForText(page.getByTestId('page-title'), '企业库');
    const full = (await (await all).json()) as Page1;
    expect(full.total).toBeGreaterThanOrEqual(2_900);
    await waitForText(totalText(page), `共 ${full.total} 家企业`);
    await page.locator('[data-testid^="enterprise-row-"]').first().waitFor({ state: 'visible' });
    await screenshot(page, 'enterprises-list');

    // An active enterprise of the first page with a qualification: its trade name (字号, the two
    // characters after 北京示例) is the search fragment.
    const names = await columnTexts(page, 0);
    const parks = await columnTexts(page, 2);
    const statuses = await columnTexts(page, 7);
    const quals = await columnTexts(page, 8);
    const i = names.findIndex((n, k) => n.startsWith('北京示例') && statuses[k] === '在园' && quals[k] !== '—');
    expect(i, `an active enterprise with a qualification among ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
    const chosen = full.items.find((e) => e.name === names[i])!;
    expect(chosen).toBeTruthy();
    const park = parks[i]!;
    const fragment = chosen.name.slice(4, 6);
    expect(fragment).toMatch(/^\p{Script=Han}{2}$/u);

    await inputOf(page, 'enterprise-search').fill(fragment);
    const found = await search(page, (q) => q.get('q') === fragment);
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.total).toBeLessThan(full.total);
    expect(new URL(page.url()).searchParams.get('q')).toBe(fragment);
    await page.getByTestId(`enterprise-row-${chosen.uscc}`).waitFor({ state: 'visible' });
    // Every row shown matches: by its name, or (the search also covers them) by a former name.
    const shown = await columnTexts(page, 0);
    expect(shown.length).toBe(Math.min(found.total, 20));
    for (const e of found.items.filter((x) => !x.name.includes(fragment))) {
      const res = await page.request.get(`/api/enterprises/${e.id}`);
      const detail = (await res.json()) as { formerNames: string[] };
      expect(detail.formerNames.join('|'), `${e.name} matched “${fragment}”`).toContain(fragment);
    }
    expect(shown.filter((n) => n.includes(fragment)).length).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'enterprises-search');

    // The park filter, picked from the park tree: only that park's enterprises remain.
    await page.getByTestId('enterprise-filter-park').click();
    await page.keyboard.type(park);
    await openDropdown(page).locator('.ant-select-tree-node-content-wrapper').filter({ hasText: park }).first().click();
    const inPark = await search(page, (q) => q.get('q') === fragment && !!q.get('parkId'));
    expect(inPark.total).toBeGreaterThanOrEqual(1);
    expect(inPark.total).toBeLessThanOrEqual(found.total);
    expect(new Set(inPark.items.map((e) => e.parkId))).toEqual(new Set([chosen.parkId]));
    expect(new Set(await columnTexts(page, 2))).toEqual(new Set([park]));
    await screenshot(page, 'enterprises-search-park');

    // The detail page: header with the USCC, then each tab.
    await page.getByTestId(`enterprise-link-${chosen.uscc}`).click();
    await page.waitForURL((url) => url.pathname === `/enterprises/${chosen.id}`);
    await waitForText(page.getByTestId('page-title'), chosen.name);
    await waitForText(page.getByTestId('enterprise-uscc'), chosen.uscc);
    await waitForText(page.getByTestId('enterprise-header'), park);
    const profile = page.getByTestId('enterprise-profile');
    await waitForText(profile, chosen.uscc);
    await waitForText(profile, '法定代表人');
    await waitForText(profile, '注册资本');
    await screenshot(page, 'enterprise-detail-profile');

    await page.getByTestId('enterprise-tab-qualifications').click();
    const qualificationRows = page.locator('[data-testid="qualification-table"] [data-testid^="qualification-row-"]');
    await qualificationRows.first().waitFor({ state: 'visible' });
    // The list's first qualification tag names one of the rows.
    await waitForText(page.getByTestId('qualification-table'), quals[i]!.split(/\s+/)[0]!);
    await screenshot(page, 'enterprise-detail-qualifications');

    await page.getByTestId('enterprise-tab-status').click();
    await waitForText(page.getByTestId('enterprise-current-status'), '在园');
    await page.getByTestId('status-timeline').getByTestId('status-event-moved_in').first().waitFor({ state: 'visible' });
    await screenshot(page, 'enterprise-detail-status');

    // A seeded enterprise has no audit entries yet (the import below checks a filled history).
    await page.getByTestId('enterprise-tab-history').click();
    await waitForText(page.getByTestId('history-table'), '暂无变更记录');
    await screenshot(page, 'enterprise-detail-history-empty');

    // Back to the search the user came from.
    await page.getByTestId('enterprise-back').click();
    await page.waitForURL((url) => url.pathname === '/enterprises' && url.searchParams.get('q') === fragment && !!url.searchParams.get('parkId'));
    await waitForText(totalText(page), `共 ${inPark.total} 家企业`);
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  // Shared by the import and export tests.
  let headers: string[] = [];
  const companies = [
    { uscc: uscc(Number.parseInt(stamp.slice(-6), 36) % 90_000_000), name: `${prefix}甲智能科技有限公司`, capital: 500 },
    { uscc: uscc((Number.parseInt(stamp.slice(-6), 36) + 1) % 90_000_000), name: `${prefix}乙生物医药有限公司`, capital: 1200.5 },
    { uscc: uscc((Number.parseInt(stamp.slice(-6), 36) + 2) % 90_000_000), name: `${prefix}丙新材料有限公司`, capital: 80 },
  ];

  /** The three companies on the template's first sheet; the second one's capital as given. */
  async function workbook(secondCapital: string | number): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    ws.addRow(headers);
    companies.forEach((c, k) => {
      const values: Record<string, string | number> = {
        统一社会信用代码: c.uscc,
        企业名称: c.name,
        法定代表人: ['张三', '李四', '王五'][k]!,
        '注册资本（万元）': k === 1 ? secondCapital : c.capital,
        成立日期: `2021-0${k + 3}-15`,
        注册地址: `北京市昌平区科技园区示例路 ${k + 1} 号`,
        所属园区: '昌平园',
        行业代码: '6513',
        规上企业: '否',
        '从业人员（人）': 20 + k,
        联系人: '赵六',
        联系电话: `1391234567${k}`,
      };
      ws.addRow(headers.map((h) => values[h] ?? null));
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const isUpload = (r: Response) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/enterprises/imports';
  const count = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value');

  it('import: the template; a bad cell rejects the whole file; the corrected file is previewed and committed; the same file again changes nothing', { timeout: 180_000 }, async () => {
    const app = statistician();
    const { page } = app;
    await page.goto('/enterprises/import');
    await waitForText(page.getByTestId('page-title'), '批量导入');

    // The template, through the link, read with exceljs.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template-link').click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const twb = await readDownload(template);
    const sheet = twb.worksheets[0]!;
    expect(sheet.name).toBe('企业名录');
    headers = rowTexts(sheet, 1);
    expect(headers).toEqual(enterpriseColumns.map((c) => c.header));
    expect(headers[4]).toBe('注册资本（万元）');
    expect(twb.getWorksheet('填写说明')).toBeTruthy();
    await screenshot(page, 'import-upload');

    // Sheet row 3 (the second company) has text in 注册资本（万元） (column E).
    const bad = await workbook('壹佰万');
    const rejected = page.waitForResponse(isUpload);
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(file('企业名录-有错.xlsx', bad));
    expect((await rejected).status()).toBe(422);
    await page.getByTestId('import-rejected').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('import-nothing-stored'), '未保存任何数据');
    const errorRow = page.getByTestId('import-error-row-3-E');
    await waitForText(errorRow, '注册资本（万元）');
    await waitForText(errorRow, '应为数字');
    await waitForText(errorRow, '壹佰万');
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells.slice(1, 3)).toEqual(['3', 'E']);
    expect(await page.locator('[data-testid^="import-error-row-"]').count()).toBe(1);
    await waitForText(page.getByTestId('import-error-count'), '共 1 处问题');
    await screenshot(page, 'import-errors');

    // Nothing stored: no enterprise of the file exists.
    const none = await page.request.get(`/api/enterprises?q=${encodeURIComponent(prefix)}`);
    expect(none.status()).toBe(200);
    expect(((await none.json()) as Page1).total).toBe(0);
    for (const c of companies) expect(((await (await page.request.get(`/api/enterprises?q=${c.uscc}`)).json()) as Page1).total).toBe(0);

    // The corrected file, through the re-upload control: a preview of 3 new enterprises.
    const good = await workbook(1200.5);
    const previewed = page.waitForResponse(isUpload);
    await page.locator('[data-testid="import-reupload"] input[type=file]').setInputFiles(file('企业名录.xlsx', good));
    expect((await previewed).status()).toBe(201);
    await page.getByTestId('import-preview').waitFor({ state: 'visible' });
    await waitForText(count(page, 'import-count-created'), /^3$/);
    await waitForText(count(page, 'import-count-updated'), /^0$/);
    await waitForText(count(page, 'import-count-unchanged'), /^0$/);
    for (const [k, c] of companies.entries()) {
      const row = page.getByTestId(`import-change-row-${k + 2}`);
      await waitForText(row, c.uscc);
      await waitForText(row, c.name);
      await waitForText(row, '新增');
    }
    // Still nothing stored before the commit.
    expect(((await (await page.request.get(`/api/enterprises?q=${encodeURIComponent(prefix)}`)).json()) as Page1).total).toBe(0);
    await screenshot(page, 'import-preview');

    await page.getByTestId('import-commit').click();
    const committed = page.waitForResponse((r) => r.request().method() === 'POST' && /^\/api\/enterprises\/imports\/[^/]+\/commit$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-popover:visible').getByTestId('import-commit-ok').click();
    const res = await committed;
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    await page.getByTestId('import-result').waitFor({ state: 'visible' });
    await waitForText(page.getByTestId('import-result'), '导入完成');
    await waitForText(page.getByTestId('import-result-summary'), '新增 3 家，更新 0 家，0 家无变化。');
    await screenshot(page, 'import-result');

    // The search finds them.
    await page.getByTestId('import-back-to-list').click();
    await page.waitForURL((url) => url.pathname === '/enterprises');
    await inputOf(page, 'enterprise-search').fill(prefix);
    const listed = await search(page, (q) => q.get('q') === prefix);
    expect(listed.total).toBe(3);
    for (const c of companies) await waitForText(page.getByTestId(`enterprise-row-${c.uscc}`), c.name);
    expect(new Set(await columnTexts(page, 2))).toEqual(new Set(['昌平园']));
    await screenshot(page, 'import-found');

    // An imported enterprise's change history names the import.
    await page.getByTestId(`enterprise-link-${companies[1]!.uscc}`).click();
    await waitForText(page.getByTestId('page-title'), companies[1]!.name);
    await waitForText(page.getByTestId('enterprise-profile'), formatWan(1200.5));
    await page.getByTestId('enterprise-tab-history').click();
    await waitForText(page.getByTestId('history-table'), '批量导入（新建）');
    // The audit log names the actor by username.
    await waitForText(page.getByTestId('history-table'), 'demo_statistician');
    await screenshot(page, 'import-history');

    // The same file again: nothing to do.
    await page.goto('/enterprises/import');
    const again = page.waitForResponse(isUpload);
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(file('企业名录.xlsx', good));
    expect((await again).status()).toBe(201);
    await waitForText(page.getByTestId('import-unchanged'), '无变化');
    await waitForText(count(page, 'import-count-created'), /^0$/);
    await waitForText(count(page, 'import-count-updated'), /^0$/);
    await waitForText(count(page, 'import-count-unchanged'), /^3$/);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await screenshot(page, 'import-unchanged');
    expect(((await (await page.request.get(`/api/enterprises?q=${encodeURIComponent(prefix)}`)).json()) as Page1).total).toBe(3);
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });

  it('export: the filtered list downloads as the template’s columns with exactly the matching rows', { timeout: 120_000 }, async () => {
    const app = statistician();
    const { page } = app;
    expect(headers, 'the import test read the template').toHaveLength(enterpriseColumns.length);
    await page.goto('/enterprises');
    await waitForText(totalText(page), /共 \d+ 家企业/);
    await inputOf(page, 'enterprise-search').fill(prefix);
    const listed = await search(page, (q) => q.get('q') === prefix);
    expect(listed.total).toBe(3);

    const exportLink = page.getByTestId('enterprise-export');
    expect(new URL((await exportLink.getAttribute('href'))!, baseUrl).searchParams.get('q')).toBe(prefix);
    await screenshot(page, 'export-filtered');
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^enterprises-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await readDownload(download);
    const ws = wb.worksheets[0]!;
    expect(rowTexts(ws, 1)).toEqual(headers);
    const rows: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(headers.map((h, k) => [h, row.getCell(k + 1).text.trim()])));
    });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r['统一社会信用代码']).sort()).toEqual(companies.map((c) => c.uscc).sort());
    for (const c of companies) {
      const r = rows.find((x) => x['统一社会信用代码'] === c.uscc)!;
      expect(r['企业名称']).toBe(c.name);
      expect(r['所属园区']).toBe('昌平园');
      expect(r['行业代码']).toBe('6513');
      expect(Number(r['注册资本（万元）'])).toBe(c.capital);
    }
    expect(app.externalRequests).toEqual([]);
    app.assertClean();
  });
});
