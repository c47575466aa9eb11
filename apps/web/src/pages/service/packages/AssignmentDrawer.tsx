import { packageItemStatuses, type PackageAssignment, type PackageItemStatus } from '@zhiyuan/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Empty, Input, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { servicePackageKeys, servicePackagesApi, usePackageAssignment, useServicePackageInvalidation } from '../../../api/servicePackages';
import { useAuth } from '../../../auth/AuthContext';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { itemStatusColors, useServiceLabels } from '../common/labels';
import { CompletionBar } from './CompletionBar';

type Item = PackageAssignment['items'][number];
type Draft = { status: PackageItemStatus; note: string };

function ItemRow({ assignmentId, item, writable, onSaved }: { assignmentId: string; item: Item; writable: boolean; onSaved: (a: PackageAssignment) => void }) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const showError = useShowError();
  const [draft, setDraft] = useState<Draft>({ status: item.status, note: item.note ?? '' });
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft({ status: item.status, note: item.note ?? '' }), [item.status, item.note]);
  const changed = draft.status !== item.status || draft.note.trim() !== (item.note ?? '');

  const save = async () => {
    setSaving(true);
    try {
      onSaved(await servicePackagesApi.updateItem(assignmentId, item.itemId, { status: draft.status, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) }));
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <List.Item data-testid={`assignment-item-${item.name}`}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space size={8}>
            <Typography.Text strong>{item.name}</Typography.Text>
            <Tag color={itemStatusColors[item.status]} bordered={false} data-testid={`item-saved-status-${item.name}`}>
              {labels.itemStatus(item.status)}
            </Tag>
          </Space>
          <Segmented<PackageItemStatus>
            size="small"
            value={draft.status}
            disabled={!writable}
            onChange={(status) => setDraft((d) => ({ ...d, status }))}
            options={packageItemStatuses.map((s) => ({ value: s, label: labels.itemStatus(s) }))}
            data-testid={`item-status-${item.name}`}
          />
        </Space>
        {writable ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={draft.note}
              maxLength={500}
              placeholder={t('packages.notePlaceholder')}
              onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
              onPressEnter={() => changed && void save()}
              aria-label={t('packages.noteOf', { name: item.name })}
              data-testid={`item-note-${item.name}`}
            />
            <Button type="primary" disabled={!changed} loading={saving} onClick={() => void save()} data-testid={`item-save-${item.name}`}>
              {t('common.save')}
            </Button>
          </Space.Compact>
        ) : (
          item.note && <Typography.Text>{item.note}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.updatedAt ? t('packages.updatedBy', { name: item.updatedByName ?? '—', at: formatDateTime(item.updatedAt, 'minute') }) : t('packages.notStarted')}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

/** One enterprise's package: each item's progress (todo / in progress / done, with a note) and the completion bar. */
export function AssignmentDrawer({ assignmentId, onClose }: { assignmentId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const invalidate = useServicePackageInvalidation();
  const query = usePackageAssignment(assignmentId);
  const a = query.data;
  useEffect(() => {
    if (query.error) showError(query.error);
  }, [query.error, showError]);

  return (
    <Drawer
      open={!!assignmentId}
      onClose={onClose}
      width={620}
      destroyOnHidden
      title={a ? t('packages.assignmentTitle', { pkg: a.packageName, enterprise: a.enterpriseName }) : t('packages.assignmentLoading')}
      data-testid="assignment-drawer"
    >
      {!a ? (
        <div style={{ display: 'grid', placeItems: 'center', minHeight: 200 }}>{query.isLoading ? <Spin /> : null}</div>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('packages.col.enterprise')}>
              <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>（{a.parkName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('packages.col.officer')}>{a.officerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('packages.col.assignedAt')}>
              {formatDateTime(a.assignedAt, 'minute')} {a.assignedByName ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('packages.col.completion')}>
              <CompletionBar completion={a.completion} width={260} />
            </Descriptions.Item>
          </Descriptions>
          {a.items.length === 0 ? (
            <Empty description={t('packages.noItems')} />
          ) : (
            <List<Item>
              bordered
              dataSource={a.items}
              renderItem={(item) => (
                <ItemRow
                  key={item.itemId}
                  assignmentId={a.id}
                  item={item}
                  writable={can('servicePackage.write')}
                  onSaved={(next) => {
                    qc.setQueryData(servicePackageKeys.assignment(next.id), next);
                    void message.success(t('packages.itemSaved', { name: item.name }));
                    void invalidate();
                  }}
                />
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
