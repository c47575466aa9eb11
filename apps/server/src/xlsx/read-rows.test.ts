import { describe, expect, it } from 'vitest';
import { ImportProblems, ImportRejectedError, XlsxFileError } from './import-errors';
import { inspectXlsx } from './inspect';
import { MESSAGES, readRows, type ReadRowsOptions, type SheetRow } from './read-rows';
import { minimalXlsx, writeWorkbook } from './test-workbooks';

async function rowsOf(buf: Buffer, options?: ReadRowsOptions): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of readRows(buf, options)) rows.push(r);
  return rows;
}

async function rejection(buf: Buffer, options?: ReadRowsOptions): Promise<ImportRejectedError> {
  const err = await rowsOf(buf, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRejectedError);
  expect(err).toMatchObject({ code: 'IMPORT_REJECTED', status: 422 });
  return err as ImportRejectedError;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readRows', () => {
  it('reads strings, numbers, dates, booleans, rich text, shared strings and hyperlinks as plain values', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('企业名录');
      ws.addRow(['统一社会信用代码', '企业名称', '注册资本（万元）', '成立日期', '规上企业', '备注', '网址']).commit();
      ws.addRow(['91110108MA01ABCD2X', '示例科技有限公司', 1234.5678, day(2019, 3, 14), true, { richText: [{ text: '重点' }, { text: '企业', font: { bold: true } }] }, { text: '官网', hyperlink: 'https://example.com' }]).commit();
      ws.addRow(['91110108MA01ABCE0Y', '示例科技有限公司', 0, day(1999, 12, 31), false, null, null]).commit(); // the name again: one shared string
    });
    expect(await rowsOf(buf)).toEqual([
      { sheet: '企业名录', row: 1, blank: false, cells: ['统一社会信用代码', '企业名称', '注册资本（万元）', '成立日期', '规上企业', '备注', '网址'] },
      { sheet: '企业名录', row: 2, blank: false, cells: ['91110108MA01ABCD2X', '示例科技有限公司', 1234.5678, day(2019, 3, 14), true, '重点企业', '官网'] },
      { sheet: '企业名录', row: 3, blank: false, cells: ['91110108MA01ABCE0Y', '示例科技有限公司', 0, day(1999, 12, 31), false] },
    ]);
  });

  it('reads a workbook without shared strings (inline strings, as our exports are written)', async () => {
    const buf = await writeWorkbook((wb) => wb.addWorksheet('S').addRow(['甲', 1, day(2024, 1, 15)]).commit(), { useSharedStrings: false });
    expect(await rowsOf(buf)).toEqual([{ sheet: 'S', row: 1, blank: false, cells: ['甲', 1, day(2024, 1, 15)] }]);
  });

  it('yields blank rows between data rows, skips blank rows at the end', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['表头']).commit();
      ws.addRow([' ', null]).commit(); // only spaces: blank
      ws.getRow(4).getCell(2).value = 'B4';
      ws.getRow(4).commit();
      ws.getRow(5).getCell(1).value = '   ';
      ws.getRow(5).commit();
      ws.getRow(9).getCell(1).style = { font: { bold: true } }; // formatted but empty
      ws.getRow(9).commit();
    });
    expect(await rowsOf(buf)).toEqual([
      { sheet: 'S', row: 1, blank: false, cells: ['表头'] },
      { sheet: 'S', row: 2, blank: true, cells: [] },
      { sheet: 'S', row: 3, blank: true, cells: [] },
      { sheet: 'S', row: 4, blank: false, cells: [null, 'B4'] },
    ]);
  });

  it('refuses formulas — plain and shared — and error values, cell by cell, never their cached results', async () => {
    const buf = minimalXlsx({
      sheets: [
        {
          name: '数据',
          xml:
            '<sheetData>' +
            '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c></row>' +
            '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>6</v></c></row>' +
            '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c></row>' +
            '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="C4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
            '</sheetData>',
        },
      ],
    });
    const err = await rejection(buf);
    expect(err.details).toEqual([
      { sheet: '数据', row: 1, column: 'B', message: '单元格包含公式，请粘贴为数值后再导入' },
      { sheet: '数据', row: 2, column: 'B', message: MESSAGES.formula },
      { sheet: '数据', row: 3, column: 'B', message: MESSAGES.formula },
      { sheet: '数据', row: 4, column: 'A', message: '单元格是错误值 #N/A，请修正后再导入' },
      { sheet: '数据', row: 4, column: 'C', message: MESSAGES.formula },
    ]);
    expect(err.message).toBe('导入文件有 5 处问题，未导入任何数据。第一处：工作表“数据”第 1 行 B 列：单元格包含公式，请粘贴为数值后再导入');
  });

  it('with a caller-owned problem list: yields every row (refused cells as null) and leaves the verdict to the caller', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow([1, { formula: 'A1+1', result: 2 }]).commit();
      ws.addRow([{ formula: 'A1*3', result: 3 }]).commit();
    });
    const problems = new ImportProblems();
    const rows = await rowsOf(buf, { problems });
    expect(rows).toEqual([
      { sheet: 'S', row: 1, blank: false, cells: [1, null] },
      { sheet: 'S', row: 2, blank: false, cells: [null] },
    ]);
    expect(problems.list.map((p) => `${p.column}${p.row}`)).toEqual(['B1', 'A2']);
    problems.add({ sheet: 'S', row: 2, column: 'C', message: 'importer: 必填' });
    expect(() => problems.throwIfAny()).toThrow(ImportRejectedError);
  });

  it('caps the list of problems and counts the rest', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 1; i <= 300; i++) ws.addRow([{ formula: `ROW()*${i}`, result: i }]).commit();
    });
    const err = await rejection(buf);
    expect(err.details).toHaveLength(200);
    expect(err.total).toBe(300);
    expect(err.message).toMatch(/^导入文件有 300 处问题，未导入任何数据（仅列出前 200 处）/);
  });

  it('refuses merged cells in the sheet read, before any row, naming sheet and range', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('企业名录');
      ws.addRow(['a', 'b', 'c']).commit();
      ws.mergeCells('B3:D4');
      ws.getCell('B3').value = 'merged';
      const help = wb.addWorksheet('填写说明');
      help.mergeCells('A1:F1');
      help.getCell('A1').value = '说明';
    });
    let yielded = 0;
    const err = await (async () => {
      for await (const _ of readRows(buf)) yielded++;
    })().catch((e: unknown) => e);
    expect(yielded).toBe(0);
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect((err as ImportRejectedError).details).toEqual([{ sheet: '企业名录', row: 3, column: 'B', message: '合并单元格 B3:D4：导入文件不能包含合并单元格，请取消合并后再导入' }]);
  });

  it('picks a sheet by name or 0-based position; the first visible one by default', async () => {
    const buf = minimalXlsx({
      sheets: [
        { name: '代码表', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData>' },
        { name: '企业名录', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>first visible</t></is></c></row></sheetData>' },
        { name: '说明', path: 'xl/worksheets/notes.xml', xml: '<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData>' },
      ],
      sharedStrings: ['说明文字'],
    });
    expect((await rowsOf(buf))[0]!.cells).toEqual(['first visible']);
    expect((await rowsOf(buf, { sheet: 0 }))[0]!.cells).toEqual(['hidden']);
    // A part exceljs would not recognise (notes.xml) is read under the name it expects.
    expect(await rowsOf(buf, { sheet: '说明' })).toEqual([
      { sheet: '说明', row: 1, blank: true, cells: [] },
      { sheet: '说明', row: 2, blank: false, cells: [null, '说明文字'] },
    ]);
    expect((await rejection(buf, { sheet: '企业' })).details).toEqual([{ sheet: '企业', row: 0, column: '', message: '找不到工作表“企业”' }]);
  });

  it('recognises dates in the built-in Chinese formats (numFmtId 31: yyyy"年"m"月"d"日") and custom ones', async () => {
    const buf = minimalXlsx({
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" s="2"><v>45306</v></c><c r="C1" s="3"><v>45306.5</v></c><c r="D1"><v>45306</v></c></row></sheetData>' }],
      numFmts: '<numFmt numFmtId="176" formatCode="yyyy/mm/dd;@"/>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/>',
    });
    expect((await rowsOf(buf))[0]!.cells).toEqual([day(2019, 3, 14), day(2024, 1, 15), new Date(Date.UTC(2024, 0, 15, 12)), 45306]);
  });

  it('honours the 1904 date system of the workbook', async () => {
    const buf = minimalXlsx({ date1904: true, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43844</v></c></row></sheetData>' }], cellXfs: '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>' });
    expect((await rowsOf(buf))[0]!.cells).toEqual([day(2024, 1, 15)]);
  });

  it('decodes Excel’s _xHHHH_ escapes and refuses control characters', async () => {
    const buf = minimalXlsx({
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>' }],
      sharedStrings: ['第一行_x000D_\n第二行', '_x005F_x000D_ 原样', '响铃_x0007_'],
    });
    const problems = new ImportProblems();
    expect((await rowsOf(buf, { problems }))[0]!.cells).toEqual(['第一行\r\n第二行', '_x000D_ 原样', null]);
    expect(problems.list).toEqual([{ sheet: 'S', row: 1, column: 'C', message: MESSAGES.control }]);
  });

  it('refuses a sheet exceljs would misread (inline rich text, ISO dates) instead of returning wrong values', async () => {
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row></sheetData>' }] });
    expect((await rejection(buf)).details).toEqual([{ sheet: 'S', row: 0, column: '', message: expect.stringContaining('内联富文本') }]);
  });

  it('refuses rows beyond maxRows', async () => {
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="11"><c r="A11"><v>1</v></c></row></sheetData>' }] });
    expect((await rejection(buf, { maxRows: 10 })).details).toEqual([{ sheet: 'S', row: 11, column: '', message: '工作表超过 10 行，请拆分后分批导入' }]);
  });

  it('inspects before parsing: a file that is no xlsx is a 400, not a parser crash', async () => {
    const err = await rowsOf(Buffer.from('%PDF-1.4')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxFileError);
    expect(err).toMatchObject({ code: 'INVALID_FILE', status: 400, reason: 'NOT_XLSX' });
  });

  it('turns broken sheet XML into a 400', async () => {
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></sheetData>' }] });
    const err = await rowsOf(buf).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_FILE', reason: 'CORRUPT', message: expect.stringContaining('工作表内容无法解析') });
  });

  it('reuses an inspection of the same buffer, and lets the caller stop early', async () => {
    const buf = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 1; i <= 1000; i++) ws.addRow([i, `行 ${i}`]).commit();
    });
    const inspection = await inspectXlsx(buf);
    let n = 0;
    for await (const r of readRows(buf, { inspection })) if (++n === 10 || r.row === 10) break;
    expect(n).toBe(10);
  });
});
