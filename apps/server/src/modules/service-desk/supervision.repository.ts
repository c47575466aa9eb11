import type { SupervisionStatus } from '@zhiyuan/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { at, withInstants } from './order-filters';

/** A supervision with what the list shows of its order. */
export type SupervisionRow = {
  id: string;
  orderId: string;
  orderNumber: string;
  orderTitle: string;
  orderStatus: string;
  parkId: string;
  departmentId: string | null;
  departmentName: string | null;
  assigneeId: string | null;
  kind: 'auto' | 'manual';
  trigger: 'flag' | 'response_overdue' | 'resolve_overdue';
  reason: string;
  status: SupervisionStatus;
  createdAt: Date;
  createdBy: string | null;
  feedback: string | null;
  feedbackAt: Date | null;
  feedbackBy: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  closeComment: string | null;
};

const columns = sql`
  s.id, s.order_id AS "orderId", o.number AS "orderNumber", o.title AS "orderTitle", o.status AS "orderStatus", o.park_id AS "parkId",
  o.department_id AS "departmentId", d.name AS "departmentName", o.assignee_id AS "assigneeId", s.kind, s.trigger, s.reason, s.status,
  s.created_at AS "createdAt", s.created_by AS "createdBy", s.feedback, s.feedback_at AS "feedbackAt", s.feedback_by AS "feedbackBy",
  s.closed_at AS "closedAt", s.closed_by AS "closedBy", s.close_comment AS "closeComment"`;
const dated = (rows: SupervisionRow[]) => withInstants(rows, ['createdAt', 'feedbackAt', 'closedAt']);
const from = sql`work_order_supervisions s JOIN work_orders o ON o.id = s.order_id LEFT JOIN departments d ON d.id = o.department_id`;

export type SupervisionFilter = { status?: SupervisionStatus; kind?: 'auto' | 'manual'; from?: Date; to?: Date };

/** `orders`: conditions on the order `o` (scope, park, department). */
export function listConditions(orders: SQL, f: SupervisionFilter): SQL {
  const parts = [orders];
  if (f.status) parts.push(sql`s.status = ${f.status}`);
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.from) parts.push(sql`s.created_at >= ${at(f.from)}`);
  if (f.to) parts.push(sql`s.created_at < ${at(f.to)}`);
  return sql.join(parts, sql` AND `);
}

export const sortColumns: Record<string, string> = {
  createdAt: 's.created_at',
  status: 's.status',
  feedbackAt: 's.feedback_at',
  closedAt: 's.closed_at',
  orderNumber: 'o.number',
  kind: 's.kind',
};

export async function list(db: Executor, where: SQL, orderBy: SQL, limit: number | null, offset = 0): Promise<{ items: SupervisionRow[]; total: number }> {
  const [items, total] = await Promise.all([
    db.execute<SupervisionRow>(sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy}, s.id ${limit == null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`}`),
    limit == null ? null : db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`),
  ]);
  return { items: dated(items.rows), total: total ? total.rows[0]!.n : items.rows.length };
}

/** One supervision within the order conditions, locked for an action. */
export async function findForUpdate(tx: Executor, id: string, orders: SQL): Promise<SupervisionRow | undefined> {
  const r = await tx.execute<SupervisionRow>(sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id}::uuid AND ${orders} FOR UPDATE OF s`);
  return dated(r.rows)[0];
}

export async function find(db: Executor, id: string): Promise<SupervisionRow | undefined> {
  const r = await db.execute<SupervisionRow>(sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id}::uuid`);
  return dated(r.rows)[0];
}

export type SupervisionChange =
  | { status: 'feedback'; feedback: string; at: Date; by: string | null }
  | { status: 'open' }
  | { status: 'closed'; comment: string | null; at: Date; by: string | null };

export async function update(tx: Executor, id: string, c: SupervisionChange): Promise<void> {
  const set =
    c.status === 'feedback'
      ? sql`status = 'feedback', feedback = ${c.feedback}, feedback_at = ${at(c.at)}, feedback_by = ${c.by}::uuid`
      : c.status === 'closed'
        ? sql`status = 'closed', closed_at = ${at(c.at)}, closed_by = ${c.by}::uuid, close_comment = ${c.comment}`
        : sql`status = 'open'`;
  await tx.execute(sql`UPDATE work_order_supervisions SET ${set} WHERE id = ${id}::uuid`);
}

/** An internal timeline entry on the supervised order. */
export async function addEvent(
  tx: Executor,
  e: { orderId: string; at: Date; actorId: string | null; actorName: string; action: 'supervision_feedback' | 'supervision_closed' | 'note'; content: string | null; data: Record<string, unknown> },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO work_order_events (order_id, at, actor_id, actor_name, action, visibility, content, data)
    VALUES (${e.orderId}::uuid, ${at(e.at)}, ${e.actorId}::uuid, ${e.actorName}, ${e.action}, 'internal', ${e.content}, ${JSON.stringify(e.data)}::jsonb)`);
}

/** Whoever holds the order now (assignee, else the lead department's head, else the enterprise's officer) and the department head. */
export async function holdersOf(tx: Executor, orderId: string): Promise<{ holder: string | null; head: string | null }> {
  const r = await tx.execute<{ holder: string | null; head: string | null }>(sql`
    SELECT coalesce(o.assignee_id, dep.head_user_id, ent.service_officer_id) AS holder, dep.head_user_id AS head
    FROM work_orders o LEFT JOIN departments dep ON dep.id = o.department_id LEFT JOIN enterprises ent ON ent.id = o.enterprise_id
    WHERE o.id = ${orderId}::uuid`);
  return r.rows[0] ?? { holder: null, head: null };
}

/**
 * A department staff member's department (users.department_id, the identity module's column, read
 * here until the actor carries it); null when none is set.
 */
export async function departmentOfUser(db: Executor, userId: string): Promise<string | null> {
  const r = await db.execute<{ departmentId: string | null }>(sql`SELECT department_id AS "departmentId" FROM users WHERE id = ${userId}::uuid`);
  return r.rows[0]?.departmentId ?? null;
}
