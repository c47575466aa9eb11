import ExcelJS from 'exceljs';
import { groupGrowth, groupSums } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

const now = new Date('2026-11-20T02:00:00Z');
const P = '2026-10';
const PY = '2025-10';
let t: TestApp;
let stat: Session;
let haidianAdmin: Session;
let leader: Session;
let ent: Session;
type E = { id: string; uscc: string; name: string; parkId: string };
let haidian: E[];
let other: E[];
let haidianId: string;
let otherParkId: string;

const get = async (s: Session, url: string) => {
  const res = await t.app.inject(as(s, 'GET', url));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const put = (s: Session, period: string, rows: unknown[], extra: object = {}) => t.app.inject(as(s, 'PUT', `/api/statistics/reports/${period}`, { rows, ...extra }));

/** Waits until the pg-boss worker has refreshed every marked period. */
async function rollupsSettled() {
  for (let i = 0; i < 100; i++) {
    if ((await get(stat, '/api/statistics/rollups/status')).pending === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('rollups not refreshed within 10 s');
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  haidianAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  leader = await login(t.app, 'demo_leader', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  const parks = (await get(stat, '/api/parks')).items as { id: string; code: string; parentId: string | null }[];
  haidianId = parks.find((p) => p.code === 'ZGC-HD')!.id;
  otherParkId = parks.find((p) => p.parentId !== null && p.id !== haidianId)!.id;
  const list = async (parkId: string) => (await get(stat, `/api/enterprises?parkId=${parkId}&status=active&pageSize=10`)).items as E[];
  haidian = (await list(haidianId)).filter((e) => e.id !== ent.user.enterpriseId);
  other = await list(otherParkId);
});
afterAll(() => t.close());

describe('PUT /api/statistics/reports/:period', () => {
  it('stores every row, is idempotent, and the summary equals the formulas of DESIGN §6 (entrant, leaver, restated prior)', async () => {
    const [a, b, c] = haidian;
    const d = other[0]!;
    // Last year: A 100, B 200 (leaves), D 50. This year: A 150, C 80 (new), D 60 restating last year as 40.
    expect((await put(stat, PY, [{ uscc: a!.uscc, values: { revenue: 100 } }, { uscc: b!.uscc, values: { revenue: 200 } }, { uscc: d.uscc, values: { revenue: 50 } }])).statusCode).toBe(200);
    const rows = [
      { uscc: a!.uscc, values: { revenue: 150, tax: 10, vat_refund: 2, employees: 30 } },
      { uscc: c!.uscc, values: { revenue: 80, tax: 5, employees: 10 } },
      { uscc: d.uscc, values: { revenue: 60 }, prior: { revenue: 40 } },
    ];
    const first = await put(stat, P, rows);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 3, created: 3, updated: 0, unchanged: 0 });
    const again = await put(stat, P, rows);
    expect(again.json()).toMatchObject({ accepted: 3, created: 0, updated: 0, unchanged: 3 });

    await rollupsSettled();
    const zone = (await get(leader, `/api/statistics/summary?period=${P}&groupBy=zone&indicators=revenue,tax_incl_refund`)).rows[0];
    const expected = groupSums([{ value: 150, lastYear: 100 }, { value: 80 }, { value: 60, restatedPrior: 40, lastYear: 50 }], [100, 200, 50]);
    expect(zone.indicators.revenue.value).toBe(290);
    expect(zone.indicators.revenue.yoy).toBeCloseTo(groupGrowth(expected).yoy!, 10); // 290 / 350 − 1
    expect(zone.indicators.revenue.lfl).toBeCloseTo(0.5, 10); // (150 + 60) / (100 + 40) − 1
    expect(zone.indicators.tax_incl_refund.value).toBe(17); // derived: (10 + 2) + 5
    expect(zone.indicators.tax_incl_refund.yoy).toBeNull(); // no base last year

    const byPark = (await get(leader, `/api/statistics/summary?period=${P}&groupBy=park&indicators=revenue`)).rows as { key: string; indicators: { revenue: { value: number | null; yoy: number | null; rank: number | null } }; outputPerEmployee: number | null }[];
    const hd = byPark.find((r) => r.key === haidianId)!;
    expect(hd.indicators.revenue).toMatchObject({ value: 230, rank: 1 });
    expect(hd.indicators.revenue.yoy).toBeCloseTo(230 / 300 - 1, 10);
    expect(hd.outputPerEmployee).toBeCloseTo(230 / 40, 10);
    expect(byPark.find((r) => r.key === otherParkId)!.indicators.revenue).toMatchObject({ value: 60, rank: 2 });
    const analysis = await get(leader, `/api/statistics/analysis?period=${P}&groupBy=park&indicator=revenue`);
    expect(analysis.rows.slice(0, 2).map((r: { key: string }) => r.key)).toEqual([haidianId, otherParkId]); // rank order
    expect(analysis.rows[0]).toMatchObject({ rank: 1, enterprises: 2, month: null }); // no September figures: no 当月
    expect(analysis.rows[0].share).toBeCloseTo(230 / 290, 10);
    expect(analysis.total).toMatchObject({ value: 290, priorValue: 350, enterprises: 3 });
    // By qualification: the holders at each period's end, from the reports (A holds a kind of its own since 2020).
    expect((await t.app.inject(as(haidianAdmin, 'POST', '/api/qualification-kinds', { code: 'stat_test', name: '统计测试资质' }))).statusCode).toBe(201);
    expect((await t.app.inject(as(stat, 'POST', `/api/enterprises/${a!.id}/qualifications`, { kind: 'stat_test', validFrom: '2020-01-01' }))).statusCode).toBe(201);
    const byKind = (await get(leader, `/api/statistics/analysis?period=${P}&groupBy=qualification&indicator=revenue`)).rows.find((r: { key: string }) => r.key === 'stat_test');
    expect(byKind).toMatchObject({ name: '统计测试资质', value: 150, priorValue: 100, enterprises: 1 });
    expect(byKind.yoy).toBeCloseTo(0.5, 10);
    expect(byKind.lfl).toBeCloseTo(0.5, 10);
    // A park with no figures: value null, growth null (shown as —), never 0 or Infinity.
    const empty = byPark.find((r) => r.key !== haidianId && r.key !== otherParkId)!;
    expect(empty.indicators.revenue).toMatchObject({ value: null, yoy: null, rank: null });
  });

  it('422 with row and column for each bad value and nothing stored', async () => {
    const [, , , e, f] = haidian;
    const res = await put(stat, P, [
      { uscc: e!.uscc, values: { revenue: 10 } },
      { uscc: f!.uscc, values: { revenue: 'abc', tax: -1 } },
      { uscc: '91110000000000000X', values: { revenue: 1 } },
      { uscc: e!.uscc, values: { revenue: 11 } },
      { uscc: f!.uscc.replace(/.$/, ''), values: { tax_incl_refund: 3 } },
    ]);
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { row: number; column: string; message: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'values.revenue', message: expect.stringContaining('应为数字') }),
        expect.objectContaining({ row: 2, column: 'values.tax', message: expect.stringContaining('不能为负数') }),
        expect.objectContaining({ row: 3, column: 'uscc' }),
        expect.objectContaining({ row: 4, column: 'uscc', message: '与第 1 行是同一家企业' }),
        expect.objectContaining({ row: 5, column: 'values.tax_incl_refund', message: expect.stringContaining('由公式计算') }),
      ]),
    );
    const reporting = await get(stat, `/api/statistics/reporting?period=${P}&q=${e!.uscc}`);
    expect(reporting.items[0].state).toBe('missing');
    // The month is not over yet (the clock says 2026-11-20).
    const early = await put(stat, '2026-11', [{ uscc: e!.uscc, values: { revenue: 10 } }]);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toEqual(['period']);
  });

  it('a sub-park statistician cannot write or read another park', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const created = await t.app.inject(as(admin, 'POST', '/api/users', { username: 'hd_statistician', displayName: '海淀园统计员', password: 'Haidian-Stat-2025', roles: ['statistician'], parkIds: [haidianId] }));
    expect(created.statusCode, created.body).toBe(201);
    const hdStat = await login(t.app, 'hd_statistician', 'Haidian-Stat-2025');
    const outside = await put(hdStat, P, [{ uscc: haidian[5]!.uscc, values: { revenue: 7 } }, { uscc: other[1]!.uscc, values: { revenue: 1 } }]);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details).toEqual([expect.objectContaining({ row: 2, column: 'uscc', message: expect.stringContaining('不在您的权限范围内') })]);
    expect((await get(stat, `/api/statistics/reporting?period=${P}&q=${haidian[5]!.uscc}`)).items[0].state).toBe('missing'); // nothing stored
    expect((await t.app.inject(as(hdStat, 'GET', `/api/statistics/summary?period=${P}&parkId=${otherParkId}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(hdStat, 'GET', `/api/statistics/reporting?period=${P}&parkId=${otherParkId}`))).statusCode).toBe(404);
    const otherReport = (await get(stat, `/api/statistics/reporting?period=${P}&parkId=${otherParkId}&state=submitted`)).items[0].reportId;
    expect((await t.app.inject(as(hdStat, 'GET', `/api/statistics/reports/${otherReport}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(hdStat, 'POST', `/api/statistics/reports/${otherReport}/review`, { decision: 'accept' }))).statusCode).toBe(404);
    const own = (await get(hdStat, `/api/statistics/reporting?period=${P}`)).items as { parkName: string }[];
    expect(own.every((i) => i.parkName === '海淀园')).toBe(true);
    // Zone-wide actions are refused to a sub-park statistician.
    expect((await t.app.inject(as(hdStat, 'POST', `/api/statistics/periods/${P}/close`))).statusCode).toBe(403);

    const res = await put(haidianAdmin, P, [{ uscc: other[1]!.uscc, values: { revenue: 1 } }]);
    expect(res.statusCode).toBe(403); // the park admin has no statistics.write at all
    const ownScope = (await get(haidianAdmin, `/api/statistics/summary?period=${P}&groupBy=park&indicators=revenue`)).rows as { key: string }[];
    expect(ownScope.map((r) => r.key)).toEqual([haidianId]);
    expect((await t.app.inject(as(haidianAdmin, 'GET', `/api/statistics/summary?period=${P}&parkId=${otherParkId}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(haidianAdmin, 'GET', `/api/statistics/ranking?period=${P}&parkId=${otherParkId}`))).statusCode).toBe(404);
    const ranking = await get(haidianAdmin, `/api/statistics/ranking?period=${P}&indicator=revenue`);
    expect(ranking.items.every((i: { parkName: string }) => i.parkName === ranking.items[0].parkName)).toBe(true);
  });
});

describe('the enterprise portal', () => {
  it('reports its own month through the same checks, and cannot reach another enterprise', async () => {
    const id = ent.user.enterpriseId!;
    const form = await get(ent, `/api/statistics/enterprises/${id}/form?period=${P}`);
    expect(form.report).toBeNull();
    expect(form.indicators.some((i: { code: string }) => i.code === 'revenue')).toBe(true);
    const bad = await t.app.inject(as(ent, 'PUT', `/api/statistics/enterprises/${id}/reports/${P}`, { values: { revenue: -5 } }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ row: 1, column: 'revenue' });
    const ok = await t.app.inject(as(ent, 'PUT', `/api/statistics/enterprises/${id}/reports/${P}`, { values: { revenue: 321.5, employees: 12 } }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ enterpriseId: id, period: P, values: { revenue: 321.5, employees: 12 }, status: 'submitted', source: 'portal', version: 1 });
    const otherId = haidian[0]!.id;
    expect((await t.app.inject(as(ent, 'GET', `/api/statistics/enterprises/${otherId}/form?period=${P}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(ent, 'PUT', `/api/statistics/enterprises/${otherId}/reports/${P}`, { values: { revenue: 1 } }))).statusCode).toBe(404);
    expect((await t.app.inject(as(ent, 'PUT', `/api/statistics/reports/${P}`, { rows: [{ uscc: haidian[0]!.uscc, values: { revenue: 1 } }] }))).statusCode).toBe(403);
    expect((await t.app.inject(as(ent, 'GET', `/api/statistics/summary?period=${P}`))).statusCode).toBe(403);
  });
});

describe('review and periods', () => {
  it('returns with a comment, accepts, and a closed period only takes audited revisions', async () => {
    const a = haidian[0]!;
    const list = await get(stat, `/api/statistics/reporting?period=${P}&parkId=${haidianId}&state=submitted`);
    const item = list.items.find((i: { enterpriseId: string }) => i.enterpriseId === a.id);
    expect(item).toMatchObject({ state: 'submitted' });
    expect(list.counts.missing).toBeGreaterThan(0);
    const noComment = await t.app.inject(as(stat, 'POST', `/api/statistics/reports/${item.reportId}/review`, { decision: 'return' }));
    expect(noComment.statusCode).toBe(400);
    const returned = await t.app.inject(as(stat, 'POST', `/api/statistics/reports/${item.reportId}/review`, { decision: 'return', comment: '营业收入与税务数据不符' }));
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '营业收入与税务数据不符' });
    await rollupsSettled();
    const zone = (await get(leader, `/api/statistics/summary?period=${P}&groupBy=zone&indicators=revenue`)).rows[0];
    expect(zone.indicators.revenue.value).toBe(290 - 150 + 321.5); // A's returned report leaves the rollups; the portal report joined
    // A returned report is accepted only after it is reported again (the same figures count as a new version).
    expect((await t.app.inject(as(stat, 'POST', `/api/statistics/reports/${item.reportId}/review`, { decision: 'accept' }))).statusCode).toBe(409);
    expect((await put(stat, P, [{ uscc: a.uscc, values: { revenue: 150, tax: 10, vat_refund: 2, employees: 30 } }])).json()).toMatchObject({ updated: 1 });
    expect((await t.app.inject(as(stat, 'POST', `/api/statistics/reports/${item.reportId}/review`, { decision: 'accept' }))).json().status).toBe('accepted');

    expect((await t.app.inject(as(stat, 'POST', `/api/statistics/periods/${P}/close`))).json().status).toBe('closed');
    const refused = await put(stat, P, [{ uscc: a.uscc, values: { revenue: 155 } }]);
    expect(refused.statusCode).toBe(422);
    const revised = await put(stat, P, [{ uscc: a.uscc, values: { revenue: 155 } }], { revisionReason: '企业更正了营业收入' });
    expect(revised.json()).toMatchObject({ updated: 1, late: 1 });
    const detail = await get(stat, `/api/statistics/reports/${item.reportId}`);
    expect(detail.versions.map((v: { version: number; revision: boolean }) => [v.version, v.revision])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(detail.versions[0].reason).toBe('企业更正了营业收入');
    const portal = await t.app.inject(as(ent, 'PUT', `/api/statistics/enterprises/${ent.user.enterpriseId}/reports/${P}`, { values: { revenue: 1 }, revisionReason: '想改' }));
    expect(portal.statusCode).toBe(422); // enterprises cannot revise a closed period
    expect((await t.app.inject(as(stat, 'POST', `/api/statistics/periods/${P}/reopen`))).json().status).toBe('open');
  });
});

/** multipart/form-data with one file field. */
function upload(s: Session, url: string, buf: Buffer) {
  const boundary = '----zhiyuan-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="month.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, buf, tail]) });
}

describe('xlsx import', () => {
  async function filled(period: string, fill: (ws: ExcelJS.Worksheet) => void) {
    const res = await t.app.inject(as(stat, 'GET', `/api/statistics/import-template?period=${period}`));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    fill(wb.worksheets[0]!);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const column = (ws: ExcelJS.Worksheet, code: string) => (ws.getRow(1).values as string[]).findIndex((h) => typeof h === 'string' && h.endsWith(`[${code}]`));
  const rowOf = (ws: ExcelJS.Worksheet, uscc: string) => {
    let found = 0;
    ws.eachRow((r, n) => void (r.getCell(1).value === uscc && (found = n)));
    return found;
  };

  it('the template lists whom to collect from; a bad cell rejects the file with its cell; fixed, it imports once', async () => {
    const period = '2026-09';
    const target = other[2]!;
    const bad = await filled(period, (ws) => {
      const r = rowOf(ws, target.uscc);
      ws.getRow(r).getCell(column(ws, 'revenue')).value = 1200.5;
      ws.getRow(r).getCell(column(ws, 'employees')).value = '十二';
    });
    const rejected = await upload(stat, `/api/statistics/imports?period=${period}`, bad);
    expect(rejected.statusCode).toBe(422);
    const problem = rejected.json().error.details[0];
    expect(problem).toMatchObject({ sheet: '月报', message: expect.stringContaining('应为数字') });
    expect(problem.row).toBeGreaterThan(1);
    expect(problem.column).toMatch(/^[A-Z]+$/);

    const good = await filled(period, (ws) => {
      const r = rowOf(ws, target.uscc);
      ws.getRow(r).getCell(column(ws, 'revenue')).value = 1200.5;
      ws.getRow(r).getCell(column(ws, 'employees')).value = 12;
    });
    const dry = await upload(stat, `/api/statistics/imports?period=${period}&dryRun=true`, good);
    expect(dry.json()).toMatchObject({ accepted: 1, created: 1 });
    expect((await get(stat, `/api/statistics/reporting?period=${period}&q=${target.uscc}`)).items[0].state).toBe('missing');
    expect((await upload(stat, `/api/statistics/imports?period=${period}`, good)).json()).toMatchObject({ accepted: 1, created: 1 });
    expect((await upload(stat, `/api/statistics/imports?period=${period}`, good)).json()).toMatchObject({ accepted: 1, unchanged: 1 });
  });

  it('one answer lists a formula in a cell and an enterprise twice, each at its cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月报');
    ws.addRow(['统一社会信用代码', '营业收入（万元）[revenue]']);
    ws.addRow([other[3]!.uscc, { formula: '1+1', result: 2 }]);
    ws.addRow([other[4]!.uscc, 5]);
    ws.addRow([other[4]!.uscc, 6]);
    const res = await upload(stat, `/api/statistics/imports?period=2026-09`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ row: 2, column: 'B', message: expect.stringContaining('公式') }),
      expect.objectContaining({ row: 4, column: 'A', message: '与第 3 行是同一家企业' }),
    ]);
  });

  it('an outdated template (unknown code or a changed unit) is refused at its header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月报');
    ws.addRow(['统一社会信用代码', '营业收入（元）[revenue]', '旧指标（万元）[old_code]']);
    ws.addRow([other[3]!.uscc, 1, 2]);
    const res = await upload(stat, `/api/statistics/imports?period=2026-09`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ row: 1, column: 'B', message: expect.stringContaining('单位现为“万元”') }),
      expect.objectContaining({ row: 1, column: 'C', message: expect.stringContaining('old_code') }),
    ]);
  });
});

describe('exports', () => {
  it('analysis, ranking and the monthly bulletin download as workbooks with the figures', async () => {
    const analysis = await t.app.inject(as(leader, 'GET', `/api/statistics/analysis/export?period=${P}&groupBy=park&indicator=revenue`));
    expect(analysis.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(analysis.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const names: unknown[] = [];
    sheet.eachRow((r) => names.push(r.getCell(1).value));
    expect(names).toContain('海淀园');
    expect(names.at(-1)).toBe('合计');
    const bulletin = await t.app.inject(as(leader, 'GET', `/api/statistics/bulletin?period=${P}`));
    expect(bulletin.statusCode).toBe(200);
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(bulletin.rawPayload as unknown as ArrayBuffer);
    expect(b.worksheets.map((w) => w.name)).toEqual(['表1 主要指标', '表2 分园区营业收入', '表3 分行业营业收入', '表4 规上与规下企业', '表5 营业收入前25', '表6 营业收入降幅前25']);
    expect((await t.app.inject(as(stat, 'GET', `/api/statistics/ranking/export?period=${P}&by=change&order=asc`))).statusCode).toBe(200);
  });
});
