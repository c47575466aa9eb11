import { ArrowLeftOutlined } from '@ant-design/icons';
import { contactPhonePattern, createWorkOrderRequest, workOrderChannels, workOrderPriorities, type WorkOrderChannel, type WorkOrderPriority } from '@zhiyuan/core';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey, useWorkOrderInvalidation, workOrdersApi } from '../../api/workOrders';
import { useAuth } from '../../auth/AuthContext';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { Page } from '../../components/Page';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { useShowError } from '../../lib/errors';
import { blankToUndefined, schemaRule } from '../../lib/rules';
import { uploadedIds } from './Attachments';
import { OrderTextFields, OrderTypeField, type OrderBasics } from './OrderFields';
import { useWorkOrderLabels } from './workOrderLabels';

type Values = OrderBasics & {
  channel: WorkOrderChannel;
  externalNo?: string;
  priority: WorkOrderPriority;
  enterpriseId?: string;
  parkId?: string;
  requesterName?: string;
  requesterPhone?: string;
};

/** Channels staff record (the portal is the enterprise's own). */
const staffChannels = workOrderChannels.filter((c) => c !== 'portal');

/**
 * 登记工单: staff record a hotline call, a 12345 ticket or what a visit found. One idempotency key per
 * form: a double click, or a retry after a lost answer, makes one order.
 */
export function WorkOrderCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const showError = useShowError();
  const navigate = useNavigate();
  const labels = useWorkOrderLabels();
  const invalidate = useWorkOrderInvalidation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [submitting, setSubmitting] = useState(false);
  const channel = Form.useWatch('channel', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);

  const submit = async (v: Values) => {
    setSubmitting(true);
    try {
      const order = await workOrdersApi.create({
        type: v.type,
        channel: v.channel,
        priority: v.priority,
        externalNo: v.channel === 'hotline_12345' ? blankToUndefined(v.externalNo) : undefined,
        enterpriseId: v.enterpriseId || undefined,
        parkId: v.enterpriseId ? undefined : v.parkId || undefined,
        requesterName: blankToUndefined(v.requesterName),
        requesterPhone: blankToUndefined(v.requesterPhone),
        categoryId: v.categoryId || undefined,
        title: v.title.trim(),
        description: v.description.trim(),
        attachmentIds: uploadedIds(v.attachments),
        idempotencyKey: key,
      });
      void invalidate.order(order);
      void message.success(t('workOrders.form.created', { number: order.number }));
      navigate(`/work-orders/${order.id}`, { replace: true });
    } catch (e) {
      showError(e, form, { attachmentIds: 'attachments' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page
      title={t('workOrders.form.title')}
      extra={
        <Link to="/work-orders">
          <Button icon={<ArrowLeftOutlined />}>{t('workOrders.backToList')}</Button>
        </Link>
      }
    >
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: 'hotline', priority: 'normal', type: 'help' }}
          scrollToFirstError
          data-testid="work-order-form"
          style={{ maxWidth: 960 }}
        >
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <OrderTypeField />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="priority" label={t('workOrders.field.priority')} extra={t('workOrders.form.priorityHint')}>
                <Radio.Group options={workOrderPriorities.map((p) => ({ value: p, label: labels.priority(p) }))} data-testid="order-priority" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('workOrders.field.channel')} rules={[{ required: true }]}>
                <Select options={staffChannels.map((c) => ({ value: c, label: labels.channel(c) }))} data-testid="order-channel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {channel === 'hotline_12345' && (
                <Form.Item
                  name="externalNo"
                  label={t('workOrders.field.externalNo')}
                  rules={[{ required: true, whitespace: true, message: t('workOrders.form.externalNoRequired') }, schemaRule(createWorkOrderRequest.shape.externalNo, t('workOrders.form.externalNoInvalid'))]}
                >
                  <Input maxLength={40} className="zy-mono" data-testid="order-external-no" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="enterpriseId" label={t('workOrders.field.enterprise')} extra={t('workOrders.form.enterpriseHint')}>
                {can('enterprise.read') ? <EnterprisePicker data-testid="order-enterprise" /> : <Input disabled />}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {!enterpriseId && (
                <Form.Item name="parkId" label={t('workOrders.field.park')} extra={t('workOrders.form.parkHint')}>
                  <ParkTreeSelect data-testid="order-park" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="requesterName" label={t('workOrders.field.requesterName')}>
                <Input maxLength={32} autoComplete="off" data-testid="order-requester-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="requesterPhone"
                label={t('workOrders.field.requesterPhone')}
                rules={[{ pattern: contactPhonePattern, message: t('workOrders.form.phoneInvalid') }]}
                normalize={(v: string) => v.replace(/\s/g, '')}
              >
                <Input maxLength={20} autoComplete="off" inputMode="tel" data-testid="order-requester-phone" />
              </Form.Item>
            </Col>
          </Row>
          <OrderTextFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="work-order-submit">
              {t('workOrders.form.submit')}
            </Button>
            <Button onClick={() => navigate('/work-orders')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </Page>
  );
}
