import { CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { notificationKinds, type NotificationKind } from '@zhiyuan/core';
import { App, Badge, Button, Card, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { notificationsApi, useNotificationInvalidation, useNotifications, type Notification } from '../../api/notifications';
import { useAuth } from '../../auth/AuthContext';
import { emptyText, NoRows } from '../../components/ListEmpty';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notificationTarget } from './notificationLinks';

const pageSize = 20;

const kindColors: Partial<Record<NotificationKind, string>> = {
  overdue: 'red',
  deadline_near: 'orange',
  supervised: 'volcano',
  assigned: 'blue',
  replied: 'green',
  statistics_reminder: 'purple',
};

/** 通知: the user's whole inbox, newest first; unread only or by kind in the URL; read one or all. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useNotificationInvalidation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const kindParam = params.get('kind');
  const kind = (notificationKinds as readonly string[]).includes(kindParam ?? '') ? (kindParam as NotificationKind) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useMemo(() => ({ page, pageSize, unread: unreadOnly ? 'true' : undefined, kind }), [page, unreadOnly, kind]);
  const list = useNotifications(query);

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const go = (next: { unread?: boolean; kind?: NotificationKind | null; page?: number }) => {
    const sp = new URLSearchParams();
    const u = next.unread ?? unreadOnly;
    const k = next.kind === null ? undefined : (next.kind ?? kind);
    if (u) sp.set('unread', 'true');
    if (k) sp.set('kind', k);
    if ((next.page ?? 1) > 1) sp.set('page', String(next.page));
    setParams(sp);
  };

  const markOne = useMutation({ mutationFn: (n: Notification) => notificationsApi.markRead(n.id), onSuccess: () => invalidate(), onError: (e) => showError(e) });
  const markAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: (r) => {
      void invalidate();
      void message.success(t('notifications.markedAll', { count: r.updated }));
    },
    onError: (e) => showError(e),
  });

  const unread = list.data?.unread ?? 0;

  return (
    <Page
      title={t('notifications.title')}
      subTitle={unread > 0 ? <Typography.Text type="secondary">{t('notifications.unreadCount', { count: unread })}</Typography.Text> : undefined}
      extra={
        <Button icon={<CheckOutlined />} disabled={!unread} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => go({ unread: v === 'unread' })}
            options={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread') },
            ]}
            data-testid="notifications-unread-filter"
          />
          <Select
            allowClear
            value={kind}
            onChange={(k: NotificationKind | undefined) => go({ kind: k ?? null })}
            options={notificationKinds.map((k) => ({ value: k, label: t(`notifications.kind.${k}`) }))}
            placeholder={t('notifications.allKinds')}
            style={{ minWidth: 180 }}
            aria-label={t('notifications.kindLabel')}
            data-testid="notifications-kind-filter"
          />
        </Space>
        <List<Notification>
          loading={list.isFetching}
          dataSource={list.data?.items}
          locale={{ emptyText: emptyText(list, <NoRows text={unreadOnly || kind ? t('notifications.emptyFiltered') : t('notifications.empty')} />) }}
          pagination={
            (list.data?.total ?? 0) > pageSize
              ? { current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => go({ page: p }) }
              : false
          }
          data-testid="notifications-list"
          renderItem={(n) => {
            const target = notificationTarget(n.link, user);
            return (
              <List.Item
                style={{ background: n.readAt ? undefined : '#f0f7ff', paddingInline: 12 }}
                data-testid="notifications-item"
                data-unread={n.readAt ? undefined : 'true'}
                actions={[
                  !n.readAt && (
                    <Button key="read" type="link" size="small" onClick={() => markOne.mutate(n)} data-testid="notifications-mark-read">
                      {t('notifications.markRead')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  avatar={n.readAt ? <Badge status="default" /> : <Badge status="processing" />}
                  title={
                    <Space size={8} wrap>
                      <Tag color={kindColors[n.kind]} style={{ marginInlineEnd: 0 }}>
                        {t(`notifications.kind.${n.kind}`)}
                      </Tag>
                      {target ? (
                        <Link
                          to={target}
                          onClick={() => {
                            if (!n.readAt) markOne.mutate(n);
                          }}
                          style={{ fontWeight: n.readAt ? 'normal' : 600 }}
                          data-testid="notifications-link"
                        >
                          {n.title}
                        </Link>
                      ) : (
                        <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      {n.body && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{n.body}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt, 'minute')}
                        {n.readAt && ` · ${t('notifications.readAt', { time: formatDateTime(n.readAt, 'minute') })}`}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Page>
  );
}
