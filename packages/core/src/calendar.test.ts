import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  addYears,
  createCalendar,
  daysBetween,
  dueFromInstant,
  endOfShanghaiDay,
  isWorkingDay,
  missingCalendarYearReminder,
  parseInstant,
  shanghaiDate,
  workingDaysBetween,
} from './calendar';
import { chineseDaysAvailableYears, chineseDaysSeed } from './calendar-seed';

const YEARS = [2024, 2025, 2026];
const cal = createCalendar(chineseDaysSeed(YEARS), YEARS);

describe('chinese-days seed', () => {
  const seed = chineseDaysSeed([2025]);
  const kindOf = (date: string) => seed.find((d) => d.date === date);

  it('has Spring Festival 2025: 01-28 … 02-04 off, Sun 01-26 and Sat 02-08 worked', () => {
    for (const d of ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']) {
      expect(kindOf(d)).toEqual({ date: d, kind: 'holiday', name: '春节' });
    }
    expect(kindOf('2025-01-27')).toBeUndefined();
    expect(kindOf('2025-02-05')).toBeUndefined();
    expect(kindOf('2025-01-26')).toEqual({ date: '2025-01-26', kind: 'workday', name: '春节补班' });
    expect(kindOf('2025-02-08')).toEqual({ date: '2025-02-08', kind: 'workday', name: '春节补班' });
  });

  it('has National Day 2025: 10-01 … 10-08 off (10-06 is 中秋节), Sun 09-28 and Sat 10-11 worked', () => {
    const block = seed.filter((d) => d.date >= '2025-10-01' && d.date <= '2025-10-08');
    expect(block.map((d) => d.date)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08'].map((x) => `2025-10-${x}`));
    expect(block.every((d) => d.kind === 'holiday')).toBe(true);
    expect(kindOf('2025-10-06')?.name).toBe('中秋节');
    expect(kindOf('2025-10-01')?.name).toBe('国庆节');
    expect(kindOf('2025-09-28')).toMatchObject({ kind: 'workday', name: '国庆节补班' });
    expect(kindOf('2025-10-11')).toMatchObject({ kind: 'workday', name: '国庆节补班' });
  });

  it('covers 2024–2026, sorted, with Chinese names', () => {
    const all = chineseDaysSeed(YEARS);
    expect(all.map((d) => d.date)).toEqual([...all.map((d) => d.date)].sort());
    expect(new Set(all.map((d) => d.date.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
    expect(new Set(all.filter((d) => d.kind === 'holiday').map((d) => d.name))).toEqual(
      new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']),
    );
    // 2025: 28 holiday entries (incl. weekends inside blocks) and 5 make-up working days.
    expect(seed.filter((d) => d.kind === 'holiday')).toHaveLength(28);
    expect(seed.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    // 2026: New Year make-up on Sunday 01-04, Spring Festival 02-15 … 02-23.
    expect(all.find((d) => d.date === '2026-01-04')?.kind).toBe('workday');
    expect(all.filter((d) => d.name === '春节' && d.date.startsWith('2026'))).toHaveLength(9);
  });

  it('refuses years without data', () => {
    expect(chineseDaysAvailableYears()).toEqual(expect.arrayContaining(YEARS));
    expect(() => chineseDaysSeed([2030])).toThrow(/2030/);
  });
});

describe('isWorkingDay', () => {
  it('follows holidays, weekends and make-up working days', () => {
    expect(isWorkingDay(cal, '2025-01-27')).toBe(true); // Monday
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false); // 除夕, Tuesday
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2025-02-09')).toBe(false); // ordinary Sunday
    expect(isWorkingDay(cal, '2025-10-06')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
  });

  it('falls back to Monday–Friday in years that are not loaded', () => {
    expect(isWorkingDay(cal, '2030-10-01')).toBe(true); // a Tuesday; National Day unknown
    expect(isWorkingDay(cal, '2030-10-05')).toBe(false); // Saturday
  });

  it('counts a year with special days as loaded', () => {
    const c = createCalendar([{ date: '2031-01-01', kind: 'holiday', name: '元旦' }]);
    expect(c.loadedYears.has(2031)).toBe(true);
    expect(isWorkingDay(c, '2031-01-01')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay(cal, '2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2025/02/03')).toThrow(/无效日期/);
    expect(() => createCalendar([{ date: '2025-13-01', kind: 'holiday' }])).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after the start date', () => {
    expect(addWorkingDays(cal, '2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays(cal, '2025-01-24', 1)).toBe('2025-01-26'); // Friday → Sunday 调休
    expect(addWorkingDays(cal, '2025-01-24', 2)).toBe('2025-01-27');
  });

  it('crosses the make-up Saturday after Spring Festival', () => {
    expect(addWorkingDays(cal, '2025-02-07', 1)).toBe('2025-02-08');
    expect(addWorkingDays(cal, '2025-02-06', 2)).toBe('2025-02-08');
    expect(addWorkingDays(cal, '2025-02-06', 3)).toBe('2025-02-10');
  });

  it('n = 0 is the start date when working, else the next working day', () => {
    expect(addWorkingDays(cal, '2025-01-27', 0)).toBe('2025-01-27');
    expect(addWorkingDays(cal, '2025-01-25', 0)).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-28', 0)).toBe('2025-02-05');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays(cal, '2025-01-27', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-01-27', 1.5)).toThrow(RangeError);
  });

  it('is the inverse of workingDaysBetween', () => {
    for (const start of ['2025-01-20', '2025-01-25', '2025-09-26', '2025-12-25']) {
      for (let n = 1; n <= 30; n++) {
        expect(workingDaysBetween(cal, start, addWorkingDays(cal, start, n))).toBe(n);
      }
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to] across Spring Festival', () => {
    // 01-26 Sun (调休), 01-27, 02-05, 02-06, 02-07, 02-08 Sat (调休), 02-10
    expect(workingDaysBetween(cal, '2025-01-24', '2025-02-10')).toBe(7);
    expect(workingDaysBetween(cal, '2025-01-27', '2025-02-04')).toBe(0);
    expect(workingDaysBetween(cal, '2025-01-27', '2025-01-27')).toBe(0);
    expect(workingDaysBetween(cal, '2025-02-10', '2025-01-24')).toBe(-7);
  });

  it('counts National Day 2025 and the whole year', () => {
    // October 2025: 23 weekdays − 6 weekday holidays + Saturday 10-11
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-31')).toBe(18);
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
  });
});

describe('dueFromInstant', () => {
  it('ends at 23:59:59 Shanghai of the N-th working day after Spring Festival', () => {
    // 2025-01-27 10:00 Shanghai (Monday); 01-28 … 02-04 off
    expect(dueFromInstant(cal, '2025-01-27T02:00:00Z', 3)).toEqual({
      dueAt: '2025-02-07T15:59:59.000Z',
      dueDate: '2025-02-07',
      usedFallbackYears: [],
    });
    expect(dueFromInstant(cal, '2025-01-27T02:00:00Z', 4).dueDate).toBe('2025-02-08'); // Saturday 调休
    expect(dueFromInstant(cal, '2025-01-27T02:00:00Z', 5).dueDate).toBe('2025-02-10');
  });

  it('uses the Shanghai calendar date of the start instant', () => {
    // 2025-01-26T17:00Z is already Monday 2025-01-27 01:00 in Shanghai
    expect(dueFromInstant(cal, '2025-01-26T17:00:00Z', 1).dueDate).toBe('2025-02-05');
    // one second before Shanghai midnight it is still Sunday 01-26
    expect(dueFromInstant(cal, '2025-01-26T15:59:59Z', 1).dueDate).toBe('2025-01-27');
    // a late-evening UTC instant: Friday 20:00Z = Saturday 04:00 Shanghai → next working day is Sunday 调休
    expect(dueFromInstant(cal, '2025-01-24T20:00:00Z', 1)).toMatchObject({
      dueDate: '2025-01-26',
      dueAt: '2025-01-26T15:59:59.000Z',
    });
    // explicit offsets and Date objects
    expect(dueFromInstant(cal, '2025-01-27T01:00:00+08:00', 1).dueDate).toBe('2025-02-05');
    expect(dueFromInstant(cal, new Date('2025-01-26T17:00:00Z'), 1).dueDate).toBe('2025-02-05');
  });

  it('handles National Day 2025', () => {
    // Friday 09-26 16:00 Shanghai: 09-28 Sun, 09-29, 09-30, 10-09, 10-10
    expect(dueFromInstant(cal, '2025-09-26T08:00:00Z', 5).dueAt).toBe('2025-10-10T15:59:59.000Z');
    expect(dueFromInstant(cal, '2025-09-26T08:00:00Z', 6).dueDate).toBe('2025-10-11');
    expect(dueFromInstant(cal, '2025-09-26T08:00:00Z', 7).dueDate).toBe('2025-10-13');
    expect(dueFromInstant(cal, '2025-10-01T02:00:00Z', 0).dueDate).toBe('2025-10-09');
  });

  it('falls back to Monday–Friday for years without a calendar and reports them', () => {
    expect(dueFromInstant(cal, '2030-09-30T02:00:00Z', 3)).toEqual({
      dueAt: '2030-10-03T15:59:59.000Z',
      dueDate: '2030-10-03',
      usedFallbackYears: [2030],
    });
    // crossing into an unloaded year: 2027-01-01 (Friday) counts as a working day
    expect(dueFromInstant(cal, '2026-12-30T02:00:00Z', 3)).toEqual({
      dueAt: '2027-01-04T15:59:59.000Z',
      dueDate: '2027-01-04',
      usedFallbackYears: [2027],
    });
    expect(dueFromInstant(cal, '2026-12-28T02:00:00Z', 2).usedFallbackYears).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => dueFromInstant(cal, 'not a date', 1)).toThrow(RangeError);
    expect(() => dueFromInstant(cal, '2025-01-27T02:00:00Z', -1)).toThrow(RangeError);
  });
});

describe('Asia/Shanghai helpers', () => {
  it('shanghaiDate shifts by +8h', () => {
    expect(shanghaiDate('2025-01-26T15:59:59Z')).toBe('2025-01-26');
    expect(shanghaiDate('2025-01-26T16:00:00Z')).toBe('2025-01-27');
    expect(shanghaiDate('2025-12-31T23:30:00-05:00')).toBe('2026-01-01');
    expect(shanghaiDate(new Date(Date.UTC(2025, 0, 26, 23, 0)))).toBe('2025-01-27');
    expect(shanghaiDate('2025-01-27')).toBe('2025-01-27');
    expect(shanghaiDate('2025-01-27T23:30:00')).toBe('2025-01-27'); // no offset: Shanghai wall time
  });

  it('parseInstant accepts common ISO forms', () => {
    const t = Date.UTC(2025, 0, 27, 2, 0, 0);
    expect(parseInstant('2025-01-27T02:00:00Z')).toBe(t);
    expect(parseInstant('2025-01-27T02:00:00.000Z')).toBe(t);
    expect(parseInstant('2025-01-27T10:00:00+08:00')).toBe(t);
    expect(parseInstant('2025-01-27T10:00:00+0800')).toBe(t);
    expect(parseInstant('2025-01-27T10:00+08')).toBe(t);
    expect(parseInstant('2025-01-27 10:00:00')).toBe(t);
    expect(() => parseInstant('2025-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('endOfShanghaiDay is 15:59:59Z of the same date', () => {
    expect(endOfShanghaiDay('2025-02-07')).toBe('2025-02-07T15:59:59.000Z');
  });

  it('never uses local-time Date getters or constructors', () => {
    const src = readFileSync(fileURLToPath(new URL('./calendar.ts', import.meta.url)), 'utf8');
    expect(src).not.toMatch(/\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|TimezoneOffset)\(/);
    expect(src).not.toMatch(/toLocale|Intl\./);
  });

  it('gives the same answers in other process time zones', () => {
    const calendarUrl = new URL('./calendar.ts', import.meta.url).href;
    const seedUrl = new URL('./calendar-seed.ts', import.meta.url).href;
    const script = `
      const c = await import(${JSON.stringify(calendarUrl)});
      const s = await import(${JSON.stringify(seedUrl)});
      const cal = c.createCalendar(s.chineseDaysSeed([2025]), [2025]);
      console.log(JSON.stringify([
        c.dueFromInstant(cal, '2025-01-26T17:00:00Z', 1),
        c.dueFromInstant(cal, '2025-01-24T20:00:00Z', 1),
        c.dueFromInstant(cal, '2025-09-26T08:00:00Z', 5),
        c.shanghaiDate('2025-01-27T23:30:00'),
        c.missingCalendarYearReminder([2025], new Date('2025-10-31T16:00:00Z')),
      ]));`;
    const expected = JSON.stringify([
      dueFromInstant(cal, '2025-01-26T17:00:00Z', 1),
      dueFromInstant(cal, '2025-01-24T20:00:00Z', 1),
      dueFromInstant(cal, '2025-09-26T08:00:00Z', 5),
      shanghaiDate('2025-01-27T23:30:00'),
      2026,
    ]);
    for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'UTC']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim(), tz).toBe(expected);
    }
  });
});

describe('missingCalendarYearReminder', () => {
  it('reminds in November and December (Shanghai) when next year is missing', () => {
    expect(missingCalendarYearReminder([2024, 2025], new Date('2025-11-15T02:00:00Z'))).toBe(2026);
    expect(missingCalendarYearReminder([2025], new Date('2025-12-31T15:59:59Z'))).toBe(2026);
    expect(missingCalendarYearReminder([2025, 2026], new Date('2025-11-15T02:00:00Z'))).toBeNull();
  });

  it('uses the Shanghai month, not UTC', () => {
    // 2025-10-31T16:00Z is already 1 November in Shanghai
    expect(missingCalendarYearReminder([2025], new Date('2025-10-31T16:00:00Z'))).toBe(2026);
    expect(missingCalendarYearReminder([2025], new Date('2025-10-31T15:59:59Z'))).toBeNull();
    // 2025-12-31T16:00Z is 1 January 2026 in Shanghai: no reminder until November
    expect(missingCalendarYearReminder([2025], new Date('2025-12-31T16:00:00Z'))).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative once passed', () => {
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-03-01', '2025-03-02')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2025-02-01', '2025-03-01')).toBe(28);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-01', '2025-05-30')).toBe(90);
  });
});

describe('shanghaiDate of an instant', () => {
  it('switches date at midnight Beijing time (16:00 UTC)', () => {
    expect(shanghaiDate(new Date('2025-01-01T15:59:59.999Z'))).toBe('2025-01-01');
    expect(shanghaiDate(new Date('2025-01-01T16:00:00.000Z'))).toBe('2025-01-02');
    expect(shanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDate(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDate(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
  });

  it('of now', () => {
    expect(shanghaiDate(new Date())).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('addDays, daysBetween, addYears', () => {
  it('agrees with Date', () => {
    const base = Date.UTC(1990, 0, 1);
    for (let i = 0; i < 20_000; i += 7) {
      const iso = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
      for (const n of [-400, -1, 0, 1, 59, 365, 1096]) expect(addDays(iso, n)).toBe(new Date(base + (i + n) * 86_400_000).toISOString().slice(0, 10));
      expect(daysBetween('1990-01-01', iso)).toBe(i);
      const d = new Date(base + i * 86_400_000);
      d.setUTCFullYear(d.getUTCFullYear() + 3);
      expect(addYears(iso, 3)).toBe(d.toISOString().slice(0, 10));
    }
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2025-03-01', -1)).toBe('2024-03-01');
  });
});
