import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '@zhiyuan/core';
import type { Db, Executor } from '../../db/pool';
import { insertRecordset } from '../../db/recordset';
import { notifications } from './notifications.tables';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = { userId: string; kind: NotificationKind; title: string; body?: string | null; link?: string | null; dedupeKey?: string | null };

const keys = ['userId', 'kind', 'title', 'body', 'link', 'dedupeKey'] as const;
/** A keyed notification already delivered to that user is skipped: a rerun notifies nobody twice. */
const skipDelivered = sql`ON CONFLICT (user_id, dedupe_key) DO NOTHING`;

/** Many rows in one statement (one jsonb parameter); returns how many were new. */
export async function insertMany(tx: Executor, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  return (await insertRecordset<{ id: string }>(tx, notifications, keys, rows, { onConflict: skipDelivered, returning: ['id'] })).length;
}

/**
 * Set-based delivery for sweeps: `select` yields rows of (user_id uuid, kind text, title text, body text,
 * link text, dedupe_key text), in that order. Returns how many were new.
 */
export async function insertFromSelect(tx: Executor, select: SQL): Promise<number> {
  const r = await tx.execute(sql`INSERT INTO ${notifications} (user_id, kind, title, body, link, dedupe_key) ${select} ${skipDelivered}`);
  return r.rowCount ?? 0;
}

export type InboxFilter = { unread?: boolean; kind?: NotificationKind };

const own = (userId: string, f: InboxFilter = {}) =>
  and(eq(notifications.userId, userId), f.unread === true ? isNull(notifications.readAt) : f.unread === false ? sql`${notifications.readAt} IS NOT NULL` : undefined, f.kind ? eq(notifications.kind, f.kind) : undefined);

/** The user's own notifications, newest first. */
export async function listOwn(db: Db, userId: string, f: InboxFilter, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(own(userId, f))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(notifications).where(own(userId, f)),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Over the partial unread index. */
export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

/** Marks one of the user's own notifications read (kept as read if it already was); undefined when not theirs. */
export async function markRead(tx: Executor, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(tx: Executor, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
