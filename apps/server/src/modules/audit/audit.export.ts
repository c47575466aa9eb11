import type { Readable } from 'node:stream';
import type { scanEntries } from './audit.repository';
import { toAuditEntry } from './audit.service';
import { streamWorkbook } from '../../xlsx/write-workbook';

const columns = [
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

async function* entries(batches: ReturnType<typeof scanEntries>) {
  for await (const rows of batches)
    yield rows.map((r) => {
      const e = toAuditEntry(r);
      return { ...e, summary: e.summary == null ? '' : JSON.stringify(e.summary) };
    });
}

/** Streams the entries into an xlsx workbook without holding them all in memory. */
export const writeAuditWorkbook = (batches: ReturnType<typeof scanEntries>): Readable => streamWorkbook([{ name: '审计日志', columns, rows: entries(batches) }]);
