import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { createQualificationKindRequest, type QualificationKind } from '@zhiyuan/core';
import { Alert, App, Button, Form, Input, InputNumber, Switch, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qualificationAdminApi } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { schemaRule } from '../../lib/rules';
import { rowTestId } from '../../lib/table';

type Values = { code: string; name: string; validityYears?: number | null; sort?: number | null; active: boolean };

function KindFormModal({ kind, open, onClose, onSaved }: { kind?: QualificationKind; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = async (v: Values) => {
    const body = { name: v.name.trim(), validityYears: v.validityYears ?? null, sort: v.sort ?? undefined, active: v.active };
    if (kind) await qualificationAdminApi.updateKind(kind.code, body);
    else await qualificationAdminApi.createKind({ ...body, code: v.code.trim() });
    onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={kind ? t('enterpriseAdmin.kinds.editTitle', { name: kind.name }) : t('enterpriseAdmin.kinds.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      testId="kind-form"
      initialValues={kind ? { code: kind.code, name: kind.name, validityYears: kind.validityYears, sort: kind.sort, active: kind.active } : { active: true }}
    >
      <Form.Item
        name="code"
        label={t('enterpriseAdmin.kinds.code')}
        extra={kind ? t('enterpriseAdmin.kinds.codeFixed') : t('enterpriseAdmin.kinds.codeHint')}
        rules={[{ required: true, message: t('enterpriseAdmin.kinds.codeRequired') }, schemaRule(createQualificationKindRequest.shape.code, t('enterpriseAdmin.kinds.codeInvalid'))]}
      >
        <Input maxLength={32} disabled={!!kind} className="zy-mono" data-testid="kind-code" />
      </Form.Item>
      <Form.Item name="name" label={t('enterpriseAdmin.kinds.name')} rules={[{ required: true, whitespace: true, message: t('enterpriseAdmin.kinds.nameRequired') }, { max: 40 }]}>
        <Input maxLength={40} data-testid="kind-name" />
      </Form.Item>
      <Form.Item name="validityYears" label={t('enterpriseAdmin.kinds.validityYears')} extra={t('enterpriseAdmin.kinds.validityHint')}>
        <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="kind-validity" />
      </Form.Item>
      <Form.Item name="sort" label={t('enterpriseAdmin.kinds.sort')} extra={t('enterpriseAdmin.kinds.sortHint')}>
        <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} data-testid="kind-sort" />
      </Form.Item>
      <Form.Item name="active" label={t('enterpriseAdmin.kinds.active')} valuePropName="checked" extra={t('enterpriseAdmin.kinds.activeHint')}>
        <Switch data-testid="kind-active" />
      </Form.Item>
    </FormModal>
  );
}

/** 资质类型: the editable list of qualification kinds (国家高新技术企业, 专精特新…). */
export function QualificationKindsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<QualificationKind | 'new' | null>(null);
  const writable = can('qualificationKind.write');

  const columns: ProColumns<QualificationKind>[] = [
    { title: t('enterpriseAdmin.kinds.sort'), dataIndex: 'sort', width: 80, align: 'right' },
    { title: t('enterpriseAdmin.kinds.name'), dataIndex: 'name', ellipsis: true },
    { title: t('enterpriseAdmin.kinds.code'), dataIndex: 'code', width: 180, render: (_d, k) => <span className="zy-mono">{k.code}</span> },
    {
      title: t('enterpriseAdmin.kinds.validityYears'),
      dataIndex: 'validityYears',
      width: 140,
      render: (_d, k) => (k.validityYears === null ? t('enterpriseAdmin.kinds.noExpiry') : t('enterpriseAdmin.kinds.yearsValue', { count: k.validityYears })),
    },
    {
      title: t('enterpriseAdmin.kinds.status'),
      dataIndex: 'active',
      width: 100,
      render: (_d, k) => (k.active ? <Tag color="green">{t('enterpriseAdmin.kinds.activeText')}</Tag> : <Tag>{t('enterpriseAdmin.kinds.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 90,
      hideInTable: !writable,
      render: (_d, k) => [
        <a key="edit" onClick={() => setEditing(k)} data-testid={`kind-edit-${k.code}`}>
          {t('common.edit')}
        </a>,
      ],
    },
  ];

  return (
    <Page title={t('enterpriseAdmin.nav.kinds')}>
      {!writable && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('enterpriseAdmin.kinds.readOnly')} />}
      <ProTable<QualificationKind>
        rowKey="code"
        actionRef={actionRef}
        columns={columns}
        search={false}
        request={async () => {
          try {
            const { items } = await qualificationAdminApi.kinds();
            return { data: items, total: items.length, success: true };
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={false}
        onRow={(k) => rowTestId('kind', k.code)}
        options={{ density: false, setting: false, reload: true }}
        toolBarRender={() => [
          writable && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="kind-create">
              {t('enterpriseAdmin.kinds.create')}
            </Button>
          ),
        ]}
        data-testid="kinds-table"
      />
      <KindFormModal
        open={editing !== null}
        kind={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          void queryClient.invalidateQueries({ queryKey: ['qualification-kinds'] });
          void actionRef.current?.reload();
        }}
      />
    </Page>
  );
}
