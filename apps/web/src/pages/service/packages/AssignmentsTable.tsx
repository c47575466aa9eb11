import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { PackageAssignment } from '@zhiyuan/core';
import { Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { servicePackagesApi, useServicePackages } from '../../../api/servicePackages';
import { NoRows } from '../../../components/ListEmpty';
import { ParkTreeSelect } from '../../../components/ParkTreeSelect';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { loadTable, rowTestId, searchTableProps, toListQuery } from '../../../lib/table';
import { EnterprisePicker } from '../../../components/EnterprisePicker';
import { LinkButton } from '../common/LinkButton';
import { CompletionBar } from './CompletionBar';

function PackageSelect(props: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const list = useServicePackages({ pageSize: 200 });
  return (
    <Select
      {...props}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={list.isLoading}
      options={(list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      placeholder={t('packages.anyPackage')}
    />
  );
}

/** Who holds which package and how far it is; a row opens the per-item progress. */
export function AssignmentsTable({ packageId, onOpen, reloadKey }: { packageId?: string; onOpen: (id: string) => void; reloadKey: number }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const actionRef = useRef<ActionType>(undefined);
  // Progress saved in the drawer or a new assignment: the same page again, filters kept.
  useEffect(() => {
    if (reloadKey > 0) void actionRef.current?.reload();
  }, [reloadKey]);

  const columns: ProColumns<PackageAssignment>[] = [
    {
      title: t('packages.col.enterprise'),
      dataIndex: 'enterpriseId',
      ellipsis: true,
      renderFormItem: () => <EnterprisePicker placeholder={t('visits.placeholder.anyEnterprise')} />,
      render: (_d, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
    },
    { title: t('packages.col.park'), dataIndex: 'parkId', width: 110, ellipsis: true, renderFormItem: () => <ParkTreeSelect placeholder={t('serviceStats.allParks')} />, render: (_d, r) => r.parkName },
    { title: t('packages.col.package'), dataIndex: 'packageId', width: 160, ellipsis: true, renderFormItem: () => <PackageSelect />, render: (_d, r) => r.packageName },
    { title: t('packages.col.officer'), dataIndex: 'officerName', search: false, width: 110, ellipsis: true, render: (_d, r) => r.officerName ?? '—' },
    { title: t('packages.col.assignedAt'), dataIndex: 'assignedAt', search: false, sorter: true, width: 140, render: (_d, r) => formatDateTime(r.assignedAt, 'minute') },
    {
      title: t('packages.col.completion'),
      dataIndex: 'complete',
      width: 200,
      valueType: 'select',
      valueEnum: { true: { text: t('packages.complete.true') }, false: { text: t('packages.complete.false') } },
      render: (_d, r) => <CompletionBar completion={r.completion} />,
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      width: 90,
      render: (_d, r) => (
        <LinkButton onClick={() => onOpen(r.id)} data-testid={`assignment-open-${r.enterpriseName}`}>
          {t('packages.progress')}
        </LinkButton>
      ),
    },
  ];

  return (
    <ProTable<PackageAssignment>
      key={packageId ?? ''}
      rowKey="id"
      locale={{ emptyText: <NoRows text={t('packages.emptyAssignments')} /> }}
      actionRef={actionRef}
      columns={columns}
      form={{ initialValues: { packageId } }}
      request={(params, sort) => loadTable(servicePackagesApi.assignments(toListQuery(params, sort, ['packageId', 'enterpriseId', 'parkId', 'complete'])), showError)}
      {...searchTableProps}
      onRow={(r) => rowTestId('assignment', r.enterpriseName)}
    />
  );
}
