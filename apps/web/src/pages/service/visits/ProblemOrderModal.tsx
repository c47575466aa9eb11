import { workOrderPriorities, workOrderTypes, type VisitProblem, type WorkOrderDetail, type WorkOrderPriority, type WorkOrderType } from '@zhiyuan/core';
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../../api/visits';
import { FormModal } from '../../../components/FormModal';
import { DepartmentSelect } from '../../../components/DepartmentSelect';
import { useServiceLabels } from '../common/labels';

type Values = { type: WorkOrderType; title: string; priority: WorkOrderPriority; departmentId?: string };

type Props = {
  target: { visitId: string; problem: VisitProblem } | null;
  onClose: () => void;
  onCreated: (order: WorkOrderDetail) => void;
};

/** A problem found on a visit becomes a work order (channel 走访发现, the visit's enterprise), routed at once if a department is chosen. */
export function ProblemOrderModal({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const text = target?.problem.text ?? '';
  return (
    <FormModal<Values>
      open={!!target}
      title={t('visits.toOrder.title')}
      okText={t('visits.toOrder.submit')}
      onClose={onClose}
      testId="problem-order-form"
      initialValues={{ type: 'help', priority: 'normal', title: text.replace(/\s+/g, ' ').trim().slice(0, 50) }}
      onSubmit={async (v) => {
        if (!target) return;
        const title = v.title.trim();
        onCreated(await visitsApi.problemToOrder(target.visitId, target.problem.id, { type: v.type, priority: v.priority, title: title || undefined, departmentId: v.departmentId }));
      }}
    >
      <Alert type="info" style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} message={t('visits.toOrder.problem')} description={text} />
      <Form.Item name="type" label={t('visits.toOrder.type')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={workOrderTypes.map((ty) => ({ value: ty, label: labels.orderType(ty) }))} data-testid="problem-order-type" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('visits.toOrder.orderTitle')}
        rules={[
          { required: true, whitespace: true, message: t('visits.toOrder.titleRequired') },
          { min: 2, max: 100, message: t('visits.toOrder.titleLength') },
        ]}
      >
        <Input showCount maxLength={100} data-testid="problem-order-title" />
      </Form.Item>
      <Form.Item name="priority" label={t('visits.toOrder.priority')}>
        <Radio.Group options={workOrderPriorities.map((p) => ({ value: p, label: labels.priority(p) }))} data-testid="problem-order-priority" />
      </Form.Item>
      <Form.Item name="departmentId" label={t('visits.toOrder.department')} extra={t('visits.toOrder.departmentHint')}>
        <DepartmentSelect data-testid="problem-order-department" />
      </Form.Item>
    </FormModal>
  );
}
