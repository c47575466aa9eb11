import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEnterprises } from '../../../scripts/gen-enterprises';
import { writeWorkbook } from '../src/xlsx/test-workbooks';
import { DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';

const ROWS = 10_000;
const P = '2026-10';
let t: TestApp;
let stat: Session;
let usccs: string[];

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-20T02:00:00Z') });
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  await loadEnterprises(t.database.pool, { count: ROWS, seed: 11, rebuildIndexes: false });
  usccs = (await t.database.pool.query<{ uscc: string }>(`SELECT uscc FROM enterprises ORDER BY uscc LIMIT ${ROWS}`)).rows.map((r) => r.uscc);
}, 120_000);
afterAll(() => t.close());

async function month(bad?: { index: number; value: string }): Promise<Buffer> {
  const template = await t.app.inject(as(stat, 'GET', '/api/statistics/import-template'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const headers = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
  const at = (code: string) => headers.findIndex((h) => h.endsWith(`[${code}]`));
  return writeWorkbook((w) => {
    const ws = w.addWorksheet('月报');
    ws.addRow(headers).commit();
    usccs.forEach((uscc, i) => {
      const cells: (string | number | null)[] = headers.map(() => null);
      cells[0] = uscc;
      cells[at('revenue')] = 100 + i;
      cells[at('tax')] = bad?.index === i ? bad.value : 5;
      cells[at('employees')] = 10;
      ws.addRow(cells).commit();
    });
  });
}

function upload(buf: Buffer) {
  const boundary = '----zhiyuan-scale-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="month.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return t.app.inject({ method: 'POST', url: `/api/statistics/imports?period=${P}`, headers: { cookie: stat.cookie, 'x-csrf-token': stat.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, buf, Buffer.from(`\r\n--${boundary}--\r\n`)]) });
}
const stored = async () => (await t.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM stat_reports')).rows[0]!.n;

it('a 10,000-row month with one bad cell stores nothing; fixed, all 10,000 land and roll up', async () => {
  const rejected = await upload(await month({ index: 7_776, value: '约五万' }));
  expect(rejected.statusCode).toBe(422);
  expect(rejected.json().error.details).toEqual([expect.objectContaining({ sheet: '月报', row: 7_778, message: expect.stringContaining('应为数字') })]);
  expect(await stored()).toBe(0);

  const accepted = await upload(await month());
  expect(accepted.statusCode, accepted.body).toBe(200);
  expect(accepted.json()).toMatchObject({ accepted: ROWS, created: ROWS });
  expect(await stored()).toBe(ROWS);
  for (let i = 0; i < 200 && (await t.app.inject(as(stat, 'GET', '/api/statistics/rollups/status'))).json().pending > 0; i++) await new Promise((r) => setTimeout(r, 100));
  const zone = (await t.app.inject(as(stat, 'GET', `/api/statistics/summary?period=${P}&groupBy=zone&indicators=revenue,employees`))).json().rows[0];
  expect(zone.indicators.revenue.value).toBe(ROWS * 100 + (ROWS * (ROWS - 1)) / 2); // Σ (100 + i)
  expect(zone.indicators.employees.value).toBe(ROWS * 10);
}, 120_000);
