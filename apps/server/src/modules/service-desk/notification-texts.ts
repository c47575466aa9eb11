// The words of the service desk's notifications, once: the live paths (an action's notification,
// the sweep's set-based inserts) and the demo data build them here, so they always read alike.
// A text is put together by a Texts: as a string from an order's values, or as SQL over a row's
// columns for the sweep (the same pieces joined with ||).
import { notificationKindNames, type NotificationKind } from '@zhiyuan/core';
import { sql, type SQL } from 'drizzle-orm';

export type Texts<T> = { lit: (s: string) => T; cat: (...parts: T[]) => T };
export const plainText: Texts<string> = { lit: (s) => s, cat: (...parts) => parts.join('') };
export const sqlText: Texts<SQL> = { lit: (s) => sql`${s}::text`, cat: (...parts) => sql`(${sql.join(parts, sql` || `)})` };

/** Why the sweep marked an order (also the automatic supervision's reason). */
export const overdueReasons = { response: '超过响应时限', resolve: '超过办理时限' } as const;

/** An order's number and title, and the deadline as Shanghai wall time 'YYYY-MM-DD HH:mm'. */
type DeadlineFacts<T> = { number: T; title: T; due: T };

/** The sweep's notice of an order whose deadline passed (it is supervised automatically). */
export const overdueNotice = <T>(x: Texts<T>, o: DeadlineFacts<T>, which: keyof typeof overdueReasons) => ({
  title: x.cat(x.lit('工单 '), o.number, x.lit(' 已超期')),
  body: x.cat(x.lit('「'), o.title, x.lit(`」${overdueReasons[which]}（时限 `), o.due, x.lit('），已自动督办')),
});

/** The sweep's notice of a resolution deadline within 4 working hours. */
export const deadlineNearNotice = <T>(x: Texts<T>, o: DeadlineFacts<T>) => ({
  title: x.cat(x.lit('工单 '), o.number, x.lit(' 即将超期')),
  body: x.cat(x.lit('「'), o.title, x.lit('」办理时限 '), o.due, x.lit('，请尽快答复')),
});

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The notice of a transition (core's effects.notify): its kind and the order; `content` is what the actor wrote (a reply, added information). */
export function transitionNotice(
  kind: NotificationKind,
  order: { number: string; title: string; status: string; dispositionReason: string | null; dispositionNextStep: string | null },
  content: string | null,
): { title: string; body: string } {
  // A withdrawal reaches the holders as a disposition of the requester's own (no next step).
  const withdrawn = order.status === 'withdrawn';
  const title = `${withdrawn ? '工单已撤回' : notificationKindNames[kind]}：${order.number}`;
  const body = clip(
    withdrawn
      ? `${order.title}。撤回原因：${order.dispositionReason ?? ''}`
      : kind === 'disposed'
        ? `${order.title}。${order.dispositionReason ?? ''}；下一步：${order.dispositionNextStep ?? ''}`
        : content
          ? `${order.title}：${content}`
          : order.title,
  );
  return { title, body };
}
