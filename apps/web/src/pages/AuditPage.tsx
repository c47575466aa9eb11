import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AuditEntry } from '@zhiyuan/core';
import { Alert, Button, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../api/audit';
import type { Query } from '../api/client';
import type { AuditVerifyResponse } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Page } from '../components/Page';
import { useShowError } from '../lib/errors';
import { dayjs, formatDateTime } from '../lib/format';
import { rowTestId, toListQuery, toTableResult } from '../lib/table';

const resultColor = { success: 'green', failure: 'orange', denied: 'red' } as const;
const filterKeys = ['from', 'to', 'actor', 'action', 'result', 'targetId'] as const;

function toIso(v: unknown): string | undefined {
  if (!v) return undefined;
  const d = dayjs(v as Dayjs | string);
  return d.isValid() ? d.toISOString() : undefined;
}

/** The action's name in the user's language above its code (the code alone for actions without a name). */
function ActionCell({ action }: { action: string }) {
  const { t, i18n } = useTranslation();
  const key = `audit.actionName.${action.replaceAll('.', '_')}`;
  if (!i18n.exists(key)) return <code>{action}</code>;
  return (
    <div>
      <div>{t(key)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="zy-mono">
        {action}
      </Typography.Text>
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useShowError();
  const [filters, setFilters] = useState<Query>({});
  const [verify, setVerify] = useState<AuditVerifyResponse | null>(null);
  const [verifying, setVerifying] = useState(false);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await auditApi.verify());
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  const columns: ProColumns<AuditEntry>[] = [
    {
      title: t('audit.time'),
      dataIndex: 'range',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: { transform: (v: [unknown, unknown]) => ({ from: toIso(v[0]), to: toIso(v[1]) }) },
    },
    { title: '#', dataIndex: 'id', width: 80, search: false },
    { title: t('audit.time'), dataIndex: 'at', width: 170, sorter: true, search: false, render: (_d, r) => formatDateTime(r.at) },
    { title: t('audit.actor'), dataIndex: 'actor', width: 130, ellipsis: true, render: (_d, r) => r.actorName ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (_d, r) => <ActionCell action={r.action} /> },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      valueType: 'select',
      valueEnum: { success: { text: t('audit.resultText.success') }, failure: { text: t('audit.resultText.failure') }, denied: { text: t('audit.resultText.denied') } },
      render: (_d, r) => <Tag color={resultColor[r.result]}>{t(`audit.resultText.${r.result}`)}</Tag>,
    },
    {
      title: t('audit.target'),
      dataIndex: 'targetId',
      ellipsis: true,
      render: (_d, r) => {
        const type = r.targetType ? t(`audit.targetType.${r.targetType}`, { defaultValue: r.targetType }) : '';
        return type || r.targetId ? `${type} ${r.targetId ?? ''}`.trim() : '—';
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, search: false, render: (_d, r) => r.ip ?? '—' },
  ];

  const exportHref = auditApi.exportUrl(filters);

  return (
    <Page
      title={t('nav.audit')}
      extra={[
        <Button key="verify" icon={<SafetyOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>,
        can('audit.export') && (
          <Button key="export" icon={<DownloadOutlined />} href={exportHref} download data-testid="audit-export">
            {t('audit.export')}
          </Button>
        ),
      ]}
    >
      {verify && (
        <Alert
          closable
          onClose={() => setVerify(null)}
          showIcon
          type={verify.ok ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          message={verify.ok ? t('audit.verifyOk', { count: verify.checked }) : t('audit.verifyBroken', { id: verify.firstBrokenId, count: verify.checked })}
          data-testid="audit-verify-result"
        />
      )}
      <ProTable<AuditEntry>
        rowKey="id"
        columns={columns}
        request={async (params, sort) => {
          const q = toListQuery(params, sort, filterKeys);
          setFilters(Object.fromEntries(filterKeys.map((k) => [k, q[k]])));
          try {
            return toTableResult(await auditApi.list(q));
          } catch (e) {
            showError(e);
            return { data: [], total: 0, success: false };
          }
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: true, span: 8 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        expandable={{
          rowExpandable: (r) => r.summary !== null || !!r.userAgent,
          expandedRowRender: (r) => (
            <div>
              {r.userAgent && <Typography.Paragraph type="secondary">{r.userAgent}</Typography.Paragraph>}
              {r.summary !== null && <pre className="zy-pre">{JSON.stringify(r.summary, null, 2)}</pre>}
            </div>
          ),
        }}
        onRow={(r) => rowTestId('audit', r.id)}
        options={{ density: false, setting: false, reload: true }}
        scroll={{ x: 1000 }}
      />
    </Page>
  );
}
