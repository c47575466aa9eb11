// Streams the rows of one sheet of an inspected workbook through exceljs's stream reader,
// turning each cell into a RawCell and each cell that must not be imported (formula, error
// value…) into a problem. The workbook is never loaded whole: exceljs inflates and SAX-parses the
// sheet as it goes; only the shared strings and styles are held (they must be, to resolve cells).
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { columnLetter, type RawCell } from '@zhiyuan/core';
import { ImportProblems, XlsxFileError } from './import-errors';
import { AppError } from '../errors';
import { inspectXlsx, type XlsxInspection, type XlsxLimits, type XlsxParts, type XlsxSheet } from './inspect';
import { endOfEntries, localHeader, type ZipEntry } from './zip';

export type { RawCell };

/** One sheet row. `cells[0]` is column A; a refused cell is null; trailing empty cells are left out. */
export type SheetRow = {
  /** The sheet's name, for the caller's own problems. */
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  cells: RawCell[];
  /**
   * Nothing in the row (or only spaces). Blank rows between data rows are yielded, with
   * `cells: []`, so the caller can refuse or skip them; blank rows at the end are not.
   */
  blank: boolean;
};

export type ReadRowsOptions = {
  /** A sheet name, or a 0-based position in tab order. Default: the first visible sheet. */
  sheet?: string | number;
  /**
   * Where cell problems go. When given, the caller owns it and must call
   * `problems.throwIfAny()` before writing anything; when not, readRows throws an
   * ImportRejectedError after the last row if it found any problem.
   */
  problems?: ImportProblems;
  /** The result of inspectXlsx on this same buffer, to avoid inspecting twice. */
  inspection?: XlsxInspection;
  limits?: Partial<XlsxLimits>;
  /** Rows (sheet row numbers) beyond this are refused. Default 200,000. */
  maxRows?: number;
};

export const MESSAGES = {
  formula: '单元格包含公式，请粘贴为数值后再导入',
  error: (code: string) => `单元格是错误值 ${code}，请修正后再导入`,
  badNumber: '单元格中的数值无效',
  badDate: '单元格中的日期无效',
  control: '单元格包含无法保存的控制字符，请删除后再导入',
  unknown: '无法识别的单元格内容',
  merged: (range: string) => `合并单元格 ${range}：导入文件不能包含合并单元格，请取消合并后再导入`,
  noSheet: (which: string) => `找不到工作表${which}`,
  notWorksheet: '这不是数据工作表（如图表工作表），无法导入',
  tooManyRows: (max: number) => `工作表超过 ${max} 行，请拆分后分批导入`,
};

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore', // a hyperlink cell then reads as its displayed text
  // Needed for dates: a date is a number whose cell style has a date number format. Without
  // the styles, every date arrives as its serial number (45306 for 2024-01-15).
  styles: 'cache',
  entries: 'ignore',
} as const;

/**
 * Yields the rows of one sheet. Refuses (ImportRejectedError, before the first row) a missing
 * sheet, a sheet with merged cells or one the inspection found unreadable; problems in cells
 * go to `problems` and the cell is yielded as null. Any failure to parse becomes XlsxFileError.
 */
export async function* readRows(buf: Buffer, options: ReadRowsOptions = {}): AsyncGenerator<SheetRow, void, undefined> {
  const inspection = options.inspection?.parts.buf === buf ? options.inspection : await inspectXlsx(buf, options.limits);
  const ownProblems = !options.problems;
  const problems = options.problems ?? new ImportProblems();
  const maxRows = options.maxRows ?? 200_000;

  const sheet = pickSheet(inspection, options.sheet, problems);
  const at = (row: number, column: string, message: string) => problems.add({ sheet: sheet.name, row, column, message });
  for (const range of sheet.mergedRanges) {
    const m = /^([A-Z]+)(\d+)/.exec(range);
    at(m ? Number(m[2]) : 0, m ? m[1]! : '', MESSAGES.merged(range));
  }
  problems.addUnlisted(sheet.mergedCount - sheet.mergedRanges.length);
  for (const why of sheet.unreadable) at(0, '', why);
  if (sheet.mergedCount || sheet.unreadable.length) throw problems.toError();

  const source = partsStream(inspection.parts, sheet);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, READER_OPTIONS);
  let lastYielded = 0;
  try {
    for await (const worksheet of reader) {
      recogniseChineseDateFormats(reader);
      for await (const r of worksheet) {
        if (r.number > maxRows) {
          at(r.number, '', MESSAGES.tooManyRows(maxRows));
          throw problems.toError();
        }
        const values = r.values as unknown[];
        const cells: RawCell[] = [];
        let blank = true;
        for (let col = 1; col < values.length; col++) {
          const v = values[col];
          if (v == null) continue;
          let refused = false;
          const cell = toRawCell(v, (message) => {
            refused = true;
            at(r.number, columnLetter(col), message);
          });
          if (cell !== null || refused) cells[col - 1] = cell;
          // A refused cell is content too; a cell of spaces is not.
          if (refused || (cell !== null && (typeof cell !== 'string' || cell.trim() !== ''))) blank = false;
        }
        if (blank) continue;
        for (let b = lastYielded + 1; b < r.number; b++) yield { sheet: sheet.name, row: b, cells: [], blank: true };
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        lastYielded = r.number;
        yield { sheet: sheet.name, row: r.number, cells, blank: false };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new XlsxFileError('CORRUPT', '工作表内容无法解析，文件可能已损坏；请在 Excel 中重新保存为 .xlsx 后再上传');
  } finally {
    source.destroy(); // when the caller stops early
  }
  if (ownProblems) problems.throwIfAny();
}

function pickSheet(inspection: XlsxInspection, wanted: string | number | undefined, problems: ImportProblems): XlsxSheet {
  const { sheets } = inspection;
  const found =
    wanted === undefined ? (sheets.find((s) => s.state === 'visible') ?? sheets[0]) : typeof wanted === 'number' ? sheets[wanted] : sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim() === wanted.trim());
  if (!found) {
    problems.add({ sheet: typeof wanted === 'string' ? wanted : '', row: 0, column: '', message: MESSAGES.noSheet(typeof wanted === 'string' ? `“${wanted}”` : `（第 ${Number(wanted) + 1} 个）`) });
    throw problems.toError();
  }
  if (found.kind !== 'worksheet') {
    problems.add({ sheet: found.name, row: 0, column: '', message: MESSAGES.notWorksheet });
    throw problems.toError();
  }
  return found;
}

/**
 * A zip stream for exceljs holding only what it needs, in the order it needs it: relationships,
 * workbook (date system), styles (date formats) and shared strings before the one sheet. In the
 * order Excel and exceljs write them (sheets first), exceljs copies every sheet to a temporary
 * file and parses it afterwards. Headers are rebuilt from the inspected central directory, so
 * exceljs reads exactly the bytes inspectXlsx checked, under the names it expects.
 */
function partsStream(parts: XlsxParts, sheet: XlsxSheet): Readable {
  const { buf } = parts;
  const pieces: Buffer[] = [];
  const add = (entry: ZipEntry, name: string) => {
    pieces.push(localHeader(entry, name));
    const end = entry.dataOffset + entry.compressedSize;
    for (let p = entry.dataOffset; p < end; p += 256 * 1024) pieces.push(buf.subarray(p, Math.min(end, p + 256 * 1024)));
  };
  add(parts.workbookRels, 'xl/_rels/workbook.xml.rels');
  add(parts.workbook, 'xl/workbook.xml');
  if (parts.styles) add(parts.styles, 'xl/styles.xml');
  if (parts.sharedStrings) add(parts.sharedStrings, 'xl/sharedStrings.xml');
  else pieces.push(...storedEntry('xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
  add(parts.entries.get(sheet.path)!, 'xl/worksheets/sheet1.xml');
  pieces.push(endOfEntries());
  return Readable.from(pieces, { objectMode: false });
}

function storedEntry(name: string, text: string): Buffer[] {
  const data = Buffer.from(text);
  const entry: ZipEntry = { name, flags: 0, method: 0, crc: crc32(data), compressedSize: data.length, uncompressedSize: data.length, localOffset: 0, dataOffset: 0 };
  return [localHeader(entry, name), data];
}

/**
 * Built-in number formats 27–36 and 50–58 are the East Asian date formats (zh-CN: yyyy"年"m"月"d"日"
 * and so on). Excel and WPS write them by id only, and exceljs 4.4 has no single code for them,
 * so such dates would arrive as serial numbers. Give them their zh-CN codes.
 */
const CHINESE_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

function recogniseChineseDateFormats(reader: object): void {
  const numFmt = (reader as { styles?: { index?: { numFmt?: Record<number, string | undefined> } } }).styles?.index?.numFmt;
  if (!numFmt) return;
  for (const [id, code] of Object.entries(CHINESE_DATE_FORMATS)) numFmt[Number(id)] ??= code;
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_). */
const decodeEscapes = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function text(s: string, problem: (message: string) => void): RawCell {
  const t = decodeEscapes(s);
  if (CONTROL.test(t)) {
    problem(MESSAGES.control);
    return null;
  }
  return t;
}

/** exceljs's cell value → RawCell, or null and a problem. */
export function toRawCell(v: unknown, problem: (message: string) => void): RawCell {
  switch (typeof v) {
    case 'string':
      return text(v, problem);
    case 'number':
      if (Number.isFinite(v)) return v;
      problem(MESSAGES.badNumber);
      return null;
    case 'boolean':
      return v;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Date) {
        if (!Number.isNaN(v.getTime())) return v;
        problem(MESSAGES.badDate);
        return null;
      }
      // A shared formula's dependent cells come as { formula: '', result } — an empty string,
      // which exceljs's own type check misses (it calls them JSON values): test the key.
      if ('formula' in v || 'sharedFormula' in v) {
        problem(MESSAGES.formula);
        return null;
      }
      if ('error' in v) {
        problem(MESSAGES.error(String((v as { error: unknown }).error)));
        return null;
      }
      if ('richText' in v && Array.isArray(v.richText)) return text(v.richText.map((r: { text?: string | null }) => r.text ?? '').join(''), problem);
      if ('text' in v && 'hyperlink' in v) return toRawCell(v.text, problem);
      problem(MESSAGES.unknown);
      return null;
    }
    default:
      if (v === undefined) return null;
      problem(MESSAGES.unknown);
      return null;
  }
}
