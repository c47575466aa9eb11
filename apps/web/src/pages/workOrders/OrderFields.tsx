/** The fields of a new order shared by the staff form and the portal's: type, category, title, description, attachments. */
import { createWorkOrderRequest, workOrderTypes } from '@zhiyuan/core';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../lib/rules';
import { AttachmentUploader, uploadsSettledRule, type UploadValue } from './Attachments';
import { CategoryTreeSelect } from './pickers';
import { useWorkOrderLabels } from './workOrderLabels';

export type OrderBasics = { type: (typeof workOrderTypes)[number]; categoryId?: string; title: string; description: string; attachments?: UploadValue };

const shape = createWorkOrderRequest.shape;

export function OrderTypeField({ hint }: { hint?: boolean }) {
  const { t } = useTranslation();
  const labels = useWorkOrderLabels();
  return (
    <Form.Item name="type" label={t('workOrders.field.type')} rules={[{ required: true, message: t('workOrders.form.typeRequired') }]} extra={hint ? t('workOrders.form.typeHint') : undefined}>
      <Radio.Group optionType="button" buttonStyle="solid" options={workOrderTypes.map((v) => ({ value: v, label: labels.type(v) }))} data-testid="order-type" />
    </Form.Item>
  );
}

export function OrderTextFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="categoryId" label={t('workOrders.field.category')}>
        <CategoryTreeSelect data-testid="order-category" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('workOrders.field.title')}
        rules={[{ required: true, whitespace: true, message: t('workOrders.form.titleRequired') }, schemaRule(shape.title, t('workOrders.form.titleInvalid'))]}
      >
        <Input maxLength={100} showCount placeholder={t('workOrders.form.titlePlaceholder')} data-testid="order-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('workOrders.field.description')}
        rules={[{ required: true, whitespace: true, message: t('workOrders.form.descriptionRequired') }, schemaRule(shape.description, t('workOrders.form.descriptionInvalid'))]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('workOrders.form.descriptionPlaceholder')} data-testid="order-description" />
      </Form.Item>
      <Form.Item name="attachments" label={t('workOrders.field.attachments')} valuePropName="value" rules={[uploadsSettledRule(t)]}>
        <AttachmentUploader data-testid="order-attachments" />
      </Form.Item>
    </>
  );
}
