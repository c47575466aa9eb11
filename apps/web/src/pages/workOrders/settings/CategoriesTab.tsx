import { PlusOutlined } from '@ant-design/icons';
import { buildCategoryTree, categoryMoveProblem, createWorkOrderCategoryRequest, maxCategoryDepth, type CategoryNode } from '@zhiyuan/core';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkOrderCategories, useWorkOrderInvalidation, workOrderCategoriesApi, type WorkOrderCategory } from '../../../api/workOrders';
import { FormModal } from '../../../components/FormModal';
import { emptyText, NoRows } from '../../../components/ListEmpty';
import { useShowError } from '../../../lib/errors';
import { schemaRule } from '../../../lib/rules';

type Node = CategoryNode<WorkOrderCategory>;
type Row = Omit<Node, 'children'> & { depth: number; children?: Row[] };
type Editing = { kind: 'create'; parent: WorkOrderCategory | null } | { kind: 'rename'; category: WorkOrderCategory } | { kind: 'move'; category: WorkOrderCategory };

const ROOT = '__root__';

function toRows(nodes: Node[], depth = 1): Row[] {
  return nodes.map(({ children, ...n }) => ({ ...n, depth, ...(children.length ? { children: toRows(children, depth + 1) } : {}) }));
}

/** 工单分类: the editable tree (up to three levels) — add, rename, move, deactivate; delete only when unused. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useWorkOrderInvalidation();
  const list = useWorkOrderCategories();
  const flat = useMemo(() => list.data?.items ?? [], [list.data]);
  const rows = useMemo(() => toRows(buildCategoryTree(flat)), [flat]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await work();
      void message.success(done);
      await invalidate.categories();
    } catch (e) {
      // 409 CATEGORY_IN_USE and the like: the server says why (e.g. deactivate it instead).
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('workOrders.categories.name'),
      dataIndex: 'name',
      render: (_d, r) => (
        <Space size={6}>
          <Typography.Text type={r.active ? undefined : 'secondary'} delete={!r.active}>
            {r.name}
          </Typography.Text>
          {!r.active && <Tag>{t('workOrders.categories.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('workOrders.categories.sortOrder'), dataIndex: 'sortOrder', width: 90, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 380,
      render: (_d, r) => (
        <Space size={4} wrap>
          <Button size="small" type="link" disabled={r.depth >= maxCategoryDepth || !r.active} onClick={() => setEditing({ kind: 'create', parent: r })} data-testid={`category-add-child-${r.id}`}>
            {t('workOrders.categories.addChild')}
          </Button>
          <Button size="small" type="link" onClick={() => setEditing({ kind: 'rename', category: r })} data-testid={`category-rename-${r.id}`}>
            {t('workOrders.categories.rename')}
          </Button>
          <Button size="small" type="link" onClick={() => setEditing({ kind: 'move', category: r })} data-testid={`category-move-${r.id}`}>
            {t('workOrders.categories.move')}
          </Button>
          <Button
            size="small"
            type="link"
            loading={busy === `active:${r.id}`}
            onClick={() =>
              void run(`active:${r.id}`, () => workOrderCategoriesApi.update(r.id, { active: !r.active }), r.active ? t('workOrders.categories.deactivated') : t('workOrders.categories.activated'))
            }
            data-testid={`category-toggle-${r.id}`}
          >
            {r.active ? t('workOrders.categories.deactivate') : t('workOrders.categories.activate')}
          </Button>
          <Popconfirm
            title={t('workOrders.categories.deleteConfirm', { name: r.name })}
            description={t('workOrders.categories.deleteHint')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => run(`delete:${r.id}`, () => workOrderCategoriesApi.remove(r.id), t('common.deleted'))}
          >
            <Button size="small" type="link" danger loading={busy === `delete:${r.id}`} data-testid={`category-delete-${r.id}`}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.categories.note', { depth: maxCategoryDepth })} />
      <div style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', parent: null })} data-testid="category-add-root">
          {t('workOrders.categories.addRoot')}
        </Button>
      </div>
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={rows.length ? 'loaded' : 'empty'}
        locale={{ emptyText: emptyText(list, <NoRows text={t('workOrders.categories.empty')} />) }}
        onRow={(r) => ({ 'data-testid': `category-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="category-table"
      />
      {editing && <CategoryModal editing={editing} flat={flat} onClose={() => setEditing(null)} onSaved={() => void invalidate.categories()} />}
    </>
  );
}

type Values = { name: string; parentId?: string; sortOrder?: number };

function CategoryModal({ editing, flat, onClose, onSaved }: { editing: Editing; flat: readonly WorkOrderCategory[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = editing.kind === 'create' ? null : editing.category;
  // Parents a move may choose: anything but itself and below, within the depth limit (core's rule).
  const parentOptions = useMemo(() => {
    if (editing.kind !== 'move' || !current) return [];
    const ok = (id: string | null) => categoryMoveProblem(flat, current.id, id) == null;
    type Opt = { title: string; value: string; disabled?: boolean; children?: Opt[] };
    const walk = (nodes: Node[]): Opt[] =>
      nodes.filter((n) => n.id !== current.id).map((n) => ({ title: n.name, value: n.id, disabled: !ok(n.id), ...(n.children.length ? { children: walk(n.children) } : {}) }));
    return [{ title: t('workOrders.categories.rootLevel'), value: ROOT, disabled: !ok(null) }, ...walk(buildCategoryTree(flat))];
  }, [editing.kind, current, flat, t]);

  const submit = async (v: Values) => {
    if (editing.kind === 'create') {
      await workOrderCategoriesApi.create({ name: v.name.trim(), parentId: editing.parent?.id, sortOrder: v.sortOrder ?? undefined });
      void message.success(t('workOrders.categories.created'));
    } else if (editing.kind === 'rename') {
      await workOrderCategoriesApi.update(editing.category.id, { name: v.name.trim(), sortOrder: v.sortOrder ?? undefined });
      void message.success(t('common.saved'));
    } else {
      const parentId = !v.parentId || v.parentId === ROOT ? null : v.parentId;
      const problem = categoryMoveProblem(flat, editing.category.id, parentId);
      if (problem) throw new Error(problem);
      await workOrderCategoriesApi.update(editing.category.id, { parentId, sortOrder: v.sortOrder ?? undefined });
      void message.success(t('workOrders.categories.moved'));
    }
    onSaved();
  };

  const title =
    editing.kind === 'create'
      ? editing.parent
        ? t('workOrders.categories.addChildTitle', { parent: editing.parent.name })
        : t('workOrders.categories.addRoot')
      : editing.kind === 'rename'
        ? t('workOrders.categories.renameTitle', { name: editing.category.name })
        : t('workOrders.categories.moveTitle', { name: editing.category.name });

  return (
    <FormModal<Values>
      open
      title={title}
      onClose={onClose}
      onSubmit={submit}
      testId="category-form"
      initialValues={current ? { name: current.name, parentId: current.parentId ?? ROOT, sortOrder: current.sortOrder } : {}}
    >
      {editing.kind !== 'move' && (
        <Form.Item
          name="name"
          label={t('workOrders.categories.name')}
          rules={[{ required: true, whitespace: true, message: t('workOrders.categories.nameRequired') }, schemaRule(createWorkOrderCategoryRequest.shape.name, t('workOrders.categories.nameInvalid'))]}
        >
          <Input maxLength={32} autoFocus data-testid="category-name" />
        </Form.Item>
      )}
      {editing.kind === 'move' && (
        <Form.Item name="parentId" label={t('workOrders.categories.newParent')} rules={[{ required: true }]}>
          <TreeSelect treeData={parentOptions} treeDefaultExpandAll data-testid="category-parent" />
        </Form.Item>
      )}
      <Form.Item name="sortOrder" label={t('workOrders.categories.sortOrder')} extra={t('workOrders.categories.sortOrderHint')}>
        <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} data-testid="category-sort" />
      </Form.Item>
    </FormModal>
  );
}
