import type { Readable } from 'node:stream';
import {
  workOrderChannelNames,
  workOrderPriorityNames,
  workOrderStatusNames,
  workOrderTypeNames,
  type WorkOrderFilter,
  type WorkOrderListItem,
} from '@zhiyuan/core';
import type { RequestContext } from '../../context';
import type { AuditService } from '../audit/audit.service';
import type { Db } from '../../db/pool';
import { streamWorkbook, type SheetColumn } from '../../xlsx/write-workbook';
import type { WorkOrdersService } from './work-orders.service';

const columns: SheetColumn[] = [
  { header: '工单编号', key: 'number', width: 18 },
  { header: '类型', key: 'type', width: 8 },
  { header: '渠道', key: 'channel', width: 12 },
  { header: '12345 编号', key: 'externalNo', width: 16 },
  { header: '优先级', key: 'priority', width: 8 },
  { header: '状态', key: 'status', width: 10 },
  { header: '标题', key: 'title', width: 40 },
  { header: '企业', key: 'enterprise', width: 30 },
  { header: '园区', key: 'park', width: 16 },
  { header: '分类', key: 'category', width: 20 },
  { header: '承办部门', key: 'department', width: 20 },
  { header: '承办人', key: 'assignee', width: 12 },
  { header: '提交时间', key: 'createdAt', width: 18 },
  { header: '响应时限', key: 'responseDueAt', width: 18 },
  { header: '办理时限', key: 'resolveDueAt', width: 18 },
  { header: '答复时间', key: 'repliedAt', width: 18 },
  { header: '办结时间', key: 'closedAt', width: 18 },
  { header: '是否超期', key: 'overdue', width: 8 },
  { header: '是否解决', key: 'solved', width: 8 },
  { header: '评分', key: 'rating', width: 6 },
  { header: '重办次数', key: 'reopenCount', width: 8 },
  { header: '督办', key: 'supervised', width: 6 },
];

/** Shanghai wall-clock time, e.g. 2026-11-20 10:00 (the service-desk exports' time cells). */
export const shanghaiMinute = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
const local = (iso: string | null) => shanghaiMinute(iso) ?? '';
const yesNo = (v: boolean | null) => (v == null ? '' : v ? '是' : '否');

const row = (o: WorkOrderListItem & { externalNo: string | null }) => ({
  number: o.number,
  type: workOrderTypeNames[o.type],
  channel: workOrderChannelNames[o.channel],
  externalNo: o.externalNo ?? '',
  priority: workOrderPriorityNames[o.priority],
  status: workOrderStatusNames[o.status],
  title: o.title,
  enterprise: o.enterpriseName ?? '',
  park: o.parkName,
  category: o.categoryPath.join(' / '),
  department: o.departmentName ?? '',
  assignee: o.assigneeName ?? '',
  createdAt: local(o.createdAt),
  responseDueAt: local(o.responseDueAt),
  resolveDueAt: local(o.resolveDueAt),
  repliedAt: local(o.repliedAt),
  closedAt: local(o.closedAt),
  overdue: yesNo(o.overdue),
  solved: yesNo(o.solved),
  rating: o.rating ?? '',
  reopenCount: o.reopenCount,
  supervised: yesNo(o.supervised),
});

/** The list's filter as a workbook (streamed; every text cell formula-safe through streamWorkbook). */
export async function exportWorkOrders(db: Db, audit: AuditService, orders: WorkOrdersService, ctx: RequestContext, filter: WorkOrderFilter): Promise<Readable> {
  await audit.record(db, ctx, { action: 'workOrder.export', targetType: 'work_order', summary: { filter } });
  async function* rows() {
    for await (const batch of orders.scan(ctx, filter)) yield batch.map(row);
  }
  return streamWorkbook([{ name: '工单', columns, rows: rows() }]);
}
