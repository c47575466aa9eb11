import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { notificationKinds } from '@zhiyuan/core';
import { users } from '../identity/identity.tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The in-app inbox of every user. A sweep's notification carries a dedupe key (notificationDedupeKey
 * of core) and is inserted ON CONFLICT (user_id, dedupe_key) DO NOTHING: a rerun notifies nobody twice.
 * Notifications of user actions have no key (NULLs never collide).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** A path inside the web app. */
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    unique('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    // The bell's unread count.
    index('notifications_user_unread_idx').on(t.userId).where(sql`read_at IS NULL`),
  ],
);
