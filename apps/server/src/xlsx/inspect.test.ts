import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, XlsxFileError, type XlsxFileReason } from './import-errors';
import { inspectXlsx } from './inspect';
import { minimalXlsx, writeWorkbook, zerosDeflated, zipOf } from './test-workbooks';

async function refusal(buf: Buffer, limits?: Parameters<typeof inspectXlsx>[1]): Promise<XlsxFileError> {
  const err = await inspectXlsx(buf, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(XlsxFileError);
  const e = err as XlsxFileError;
  expect(e.code).toBe('INVALID_FILE');
  expect(e.status).toBe(400);
  return e;
}

async function expectRefused(buf: Buffer, reason: XlsxFileReason, message: RegExp, limits?: Parameters<typeof inspectXlsx>[1]) {
  const e = await refusal(buf, limits);
  expect(e.reason).toBe(reason);
  expect(e.message).toMatch(message);
}

const sheetXml = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
const CONTENT_TYPES = { name: '[Content_Types].xml', data: '<Types/>' };

describe('inspectXlsx', () => {
  it('describes a workbook written by exceljs: sheets in tab order, their parts, merged ranges', async () => {
    const buf = await writeWorkbook((wb) => {
      wb.addWorksheet('企业名录').addRow(['统一社会信用代码', '企业名称']).commit();
      const help = wb.addWorksheet('填写说明');
      help.mergeCells('A1:D1');
      help.mergeCells('B3:B5');
      help.getCell('A1').value = '说明';
      const hidden = wb.addWorksheet('代码表', { state: 'hidden' });
      hidden.addRow(['x']).commit();
    });
    const inspection = await inspectXlsx(buf);
    expect(inspection.sheets.map(({ name, path, state, kind, mergedRanges, mergedCount, unreadable }) => ({ name, path, state, kind, mergedRanges, mergedCount, unreadable }))).toEqual([
      { name: '企业名录', path: 'xl/worksheets/sheet1.xml', state: 'visible', kind: 'worksheet', mergedRanges: [], mergedCount: 0, unreadable: [] },
      { name: '填写说明', path: 'xl/worksheets/sheet2.xml', state: 'visible', kind: 'worksheet', mergedRanges: ['A1:D1', 'B3:B5'], mergedCount: 2, unreadable: [] },
      { name: '代码表', path: 'xl/worksheets/sheet3.xml', state: 'hidden', kind: 'worksheet', mergedRanges: [], mergedCount: 0, unreadable: [] },
    ]);
    expect(inspection.xmlBytes).toBeGreaterThan(1000);
  });

  it('finds <mergeCell> elements split across inflate chunks', async () => {
    // 5,000 merges (~150 KB of XML) cross several 128 KB output chunks; only the first 200 are listed.
    const merges = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: `${sheetXml}<mergeCells count="5000">${merges}</mergeCells>` }] });
    const [sheet] = (await inspectXlsx(buf)).sheets;
    expect(sheet!.mergedCount).toBe(5000);
    expect(sheet!.mergedRanges).toHaveLength(200);
    expect(sheet!.mergedRanges[199]).toBe('A399:B399');
  });

  it('resolves sheets through the workbook relationships, absolute targets included', async () => {
    const buf = minimalXlsx({ sheets: [{ name: '数据', xml: sheetXml, path: 'xl/worksheets/data.xml', target: '/xl/worksheets/data.xml' }] });
    expect((await inspectXlsx(buf)).sheets.map((s) => s.path)).toEqual(['xl/worksheets/data.xml']);
  });

  it('marks sheets that exceljs would read wrongly', async () => {
    const buf = minimalXlsx({
      sheets: [
        { name: 'iso', xml: '<sheetData><row r="1"><c r="A1" t="d"><v>2024-01-15T00:00:00Z</v></c></row></sheetData>' },
        { name: 'rich', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row></sheetData>' },
        { name: 'prefixed', xml: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>` },
        { name: 'plain', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>文本</t></is></c></row></sheetData>' },
      ],
    });
    const [iso, rich, prefixed, plain] = (await inspectXlsx(buf)).sheets;
    expect(iso!.unreadable).toEqual([expect.stringContaining('ISO 格式存储的日期')]);
    expect(rich!.unreadable).toEqual([expect.stringContaining('内联富文本')]);
    expect(prefixed!.unreadable).toEqual([expect.stringContaining('命名空间前缀')]);
    expect(plain!.unreadable).toEqual([]);
  });

  describe('another file renamed .xlsx', () => {
    it('a PDF', () => expectRefused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'NOT_XLSX', /不是 Excel 工作簿.*PDF/));
    it('a CSV (GBK or UTF-8 text)', () => expectRefused(Buffer.from('统一社会信用代码,企业名称\n91110108MA01ABCD2X,示例科技有限公司\n'), 'NOT_XLSX', /文本或 CSV/));
    it('an old .xls (OLE compound file)', () => expectRefused(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), 'NOT_XLSX', /Excel 97-2003 \(\.xls\)/));
    it('a password-protected xlsx (OLE with an EncryptedPackage stream)', () =>
      expectRefused(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]), 'ENCRYPTED', /打开密码/));
    it('an HTML table saved as .xls/.xlsx', () => expectRefused(Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'NOT_XLSX', /HTML/));
    it('an empty file', () => expectRefused(Buffer.alloc(0), 'NOT_XLSX', /文件是空的/));
    it('a Word document', () => expectRefused(zipOf([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>' }]), 'NOT_XLSX', /Word 文档/));
    it('a plain zip', () => expectRefused(zipOf([{ name: 'readme.txt', data: 'hello' }]), 'NOT_XLSX', /普通的 ZIP 压缩包/));
  });

  it('refuses a truncated upload', async () => {
    const buf = await writeWorkbook((wb) => wb.addWorksheet('S').addRow(['a', 1]).commit());
    await expectRefused(buf.subarray(0, Math.floor(buf.length / 2)), 'CORRUPT', /文件可能被截断/);
  });

  it('refuses an entry whose data does not match its CRC', async () => {
    const good = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }] });
    const bad = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra: [{ name: 'docProps/app.xml', data: '<Properties/>', method: 0, crc: 12345 }] });
    await expect(inspectXlsx(good)).resolves.toBeTruthy();
    await expectRefused(bad, 'CORRUPT', /docProps\/app\.xml 校验失败/);
  });

  describe('zip bombs and limits', () => {
    it('an entry declaring 300 MB of zeros in 300 KB: refused from its header, nothing inflated', async () => {
      const raw = zerosDeflated(300);
      const buf = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra: [{ name: 'xl/media/zeros.xml', data: Buffer.alloc(0), raw, uncompressedSize: 300 * 1024 * 1024, crc: 0 }] });
      expect(buf.length).toBeLessThan(1024 * 1024);
      await expectRefused(buf, 'ZIP_BOMB', /压缩比异常.*疑似压缩炸弹/);
    });

    it('the same data under a lying header (declared 4 KB): inflation stops at the declared size', async () => {
      const raw = zerosDeflated(300);
      const before = process.memoryUsage().rss;
      const buf = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra: [{ name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(0), raw, uncompressedSize: 4096, crc: 0 }] });
      await expectRefused(buf, 'ZIP_BOMB', /解压后的大小超过其声明的大小/);
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    });

    it('a total declared uncompressed size over the limit', async () => {
      // 25 entries of 9 MB each: under the ratio rule one by one, 225 MB together.
      const nine = zerosDeflated(9);
      const extra = Array.from({ length: 25 }, (_, i) => ({ name: `xl/media/part${i}.bin`, data: Buffer.alloc(0), raw: nine, uncompressedSize: 9 * 1024 * 1024, crc: 0 }));
      await expectRefused(minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra }), 'TOO_LARGE', /解压后共 225 MB，超过上限 200 MB/);
    });

    it('too many entries', async () => {
      const extra = Array.from({ length: 2001 }, (_, i) => ({ name: `xl/media/x${i}.txt`, data: 'x', method: 0 as const }));
      await expectRefused(minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra }), 'TOO_MANY_ENTRIES', /包含 2007 个内部条目，超过上限 2000/);
    });

    it('an upload over the limit is 413, whatever it holds', async () => {
      const err = await inspectXlsx(Buffer.alloc(MAX_IMPORT_BYTES + 1)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    });

    it('limits can be tightened per import', async () => {
      const buf = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }] });
      await expectRefused(buf, 'TOO_MANY_ENTRIES', /超过上限 3/, { maxEntries: 3 });
    });
  });

  it('refuses an entry flagged as encrypted', async () => {
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }], extra: [{ name: 'xl/secret.xml', data: '<x/>', flags: 0x801 }] });
    await expectRefused(buf, 'ENCRYPTED', /已加密/);
  });

  it('refuses ZIP64 with a clear message', async () => {
    const buf = minimalXlsx({ sheets: [{ name: 'S', xml: sheetXml }] });
    buf.writeUInt16LE(0xffff, buf.length - 22 + 8);
    buf.writeUInt16LE(0xffff, buf.length - 22 + 10);
    await expectRefused(buf, 'UNSUPPORTED', /ZIP64/);
  });

  it('refuses a workbook whose sheet part is missing', async () => {
    const buf = minimalXlsx({ sheets: [{ name: '数据', xml: sheetXml, path: 'xl/worksheets/sheet1.xml', target: 'worksheets/missing.xml' }] });
    await expectRefused(buf, 'CORRUPT', /找不到工作表“数据”的内容/);
  });
});
