import type { NotificationKind, NotifyRecipient } from '@zhiyuan/core';
import type { Tx } from '../../db/pool';
import { transitionNotice } from './notification-texts';
import * as repo from './work-orders.repository';
import type { WorkOrderDeps } from './work-order-deps';

const nothing = async () => undefined;

/**
 * Delivers a transition's notification (core's `effects.notify`) in the action's transaction:
 * holders = the assignee, else the lead department's head, else the enterprise's service officer;
 * requester = the portal user who submitted. The actor is never told about their own action.
 * A requester without an account (hotline, 12345, visit) is reached through the outbound adapter,
 * after the commit, when a phone number is known: the returned function does that.
 */
export async function notifyTransition(
  tx: Tx,
  deps: Pick<WorkOrderDeps, 'notifications' | 'cipher'>,
  a: { order: repo.WorkOrderRecord; actorId: string; notify: { kind: NotificationKind; to: readonly NotifyRecipient[] } | null; content: string | null; extensionRequester: string | null },
): Promise<() => Promise<void>> {
  const { order, notify } = a;
  if (!notify) return nothing;
  const [lead, enterprise] = await Promise.all([
    order.departmentId ? repo.departmentById(tx, order.departmentId) : undefined,
    order.enterpriseId ? repo.enterpriseOf(tx, order.enterpriseId) : undefined,
  ]);
  const head = lead?.headUserId ?? null;
  const holder = order.assigneeId ?? head ?? enterprise?.serviceOfficerId ?? null;
  const recipients: (string | null)[] = [];
  let outbound = false;
  for (const to of notify.to) {
    if (to === 'holders') recipients.push(holder);
    if (to === 'departmentHead') recipients.push(head);
    if (to === 'extensionRequester') recipients.push(a.extensionRequester);
    if (to === 'requester') {
      if (order.channel === 'portal') recipients.push(order.createdBy);
      else outbound = !!order.requesterPhoneEnc;
    }
  }
  const { title, body } = transitionNotice(notify.kind, order, a.content);
  await deps.notifications.notify(
    tx,
    recipients.filter((id) => id !== a.actorId),
    { kind: notify.kind, title, body, link: `/work-orders/${order.id}` },
  );
  if (!outbound) return nothing;
  // The phone is decrypted only to hand it to the adapter.
  const phone = deps.cipher.decrypt(order.requesterPhoneEnc!);
  return () => deps.notifications.sendOutbound({ phone, kind: notify.kind, title, body });
}
