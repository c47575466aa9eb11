import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { Department } from '@zhiyuan/core';
import { App, Button, Popconfirm } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentsApi } from '../../api/parks';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { ParkTreeSelect, useParkNames } from '../../components/ParkTreeSelect';
import { UserName } from '../../components/UserSelect';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../../lib/table';
import { DepartmentFormModal } from './DepartmentFormModal';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const parkName = useParkNames();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const writable = can('department.write');

  const remove = async (d: Department) => {
    try {
      await departmentsApi.remove(d.id);
      void message.success(t('common.deleted'));
      void actionRef.current?.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: ProColumns<Department>[] = [
    { title: t('common.keyword'), dataIndex: 'q', hideInTable: true },
    { title: t('departments.name'), dataIndex: 'name', sorter: true, search: false, ellipsis: true },
    {
      title: t('departments.park'),
      dataIndex: 'parkId',
      renderFormItem: () => <ParkTreeSelect />,
      render: (_d, r) => parkName(r.parkId),
    },
    { title: t('departments.head'), dataIndex: 'headUserId', search: false, hideInTable: !can('user.read'), render: (_d, r) => <UserName id={r.headUserId} /> },
    { title: t('departments.phone'), dataIndex: 'phone', search: false, render: (_d, r) => r.phone ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', sorter: true, search: false, width: 170, render: (_d, r) => formatDateTime(r.createdAt) },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 140,
      hideInTable: !writable,
      render: (_d, r) => [
        <a key="edit" onClick={() => setEditing(r)} data-testid={`department-edit-${r.id}`}>
          {t('common.edit')}
        </a>,
        <Popconfirm
          key="delete"
          title={t('departments.deleteConfirm', { name: r.name })}
          description={t('departments.deleteNote')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(r)}
        >
          <a style={{ color: '#ff4d4f' }} data-testid={`department-delete-${r.id}`}>
            {t('common.delete')}
          </a>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <Page title={t('nav.departments')}>
      <ProTable<Department>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={async (params, sort) => {
          try {
            return toTableResult(await departmentsApi.list(toListQuery(params, sort, ['q', 'parkId'])));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => rowTestId('department', r.name)}
        options={{ density: false, setting: false, reload: true }}
        toolBarRender={() => [
          writable && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="department-create">
              {t('departments.create')}
            </Button>
          ),
        ]}
      />
      <DepartmentFormModal
        open={editing !== null}
        department={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          void actionRef.current?.reload();
        }}
      />
    </Page>
  );
}
