/** Parsing of the "date,kind,name" CSV an admin pastes or uploads to import a year of 调休. */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

export type CsvDay = { line: number; date: string; kind: 'holiday' | 'workday'; name?: string };
export type CsvProblem = { line: number; code: 'columns' | 'date' | 'kind' | 'year' | 'duplicate'; value: string };
export type CsvResult = { days: CsvDay[]; problems: CsvProblem[] };

const kindWords: Record<string, 'holiday' | 'workday'> = {
  holiday: 'holiday',
  h: 'holiday',
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  放假: 'holiday',
  workday: 'workday',
  w: 'workday',
  班: 'workday',
  补班: 'workday',
  调休上班: 'workday',
  上班: 'workday',
};

/** One CSV line into fields; double quotes may wrap a field ("" is a quote). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '，' || c === '\t') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export function parseCalendarCsv(text: string, year: number): CsvResult {
  const days: CsvDay[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const [dateRaw = '', kindRaw = '', ...rest] = splitLine(raw);
    if (i === 0 && /^(date|日期)$/i.test(dateRaw)) return; // header
    if (!kindRaw) return void problems.push({ line, code: 'columns', value: raw });
    const d = dayjs(dateRaw, ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY-M-D', 'YYYYMMDD'], true);
    if (!d.isValid()) return void problems.push({ line, code: 'date', value: dateRaw });
    const date = d.format('YYYY-MM-DD');
    if (d.year() !== year) return void problems.push({ line, code: 'year', value: date });
    const kind = kindWords[kindRaw.toLowerCase()];
    if (!kind) return void problems.push({ line, code: 'kind', value: kindRaw });
    if (seen.has(date)) return void problems.push({ line, code: 'duplicate', value: date });
    seen.add(date);
    const name = rest.join(',').trim().slice(0, 32);
    days.push({ line, date, kind, ...(name ? { name } : {}) });
  });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, problems };
}
