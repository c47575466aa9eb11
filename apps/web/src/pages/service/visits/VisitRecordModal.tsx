import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Visit } from '@zhiyuan/core';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../../api/visits';
import { FormModal } from '../../../components/FormModal';
import { dayjs } from '../../../lib/format';
import { EnterprisePicker } from '../../../components/EnterprisePicker';
import { isoDay, today } from './VisitPlanModal';

type Values = { enterpriseId?: string; visitedOn?: Dayjs; people?: string[]; topics?: string[]; problems?: { text?: string }[]; notes?: string };

type Props = {
  open: boolean;
  /** The planned visit that took place; without it, a visit already made is registered. */
  visit?: Visit;
  enterprise?: { id: string; name: string };
  onClose: () => void;
  onSaved: (v: Visit) => void;
};

const clean = (list: string[] | undefined) => (list ?? []).map((x) => x.trim()).filter(Boolean);
const maxProblems = 20;

/** The record of a visit: when, who took part, what was discussed, the problems found (a dynamic list), notes. */
export function VisitRecordModal({ open, visit, enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const preset = visit ? { id: visit.enterpriseId, name: visit.enterpriseName } : enterprise;
  const planned = visit?.plannedOn && !dayjs(visit.plannedOn).isAfter(today(), 'day') ? dayjs(visit.plannedOn) : today();
  return (
    <FormModal<Values>
      open={open}
      width={680}
      title={visit ? t('visits.record.title', { name: visit.enterpriseName }) : t('visits.record.newTitle')}
      okText={t('visits.record.submit')}
      onClose={onClose}
      testId="visit-record-form"
      pathMap={{ problemsFound: 'problems' }}
      initialValues={{ enterpriseId: preset?.id, visitedOn: planned, topics: visit?.topics ?? [], people: [], problems: [] }}
      onSubmit={async (v) => {
        const record = {
          visitedOn: isoDay(v.visitedOn!),
          people: clean(v.people),
          topics: clean(v.topics),
          problemsFound: (v.problems ?? []).map((p) => ({ text: (p.text ?? '').trim() })).filter((p) => p.text),
          notes: v.notes?.trim() || undefined,
        };
        onSaved(visit ? await visitsApi.record(visit.id, record) : await visitsApi.create({ enterpriseId: v.enterpriseId!, ...record }));
      }}
    >
      {!visit && (
        <Form.Item name="enterpriseId" label={t('visits.field.enterprise')} rules={[{ required: true, message: t('visits.required.enterprise') }]}>
          <EnterprisePicker activeOnly disabled={!!enterprise} known={preset ? [{ value: preset.id, label: preset.name }] : []} data-testid="visit-enterprise" />
        </Form.Item>
      )}
      <Form.Item name="visitedOn" label={t('visits.field.visitedOn')} rules={[{ required: true, message: t('visits.required.visitedOn') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} data-testid="visit-visited-on" />
      </Form.Item>
      <Form.Item
        name="people"
        label={t('visits.field.people')}
        extra={t('visits.peopleHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('visits.required.people') },
          { type: 'array', max: 20, message: t('visits.tooMany', { max: 20 }) },
        ]}
      >
        <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} placeholder={t('visits.placeholder.people')} data-testid="visit-people" />
      </Form.Item>
      <Form.Item
        name="topics"
        label={t('visits.field.topics')}
        extra={t('visits.tagsHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('visits.required.topics') },
          { type: 'array', max: 20, message: t('visits.tooMany', { max: 20 }) },
        ]}
      >
        <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} placeholder={t('visits.placeholder.topics')} data-testid="visit-topics" />
      </Form.Item>
      <Form.Item label={t('visits.field.problems')} extra={t('visits.problemsHint')} required={false}>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }} size={8}>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[
                      { required: true, whitespace: true, message: t('visits.required.problem') },
                      { max: 1000, message: t('visits.tooLong', { max: 1000 }) },
                    ]}
                    style={{ marginBottom: 0, flex: 1 }}
                  >
                    <Input.TextArea rows={2} placeholder={t('visits.placeholder.problem', { n: i + 1 })} aria-label={t('visits.problemN', { n: i + 1 })} data-testid={`visit-problem-${i}`} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('visits.removeProblem', { n: i + 1 })} data-testid={`visit-problem-remove-${i}`} />
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= maxProblems} onClick={() => add({ text: '' })} data-testid="visit-problem-add">
                {t('visits.addProblem')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="notes" label={t('visits.field.notes')} rules={[{ max: 5000, message: t('visits.tooLong', { max: 5000 }) }]}>
        <Input.TextArea rows={3} showCount maxLength={5000} data-testid="visit-notes" />
      </Form.Item>
    </FormModal>
  );
}
