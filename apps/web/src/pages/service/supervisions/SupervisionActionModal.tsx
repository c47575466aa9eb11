import type { Supervision, SupervisionActionName } from '@zhiyuan/core';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervisionsApi } from '../../../api/supervisions';
import { FormModal } from '../../../components/FormModal';

type Values = { text?: string };

type Props = {
  target: { supervision: Supervision; action: SupervisionActionName } | null;
  onClose: () => void;
  onDone: (s: Supervision) => void;
};

/** Feedback (the handler), return or close (the supervisor): one form, the server decides. */
export function SupervisionActionModal({ target, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const action = target?.action ?? 'feedback';
  const s = target?.supervision;
  const required = action !== 'close';
  const max = action === 'feedback' ? 2000 : 500;

  return (
    <FormModal<Values>
      open={!!target}
      title={s ? t(`supervision.actionTitle.${action}`, { number: s.orderNumber }) : ''}
      okText={t(`supervision.action.${action}`)}
      onClose={onClose}
      testId="supervision-action-form"
      pathMap={{ content: 'text', comment: 'text' }}
      onSubmit={async (v) => {
        if (!s) return;
        const text = v.text?.trim();
        const body =
          action === 'feedback'
            ? { action, content: text ?? '' }
            : action === 'return'
              ? { action, comment: text ?? '' }
              : { action, ...(text ? { comment: text } : {}) };
        onDone(await supervisionsApi.act(s.id, body));
      }}
    >
      {s && (
        <Alert
          type={action === 'close' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`supervision.actionNote.${action}`)}
          description={
            <>
              <div>{t('supervision.reasonLine', { reason: s.reason })}</div>
              {s.feedback && <div>{t('supervision.feedbackLine', { feedback: s.feedback })}</div>}
            </>
          }
        />
      )}
      <Form.Item
        name="text"
        label={t(`supervision.field.${action}`)}
        rules={[
          { required, whitespace: true, message: t(`supervision.required.${action}`) },
          ...(action === 'return' ? [{ min: 2, message: t('supervision.reasonMin') }] : []),
          { max, message: t('supervision.tooLong', { max }) },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={max} autoFocus data-testid="supervision-action-text" />
      </Form.Item>
    </FormModal>
  );
}
