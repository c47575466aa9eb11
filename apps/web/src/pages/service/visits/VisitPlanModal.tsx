import type { Visit } from '@zhiyuan/core';
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../../api/visits';
import { FormModal } from '../../../components/FormModal';
import { businessTz, dayjs } from '../../../lib/format';
import { OfficerSelect } from '../../../components/OfficerSelect';
import { EnterprisePicker } from '../../../components/EnterprisePicker';

type Values = { enterpriseId?: string; plannedOn?: Dayjs; topics?: string[]; officerId?: string };

type Props = {
  open: boolean;
  /** A plan to change (PATCH); otherwise a new one. */
  visit?: Visit;
  /** The enterprise of a new plan chosen beforehand (the workbench's "plan visit"). */
  enterprise?: { id: string; name: string };
  onClose: () => void;
  onSaved: (v: Visit) => void;
};

export const today = () => dayjs().tz(businessTz).startOf('day');
export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Plan a visit (enterprise, date, topics), or move a planned one. */
export function VisitPlanModal({ open, visit, enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editing = !!visit;
  const presetEnterprise = visit ? { id: visit.enterpriseId, name: visit.enterpriseName } : enterprise;

  return (
    <FormModal<Values>
      open={open}
      title={editing ? t('visits.plan.editTitle', { name: visit.enterpriseName }) : t('visits.plan.title')}
      okText={editing ? t('common.save') : t('visits.plan.submit')}
      onClose={onClose}
      testId="visit-plan-form"
      initialValues={{
        enterpriseId: presetEnterprise?.id,
        plannedOn: visit?.plannedOn ? dayjs(visit.plannedOn) : undefined,
        topics: visit?.topics ?? [],
        officerId: visit?.officerId,
      }}
      onSubmit={async (v) => {
        const plannedOn = v.plannedOn ? isoDay(v.plannedOn) : undefined;
        const topics = (v.topics ?? []).map((x) => x.trim()).filter(Boolean);
        const saved = visit
          ? await visitsApi.updatePlan(visit.id, { plannedOn, topics, ...(v.officerId && v.officerId !== visit.officerId ? { officerId: v.officerId } : {}) })
          : await visitsApi.create({ enterpriseId: v.enterpriseId!, plannedOn, ...(topics.length ? { topics } : {}), ...(v.officerId ? { officerId: v.officerId } : {}) });
        onSaved(saved);
      }}
    >
      <Form.Item name="enterpriseId" label={t('visits.field.enterprise')} rules={[{ required: true, message: t('visits.required.enterprise') }]}>
        <EnterprisePicker activeOnly disabled={editing || !!enterprise} known={presetEnterprise ? [{ value: presetEnterprise.id, label: presetEnterprise.name }] : []} data-testid="visit-enterprise" />
      </Form.Item>
      <Form.Item name="plannedOn" label={t('visits.field.plannedOn')} rules={[{ required: true, message: t('visits.required.plannedOn') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today(), 'day')} data-testid="visit-planned-on" />
      </Form.Item>
      <Form.Item name="topics" label={t('visits.field.topics')} extra={t('visits.tagsHint')} rules={[{ type: 'array', max: 20, message: t('visits.tooMany', { max: 20 }) }]}>
        <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} placeholder={t('visits.placeholder.topics')} data-testid="visit-topics" />
      </Form.Item>
      <Form.Item name="officerId" label={t('visits.field.officer')} extra={t('visits.officerHint')}>
        <OfficerSelect placeholder={t('visits.placeholder.officer')} data-testid="visit-officer" />
      </Form.Item>
    </FormModal>
  );
}
