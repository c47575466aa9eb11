import { PlusOutlined } from '@ant-design/icons';
import { applyStatusEvent, statusEventKinds, type EnterpriseStatus, type StatusEventKind } from '@zhiyuan/core';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, useEnterpriseInvalidation, useStatusEvents, type Enterprise, type StatusEvent } from '../../api/enterprises';
import { useAuth } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { useShowError } from '../../lib/errors';
import { dayjs, formatDateTime } from '../../lib/format';
import { blankToUndefined } from '../../lib/rules';
import { keepEnterInPicker } from './enterpriseForm';
import { statusColors, useEnterpriseLabels } from './enterpriseLabels';

const eventColors: Record<StatusEventKind, string> = { moved_in: 'green', relocating: 'orange', retained: 'blue', moved_out: 'gray', deregistered: 'red' };

type Values = { kind?: StatusEventKind; on?: Dayjs | null; destination?: string; note?: string };

/** 状态: the dated status history (newest first) and 登记状态变更. */
export function StatusTab({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const labels = useEnterpriseLabels();
  const invalidate = useEnterpriseInvalidation();
  const events = useStatusEvents(enterprise.id);
  const [recording, setRecording] = useState(false);

  useEffect(() => {
    if (events.error) showError(events.error);
  }, [events.error, showError]);

  const sorted = useMemo(
    () => [...(events.data?.items ?? [])].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt)),
    [events.data],
  );

  const submit = async (v: Values) => {
    await enterprisesApi.addStatusEvent(enterprise.id, {
      kind: v.kind!,
      on: v.on!.format('YYYY-MM-DD'),
      destination: v.kind === 'moved_out' ? blankToUndefined(v.destination) : undefined,
      note: blankToUndefined(v.note),
    });
    void message.success(t('enterprises.statusTab.recorded'));
    await Promise.all([invalidate.enterprise(enterprise.id), events.refetch()]);
  };

  const allowed = (k: StatusEventKind) => !('error' in applyStatusEvent(enterprise.status as EnterpriseStatus, k));
  const firstAllowed = statusEventKinds.find(allowed);

  return (
    <Card
      title={
        <Space>
          {t('enterprises.statusTab.current')}
          <Tag color={statusColors[enterprise.status]} data-testid="enterprise-current-status">
            {labels.status(enterprise.status)}
          </Tag>
          {enterprise.statusSince && <Typography.Text type="secondary">{t('enterprises.detail.since', { date: enterprise.statusSince })}</Typography.Text>}
        </Space>
      }
      extra={
        can('enterprise.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} disabled={!firstAllowed} data-testid="status-record">
            {t('enterprises.statusTab.record')}
          </Button>
        )
      }
    >
      {sorted.length === 0 && !events.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.statusTab.empty')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          data-testid="status-timeline"
          items={sorted.map((e: StatusEvent) => ({
            color: eventColors[e.kind],
            children: (
              <div data-testid={`status-event-${e.kind}`}>
                <Space size={8} wrap>
                  <Typography.Text strong>{e.on}</Typography.Text>
                  <Tag color={eventColors[e.kind] === 'gray' ? 'default' : eventColors[e.kind]}>{labels.statusEvent(e.kind)}</Tag>
                  {e.destination && <span>{t('enterprises.statusTab.movedTo', { place: e.destination })}</span>}
                </Space>
                {e.note && <div style={{ marginTop: 4 }}>{e.note}</div>}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.actorName ? t('enterprises.statusTab.by', { name: e.actorName }) : null, formatDateTime(e.createdAt, 'minute')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
      <FormModal<Values>
        open={recording}
        title={t('enterprises.statusTab.recordTitle')}
        onClose={() => setRecording(false)}
        onSubmit={submit}
        width={520}
        testId="status-form"
        initialValues={{ kind: firstAllowed, on: dayjs() }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('enterprises.statusTab.kind')} rules={[{ required: true, message: t('enterprises.statusTab.kindRequired') }]}>
              <Select
                options={statusEventKinds.map((k) => ({ value: k, label: allowed(k) ? labels.statusEvent(k) : `${labels.statusEvent(k)}${t('enterprises.paren', { text: t('enterprises.statusTab.kindNotAllowed') })}`, disabled: !allowed(k) }))}
                popupMatchSelectWidth={false}
                data-testid="status-kind"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="on" label={t('enterprises.statusTab.on')} rules={[{ required: true, message: t('enterprises.statusTab.onRequired') }]}>
              <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="status-on" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'moved_out' ? (
              <Form.Item name="destination" label={t('enterprises.statusTab.destination')} rules={[{ required: true, whitespace: true, message: t('enterprises.statusTab.destinationRequired') }]}>
                <Input maxLength={100} placeholder={t('enterprises.statusTab.destinationPlaceholder')} data-testid="status-destination" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="note" label={t('enterprises.statusTab.note')}>
          <Input.TextArea maxLength={500} rows={3} data-testid="status-note" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
