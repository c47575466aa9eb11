import type { Visit } from '@zhiyuan/core';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../../api/visits';
import { FormModal } from '../../../components/FormModal';

/** Cancelling a planned visit asks why (the confirmation of a step that cannot be undone). */
export function CancelVisitModal({ visit, onClose, onDone }: { visit: Visit | null; onClose: () => void; onDone: (v: Visit) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      open={!!visit}
      title={t('visits.cancel.title', { name: visit?.enterpriseName ?? '' })}
      okText={t('visits.cancel.submit')}
      onClose={onClose}
      testId="visit-cancel-form"
      onSubmit={async (v) => {
        if (visit) onDone(await visitsApi.cancel(visit.id, { reason: v.reason.trim() }));
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('visits.cancel.note')} />
      <Form.Item
        name="reason"
        label={t('visits.cancel.reason')}
        rules={[
          { required: true, whitespace: true, message: t('visits.cancel.reasonRequired') },
          { min: 2, max: 200, message: t('visits.cancel.reasonLength') },
        ]}
      >
        <Input.TextArea rows={3} showCount maxLength={200} autoFocus data-testid="visit-cancel-reason" />
      </Form.Item>
    </FormModal>
  );
}
