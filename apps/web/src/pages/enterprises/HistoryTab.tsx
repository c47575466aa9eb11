import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterpriseHistory, useOfficers, useQualificationKindNames, type EnterpriseHistoryEntry } from '../../api/enterprises';
import { useParkNames } from '../../components/ParkTreeSelect';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useEnterpriseLabels } from './enterpriseLabels';
import { useMoney } from './EnterpriseProfile';

/** Ids that link an entry to another record (a qualification, a change request, an import): not shown. */
const hiddenKeys = new Set(['qualificationId', 'changeRequestId', 'importId']);

/** Summary fields in the order of the form (JSONB does not keep the order they were written in). */
const fieldOrder = [
  'uscc', 'name', 'formerNames', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'registeredAddress', 'operatingAddress', 'parkId',
  'industryCode', 'emergingIndustry', 'aboveScale', 'headcount', 'listingStage', 'listingBoard', 'ticker', 'landArea', 'landTenure', 'floorArea',
  'floorTenure', 'location', 'contacts', 'serviceOfficerId', 'tags', 'status', 'on', 'destination', 'kind', 'certificateNo', 'issuer', 'validFrom',
  'validTo', 'reviews', 'note', 'comment', 'fileName', 'created', 'updated', 'unchanged',
];

type Summary = { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;

/** The action in the UI language: this tab's names, then the audit log's, then the code. */
function useActionName() {
  const { t, i18n } = useTranslation();
  return (action: string) => {
    const key = action.replaceAll('.', '_');
    for (const k of [`enterprises.history.actionName.${key}`, `audit.actionName.${key}`]) if (i18n.exists(k)) return t(k);
    return action;
  };
}

/** Readable text of one field's value (names instead of ids and codes). */
function useValueText() {
  const { t, i18n } = useTranslation();
  const labels = useEnterpriseLabels();
  const parkName = useParkNames();
  const kindName = useQualificationKindNames();
  const officers = useOfficers();
  const money = useMoney();
  const officerName = useMemo(() => new Map((officers.data?.items ?? []).map((o) => [o.id, o.displayName])), [officers.data]);

  const text = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    switch (field) {
      case 'parkId':
        return typeof v === 'string' ? parkName(v) : String(v);
      case 'serviceOfficerId':
        return typeof v === 'string' ? (officerName.get(v) ?? v.slice(0, 8)) : String(v);
      case 'industryCode':
        return labels.industry(String(v));
      case 'status':
        return labels.status(String(v));
      case 'kind':
        return i18n.exists(`enterprises.statusEvent.${String(v)}`) ? labels.statusEvent(String(v)) : kindName(String(v));
      case 'listingStage':
        return labels.listingStage(String(v));
      case 'listingBoard':
        return labels.listingBoard(String(v));
      case 'landTenure':
      case 'floorTenure':
        return labels.tenure(String(v));
      case 'emergingIndustry':
        return labels.emerging(String(v));
      case 'registeredCapital':
        return typeof v === 'number' || typeof v === 'string' ? money(Number(v)) : String(v);
      case 'location':
        return Array.isArray(v) ? t('enterprises.detail.lonLat', { lon: v[0], lat: v[1] }) : String(v);
      case 'reviews':
        return Array.isArray(v)
          ? v.map((r: { date?: string; outcome?: string }) => [r.date, r.outcome ? labels.reviewOutcome(r.outcome) : null].filter(Boolean).join(' ')).join(t('enterprises.sep')) || '—'
          : String(v);
      case 'contacts':
        return Array.isArray(v) ? v.map((c: { name?: string; phone?: string | null }) => [c.name, c.phone].filter(Boolean).join(' ')).join(t('enterprises.sep')) || '—' : String(v);
    }
    if (typeof v === 'boolean') return labels.yesNo(v);
    if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(t('enterprises.sep')) : '—';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return text;
}

function Changes({ summary }: { summary: unknown }) {
  const { t, i18n } = useTranslation();
  const text = useValueText();
  if (!summary || typeof summary !== 'object') return <>—</>;
  const s = summary as Summary;
  const before = s.before && typeof s.before === 'object' ? s.before : undefined;
  const after = s.after && typeof s.after === 'object' ? s.after : undefined;
  const label = (k: string) => (i18n.exists(`enterprises.field.${k}`) ? t(`enterprises.field.${k}`) : k);
  // A summary without before/after (e.g. {name: …}): its own fields.
  const plain = !before && !after ? Object.fromEntries(Object.entries(s).filter(([k]) => !hiddenKeys.has(k))) : undefined;
  const rank = (k: string) => (fieldOrder.indexOf(k) + fieldOrder.length + 1) % (fieldOrder.length + 1);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {}), ...Object.keys(plain ?? {})])].sort((a, b) => rank(a) - rank(b));
  if (!keys.length) return <>—</>;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {keys.map((k) => (
        <div key={k} style={{ lineHeight: 1.6 }}>
          <Typography.Text type="secondary">
            {label(k)}
            {t('enterprises.colon')}
          </Typography.Text>
          {plain ? (
            text(k, plain[k])
          ) : before && after && k in before && k in after ? (
            <>
              <Typography.Text delete type="secondary">
                {text(k, before[k])}
              </Typography.Text>
              <ArrowRightOutlined style={{ margin: '0 6px', fontSize: 11, color: '#8c8c8c' }} />
              <span>{text(k, after[k])}</span>
            </>
          ) : (
            text(k, after && k in after ? after[k] : before?.[k])
          )}
        </div>
      ))}
    </Space>
  );
}

/** 变更记录: the enterprise's entries of the audit log, newest first. */
export function HistoryTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const actionName = useActionName();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const history = useEnterpriseHistory(enterpriseId, page, pageSize);

  useEffect(() => {
    if (history.error) showError(history.error);
  }, [history.error, showError]);

  return (
    <Card title={t('enterprises.detail.tabs.history')}>
      <Table<EnterpriseHistoryEntry>
        rowKey="id"
        size="middle"
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t('enterprises.history.empty') }}
        data-testid="history-table"
        pagination={{
          current: page,
          pageSize,
          total: history.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('enterprises.history.time'), dataIndex: 'at', width: 170, render: (_d, r) => formatDateTime(r.at) },
          { title: t('enterprises.history.actor'), dataIndex: 'actorName', width: 120, render: (_d, r) => r.actorName ?? t('enterprises.history.system') },
          { title: t('enterprises.history.action'), dataIndex: 'action', width: 150, render: (_d, r) => actionName(r.action) },
          { title: t('enterprises.history.changes'), dataIndex: 'summary', render: (_d, r) => <Changes summary={r.summary} /> },
        ]}
      />
    </Card>
  );
}
