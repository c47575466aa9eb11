import { BellOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Badge, Button, Dropdown, List, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi, useNotificationInvalidation, useNotifications, useUnreadCount, type Notification } from '../api/notifications';
import { useAuth } from '../auth/AuthContext';
import { emptyText, NoRows } from '../components/ListEmpty';
import { formatDateTime } from '../lib/format';
import { useShowError } from '../lib/errors';
import { notificationTarget } from '../pages/notifications/notificationLinks';

const latest = { page: 1, pageSize: 6 };

/**
 * The header's bell: the unread count (polled every minute and on window focus), and on click the
 * latest notifications — each opens its order or report form and is marked read.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const enabled = can('notification.read');
  const unread = useUnreadCount(enabled);
  const [open, setOpen] = useState(false);
  if (!enabled) return null;
  const count = unread.data?.unread ?? 0;
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => <Panel onDone={() => setOpen(false)} />}
      destroyOnHidden
    >
      {/* No tooltip over the open panel (it would cover the panel's header). */}
      <Tooltip title={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')} placement="bottom" open={open ? false : undefined}>
        <Button type="text" aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')} data-testid="notification-bell">
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Dropdown>
  );
}

function Panel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useNotificationInvalidation();
  const list = useNotifications(latest);
  const markAll = useMutation({ mutationFn: notificationsApi.markAllRead, onSuccess: () => invalidate(), onError: (e) => showError(e) });

  const openOne = (n: Notification) => {
    onDone();
    if (!n.readAt) void notificationsApi.markRead(n.id).then(() => invalidate(), () => undefined);
    navigate(notificationTarget(n.link, user) ?? '/notifications');
  };

  const unread = list.data?.unread ?? 0;
  return (
    <div
      style={{ width: 380, background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.08), 0 3px 6px -4px rgba(0,0,0,0.12)' }}
      data-testid="notification-panel"
    >
      <div style={{ display: 'flex', alignItems: 'center', padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('notifications.title')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
              {t('notifications.unreadCount', { count: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button type="link" size="small" disabled={!unread} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notification-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {list.isLoading ? (
          <Spin style={{ display: 'block', padding: 32 }} />
        ) : !list.data?.items.length ? (
          <div style={{ padding: 16 }}>{emptyText(list, <NoRows text={t('notifications.empty')} />)}</div>
        ) : (
          <List
            size="small"
            dataSource={list.data.items}
            renderItem={(n) => (
              <List.Item
                onClick={() => openOne(n)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    openOne(n);
                  }
                }}
                tabIndex={0}
                role="link"
                style={{ cursor: 'pointer', padding: '10px 16px', background: n.readAt ? undefined : '#f0f7ff', alignItems: 'flex-start' }}
                data-testid="notification-item"
                data-unread={n.readAt ? undefined : 'true'}
              >
                <div style={{ minWidth: 0, width: '100%' }}>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                    {!n.readAt && <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt} ellipsis style={{ flex: 1 }}>
                      {n.title}
                    </Typography.Text>
                  </div>
                  {n.body && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 12 }}>
                      {n.body}
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt, 'minute')}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
      <div style={{ borderTop: '1px solid #f0f0f0', textAlign: 'center', padding: 6 }}>
        <Button
          type="link"
          onClick={() => {
            onDone();
            navigate('/notifications');
          }}
          data-testid="notification-see-all"
        >
          {t('notifications.seeAll')}
        </Button>
      </div>
    </div>
  );
}
