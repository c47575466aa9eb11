import type { PortalPackage, PortalVisit } from '@zhiyuan/core';
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortalPackages, usePortalVisits } from '../../api/portalServices';
import { useUser } from '../../auth/AuthContext';
import { emptyText, NoRows } from '../../components/ListEmpty';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { itemStatusColors, useServiceLabels } from '../service/common/labels';
import { CompletionBar } from '../service/packages/CompletionBar';
import { TopicTags, VisitStatusTag } from '../service/visits/VisitCells';
import { PortalNoEnterprise } from './PortalNoEnterprise';

const PAGE_SIZE = 10;

/**
 * 我的服务: what the park does for the enterprise — its service packages with each item's progress,
 * and the visits of its service officer (made and planned). Read-only; the server gives an
 * enterprise user only its own enterprise's, without the park's internal notes.
 */
export function PortalServicesPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.enterpriseId) return <PortalNoEnterprise title={t('portalServices.nav')} />;
  return (
    <Page title={t('portalServices.nav')} subTitle={t('portalServices.subtitle')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PagedCard<PortalPackage>
          title={t('portalServices.packages.title')}
          testId="portal-packages"
          empty={t('portalServices.packages.empty')}
          query={usePortalPackages}
          render={(p) => (
            <List.Item key={p.id} data-testid="portal-package">
              <PackageView pkg={p} />
            </List.Item>
          )}
        />
        <PagedCard<PortalVisit>
          title={t('portalServices.visits.title')}
          testId="portal-visits"
          empty={t('portalServices.visits.empty')}
          query={usePortalVisits}
          render={(v) => (
            <List.Item key={v.id} data-testid="portal-visit">
              <VisitView visit={v} />
            </List.Item>
          )}
        />
      </Space>
    </Page>
  );
}

/** Shows a list query's error once. */
function useListError(error: unknown) {
  const showError = useShowError();
  useEffect(() => {
    if (error) showError(error);
  }, [error, showError]);
}

/** One of the page's two read-only lists, paged when it grows beyond a page. */
function PagedCard<T extends { id: string }>({ title, testId, empty, query, render }: {
  title: string;
  testId: string;
  empty: string;
  query: (page: { page: number; pageSize: number }) => UseQueryResult<{ items: T[]; total: number }>;
  render: (row: T) => ReactNode;
}) {
  const [page, setPage] = useState(1);
  const list = query({ page, pageSize: PAGE_SIZE });
  useListError(list.error);
  return (
    <Card title={title} data-testid={testId}>
      <List<T>
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        pagination={(list.data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage } : false}
        locale={{ emptyText: emptyText(list, <NoRows text={empty} testId={`${testId}-empty`} />) }}
        renderItem={render}
      />
    </Card>
  );
}

function PackageView({ pkg }: { pkg: PortalPackage }) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={16} style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong data-testid="portal-package-name">
          {pkg.packageName}
        </Typography.Text>
        <CompletionBar completion={pkg.completion} />
      </Space>
      {pkg.description && <Typography.Text type="secondary">{pkg.description}</Typography.Text>}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('portalServices.packages.officer')}>{pkg.officerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('portalServices.packages.assignedAt')}>{formatDate(pkg.assignedAt)}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        dataSource={pkg.items}
        rowKey="itemId"
        renderItem={(i) => (
          <List.Item key={i.itemId} data-testid="portal-package-item" extra={i.updatedAt ? <Typography.Text type="secondary">{t('portalServices.packages.updatedOn', { date: formatDate(i.updatedAt) })}</Typography.Text> : null}>
            <Space size={8} wrap>
              <Tag color={itemStatusColors[i.status]} style={{ marginInlineEnd: 0 }} data-testid="portal-package-item-status">
                {labels.itemStatus(i.status)}
              </Tag>
              <span>{i.name}</span>
              {i.description && <Typography.Text type="secondary">{i.description}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

function VisitView({ visit }: { visit: PortalVisit }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      <Space size={12} wrap>
        <Typography.Text strong>{visit.status === 'done' ? visit.visitedOn : visit.plannedOn}</Typography.Text>
        <VisitStatusTag visit={visit} />
        <TopicTags topics={visit.topics} max={6} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('portalServices.visits.officer')}>{visit.officerName ?? '—'}</Descriptions.Item>
        {visit.people.length > 0 && <Descriptions.Item label={t('portalServices.visits.people')}>{visit.people.join('、')}</Descriptions.Item>}
      </Descriptions>
      {visit.problems.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('portalServices.visits.problems')}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {visit.problems.map((p, n) => (
              <li key={n} data-testid="portal-visit-problem">
                {p.text}
                {p.workOrderId && (
                  <>
                    {' '}
                    <Link to={`/portal/orders/${p.workOrderId}`} data-testid="portal-visit-problem-order">
                      {t('portalServices.visits.order', { number: p.workOrderNumber })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </Space>
  );
}
