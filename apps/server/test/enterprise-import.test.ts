import ExcelJS from 'exceljs';
import { enterpriseColumns } from '@zhiyuan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { uscc } from './fixtures';
import { multipartFile } from './multipart';

const now = new Date('2026-11-20T02:00:00Z');
let t: TestApp;
let stat: Session;
let haidianAdmin: Session;
let leader: Session;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  await login(t.app, 'admin', ADMIN_PASSWORD);
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  haidianAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
  leader = await login(t.app, 'demo_leader', DEMO_PASSWORD);
});
afterAll(() => t.close());

type Row = Record<string, string | number | boolean | Date | { formula: string } | null>;
const headers = enterpriseColumns.map((c) => c.header);

/** A workbook whose first sheet has the template's headers (or the given ones) and these rows. */
async function workbook(rows: Row[], opts: { headers?: string[]; merge?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  const hs = opts.headers ?? headers;
  ws.addRow(hs);
  for (const r of rows) ws.addRow(hs.map((h) => r[enterpriseColumns.find((c) => c.header === h)?.key ?? h] ?? null));
  if (opts.merge) ws.mergeCells(opts.merge);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(s: Session, buf: Buffer, filename = 'enterprises.xlsx') {
  const { payload, contentType } = multipartFile(filename, buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return t.app.inject({ method: 'POST', url: '/api/enterprises/imports', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });
}

const row = (serial: number, extra: Row = {}): Row => ({ uscc: uscc(serial, '110114'), name: `导入示例${serial}有限公司`, park: '昌平园', industryCode: '6513', registeredCapital: 500, establishedOn: '2018-06-01', aboveScale: '否', headcount: 40, contactName: '王五', contactPhone: '13900002222', tags: '新入驻；重点企业', movedInOn: '2019-01-01', ...extra });

async function previewAndCommit(s: Session, buf: Buffer) {
  const preview = await upload(s, buf);
  expect(preview.statusCode, preview.body).toBe(201);
  const commit = await t.app.inject(as(s, 'POST', `/api/enterprises/imports/${preview.json().id}/commit`));
  expect(commit.statusCode, commit.body).toBe(200);
  return { preview: preview.json(), result: commit.json() };
}

const count = async (q: string) => (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${encodeURIComponent(q)}`))).json().total as number;

describe('import', () => {
  it('one bad row rejects the whole file with row, column and a Chinese message; nothing is stored', async () => {
    const res = await upload(stat, await workbook([row(1), row(2, { registeredCapital: '五百万' }), row(3)]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_REJECTED');
    expect(res.json().error.details).toEqual([expect.objectContaining({ sheet: '企业名录', row: 3, column: 'E', message: expect.stringContaining('注册资本') })]);
    expect(await count('导入示例')).toBe(0);
  });

  it('previews creates, commits them all at once; the same file again changes nothing', async () => {
    const file = await workbook([row(1), row(2), row(3)]);
    const { preview, result } = await previewAndCommit(stat, file);
    expect(preview).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, status: 'previewed' });
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await count('导入示例')).toBe(3);
    const list = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${uscc(1, '110114')}`))).json().items[0];
    const e = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${list.id}`))).json();
    expect(e).toMatchObject({ registeredCapital: 500, establishedOn: '2018-06-01', headcount: 40, tags: ['新入驻', '重点企业'], contacts: [{ name: '王五', phone: '13900002222', primary: true }] });
    expect((await t.app.inject(as(stat, 'GET', `/api/enterprises/${list.id}/status-events`))).json().items[0]).toMatchObject({ kind: 'moved_in', on: '2019-01-01' });

    const again = await previewAndCommit(stat, file);
    expect(again.preview).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.result).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const history = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${list.id}/history`))).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['enterprise.import.create']);
    // The import's entries joined the hash chain in one batch; the chain still verifies.
    const auditor = await login(t.app, 'demo_auditor', DEMO_PASSWORD);
    expect((await t.app.inject(as(auditor, 'GET', '/api/audit/verify'))).json()).toMatchObject({ ok: true });
  });

  it('updates by USCC: blank cells leave fields alone; the preview lists field changes; an export imports back unchanged', async () => {
    const preview = (await upload(stat, await workbook([{ uscc: uscc(1, '110114'), headcount: 55, aboveScale: '是' }], { headers: ['统一社会信用代码', '从业人员（人）', '规上企业'] }))).json();
    expect(preview).toMatchObject({ created: 0, updated: 1 });
    const changes = (await t.app.inject(as(stat, 'GET', `/api/enterprises/imports/${preview.id}/changes?action=update`))).json();
    expect((await t.app.inject(as(stat, 'POST', `/api/enterprises/imports/${preview.id}/commit`))).json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(changes.items[0].fields).toEqual([
      { field: 'aboveScale', label: '规上企业', before: '否', after: '是' },
      { field: 'headcount', label: '从业人员（人）', before: 40, after: 55 },
    ]);
    const id = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${uscc(1, '110114')}`))).json().items[0].id;
    expect((await t.app.inject(as(stat, 'GET', `/api/enterprises/${id}`))).json()).toMatchObject({ headcount: 55, aboveScale: true, registeredCapital: 500, name: '导入示例1有限公司' });

    const exported = await t.app.inject(as(stat, 'GET', `/api/enterprises/export?q=${encodeURIComponent('导入示例')}`));
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const back = await upload(stat, exported.rawPayload);
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json()).toMatchObject({ rows: 3, unchanged: 3, created: 0, updated: 0 });
  });

  it('a commit after someone changed a row since the preview is 409; a committed batch cannot be committed twice', async () => {
    const preview = (await upload(stat, await workbook([{ uscc: uscc(2, '110114'), headcount: 77 }], { headers: ['统一社会信用代码', '从业人员（人）'] }))).json();
    const id = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${uscc(2, '110114')}`))).json().items[0].id;
    await t.app.inject(as(stat, 'PATCH', `/api/enterprises/${id}`, { headcount: 60 }));
    const stale = await t.app.inject(as(stat, 'POST', `/api/enterprises/imports/${preview.id}/commit`));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('第 2 行');
    const fresh = await previewAndCommit(stat, await workbook([{ uscc: uscc(2, '110114'), headcount: 77 }], { headers: ['统一社会信用代码', '从业人员（人）'] }));
    expect((await t.app.inject(as(stat, 'POST', `/api/enterprises/imports/${fresh.preview.id}/commit`))).statusCode).toBe(409);
  });

  it('rejects wrong headers, merged cells, formulas, text in number columns, duplicate USCCs, a missing required cell, an out-of-scope park', async () => {
    const cases: [Buffer, Session, { row: number; column: string; message: string }][] = [
      [await workbook([row(10)], { headers: ['信用代码', '企业名称'] }), stat, { row: 1, column: 'A', message: '未知的列' }],
      [await workbook([row(10), row(11)], { merge: 'B2:B3' }), stat, { row: 2, column: 'B', message: '合并' }],
      [await workbook([row(10, { headcount: { formula: '1+1' } })]), stat, { row: 2, column: 'P', message: '公式' }],
      [await workbook([row(10, { headcount: '四十' })]), stat, { row: 2, column: 'P', message: '应为数字' }],
      [await workbook([row(10), row(10)]), stat, { row: 3, column: 'A', message: '与第 2 行重复' }],
      [await workbook([row(12, { name: null })]), stat, { row: 2, column: 'B', message: '必填' }],
      [await workbook([row(13)]), haidianAdmin, { row: 2, column: 'I', message: '不在您的权限范围内' }],
    ];
    for (const [buf, who, expected] of cases) {
      const res = await upload(who, buf);
      expect(res.statusCode, expected.message).toBe(422);
      expect(res.json().error.details, expected.message).toContainEqual(expect.objectContaining({ row: expected.row, column: expected.column, message: expect.stringContaining(expected.message) }));
    }
    // Columns matched by header in another order: a problem names the file's own column.
    const reordered = await upload(stat, await workbook([{ ...row(14), park: '不存在园' }], { headers: ['所属园区', '统一社会信用代码', '企业名称', '行业代码'] }));
    expect(reordered.json().error.details).toEqual([expect.objectContaining({ row: 2, column: 'A', message: '园区“不存在园”不存在' })]);
    expect(await count('导入示例1')).toBe(1); // only 导入示例1 from before; none of 10–14
  });

  it('refuses a file that is not an xlsx (400) and one over 20 MB (413); a role without import is 403', async () => {
    const pdf = await upload(stat, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n'), 'report.xlsx');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toMatch(/PDF|xlsx|Excel/);
    const big = await upload(stat, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect((await upload(leader, await workbook([row(20)]))).statusCode).toBe(403);
  });

  it('the template downloads with the headers the import expects', async () => {
    const res = await t.app.inject(as(stat, 'GET', '/api/enterprises/import-template'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业名录', '填写说明']);
  });

  it('exports neutralise formula injection: a name starting with = is written as text', async () => {
    await previewAndCommit(stat, await workbook([row(30, { name: '=HYPERLINK("http://evil","x")' })]));
    const res = await t.app.inject(as(stat, 'GET', `/api/enterprises/export?q=${uscc(30, '110114')}`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(String(cell.value)).toBe(`'=HYPERLINK("http://evil","x")`);
  });
});
