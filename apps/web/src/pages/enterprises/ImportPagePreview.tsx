import { ArrowRightOutlined, CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportPreview } from '@zhiyuan/core';
import { Alert, Button, Card, Col, Popconfirm, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { enterpriseImportApi, useImportChanges, type ImportChange, type ImportResult } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { useParkNames } from '../../components/ParkTreeSelect';
import { fieldValueText } from '../../lib/enterpriseValues';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';

type Action = ImportChange['action'];
type Filter = Action | 'all';

const actionColor: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'default' };

type Props = {
  previewId: string;
  preview: ImportPreview | undefined;
  loading: boolean;
  error: unknown;
  onCommitted: (r: ImportResult) => void;
  onRestart: () => void;
};

/** Step 3: the counts, the row-by-row changes, and the commit. */
export function ImportPreviewCard({ previewId, preview, loading, error, onCommitted, onRestart }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [committing, setCommitting] = useState(false);
  const [stale, setStale] = useState<string | null>(null);

  const restartButton = (
    <Button icon={<ReloadOutlined />} onClick={onRestart} data-testid="import-restart">
      {t('enterpriseAdmin.import.restart')}
    </Button>
  );

  if (error || (!loading && !preview)) {
    return (
      <Alert
        type="error"
        showIcon
        message={error instanceof ApiError ? error.message : t('enterpriseAdmin.import.expired')}
        action={restartButton}
        data-testid="import-preview-error"
      />
    );
  }
  if (!preview) return <Card loading />;

  const nothing = preview.created === 0 && preview.updated === 0;
  const expired = preview.status === 'expired';

  const commit = async () => {
    setCommitting(true);
    try {
      onCommitted(await enterpriseImportApi.commit(previewId));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(e.message);
      else showError(e);
    } finally {
      setCommitting(false);
    }
  };

  return (
    <Card
      title={t('enterpriseAdmin.import.previewTitle', { file: preview.fileName })}
      extra={<Typography.Text type="secondary">{t('enterpriseAdmin.import.previewAt', { at: formatDateTime(preview.createdAt, 'minute') })}</Typography.Text>}
      data-testid="import-preview"
    >
      <Row gutter={[16, 16]} data-testid="import-counts" style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('enterpriseAdmin.import.rows')} value={preview.rows} data-testid="import-count-rows" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterpriseAdmin.import.created')} value={preview.created} valueStyle={{ color: '#389e0d' }} data-testid="import-count-created" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterpriseAdmin.import.updated')} value={preview.updated} valueStyle={{ color: '#1677ff' }} data-testid="import-count-updated" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('enterpriseAdmin.import.unchanged')} value={preview.unchanged} valueStyle={{ color: '#8c8c8c' }} data-testid="import-count-unchanged" />
        </Col>
      </Row>

      {expired ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('enterpriseAdmin.import.expired')} action={restartButton} data-testid="import-expired" />
      ) : stale ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('enterpriseAdmin.import.staleTitle')}
          description={
            <>
              <div>{stale}</div>
              <div>{t('enterpriseAdmin.import.stale')}</div>
            </>
          }
          action={restartButton}
          data-testid="import-stale"
        />
      ) : nothing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={<span data-testid="import-unchanged">{t('enterpriseAdmin.import.nothingToDo')}</span>}
          description={t('enterpriseAdmin.import.nothingToDoNote', { rows: preview.rows })}
          action={restartButton}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('enterpriseAdmin.import.notYet')}
          description={t('enterpriseAdmin.import.commitNote', preview)}
          action={
            <Space direction="vertical" align="end">
              <Popconfirm
                title={t('enterpriseAdmin.import.commitConfirm')}
                description={t('enterpriseAdmin.import.commitNote', preview)}
                okText={t('enterpriseAdmin.import.commit')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'import-commit-ok' }}
                onConfirm={commit}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={committing} data-testid="import-commit">
                  {t('enterpriseAdmin.import.commit')}
                </Button>
              </Popconfirm>
              <Button type="link" size="small" onClick={onRestart} data-testid="import-cancel">
                {t('enterpriseAdmin.import.cancel')}
              </Button>
            </Space>
          }
        />
      )}

      <ChangesTable previewId={previewId} preview={preview} />
    </Card>
  );
}

function ChangesTable({ previewId, preview }: { previewId: string; preview: ImportPreview }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const parkName = useParkNames(can('park.read'));
  const [filter, setFilter] = useState<Filter>(preview.updated > 0 ? 'update' : preview.created > 0 ? 'create' : 'unchanged');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const changes = useImportChanges(previewId, { page, pageSize, action: filter === 'all' ? undefined : filter });
  const counts: Record<Filter, number> = { all: preview.rows, create: preview.created, update: preview.updated, unchanged: preview.unchanged };
  const label = (f: Filter) => (f === 'all' ? t('enterpriseAdmin.import.filterAll') : t(`enterpriseAdmin.import.action.${f}`));
  const text = (field: string, v: unknown) => fieldValueText(field, v, { t, parkName });

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{t('enterpriseAdmin.import.changesTitle')}</Typography.Text>
        <Segmented<Filter>
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          options={(['all', 'create', 'update', 'unchanged'] as const).map((f) => ({ value: f, label: `${label(f)} ${counts[f]}` }))}
          data-testid="import-action-filter"
        />
      </Space>
      {changes.error instanceof ApiError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={changes.error.message} />}
      <Table<ImportChange>
        size="small"
        rowKey="row"
        loading={changes.isFetching}
        dataSource={changes.data?.items ?? []}
        onRow={(r) => rowTestId('import-change', String(r.row))}
        pagination={{
          current: page,
          pageSize,
          total: changes.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('enterpriseAdmin.import.changeTotal', { count: n }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        expandable={{
          rowExpandable: (r) => r.fields.length > 0,
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={r.fields}
              data-testid={`import-change-fields-${r.row}`}
              columns={[
                { title: t('enterpriseAdmin.import.field'), dataIndex: 'label', width: 200 },
                {
                  title: t('enterpriseAdmin.import.before'),
                  key: 'before',
                  width: '38%',
                  render: (_v, f) => <Typography.Text type="secondary" delete={r.action === 'update' && f.before != null}>{text(f.field, f.before)}</Typography.Text>,
                },
                { key: 'arrow', width: 40, render: () => <ArrowRightOutlined style={{ color: '#8c8c8c' }} /> },
                { title: t('enterpriseAdmin.import.after'), key: 'after', render: (_v, f) => <Typography.Text strong>{text(f.field, f.after)}</Typography.Text> },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('enterpriseAdmin.import.row'), dataIndex: 'row', width: 72, align: 'right' },
          { title: t('enterpriseAdmin.uscc'), dataIndex: 'uscc', width: 200, render: (u: string) => <span className="zy-mono">{u}</span> },
          { title: t('enterpriseAdmin.enterpriseName'), dataIndex: 'name', ellipsis: true },
          {
            title: t('enterpriseAdmin.import.actionLabel'),
            dataIndex: 'action',
            width: 100,
            render: (a: Action) => <Tag color={actionColor[a]}>{t(`enterpriseAdmin.import.action.${a}`)}</Tag>,
          },
          {
            title: t('enterpriseAdmin.import.changedFields'),
            key: 'fields',
            ellipsis: true,
            render: (_v, r) => (r.fields.length ? r.fields.map((f) => f.label).join('、') : '—'),
          },
        ]}
        data-testid="import-changes"
      />
    </>
  );
}
