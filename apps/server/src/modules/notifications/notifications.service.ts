import type { Notification, NotificationKind } from '@zhiyuan/core';
import type { SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { UserDirectory } from '../identity/user-directory';
import { loggingOutbound, type OutboundAdapter, type OutboundLog, type OutboundMessage } from './outbound';
import * as repo from './notifications.repository';

/** What a module sends; `dedupeKey` only for sweeps (notificationDedupeKey of core), never for user actions. */
export type NotificationMessage = { kind: NotificationKind; title: string; body?: string | null; link?: string | null; dedupeKey?: string | null };

const view = (r: repo.NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

export type NotificationsDeps = { db: Db; users: UserDirectory; clock?: () => Date; log?: OutboundLog; outbound?: OutboundAdapter };

/**
 * Every user's inbox. Other modules deliver inside their own transaction (`notify`, `notifyMany`,
 * `insertFromSelect`), so a notification exists exactly when the change it reports was committed.
 * A user reads and marks only their own rows: the user id always comes from the session.
 */
export function createNotificationsService({ db, users, clock = () => new Date(), log = { info: () => undefined }, outbound = loggingOutbound(log) }: NotificationsDeps) {
  function owner(ctx: RequestContext): string {
    if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('BAD_REQUEST', '只有登录用户有消息收件箱');
    return ctx.actor.id;
  }

  return {
    /** One message to each recipient (nulls and repeats dropped), in the caller's transaction; returns how many were new. */
    async notify(tx: Executor, recipients: Iterable<string | null | undefined>, message: NotificationMessage): Promise<number> {
      const userIds = [...new Set([...recipients].filter((id): id is string => !!id))];
      return repo.insertMany(tx, userIds.map((userId) => ({ userId, ...message })));
    },

    /** Different messages to different users in one statement. */
    notifyMany: (tx: Executor, rows: readonly repo.NewNotification[]) => repo.insertMany(tx, rows),

    /** To the active enterprise accounts of each enterprise, a message made for that enterprise (e.g. 催报). */
    async notifyEnterpriseUsers(tx: Executor, enterpriseIds: readonly string[], messageOf: (enterpriseId: string) => NotificationMessage): Promise<number> {
      const accounts = await users.enterpriseUsers(tx, enterpriseIds);
      return repo.insertMany(tx, accounts.map((a) => ({ userId: a.id, ...messageOf(a.enterpriseId) })));
    },

    /** Set-based delivery for sweeps: see notifications.repository.ts `insertFromSelect`. */
    insertFromSelect: (tx: Executor, select: SQL) => repo.insertFromSelect(tx, select),

    /**
     * SMS / e-mail through the configured adapter, after the commit of what it reports. A failing
     * gateway is logged, never the caller's failure: the in-app record is the one that counts.
     */
    async sendOutbound(message: OutboundMessage): Promise<void> {
      try {
        await outbound.send(message);
      } catch (err) {
        log.info({ err, kind: message.kind }, 'outbound notification failed');
      }
    },

    async list(ctx: RequestContext, f: repo.InboxFilter, page: number, pageSize: number) {
      const userId = owner(ctx);
      const [r, unread] = await Promise.all([repo.listOwn(db, userId, f, page, pageSize), repo.unreadCount(db, userId)]);
      return { items: r.items.map(view), total: r.total, page, pageSize, unread };
    },

    async unreadCount(ctx: RequestContext) {
      return { unread: await repo.unreadCount(db, owner(ctx)) };
    },

    /** Another user's notification is 404, like one that does not exist. */
    async markRead(ctx: RequestContext, id: string): Promise<Notification> {
      const row = await repo.markRead(db, owner(ctx), id, clock());
      if (!row) throw notFound('消息');
      return view(row);
    },

    async markAllRead(ctx: RequestContext) {
      return { updated: await repo.markAllRead(db, owner(ctx), clock()) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
