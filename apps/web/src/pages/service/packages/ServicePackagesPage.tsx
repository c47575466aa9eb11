import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { ServicePackage } from '@zhiyuan/core';
import { App, Button, Popconfirm, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { servicePackagesApi, useServicePackageInvalidation } from '../../../api/servicePackages';
import { useAuth } from '../../../auth/AuthContext';
import { NoRows } from '../../../components/ListEmpty';
import { Page } from '../../../components/Page';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { loadTable, rowTestId, searchTableProps, toListQuery } from '../../../lib/table';
import { LinkButton } from '../common/LinkButton';
import { AssignmentDrawer } from './AssignmentDrawer';
import { AssignmentsTable } from './AssignmentsTable';
import { AssignPackageModal } from './AssignPackageModal';
import { PackageFormModal } from './PackageFormModal';

type Tab = 'packages' | 'assignments';

/** 服务包: the packages and their items (servicePackage.manage), who holds them and how far each is. */
export function ServicePackagesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useServicePackageInvalidation();
  const [params, setParams] = useSearchParams();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<ServicePackage | 'new' | null>(null);
  const [assigning, setAssigning] = useState<ServicePackage | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const tab: Tab = params.get('tab') === 'assignments' ? 'assignments' : 'packages';
  const packageId = params.get('packageId') ?? undefined;
  const assignmentId = params.get('assignment');
  const manage = can('servicePackage.manage');
  const write = can('servicePackage.write');

  const setParam = (next: Record<string, string | undefined>, replace = true) =>
    setParams(
      (prev) => {
        const sp = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) sp.set(k, v);
          else sp.delete(k);
        }
        return sp;
      },
      { replace },
    );

  const toggle = async (p: ServicePackage) => {
    try {
      await servicePackagesApi.update(p.id, { active: !p.active });
      void message.success(t(p.active ? 'packages.deactivated' : 'packages.activated', { name: p.name }));
      void invalidate();
      void actionRef.current?.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: ProColumns<ServicePackage>[] = [
    { title: t('common.keyword'), dataIndex: 'q', hideInTable: true },
    {
      title: t('packages.col.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      width: 240,
      render: (_d, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }} style={{ fontSize: 12, maxWidth: 230 }}>
              {r.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('packages.col.items'),
      dataIndex: 'items',
      search: false,
      render: (_d, r) => {
        const items = r.items.filter((i) => i.active).sort((a, b) => a.sortOrder - b.sortOrder);
        const rest = items.slice(4);
        return (
          <Space size={[4, 4]} wrap>
            {items.slice(0, 4).map((i) => (
              <Tag key={i.id} style={{ marginInlineEnd: 0 }}>
                {i.name}
              </Tag>
            ))}
            {rest.length > 0 && (
              <Tooltip title={rest.map((i) => i.name).join('、')}>
                <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('packages.col.assigned'),
      dataIndex: 'assignedCount',
      search: false,
      width: 110,
      align: 'right',
      render: (_d, r) =>
        r.assignedCount > 0 ? (
          <LinkButton onClick={() => setParam({ tab: 'assignments', packageId: r.id }, false)} data-testid={`package-assigned-${r.name}`}>
            {t('packages.enterprises', { count: r.assignedCount })}
          </LinkButton>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('packages.col.active'),
      dataIndex: 'active',
      width: 100,
      valueType: 'select',
      valueEnum: { true: { text: t('packages.active.true') }, false: { text: t('packages.active.false') } },
      render: (_d, r) => <Tag color={r.active ? 'green' : 'default'}>{t(`packages.active.${r.active}`)}</Tag>,
    },
    { title: t('packages.col.updatedAt'), dataIndex: 'updatedAt', search: false, sorter: true, width: 140, render: (_d, r) => formatDateTime(r.updatedAt, 'minute') },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 180,
      hideInTable: !manage && !write,
      render: (_d, r) => [
        write && r.active && (
          <LinkButton key="assign" onClick={() => setAssigning(r)} data-testid={`package-assign-${r.name}`}>
            {t('packages.assign.action')}
          </LinkButton>
        ),
        manage && (
          <LinkButton key="edit" onClick={() => setEditing(r)} data-testid={`package-edit-${r.name}`}>
            {t('common.edit')}
          </LinkButton>
        ),
        manage && (
          <Popconfirm
            key="toggle"
            title={t(r.active ? 'packages.deactivateConfirm' : 'packages.activateConfirm', { name: r.name })}
            description={r.active ? t('packages.deactivateNote') : undefined}
            okText={t(r.active ? 'packages.deactivate' : 'packages.activate')}
            okButtonProps={{ danger: r.active, 'data-testid': 'confirm-ok' }}
            cancelText={t('common.cancel')}
            onConfirm={() => toggle(r)}
          >
            <LinkButton danger={r.active} data-testid={`package-toggle-${r.name}`}>
              {t(r.active ? 'packages.deactivate' : 'packages.activate')}
            </LinkButton>
          </Popconfirm>
        ),
      ],
    },
  ];

  return (
    <Page title={t('packages.title')} subTitle={<Typography.Text type="secondary">{t('packages.subtitle')}</Typography.Text>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam({ tab: k === 'packages' ? undefined : k, packageId: undefined })}
        items={[
          {
            key: 'packages',
            label: <span data-testid="packages-tab-packages">{t('packages.tabs.packages')}</span>,
            children: (
              <ProTable<ServicePackage>
                rowKey="id"
                locale={{ emptyText: <NoRows text={t('packages.empty')} /> }}
                actionRef={actionRef}
                columns={columns}
                request={(p, sort) => loadTable(servicePackagesApi.list(toListQuery(p, sort, ['q', 'active'])), showError)}
                {...searchTableProps}
                onRow={(r) => rowTestId('package', r.name)}
                toolBarRender={() => [
                  manage && (
                    <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="package-create">
                      {t('packages.create')}
                    </Button>
                  ),
                ]}
              />
            ),
          },
          {
            key: 'assignments',
            label: <span data-testid="packages-tab-assignments">{t('packages.tabs.assignments')}</span>,
            children: <AssignmentsTable packageId={packageId} reloadKey={reloadKey} onOpen={(id) => setParam({ assignment: id }, false)} />,
          },
        ]}
      />
      <PackageFormModal
        open={editing !== null}
        pkg={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          void message.success(t('packages.saved', { name: p.name }));
          void invalidate();
          void actionRef.current?.reload();
        }}
      />
      <AssignPackageModal
        pkg={assigning}
        onClose={() => setAssigning(null)}
        onDone={(r) => {
          void message.success(t('packages.assign.done', { created: r.created, existing: r.existing }));
          void invalidate();
          void actionRef.current?.reload();
          setReloadKey((k) => k + 1);
        }}
      />
      <AssignmentDrawer
        assignmentId={assignmentId}
        onClose={() => {
          setParam({ assignment: undefined });
          setReloadKey((k) => k + 1);
        }}
      />
    </Page>
  );
}
