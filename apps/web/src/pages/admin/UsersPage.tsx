import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { adminRoles, roleCodes, type User } from '@zhiyuan/core';
import { App, Button, Dropdown, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import { useAuth, useUser } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { useParkNames } from '../../components/ParkTreeSelect';
import { RoleTags } from '../../components/RoleTags';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';
import { formatDate, formatDateTime, isFuture } from '../../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../../lib/table';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserRolesModal } from './UserRolesModal';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const { can } = useAuth();
  const { roleName } = useLanguage();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const parkName = useParkNames(can('park.read'));
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [rolesFor, setRolesFor] = useState<User | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const canWrite = can('user.write');
  const canSecure = can('user.secure');
  const canAssign = can('user.assignRoles');
  /** 三权分立 (as the server rules): administrator accounts are managed by the security admin only. */
  const mayManage = (u: User) => me.roles.includes('secadmin') || !u.roles.some((r) => adminRoles.includes(r));

  const reload = () => void actionRef.current?.reload();
  const saved = (text: string) => () => {
    void message.success(text);
    reload();
  };

  const act = (u: User, key: string) => {
    const run = (fn: () => Promise<unknown>, done: string) => async () => {
      try {
        await fn();
        saved(done)();
      } catch (e) {
        showError(e);
      }
    };
    switch (key) {
      case 'reset':
        return setResetFor(u);
      case 'end-sessions':
        return modal.confirm({
          title: t('users.endSessionsConfirm', { name: u.username }),
          content: t('users.endSessionsNote'),
          okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
          onOk: run(() => usersApi.endSessions(u.id), t('users.sessionsEnded')),
        });
      case 'unlock':
        return void run(() => usersApi.unlock(u.id), t('users.unlocked'))();
      case 'disable':
        return modal.confirm({
          title: t('users.disableConfirm', { name: u.username }),
          content: t('users.disableNote'),
          okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
          onOk: run(() => usersApi.update(u.id, { status: 'disabled' }), t('users.disabled')),
        });
      case 'enable':
        return void run(() => usersApi.update(u.id, { status: 'active' }), t('users.enabled'))();
    }
  };

  const columns: ProColumns<User>[] = [
    { title: t('common.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('users.keywordPlaceholder') } },
    { title: t('users.username'), dataIndex: 'username', sorter: true, search: false, width: 160, ellipsis: true },
    { title: t('users.displayName'), dataIndex: 'displayName', sorter: true, search: false, width: 160, ellipsis: true },
    {
      title: t('users.roles'),
      dataIndex: 'role',
      valueType: 'select',
      valueEnum: Object.fromEntries(roleCodes.map((r) => [r, { text: roleName(r) }])),
      width: 170,
      render: (_d, u) => <RoleTags roles={u.roles} />,
    },
    {
      title: t('users.parks'),
      dataIndex: 'parkIds',
      search: false,
      ellipsis: true,
      render: (_d, u) => (u.parkIds.length ? u.parkIds.map(parkName).join('、') : '—'),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 120,
      valueType: 'select',
      valueEnum: { active: { text: t('users.statusActive') }, disabled: { text: t('users.statusDisabled') } },
      render: (_d, u) => (
        <Space size={4} wrap>
          {u.status === 'active' ? <Tag color="green">{t('users.statusActive')}</Tag> : <Tag>{t('users.statusDisabled')}</Tag>}
          {isFuture(u.lockedUntil) && <Tag color="red">{t('users.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('users.pendingChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', sorter: true, search: false, width: 150, render: (_d, u) => formatDateTime(u.lastLoginAt, 'minute') },
    { title: t('common.createdAt'), dataIndex: 'createdAt', sorter: true, search: false, width: 110, render: (_d, u) => formatDate(u.createdAt) },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 170,
      fixed: 'right',
      render: (_d, u) => {
        const self = u.id === me.id;
        const manage = mayManage(u);
        const more = [
          // One's own password is changed with the current one (修改密码), never reset.
          canSecure && manage && !self && { key: 'reset', label: t('users.resetPassword') },
          canSecure && manage && { key: 'end-sessions', label: t('users.endSessions') },
          canSecure && manage && isFuture(u.lockedUntil) && { key: 'unlock', label: t('users.unlock') },
          canWrite && manage && !self && (u.status === 'active' ? { key: 'disable', label: t('users.disable'), danger: true } : { key: 'enable', label: t('users.enable') }),
        ].filter((x) => !!x);
        return [
          canWrite && manage && (
            <a key="edit" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
              {t('common.edit')}
            </a>
          ),
          canAssign && manage && !self && (
            <a key="roles" onClick={() => setRolesFor(u)} data-testid={`user-roles-${u.username}`}>
              {t('users.assignRoles')}
            </a>
          ),
          more.length > 0 && (
            <Dropdown key="more" menu={{ items: more, onClick: ({ key }) => act(u, key) }} trigger={['click']}>
              <a data-testid={`user-more-${u.username}`} aria-haspopup="menu">
                {t('common.more')} <DownOutlined />
              </a>
            </Dropdown>
          ),
        ].filter(Boolean);
      },
    },
  ];

  return (
    <Page title={t('nav.users')}>
      <ProTable<User>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={async (params, sort) => {
          try {
            return toTableResult(await usersApi.list(toListQuery(params, sort, ['q', 'role', 'status'])));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        scroll={{ x: 1250 }}
        onRow={(u) => rowTestId('user', u.username)}
        options={{ density: false, setting: false, reload: true }}
        toolBarRender={() => [
          canWrite && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
              {t('users.create')}
            </Button>
          ),
        ]}
        data-testid="users-table"
      />
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={saved(t('common.saved'))}
      />
      <UserRolesModal user={rolesFor} onClose={() => setRolesFor(null)} onSaved={saved(t('common.saved'))} />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} onSaved={saved(t('users.resetDone'))} />
    </Page>
  );
}
