import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../../api/calendar';
import { parseCalendarCsv, type CsvDay } from '../../../lib/calendarCsv';
import { useShowError } from '../../../lib/errors';

type Props = { open: boolean; defaultYear: number; onClose: () => void; onImported: (year: number) => void };

const maxFileBytes = 256 * 1024;

/** Paste or upload "date,kind,name" lines, preview, then replace the year's special days. */
export function ImportModal({ open, defaultYear, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useState(defaultYear);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseCalendarCsv(text, year), [text, year]);
  const ready = parsed.days.length > 0 && parsed.problems.length === 0;

  const submit = async () => {
    setBusy(true);
    try {
      await calendarApi.importYear({ year, days: parsed.days.map(({ date, kind, name }) => ({ date, kind, ...(name ? { name } : {}) })) });
      void message.success(t('calendar.imported', { year, count: parsed.days.length }));
      setText('');
      onImported(year);
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('calendar.importTitle')}
      onCancel={onClose}
      width={760}
      maskClosable={false}
      destroyOnHidden
      afterOpenChange={(o) => o && setYear(defaultYear)}
      okText={t('calendar.importOk', { count: parsed.days.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !ready, loading: busy, danger: true, 'data-testid': 'import-ok' }}
      onOk={submit}
    >
      <Form layout="vertical" data-testid="calendar-import-form" onFinish={() => ready && void submit()}>
        <Space align="start" wrap>
          <Form.Item label={t('calendar.year')} required>
            <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => v && setYear(v)} data-testid="import-year" />
          </Form.Item>
          <Form.Item label={t('calendar.file')}>
            <Upload
              accept=".csv,.txt,text/csv,text/plain"
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > maxFileBytes) void message.error(t('calendar.fileTooLarge'));
                else void file.text().then(setText);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="import-upload">
                {t('calendar.chooseFile')}
              </Button>
            </Upload>
          </Form.Item>
        </Space>
        <Form.Item label={t('calendar.csv')} extra={t('calendar.csvHint')}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 5, maxRows: 10 }}
            placeholder={'date,kind,name\n2026-01-01,holiday,元旦\n2026-02-14,workday,春节调休'}
            spellCheck={false}
            className="zy-mono"
            data-testid="import-text"
          />
        </Form.Item>
      </Form>
      {parsed.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('calendar.problems', { count: parsed.problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 120, overflow: 'auto' }}>
              {parsed.problems.slice(0, 50).map((p) => (
                <li key={`${p.line}-${p.code}`}>{t(`calendar.problem.${p.code}`, { line: p.line, value: p.value, year })}</li>
              ))}
            </ul>
          }
          data-testid="import-problems"
        />
      )}
      {parsed.days.length > 0 && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('calendar.replaceWarning', { year })} />
          <Typography.Text type="secondary">
            {t('calendar.previewSummary', {
              holidays: parsed.days.filter((d) => d.kind === 'holiday').length,
              workdays: parsed.days.filter((d) => d.kind === 'workday').length,
            })}
          </Typography.Text>
          <Table<CsvDay>
            rowKey="date"
            size="small"
            dataSource={parsed.days}
            pagination={{ pageSize: 8, size: 'small' }}
            data-testid="import-preview"
            columns={[
              { title: t('calendar.line'), dataIndex: 'line', width: 60 },
              { title: t('calendar.date'), dataIndex: 'date', width: 120 },
              {
                title: t('calendar.kindLabel'),
                dataIndex: 'kind',
                width: 120,
                render: (k: CsvDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${k}`)}</Tag>,
              },
              { title: t('calendar.name'), dataIndex: 'name', render: (n?: string) => n ?? '—' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
