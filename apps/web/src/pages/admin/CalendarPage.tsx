import { ImportOutlined } from '@ant-design/icons';
import type { CalendarDay } from '@zhiyuan/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarDays, useCalendarYears } from '../../api/calendar';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';
import { DayEditModal } from './calendar/DayEditModal';
import { DueCalculator } from './calendar/DueCalculator';
import { ImportModal } from './calendar/ImportModal';
import { YearGrid } from './calendar/YearGrid';

export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const writable = can('calendar.write');
  const years = useCalendarYears();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useCalendarDays(year);
  const [editing, setEditing] = useState<{ date: string; day?: CalendarDay } | null>(null);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    const e = years.error ?? days.error;
    if (e) showError(e);
  }, [years.error, days.error, showError]);

  const reminder = years.data?.missingYearReminder ?? null;
  const options = useMemo(() => {
    const ys = new Set((years.data?.years ?? []).map((y) => y.year));
    ys.add(thisYear);
    if (reminder) ys.add(reminder);
    return [...ys].sort((a, b) => a - b);
  }, [years.data, reminder, thisYear]);
  const summary = years.data?.years.find((y) => y.year === year);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['calendar'] });

  return (
    <Page
      title={t('nav.calendar')}
      extra={
        writable && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
            {t('calendar.import')}
          </Button>
        )
      }
    >
      {reminder !== null && writable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('calendar.missingYear', { year: reminder })}
          action={
            <Button size="small" onClick={() => { setYear(reminder); setImporting(true); }}>
              {t('calendar.import')}
            </Button>
          }
          data-testid="calendar-missing-year"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <Card
            size="small"
            title={
              <Space wrap>
                <Segmented<number> value={year} options={options.map((y) => ({ value: y, label: String(y) }))} onChange={setYear} data-testid="calendar-year-switch" />
              </Space>
            }
            extra={
              <Typography.Text type="secondary" data-testid="calendar-summary">
                {summary ? t('calendar.summary', { holidays: summary.holidays, workdays: summary.workdays }) : t('calendar.notLoaded')}
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          >
            <Space size="large" wrap style={{ marginBottom: 12 }}>
              <span>
                <span className="zy-legend zy-holiday">{t('calendar.holidayMark')}</span> {t('calendar.kind.holiday')}
              </span>
              <span>
                <span className="zy-legend zy-workday">{t('calendar.workdayMark')}</span> {t('calendar.kind.workday')}
              </span>
              <span>
                <span className="zy-legend zy-weekend">6</span> {t('calendar.weekend')}
              </span>
              {writable && <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text>}
            </Space>
            <Spin spinning={days.isLoading}>
              <YearGrid year={year} days={days.data?.days ?? []} onPick={writable ? (date, day) => setEditing({ date, day }) : undefined} />
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <DueCalculator />
        </Col>
      </Row>
      <DayEditModal
        date={editing?.date ?? null}
        day={editing?.day}
        onClose={() => setEditing(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          refresh();
        }}
      />
      <ImportModal
        open={importing}
        defaultYear={year}
        onClose={() => setImporting(false)}
        onImported={(y) => {
          setYear(y);
          refresh();
        }}
      />
    </Page>
  );
}
