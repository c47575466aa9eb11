import { Alert, Form, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey, workOrdersApi, type WorkOrderDetail } from '../../api/workOrders';
import { useShowError } from '../../lib/errors';
import { uploadedIds } from '../workOrders/Attachments';
import { OrderTextFields, OrderTypeField, type OrderBasics } from '../workOrders/OrderFields';

type Props = { open: boolean; onClose: () => void; onCreated: (order: WorkOrderDetail) => void };

/**
 * 提交诉求: the enterprise's own request. The form instance carries one idempotency key, so a double
 * click — or submitting again after a lost answer — makes one order. Closing discards the key.
 */
export function PortalOrderCreateModal({ open, onClose, onCreated }: Props) {
  if (!open) return null;
  return <CreateForm onClose={onClose} onCreated={onCreated} />;
}

function CreateForm({ onClose, onCreated }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<OrderBasics>();
  const formId = `portal-order-${useId().replace(/:/g, '')}`;
  const [key] = useState(newIdempotencyKey);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (v: OrderBasics) => {
    setSubmitting(true);
    try {
      const order = await workOrdersApi.create({
        type: v.type,
        categoryId: v.categoryId || undefined,
        title: v.title.trim(),
        description: v.description.trim(),
        attachmentIds: uploadedIds(v.attachments),
        idempotencyKey: key,
      });
      onCreated(order);
    } catch (e) {
      showError(e, form, { attachmentIds: 'attachments' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t('portalOrders.create.title')}
      onCancel={onClose}
      width={680}
      maskClosable={false}
      okText={t('portalOrders.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: submitting, 'data-testid': 'modal-ok' }}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' }}
    >
      <Alert type="info" showIcon message={t('portalOrders.create.note')} style={{ margin: '16px 0' }} />
      <Form<OrderBasics> id={formId} form={form} layout="vertical" initialValues={{ type: 'help' }} onFinish={submit} scrollToFirstError data-testid="portal-order-form">
        <OrderTypeField hint />
        <OrderTextFields />
      </Form>
    </Modal>
  );
}
