// The SLA sweep in SQL (ADR 0009, "The sweep"): each pass is one set-based statement over a partial
// index that holds only open orders not yet marked, so a run reads what may newly be late, never every
// late order again. Notification dedupe keys are built in SQL exactly as core's notificationDedupeKey
// (order id + the deadline in epoch ms; a digest's: the run's instant in epoch ms); the test compares them.
import { overdueDigestThreshold } from '@zhiyuan/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import { deadlineNearNotice, overdueNotice, overdueReasons, sqlText } from './notification-texts';
import { openStatusPredicate } from './service-desk.tables';
import { at } from './order-filters';

const shanghaiTime = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;
const epochMs = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * Recipients of what the rows of `src` (id, department_id, assignee_id, enterprise_id) are about:
 * the holders (the assignee, else the lead department's head, else the enterprise's service officer)
 * and, with `head`, the lead department's head as well (once when it is the holder). Only active users.
 * Reads departments, enterprises and users read-only, like the ADR's statement.
 */
function recipients(src: SQL, head: boolean): SQL {
  const alsoHead = head ? sql`CASE WHEN dep.head_user_id IS DISTINCT FROM h.holder THEN dep.head_user_id END` : sql`NULL::uuid`;
  return sql`
    SELECT s.*, r.user_id
    FROM ${src} s
    LEFT JOIN departments dep ON dep.id = s.department_id
    LEFT JOIN enterprises ent ON ent.id = s.enterprise_id AND s.assignee_id IS NULL AND dep.head_user_id IS NULL
    CROSS JOIN LATERAL (SELECT coalesce(s.assignee_id, dep.head_user_id, ent.service_officer_id) AS holder) h
    CROSS JOIN LATERAL (VALUES (h.holder), (${alsoHead})) AS r(user_id)
    JOIN users u ON u.id = r.user_id AND u.status = 'active'`;
}

type Deadline = {
  /** The sweep's mark and the timeline/supervision trigger. */
  kind: 'response' | 'resolve';
  due: SQL;
  mark: SQL;
  /** Literal conditions matching the partial index (work_orders_open_*_due_idx). */
  pending: SQL;
  reason: string;
  /** The web list's search showing such orders (a digest's link; workOrderFilters.ts). */
  list: string;
};
const deadlines: Record<'response' | 'resolve', Deadline> = {
  response: { kind: 'response', due: sql`response_due_at`, mark: sql`response_overdue_at`, pending: sql`status = 'submitted' AND response_overdue_at IS NULL`, reason: overdueReasons.response, list: '/work-orders?status=submitted&overdue=true' },
  resolve: { kind: 'resolve', due: sql`resolve_due_at`, mark: sql`resolve_overdue_at`, pending: sql`${openStatusPredicate} AND resolve_overdue_at IS NULL`, reason: overdueReasons.resolve, list: '/work-orders?overdue=true' },
};

export type OverdueResult = { orders: number; notified: number };

/** How many order numbers a digest's body names. */
const digestNumbers = 3;

/**
 * A digest's link: the list of late orders, narrowed to the recipient's own (`mine`: assigned to
 * them, or unrouted orders of their enterprises) when they hold every order of the digest that way,
 * else to the one department they head when all are of it, else all late orders in their scope.
 */
function digestLink(d: Deadline): SQL {
  return sql`${d.list} || CASE
    WHEN bool_and(assignee_id IS NOT DISTINCT FROM user_id OR (assignee_id IS NULL AND department_id IS NULL)) THEN '&mine=true'
    WHEN count(DISTINCT department_id) = 1 AND count(department_id) = count(*) THEN '&departmentId=' || min(department_id::text)
    ELSE '' END`;
}

/**
 * One statement: mark the orders whose deadline passed (the `IS NULL` re-check under the row lock
 * makes a concurrent run harmless), open an automatic supervision for each, write the timeline entry
 * and notify holders and department heads, ON CONFLICT (user_id, dedupe_key) DO NOTHING: one
 * notification per order to whoever has at most overdueDigestThreshold of them in this run, one
 * digest for the run to whoever has more (keys as core's notificationDedupeKey). The notifications
 * module offers a set-based insert too, but a data-modifying CTE must sit at the top of the
 * statement, so this one inserts into its table itself (same columns, same conflict rule).
 */
export async function markOverdue(tx: Executor, which: 'response' | 'resolve', now: Date): Promise<OverdueResult> {
  const d = deadlines[which];
  const late = overdueNotice(sqlText, { number: sql`number`, title: sql`title`, due: shanghaiTime(sql`due_at`) }, which);
  const n = at(now);
  const r = await tx.execute<OverdueResult>(sql`
    WITH due AS (
      UPDATE work_orders SET ${d.mark} = ${n}, supervised = true, updated_at = ${n}
      WHERE ${d.pending} AND ${d.due} < ${n}
      RETURNING id, number, title, department_id, assignee_id, enterprise_id, ${d.due} AS due_at
    ), sup AS (
      INSERT INTO work_order_supervisions (order_id, kind, trigger, reason, status, created_at)
      SELECT id, 'auto', ${`${which}_overdue`}, ${d.reason}, 'open', ${n} FROM due
    ), ev AS (
      INSERT INTO work_order_events (order_id, at, action, visibility, content, data)
      SELECT id, ${n}, ${`${which}_overdue`}, 'internal', ${d.reason} || '（时限 ' || ${shanghaiTime(sql`due_at`)} || '），已自动督办', jsonb_build_object('dueAt', due_at)
      FROM due
    ), told AS (
      SELECT x.*, count(*) OVER (PARTITION BY user_id) AS late FROM (${recipients(sql`due`, true)}) x
    ), sent AS (
      INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key)
      SELECT user_id, 'overdue', ${late.title}, ${late.body},
        '/work-orders/' || id, ${`overdue:${which}:`} || id || ':' || ${epochMs(sql`due_at`)}
      FROM told WHERE late <= ${overdueDigestThreshold}
      UNION ALL
      SELECT user_id, 'overdue', count(*) || ' 个工单已' || ${d.reason},
        '已自动督办：' || array_to_string((array_agg(number ORDER BY due_at, number))[1:${digestNumbers}], '、') || CASE WHEN count(*) > ${digestNumbers} THEN ' 等' ELSE '' END,
        ${digestLink(d)}, ${`overdue:${which}:run:`} || ${epochMs(n)}
      FROM told WHERE late > ${overdueDigestThreshold} GROUP BY user_id
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM due) AS orders, (SELECT count(*) FROM sent) AS notified`);
  return r.rows[0]!;
}

/**
 * "Deadline within N working hours" (read-only): open orders due in (now, horizon], where the horizon
 * is core's workingHoursHorizon, over the same partial index. Returns the SELECT of the notification
 * rows (user_id, kind, title, body, link, dedupe_key) for the notifications module's set-based insert.
 */
export function deadlineNearNotifications(now: Date, horizon: Date): SQL {
  const near = sql`(SELECT id, number, title, department_id, assignee_id, enterprise_id, resolve_due_at AS due_at FROM work_orders
    WHERE ${deadlines.resolve.pending} AND resolve_due_at > ${at(now)} AND resolve_due_at <= ${at(horizon)})`;
  const notice = deadlineNearNotice(sqlText, { number: sql`number`, title: sql`title`, due: shanghaiTime(sql`due_at`) });
  return sql`
    SELECT user_id, 'deadline_near', ${notice.title}, ${notice.body},
      '/work-orders/' || id, 'near:' || id || ':' || ${epochMs(sql`due_at`)}
    FROM (${recipients(near, false)}) x`;
}
