import type { CalendarDay } from '@zhiyuan/core';
import { Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../../api/calendar';
import { FormModal } from '../../../components/FormModal';
import { blankToUndefined } from '../../../lib/rules';

type Kind = 'holiday' | 'workday' | 'normal';
type Values = { kind: Kind; name?: string };
type Props = { date: string | null; day: CalendarDay | undefined; onClose: () => void; onSaved: () => void };

/** Mark one date as a holiday, a make-up working day, or back to an ordinary day. */
export function DayEditModal({ date, day, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const submit = async (v: Values) => {
    if (!date) return;
    if (v.kind === 'normal') {
      if (day) await calendarApi.deleteDay(date);
    } else await calendarApi.putDay(date, { kind: v.kind, name: blankToUndefined(v.name) });
    onSaved();
  };
  const weekday = date ? dayjs(date).format('dddd') : '';
  return (
    <FormModal<Values>
      open={!!date}
      title={t('calendar.editTitle', { date, weekday })}
      onClose={onClose}
      onSubmit={submit}
      width={440}
      testId="day-form"
      initialValues={{ kind: day?.kind ?? 'normal', name: day?.name ?? '' }}
    >
      <Form.Item name="kind" label={t('calendar.kindLabel')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'holiday', label: t('calendar.kind.holiday') },
            { value: 'workday', label: t('calendar.kind.workday') },
            { value: 'normal', label: t('calendar.kind.normal') },
          ]}
          data-testid="day-kind"
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') !== 'normal' ? (
            <Form.Item name="name" label={t('calendar.name')} extra={t('calendar.nameHint')}>
              <Input maxLength={32} data-testid="day-name" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </FormModal>
  );
}
