import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { scanEntries } from './audit.repository';
import { toAuditEntry } from './audit.service';
import { safeCell } from '../../xlsx/safe-cell';

/** Streams the entries into an xlsx workbook without holding them all in memory. */
export function writeAuditWorkbook(batches: ReturnType<typeof scanEntries>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('审计日志');
  sheet.columns = [
    { header: '序号', key: 'id', width: 10 },
    { header: '时间', key: 'at', width: 24 },
    { header: '操作人', key: 'actorName', width: 16 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '操作', key: 'action', width: 24 },
    { header: '对象类型', key: 'targetType', width: 14 },
    { header: '对象', key: 'targetId', width: 38 },
    { header: '结果', key: 'result', width: 10 },
    { header: '摘要', key: 'summary', width: 60 },
    { header: '客户端', key: 'userAgent', width: 40 },
  ];
  (async () => {
    for await (const rows of batches) {
      for (const r of rows) {
        const e = toAuditEntry(r);
        sheet.addRow(Object.fromEntries(Object.entries({ ...e, summary: e.summary == null ? '' : JSON.stringify(e.summary) }).map(([k, v]) => [k, safeCell(v)]))).commit();
      }
    }
    sheet.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
