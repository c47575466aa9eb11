import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/tokens';
import type { CreatedToken, Token } from '../../api/types';
import { Page } from '../../components/Page';
import { useParkNames } from '../../components/ParkTreeSelect';
import { RoleTags } from '../../components/RoleTags';
import { useShowError } from '../../lib/errors';
import { formatDateTime, isFuture } from '../../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../../lib/table';
import { TokenCreateModal } from './TokenCreateModal';
import { TokenShownOnce } from './TokenShownOnce';

export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const parkName = useParkNames();
  const actionRef = useRef<ActionType>(undefined);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const revoke = async (tok: Token) => {
    try {
      await tokensApi.revoke(tok.id);
      void message.success(t('tokens.revoked'));
      void actionRef.current?.reload();
    } catch (e) {
      showError(e);
    }
  };

  const status = (tok: Token) => (tok.revokedAt ? 'revoked' : isFuture(tok.expiresAt) ? 'active' : 'expired');
  const statusColor = { active: 'green', expired: 'default', revoked: 'red' } as const;

  const columns: ProColumns<Token>[] = [
    { title: t('tokens.name'), dataIndex: 'name', ellipsis: true, width: 160 },
    { title: t('tokens.prefix'), dataIndex: 'prefix', width: 120, render: (_d, r) => <code>{r.prefix}…</code> },
    { title: t('tokens.roles'), dataIndex: 'roles', render: (_d, r) => <RoleTags roles={r.roles} /> },
    { title: t('tokens.parks'), dataIndex: 'parkIds', ellipsis: true, render: (_d, r) => r.parkIds.map(parkName).join('、') },
    {
      title: t('tokens.status'),
      key: 'status',
      width: 90,
      render: (_d, r) => <Tag color={statusColor[status(r)]}>{t(`tokens.statusText.${status(r)}`)}</Tag>,
    },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', width: 160, render: (_d, r) => formatDateTime(r.expiresAt) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', width: 160, render: (_d, r) => formatDateTime(r.lastUsedAt) },
    { title: t('tokens.createdBy'), dataIndex: 'createdBy', width: 110, ellipsis: true },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (_d, r) => formatDateTime(r.createdAt) },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 90,
      fixed: 'right',
      render: (_d, r) =>
        status(r) === 'active'
          ? [
              <Popconfirm
                key="revoke"
                title={t('tokens.revokeConfirm', { name: r.name })}
                description={t('tokens.revokeNote')}
                okText={t('tokens.revoke')}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke(r)}
              >
                <a style={{ color: '#ff4d4f' }} data-testid={`token-revoke-${r.name}`}>
                  {t('tokens.revoke')}
                </a>
              </Popconfirm>,
            ]
          : [],
    },
  ];

  return (
    <Page title={t('nav.tokens')}>
      <ProTable<Token>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        request={async (params) => {
          try {
            return toTableResult(await tokensApi.list(toListQuery(params, undefined, [])));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        scroll={{ x: 1300 }}
        onRow={(r) => rowTestId('token', r.name)}
        options={{ density: false, setting: false, reload: true }}
        headerTitle={t('tokens.headerNote')}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>,
        ]}
      />
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreated(tok);
          void actionRef.current?.reload();
        }}
      />
      <TokenShownOnce token={created} onClose={() => setCreated(null)} />
    </Page>
  );
}
