import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { ChangeRequest } from '@zhiyuan/core';
import { App, Form, Input, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changeRequestApi } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { Page } from '../../components/Page';
import { useParkNames } from '../../components/ParkTreeSelect';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../../lib/table';
import { ChangeLines, changeStatusColor } from './ChangeRequestsPageLines';

/** 变更审批: enterprises' requests to change name, USCC, park or industry. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const parkName = useParkNames();
  const actionRef = useRef<ActionType>(undefined);
  const [rejecting, setRejecting] = useState<ChangeRequest | null>(null);

  const reload = () => void actionRef.current?.reload();

  const approve = (r: ChangeRequest) =>
    modal.confirm({
      title: t('enterpriseAdmin.changes.approveConfirm', { name: r.enterpriseName }),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>{t('enterpriseAdmin.changes.approveNote')}</Typography.Paragraph>
          <ChangeLines request={r} parkName={parkName} />
        </>
      ),
      okText: t('enterpriseAdmin.changes.approve'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await changeRequestApi.decide(r.id, { approve: true });
          void message.success(t('enterpriseAdmin.changes.approved'));
          reload();
        } catch (e) {
          showError(e);
          reload();
        }
      },
    });

  const columns: ProColumns<ChangeRequest>[] = [
    {
      title: t('enterpriseAdmin.changes.status'),
      dataIndex: 'status',
      width: 130,
      valueType: 'select',
      fieldProps: { 'data-testid': 'change-status-filter', placeholder: t('enterpriseAdmin.changes.allStatuses') },
      valueEnum: {
        pending: { text: t('enterpriseAdmin.changes.statusText.pending') },
        approved: { text: t('enterpriseAdmin.changes.statusText.approved') },
        rejected: { text: t('enterpriseAdmin.changes.statusText.rejected') },
      },
      render: (_d, r) => (
        <Space direction="vertical" size={2}>
          <Tag color={changeStatusColor[r.status]} data-testid="change-status">
            {t(`enterpriseAdmin.changes.statusText.${r.status}`)}
          </Tag>
          {r.status !== 'pending' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decidedBy ?? '—'} · {formatDateTime(r.decidedAt, 'minute')}
            </Typography.Text>
          )}
          {r.comment && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enterpriseAdmin.changes.commentValue', { comment: r.comment })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('enterpriseAdmin.changes.enterprise'),
      dataIndex: 'enterpriseName',
      search: false,
      width: 190,
      render: (_d, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
    },
    { title: t('enterpriseAdmin.changes.changes'), dataIndex: 'changes', search: false, render: (_d, r) => <ChangeLines request={r} parkName={parkName} /> },
    { title: t('enterpriseAdmin.changes.reason'), dataIndex: 'reason', search: false, width: 180, render: (_d, r) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: r.reason }}>{r.reason}</Typography.Paragraph> },
    {
      title: t('enterpriseAdmin.changes.requested'),
      dataIndex: 'requestedAt',
      search: false,
      width: 150,
      render: (_d, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.requestedBy ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.requestedAt, 'minute')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 96,
      fixed: 'right',
      render: (_d, r) =>
        r.status === 'pending'
          ? [
              <a key="approve" onClick={() => approve(r)} data-testid={`change-approve-${r.id}`}>
                {t('enterpriseAdmin.changes.approve')}
              </a>,
              <a key="reject" style={{ color: '#ff4d4f' }} onClick={() => setRejecting(r)} data-testid={`change-reject-${r.id}`}>
                {t('enterpriseAdmin.changes.reject')}
              </a>,
            ]
          : [],
    },
  ];

  return (
    <Page title={t('enterpriseAdmin.nav.changeRequests')} subTitle={<Typography.Text type="secondary">{t('enterpriseAdmin.changes.subtitle')}</Typography.Text>}>
      <ProTable<ChangeRequest>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={async (params, sort) => {
          try {
            return toTableResult(await changeRequestApi.list(toListQuery(params, sort, ['status'])));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => rowTestId('change', r.id)}
        options={{ density: false, setting: false, reload: true }}
        scroll={{ x: 1000 }}
        data-testid="change-requests-table"
      />
      <FormModal<{ comment: string }>
        open={rejecting !== null}
        title={t('enterpriseAdmin.changes.rejectTitle', { name: rejecting?.enterpriseName ?? '' })}
        okText={t('enterpriseAdmin.changes.reject')}
        onClose={() => setRejecting(null)}
        testId="change-reject-form"
        onSubmit={async ({ comment }) => {
          await changeRequestApi.decide(rejecting!.id, { approve: false, comment: comment.trim() });
          void message.success(t('enterpriseAdmin.changes.rejected'));
          reload();
        }}
      >
        {rejecting && (
          <div style={{ marginBottom: 16 }}>
            <ChangeLines request={rejecting} parkName={parkName} />
          </div>
        )}
        <Form.Item
          name="comment"
          label={t('enterpriseAdmin.changes.rejectComment')}
          rules={[{ required: true, whitespace: true, message: t('enterpriseAdmin.changes.rejectCommentRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount data-testid="change-reject-comment" />
        </Form.Item>
      </FormModal>
    </Page>
  );
}
