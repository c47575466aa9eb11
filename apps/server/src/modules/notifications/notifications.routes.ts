import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, markAllReadResult, notification, notificationListQuery, notificationPage, unreadCount } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

const tags = ['notifications'];

/** The caller's own inbox; marking read is personal state, not a business change, so it is not audited. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { notifications } = app.services;
  const inbox = requirePermission('notification.read');

  app.get('/notifications', { schema: { tags, summary: '我的消息（新的在前）', querystring: notificationListQuery, response: { 200: notificationPage } }, preHandler: inbox }, async (req) => {
    const { page, pageSize, sort: _sort, ...filter } = req.query;
    return notifications.list(req.ctx(), filter, page, pageSize);
  });
  app.get('/notifications/unread-count', { schema: { tags, summary: '未读消息数', response: { 200: unreadCount } }, preHandler: inbox }, async (req) => notifications.unreadCount(req.ctx()));
  app.post('/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: markAllReadResult } }, preHandler: inbox, config: { action: 'notification.readAll' } }, async (req) => notifications.markAllRead(req.ctx()));
  app.post('/notifications/:id/read', { schema: { tags, summary: '标为已读', params: idParams, response: { 200: notification } }, preHandler: inbox, config: { action: 'notification.read' } }, async (req) =>
    notifications.markRead(req.ctx(), req.params.id),
  );
};
