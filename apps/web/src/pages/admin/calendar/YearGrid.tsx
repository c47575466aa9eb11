import type { CalendarDay } from '@zhiyuan/core';
import { Card, Col, Row, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { year: number; days: readonly CalendarDay[]; onPick?: (date: string, day: CalendarDay | undefined) => void };

/** Twelve month grids (Monday first) marking holidays (休) and make-up working days (班). */
export function YearGrid({ year, days, onPick }: Props) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  return (
    <Row gutter={[12, 12]} data-testid="calendar-year">
      {Array.from({ length: 12 }, (_, m) => (
        <Col key={m} xs={24} sm={12} lg={8}>
          <MonthGrid year={year} month={m} byDate={byDate} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}

function MonthGrid({ year, month, byDate, onPick }: { year: number; month: number; byDate: Map<string, CalendarDay>; onPick?: Props['onPick'] }) {
  const { t } = useTranslation();
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7; // Monday = 0
  const count = first.daysInMonth();
  const today = dayjs().format('YYYY-MM-DD');
  const weekdays = t('calendar.weekdays').split(',');
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];

  return (
    <Card size="small" title={first.format(t('calendar.monthFormat'))} style={{ height: '100%' }} styles={{ body: { padding: 8 } }} data-testid={`calendar-month-${month + 1}`}>
      <div className="zy-month" role="grid" aria-label={first.format(t('calendar.monthFormat'))}>
        {weekdays.map((w, i) => (
          <div key={w} className={`zy-month-head${i >= 5 ? ' zy-weekend' : ''}`} role="columnheader">
            {w}
          </div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`e${i}`} />;
          const date = first.date(d).format('YYYY-MM-DD');
          const special = byDate.get(date);
          const weekend = i % 7 >= 5;
          const cls = ['zy-day', weekend ? 'zy-weekend' : '', special?.kind === 'holiday' ? 'zy-holiday' : '', special?.kind === 'workday' ? 'zy-workday' : '', date === today ? 'zy-today' : '']
            .filter(Boolean)
            .join(' ');
          const mark = special ? (special.kind === 'holiday' ? t('calendar.holidayMark') : t('calendar.workdayMark')) : '';
          const label = [date, special?.name, special ? t(`calendar.kind.${special.kind}`) : weekend ? t('calendar.weekend') : ''].filter(Boolean).join(' ');
          const content = (
            <>
              {d}
              {mark && <span className="zy-day-mark">{mark}</span>}
            </>
          );
          const cell = onPick ? (
            <button type="button" className={cls} aria-label={label} data-testid={`day-${date}`} data-kind={special?.kind ?? ''} onClick={() => onPick(date, special)}>
              {content}
            </button>
          ) : (
            <div className={cls} aria-label={label} data-testid={`day-${date}`} data-kind={special?.kind ?? ''} role="gridcell">
              {content}
            </div>
          );
          return special?.name ? (
            <Tooltip key={date} title={`${special.name}（${t(`calendar.kind.${special.kind}`)}）`}>
              {cell}
            </Tooltip>
          ) : (
            <span key={date} style={{ display: 'contents' }}>
              {cell}
            </span>
          );
        })}
      </div>
    </Card>
  );
}
