import { PlusOutlined } from '@ant-design/icons';
import { daysBetween, shanghaiDate } from '@zhiyuan/core';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, useEnterpriseInvalidation, useQualifications, type Qualification } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { useShowError } from '../../lib/errors';
import { useEnterpriseLabels } from './enterpriseLabels';
import { QualificationFormModal } from './QualificationFormModal';

/** 已过期 / N 天后到期 (within 90 days) / 有效 / 长期有效. */
export function ExpiryTag({ validTo }: { validTo: string | null }) {
  const { t } = useTranslation();
  if (!validTo) return <Tag>{t('enterprises.qualification.longTerm')}</Tag>;
  const days = daysBetween(shanghaiDate(new Date()), validTo);
  if (days < 0) return <Tag color="red">{t('enterprises.qualification.expired')}</Tag>;
  if (days === 0) return <Tag color="orange">{t('enterprises.qualification.expiresToday')}</Tag>;
  if (days <= 90) return <Tag color="orange">{t('enterprises.qualification.expiresIn', { days })}</Tag>;
  return <Tag color="green">{t('enterprises.qualification.valid')}</Tag>;
}

export function QualificationsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useEnterpriseLabels();
  const invalidate = useEnterpriseInvalidation();
  const list = useQualifications(enterpriseId);
  const [editing, setEditing] = useState<Qualification | 'new' | null>(null);
  const writable = can('qualification.write');

  useEffect(() => {
    if (list.error) showError(list.error);
  }, [list.error, showError]);

  const remove = async (q: Qualification) => {
    try {
      await enterprisesApi.removeQualification(enterpriseId, q.id);
      void message.success(t('common.deleted'));
      void invalidate.enterprise(enterpriseId);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card
      title={t('enterprises.detail.tabs.qualifications')}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="qualification-add">
            {t('enterprises.qualification.add')}
          </Button>
        )
      }
    >
      <Table<Qualification>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        // 890 px of fixed columns; the note takes the rest (the table fits 1366 px wide screens).
        scroll={{ x: 960 }}
        locale={{ emptyText: t('enterprises.qualification.empty') }}
        onRow={(q) => ({ 'data-testid': `qualification-row-${q.kind}` }) as object}
        data-testid="qualification-table"
        columns={[
          { title: t('enterprises.qualification.kind'), dataIndex: 'kindName', width: 160 },
          {
            title: `${t('enterprises.qualification.certificateNo')} / ${t('enterprises.qualification.issuer')}`,
            dataIndex: 'certificateNo',
            width: 200,
            render: (_d, q) =>
              !q.certificateNo && !q.issuer ? (
                '—'
              ) : (
                <div style={{ minWidth: 0 }}>
                  <div className="zy-mono">{q.certificateNo ?? '—'}</div>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: q.issuer }} style={{ fontSize: 12, maxWidth: 176 }}>
                    {q.issuer ?? '—'}
                  </Typography.Text>
                </div>
              ),
          },
          {
            title: t('enterprises.qualification.validity'),
            key: 'validity',
            width: 250,
            render: (_d, q) => (
              <Space size={8} wrap>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {q.validFrom} ~ {q.validTo ?? t('enterprises.qualification.longTerm')}
                </span>
                <ExpiryTag validTo={q.validTo} />
              </Space>
            ),
          },
          {
            title: t('enterprises.qualification.reviews'),
            dataIndex: 'reviews',
            width: 180,
            render: (_d, q) =>
              q.reviews.length ? (
                <Space direction="vertical" size={2}>
                  {q.reviews.map((r, i) => (
                    <span key={i} style={{ whiteSpace: 'nowrap' }}>
                      {r.date} <Tag color={r.outcome === 'passed' ? 'green' : r.outcome === 'failed' ? 'red' : 'default'}>{labels.reviewOutcome(r.outcome)}</Tag>
                      {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
                    </span>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('enterprises.qualification.note'), dataIndex: 'note', ellipsis: true, render: (_d, q) => q.note ?? '—' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  fixed: 'right' as const,
                  render: (_d: unknown, q: Qualification) => (
                    <Space>
                      <a onClick={() => setEditing(q)} data-testid={`qualification-edit-${q.kind}`}>
                        {t('common.edit')}
                      </a>
                      <Popconfirm
                        title={t('enterprises.qualification.deleteConfirm', { name: q.kindName })}
                        description={t('enterprises.qualification.deleteNote')}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(q)}
                      >
                        <a style={{ color: '#ff4d4f' }} data-testid={`qualification-delete-${q.kind}`}>
                          {t('common.delete')}
                        </a>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <QualificationFormModal
        enterpriseId={enterpriseId}
        open={editing !== null}
        qualification={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          void invalidate.enterprise(enterpriseId);
        }}
      />
    </Card>
  );
}
