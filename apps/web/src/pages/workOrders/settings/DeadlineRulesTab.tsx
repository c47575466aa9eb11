import { deadlineRuleFor, deadlineRuleLimits, workOrderPriorities, workOrderTypes } from '@zhiyuan/core';
import { Alert, App, Button, Form, InputNumber, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineRulesApi, useDeadlineRules, useWorkOrderInvalidation, type DeadlineRule } from '../../../api/workOrders';
import { FormModal } from '../../../components/FormModal';
import { formatDateTime } from '../../../lib/format';
import { priorityColors, useWorkOrderLabels, workOrderTypeColors } from '../workOrderLabels';

type Values = { responseHours: number; resolveWorkingDays: number };

/** 办理时限: response hours and resolution working days per type × priority; a change applies to new orders. */
export function DeadlineRulesTab() {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  const { message } = App.useApp();
  const invalidate = useWorkOrderInvalidation();
  const list = useDeadlineRules();
  const [editing, setEditing] = useState<DeadlineRule | null>(null);

  // Every type × priority, the configured rule or core's default (a missing row means the default).
  const rows: DeadlineRule[] = useMemo(() => {
    const stored = list.data?.items ?? [];
    return workOrderPriorities.flatMap((priority) =>
      workOrderTypes.map((type) => {
        const found = stored.find((r) => r.type === type && r.priority === priority);
        return found ?? { ...deadlineRuleFor([], type, priority), updatedAt: null, updatedByName: null };
      }),
    );
  }, [list.data]);

  const columns: ColumnsType<DeadlineRule> = [
    {
      title: t('workOrders.field.type'),
      dataIndex: 'type',
      width: 110,
      render: (_d, r) => (
        <Tag color={workOrderTypeColors[r.type]} bordered={false}>
          {labels.type(r.type)}
        </Tag>
      ),
    },
    { title: t('workOrders.field.priority'), dataIndex: 'priority', width: 100, render: (_d, r) => <Tag color={priorityColors[r.priority]}>{labels.priority(r.priority)}</Tag> },
    { title: t('workOrders.rules.responseHours'), dataIndex: 'responseHours', width: 160, align: 'right', render: (_d, r) => t('workOrders.rules.hours', { count: r.responseHours }) },
    {
      title: t('workOrders.rules.resolveWorkingDays'),
      dataIndex: 'resolveWorkingDays',
      width: 180,
      align: 'right',
      render: (_d, r) => t('workOrders.workingDays', { count: r.resolveWorkingDays }),
    },
    {
      title: t('workOrders.rules.updated'),
      dataIndex: 'updatedAt',
      render: (_d, r) =>
        r.updatedAt ? `${formatDateTime(r.updatedAt, 'minute')} · ${r.updatedByName ?? '—'}` : <Typography.Text type="secondary">{t('workOrders.rules.default')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'edit',
      width: 90,
      render: (_d, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.type}-${r.priority}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.rules.note')} />
      <Table<DeadlineRule>
        rowKey={(r) => `${r.type}:${r.priority}`}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.type}-${r.priority}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="rule-table"
      />
      {editing && (
        <FormModal<Values>
          open
          title={t('workOrders.rules.editTitle', { type: labels.type(editing.type), priority: labels.priority(editing.priority) })}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            await deadlineRulesApi.update(editing.type, editing.priority, v);
            void message.success(t('workOrders.rules.saved'));
            void invalidate.deadlineRules();
          }}
          initialValues={{ responseHours: editing.responseHours, resolveWorkingDays: editing.resolveWorkingDays }}
          testId="rule-form"
          width={480}
        >
          <Form.Item
            name="responseHours"
            label={t('workOrders.rules.responseHours')}
            extra={t('workOrders.rules.responseHint')}
            rules={[{ required: true, message: t('workOrders.rules.required') }]}
          >
            <InputNumber
              min={deadlineRuleLimits.responseHours.min}
              max={deadlineRuleLimits.responseHours.max}
              precision={0}
              addonAfter={t('workOrders.rules.hourUnit')}
              style={{ width: 200 }}
              data-testid="rule-response-hours"
            />
          </Form.Item>
          <Form.Item
            name="resolveWorkingDays"
            label={t('workOrders.rules.resolveWorkingDays')}
            extra={t('workOrders.rules.resolveHint')}
            rules={[{ required: true, message: t('workOrders.rules.required') }]}
          >
            <InputNumber
              min={deadlineRuleLimits.resolveWorkingDays.min}
              max={deadlineRuleLimits.resolveWorkingDays.max}
              precision={0}
              addonAfter={t('workOrders.workingDayUnit')}
              style={{ width: 200 }}
              data-testid="rule-resolve-days"
            />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
