import { Form, Modal, type FormInstance } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../lib/errors';

type Props<T> = {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Throw to keep the modal open; the error's message and field errors are shown. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<void>;
  initialValues?: Partial<T>;
  children: ReactNode;
  okText?: string;
  width?: number;
  testId?: string;
  /** Server field path → form field name. */
  pathMap?: Record<string, string>;
};

/**
 * A modal with a form: the OK button is the form's submit button (form attribute),
 * so Enter in a field submits, validation runs first and server field errors land on fields.
 */
export function FormModal<T extends object>({ open, title, onClose, onSubmit, initialValues, children, okText, width = 560, testId, pathMap }: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const formId = `form-${useId().replace(/:/g, '')}`;
  const [submitting, setSubmitting] = useState(false);
  const showError = useShowError();

  const onFinish = async (values: T) => {
    setSubmitting(true);
    try {
      await onSubmit(values, form);
      onClose();
    } catch (e) {
      showError(e, form, pathMap);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      width={width}
      destroyOnHidden
      maskClosable={false}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: submitting, 'data-testid': 'modal-ok' }}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' }}
    >
      <Form<T>
        id={formId}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        preserve={false}
        data-testid={testId}
        scrollToFirstError
        style={{ marginTop: 16 }}
      >
        {children}
      </Form>
    </Modal>
  );
}
