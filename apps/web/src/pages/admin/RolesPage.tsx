import { CheckOutlined } from '@ant-design/icons';
import { actions, type Action } from '@zhiyuan/core';
import { Alert, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../api/users';
import type { RoleInfo } from '../../api/types';
import { Page } from '../../components/Page';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';
import { useEffect } from 'react';
import { rowTestId } from '../../lib/table';

/** Actions grouped by the object they act on: 'user.read' → group 'user'. */
function groups(): [string, Action[]][] {
  const m = new Map<string, Action[]>();
  for (const a of actions) {
    const g = a.split('.')[0] ?? a;
    m.set(g, [...(m.get(g) ?? []), a]);
  }
  return [...m.entries()];
}

/** Column widths: the whole matrix fits a 1366 px wide screen without scrolling sideways. */
const roleWidth = 140;
const actionWidth = 60;

/** Read-only role × action matrix (the one in packages/core, as the server reports it). */
export function RolesPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const roles = useRoles();
  const showError = useShowError();
  useEffect(() => {
    if (roles.error) showError(roles.error);
  }, [roles.error, showError]);

  const columns: ColumnsType<RoleInfo> = [
    {
      title: t('roles.role'),
      dataIndex: 'code',
      fixed: 'left',
      width: roleWidth,
      render: (_c, r) => (
        <div>
          <div>{lang === 'en' ? r.nameEn : r.nameZh}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {r.code}
          </Typography.Text>
        </div>
      ),
    },
    ...groups().map(([g, acts]) => ({
      title: t(`roles.group.${g}`, { defaultValue: g }),
      children: acts.map((a) => ({
        title: t(`roles.action.${a.replace('.', '_')}`, { defaultValue: a }),
        key: a,
        width: actionWidth,
        align: 'center' as const,
        render: (_v: unknown, r: RoleInfo) =>
          r.permissions.includes(a) ? (
            <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('roles.allowed')} data-testid={`perm-${r.code}-${a}`} />
          ) : (
            <span aria-label={t('roles.denied')} style={{ color: '#d9d9d9' }}>
              –
            </span>
          ),
      })),
    })),
  ];

  return (
    <Page title={t('nav.roles')}>
      <Alert type="info" showIcon message={t('roles.note')} style={{ marginBottom: 16 }} />
      <Card>
        <Table<RoleInfo>
          rowKey="code"
          size="small"
          bordered
          loading={roles.isLoading}
          dataSource={roles.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: roleWidth + actions.length * actionWidth }}
          onRow={(r) => rowTestId('role', r.code)}
          data-testid="roles-matrix"
        />
      </Card>
    </Page>
  );
}
