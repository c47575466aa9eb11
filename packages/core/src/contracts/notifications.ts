/** The in-app inbox (issue 6 §9): every role has one; each user sees only their own notifications. */
import { z } from 'zod';
import { notificationKinds } from '../notifications';
import { pageOf, pageQuery, uuid } from './common';

export const notificationKind = z.enum(notificationKinds);

export const notification = z.object({
  id: uuid,
  kind: notificationKind,
  title: z.string(),
  body: z.string().nullable(),
  /** A path inside the web app, e.g. /work-orders/<id>. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

/** `GET /api/notifications`, newest first. */
export const notificationListQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: notificationKind.optional(),
});
export const notificationPage = pageOf(notification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPage>;

/** `GET /api/notifications/unread-count` (polled by the header's bell). */
export const unreadCount = z.object({ unread: z.number().int() });
/** `POST /api/notifications/:id/read` → 200 notification; `POST /api/notifications/read-all` → 200 {updated}. */
export const markAllReadResult = z.object({ updated: z.number().int() });
