import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import type { Park } from '@zhiyuan/core';
import { App, Button, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildParkTree, useParks, type ParkNode } from '../../api/parks';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { ParkFormModal } from './ParkFormModal';

function filterTree(nodes: ParkNode[], q: string): ParkNode[] {
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = n.children ? filterTree(n.children, q) : [];
    const hit = n.name.includes(q) || n.code.toLowerCase().includes(q.toLowerCase()) || (n.district ?? '').includes(q);
    return hit || children.length ? [{ ...n, children: children.length ? children : hit ? n.children : undefined }] : [];
  });
}

export function ParksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const parks = useParks();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ park?: Park; parentId?: string } | null>(null);
  const writable = can('park.write');

  useEffect(() => {
    if (parks.error) showError(parks.error);
  }, [parks.error, showError]);

  const tree = useMemo(() => filterTree(buildParkTree(parks.data?.items ?? []), q.trim()), [parks.data, q]);
  const allKeys = useMemo(() => (parks.data?.items ?? []).map((p) => p.id), [parks.data]);

  const columns: ProColumns<ParkNode>[] = [
    // Widths add up to 1000 px: the whole tree fits a 1366 px wide screen without scrolling sideways.
    { title: t('parks.name'), dataIndex: 'name', width: 210 },
    { title: t('parks.code'), dataIndex: 'code', width: 180, copyable: true, ellipsis: true },
    { title: t('parks.district'), dataIndex: 'district', width: 100, render: (_d, p) => p.district ?? '—' },
    { title: t('parks.area'), dataIndex: 'areaKm2', width: 110, align: 'right', render: (_d, p) => p.areaKm2.toLocaleString(undefined, { maximumFractionDigits: 4 }) },
    { title: t('parks.subParks'), key: 'children', width: 90, align: 'right', render: (_d, p) => p.children?.length ?? 0 },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (_d, p) => formatDateTime(p.createdAt) },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 140,
      hideInTable: !writable,
      render: (_d, p) => [
        <a key="edit" onClick={() => setEditing({ park: p })} data-testid={`park-edit-${p.code}`}>
          {t('common.edit')}
        </a>,
        <a key="child" onClick={() => setEditing({ parentId: p.id })} data-testid={`park-add-child-${p.code}`}>
          {t('parks.addChild')}
        </a>,
      ],
    },
  ];

  return (
    <Page title={t('nav.parks')}>
      <ProTable<ParkNode>
        rowKey="id"
        columns={columns}
        dataSource={tree}
        loading={parks.isLoading}
        search={false}
        pagination={false}
        expandable={{ expandedRowKeys: q ? allKeys : undefined, defaultExpandAllRows: true }}
        key={parks.data ? 'loaded' : 'loading'}
        onRow={(p) => rowTestId('park', p.code)}
        scroll={{ x: 1000 }}
        options={{ density: false, setting: false, reload: () => void parks.refetch() }}
        headerTitle={t('parks.total', { count: parks.data?.total ?? 0 })}
        toolBarRender={() => [
          <Input.Search key="q" allowClear placeholder={t('parks.searchPlaceholder')} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ width: 240 }} data-testid="park-search" />,
          writable && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="park-create">
              {t('parks.create')}
            </Button>
          ),
        ]}
      />
      <ParkFormModal
        open={editing !== null}
        park={editing?.park}
        defaultParentId={editing?.parentId}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          void queryClient.invalidateQueries({ queryKey: ['parks'] });
        }}
      />
    </Page>
  );
}
