import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './safe-cell';

export type SheetColumn = { header: string; key: string; width: number };
export type SheetSpec = { name: string; columns: readonly SheetColumn[]; rows: AsyncIterable<Record<string, unknown>[]> | Iterable<Record<string, unknown>[]> };

/**
 * Streams sheets into an xlsx workbook, batch by batch, without holding the rows in memory.
 * Every text cell goes through safeCell (formula injection).
 */
export function streamWorkbook(sheets: readonly SheetSpec[]): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const spec of sheets) {
      const sheet = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      for await (const batch of spec.rows) {
        for (const row of batch) sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, safeCell(row[c.key])]))).commit();
      }
      sheet.commit();
    }
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a UTF-8 file name (RFC 5987) and an ASCII fallback. */
export const attachment = (asciiName: string, name = asciiName) => `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
