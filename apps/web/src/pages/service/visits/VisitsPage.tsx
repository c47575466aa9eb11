import { CalendarOutlined, DownloadOutlined, EditOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { visitStatuses, type Visit } from '@zhiyuan/core';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useVisitInvalidation, visitsApi, type VisitFilter } from '../../../api/visits';
import { useAuth } from '../../../auth/AuthContext';
import { NoRows } from '../../../components/ListEmpty';
import { Page } from '../../../components/Page';
import { ParkTreeSelect } from '../../../components/ParkTreeSelect';
import { useShowError } from '../../../lib/errors';
import { loadTable, rowTestId, searchTableProps, setFilters, toListQuery } from '../../../lib/table';
import { OfficerSelect } from '../../../components/OfficerSelect';
import { EnterprisePicker } from '../../../components/EnterprisePicker';
import { useServiceLabels } from '../common/labels';
import { LinkButton } from '../common/LinkButton';
import { CancelVisitModal } from './CancelVisitModal';
import { FrequencyRulesModal } from './FrequencyRulesModal';
import { TopicTags, VisitDate, VisitStatusTag } from './VisitCells';
import { VisitPlanModal } from './VisitPlanModal';
import { VisitRecordModal } from './VisitRecordModal';

const filterKeys = ['enterpriseId', 'officerId', 'parkId', 'status', 'mine', 'from', 'to'] as const;

type Dialog = { kind: 'plan'; visit?: Visit } | { kind: 'record'; visit?: Visit } | { kind: 'cancel'; visit: Visit } | { kind: 'frequency' } | null;

/** 走访: planned and recorded visits in scope, filters, export; plan, record, cancel; the frequency rules. */
export function VisitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const labels = useServiceLabels();
  const showError = useShowError();
  const navigate = useNavigate();
  const invalidate = useVisitInvalidation();
  const [params] = useSearchParams();
  const actionRef = useRef<ActionType>(undefined);
  const [filter, setFilter] = useState<VisitFilter>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const writable = can('visit.write');
  const presetEnterprise = params.get('enterpriseId') ?? undefined;

  const saved = (v: Visit, text: string) => {
    void message.success(text);
    void invalidate();
    void actionRef.current?.reload();
    return v;
  };

  const columns: ProColumns<Visit>[] = [
    {
      title: t('visits.col.enterprise'),
      dataIndex: 'enterpriseId',
      ellipsis: true,
      renderFormItem: () => <EnterprisePicker placeholder={t('visits.placeholder.anyEnterprise')} />,
      render: (_d, r) => (
        <Link to={`/enterprises/${r.enterpriseId}`} data-testid={`visit-enterprise-${r.id}`}>
          {r.enterpriseName}
        </Link>
      ),
    },
    { title: t('visits.col.park'), dataIndex: 'parkId', width: 90, ellipsis: true, renderFormItem: () => <ParkTreeSelect placeholder={t('serviceStats.allParks')} />, render: (_d, r) => r.parkName },
    { title: t('visits.col.officer'), dataIndex: 'officerId', width: 124, ellipsis: true, renderFormItem: () => <OfficerSelect placeholder={t('visits.placeholder.anyOfficer')} />, render: (_d, r) => r.officerName ?? '—' },
    {
      title: t('visits.col.status'),
      dataIndex: 'status',
      width: 80,
      valueType: 'select',
      valueEnum: Object.fromEntries(visitStatuses.map((s) => [s, { text: labels.visitStatus(s) }])),
      render: (_d, r) => <VisitStatusTag visit={r} />,
    },
    {
      title: t('visits.col.date'),
      dataIndex: 'date',
      valueType: 'dateRange',
      width: 130,
      search: { transform: (v: [string, string]) => ({ from: v[0], to: v[1] }) },
      render: (_d, r) => <VisitDate visit={r} />,
    },
    { title: t('visits.col.topics'), dataIndex: 'topics', search: false, width: 190, render: (_d, r) => <TopicTags topics={r.topics} /> },
    {
      title: t('visits.col.problems'),
      dataIndex: 'problems',
      search: false,
      width: 90,
      align: 'right',
      render: (_d, r) => {
        if (r.status !== 'done') return '—';
        const converted = r.problems.filter((p) => p.workOrderId).length;
        return (
          <Tooltip title={t('visits.problemsConverted', { count: converted })}>
            <span data-testid={`visit-problems-${r.id}`}>
              {r.problems.length}
              {r.problems.length > 0 && <Typography.Text type="secondary"> / {converted}</Typography.Text>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: t('visits.scope'),
      dataIndex: 'mine',
      hideInTable: true,
      hideInSearch: !writable,
      valueType: 'select',
      valueEnum: { all: { text: t('visits.scopeAll') }, mine: { text: t('visits.mine') } },
      search: { transform: (v: string) => (v === 'mine' ? { mine: 'true' } : {}) },
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 150,
      fixed: 'right',
      render: (_d, r) => [
        <Link key="view" to={`/service/visits/${r.id}`} data-testid={`visit-view-${r.id}`}>
          {t('visits.view')}
        </Link>,
        writable && r.status === 'planned' && (
          <LinkButton key="record" onClick={() => setDialog({ kind: 'record', visit: r })} data-testid={`visit-record-${r.id}`}>
            {t('visits.record.action')}
          </LinkButton>
        ),
        writable && r.status === 'planned' && (
          <LinkButton key="cancel" danger onClick={() => setDialog({ kind: 'cancel', visit: r })} data-testid={`visit-cancel-${r.id}`}>
            {t('visits.cancel.action')}
          </LinkButton>
        ),
      ],
    },
  ];

  return (
    <Page title={t('visits.title')} subTitle={<Typography.Text type="secondary">{t('visits.subtitle')}</Typography.Text>}>
      <ProTable<Visit>
        rowKey="id"
        locale={{ emptyText: <NoRows text={t('visits.empty')} /> }}
        actionRef={actionRef}
        columns={columns}
        form={{ initialValues: { enterpriseId: presetEnterprise } }}
        request={async (p, sort) => {
          const query = toListQuery(p, sort, filterKeys);
          setFilter(setFilters(query, filterKeys) as VisitFilter);
          return loadTable(visitsApi.list(query), showError);
        }}
        {...searchTableProps}
        onRow={(r) => ({ ...rowTestId('visit', r.id), onDoubleClick: () => navigate(`/service/visits/${r.id}`) })}
        toolBarRender={() => [
          can('workOrder.configure') && (
            <Button key="frequency" icon={<SettingOutlined />} onClick={() => setDialog({ kind: 'frequency' })} data-testid="visit-frequency">
              {t('visits.frequency.button')}
            </Button>
          ),
          <Button key="export" icon={<DownloadOutlined />} href={visitsApi.exportUrl(filter)} download data-testid="visit-export">
            {t('visits.export')}
          </Button>,
          writable && (
            <Button key="record" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'record' })} data-testid="visit-record-new">
              {t('visits.record.new')}
            </Button>
          ),
          writable && (
            <Button key="plan" type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'plan' })} data-testid="visit-plan">
              {t('visits.plan.button')}
            </Button>
          ),
        ]}
        headerTitle={
          <Space>
            <CalendarOutlined />
            {t('visits.listTitle')}
          </Space>
        }
      />
      <VisitPlanModal
        open={dialog?.kind === 'plan'}
        visit={dialog?.kind === 'plan' ? dialog.visit : undefined}
        onClose={() => setDialog(null)}
        onSaved={(v) => saved(v, t('visits.plan.saved', { name: v.enterpriseName, date: v.plannedOn }))}
      />
      <VisitRecordModal
        open={dialog?.kind === 'record'}
        visit={dialog?.kind === 'record' ? dialog.visit : undefined}
        onClose={() => setDialog(null)}
        onSaved={(v) => {
          saved(v, t('visits.record.saved', { name: v.enterpriseName }));
          if (v.problems.length) navigate(`/service/visits/${v.id}`);
        }}
      />
      <CancelVisitModal visit={dialog?.kind === 'cancel' ? dialog.visit : null} onClose={() => setDialog(null)} onDone={(v) => saved(v, t('visits.cancel.done', { name: v.enterpriseName }))} />
      <FrequencyRulesModal open={dialog?.kind === 'frequency'} onClose={() => setDialog(null)} />
    </Page>
  );
}
