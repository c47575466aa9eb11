import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../../api/calendar';
import type { DueResponse } from '../../../api/types';
import { useShowError } from '../../../lib/errors';
import { businessTz, formatDateTime } from '../../../lib/format';

type Values = { start: Dayjs; workingDays: number };

/** N working days from an instant (DESIGN.md §7), as the service desk will compute deadlines. */
export function DueCalculator() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DueResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      setResult(await calendarApi.due(v.start.toISOString(), v.workingDays));
    } catch (e) {
      setResult(null);
      showError(e, form, { start: 'start', workingDays: 'workingDays' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('calendar.dueTitle')} size="small" data-testid="due-calculator">
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ start: dayjs(), workingDays: 5 }}>
        <Form.Item name="start" label={t('calendar.dueStart')} rules={[{ required: true, message: t('calendar.dueStartRequired') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="due-start" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('calendar.dueDays')} rules={[{ required: true, message: t('calendar.dueDaysRequired') }]}>
          <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} data-testid="due-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="due-submit">
          {t('calendar.dueSubmit')}
        </Button>
      </Form>
      {result && (
        <div style={{ marginTop: 12 }} data-testid="due-result">
          <Descriptions column={1} size="small" bordered layout="vertical">
            <Descriptions.Item label={t('calendar.dueDate')}>
              <strong data-testid="due-date">{result.dueDate}</strong> {dayjs(result.dueDate).format('ddd')}
            </Descriptions.Item>
            <Descriptions.Item label={t('calendar.dueAt')}>
              {formatDateTime(result.dueAt)}
              <div style={{ fontSize: 12, color: '#999' }}>{businessTz}</div>
            </Descriptions.Item>
          </Descriptions>
          {result.fallbackYears.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('calendar.dueFallback', { years: result.fallbackYears.join('、') })} />
          )}
          {result.message && <Alert type="info" showIcon style={{ marginTop: 8 }} message={result.message} />}
        </div>
      )}
    </Card>
  );
}
