/**
 * The in-app inbox (issue 6 §9): each user's own notifications, the bell's unread count,
 * marking read. Types come from the zod contracts of packages/core.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { markAllReadResult, Notification, NotificationPage, unreadCount } from '@zhiyuan/core';
import type { z } from 'zod';
import { api, type Query } from './client';

export type { Notification, NotificationPage };
export type UnreadCount = z.infer<typeof unreadCount>;
export type MarkAllReadResult = z.infer<typeof markAllReadResult>;

const enc = encodeURIComponent;

export const notificationsApi = {
  list: (query: Query) => api.get<NotificationPage>('/notifications', query),
  unreadCount: () => api.get<UnreadCount>('/notifications/unread-count'),
  markRead: (id: string) => api.post<Notification>(`/notifications/${enc(id)}/read`),
  markAllRead: () => api.post<MarkAllReadResult>('/notifications/read-all'),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: Query) => ['notifications', 'list', query] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How often the bell asks for the unread count (also on window focus). */
export const unreadPollMs = 60_000;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: notificationsApi.unreadCount,
    enabled,
    refetchInterval: unreadPollMs,
    refetchOnWindowFocus: true,
    // A failed poll keeps the last count on screen; the next poll tries again.
    retry: false,
  });
}

export function useNotifications(query: Query, enabled = true) {
  return useQuery({ queryKey: notificationKeys.list(query), queryFn: () => notificationsApi.list(query), enabled, placeholderData: keepPreviousData });
}

/** After marking read: the count and every list. */
export function useNotificationInvalidation() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: notificationKeys.all });
}
