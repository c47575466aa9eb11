import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { isDispositionStatus, type RateFacts, type WorkOrderStatus, type WorkOrderType } from '@zhiyuan/core';

/**
 * Work orders written straight into the table, with every instant chosen by the test: the rates,
 * the sweep and supervision are tested on facts the lifecycle would take days to produce.
 */
export type OrderFixture = {
  parkId: string;
  createdBy: string;
  createdAt: string;
  responseDueAt?: string;
  resolveDueAt?: string;
  status?: WorkOrderStatus;
  type?: WorkOrderType;
  title?: string;
  enterpriseId?: string | null;
  departmentId?: string | null;
  assigneeId?: string | null;
  respondedAt?: string | null;
  repliedAt?: string | null;
  closedAt?: string | null;
  solved?: boolean | null;
  ratedAt?: string | null;
  rating?: number | null;
  reopenCount?: number;
};

let serial = 0;
const HOUR = 3_600_000;
const iso = (s: string | null | undefined) => (s == null ? null : new Date(s).toISOString());

export async function insertOrder(pool: pg.Pool, f: OrderFixture): Promise<string> {
  const id = randomUUID();
  const status = f.status ?? 'submitted';
  const created = new Date(f.createdAt);
  const disposed = isDispositionStatus(status);
  await pool.query(
    `INSERT INTO work_orders (id, number, type, channel, status, title, description, enterprise_id, park_id, department_id, assignee_id, created_by,
       created_at, updated_at, responded_at, replied_at, closed_at, rated_at, rating, solved, response_due_at, resolve_due_at, reopen_count,
       disposed_at, disposition_reason, disposition_next_step, decided_by, merged_into_id)
     VALUES ($1, $2, $3, 'staff', $4, $5, '测试工单', $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
       $21, $22, $23, $24, $25)`,
    [
      id,
      `GD-2099-${String(900000 + ++serial)}`,
      f.type ?? 'help',
      status,
      f.title ?? `测试工单${serial}`,
      f.enterpriseId ?? null,
      f.parkId,
      f.departmentId ?? null,
      f.assigneeId ?? null,
      f.createdBy,
      created.toISOString(),
      iso(f.respondedAt),
      iso(f.repliedAt),
      iso(f.closedAt),
      iso(f.ratedAt),
      f.rating ?? null,
      f.solved ?? null,
      iso(f.responseDueAt) ?? new Date(created.getTime() + 2 * HOUR).toISOString(),
      iso(f.resolveDueAt) ?? new Date(created.getTime() + 5 * 24 * HOUR).toISOString(),
      f.reopenCount ?? 0,
      disposed ? (iso(f.respondedAt) ?? created.toISOString()) : null,
      disposed ? '测试处置' : null,
      disposed ? '请咨询相关部门' : null,
      disposed ? f.createdBy : null,
      status === 'merged' ? id : null,
    ],
  );
  return id;
}

/** The facts core's workOrderRates reads, as stored. */
export async function rateFacts(pool: pg.Pool, where = 'true', params: unknown[] = []): Promise<(RateFacts & { id: string; parkId: string; departmentId: string | null; assigneeId: string | null })[]> {
  const r = await pool.query(
    `SELECT id, park_id AS "parkId", department_id AS "departmentId", assignee_id AS "assigneeId", status, created_at AS "createdAt", responded_at AS "respondedAt",
       response_due_at AS "responseDueAt", closed_at AS "closedAt", disposed_at AS "disposedAt", solved, rated_at AS "ratedAt", rating FROM work_orders WHERE ${where}`,
    params,
  );
  return r.rows;
}
