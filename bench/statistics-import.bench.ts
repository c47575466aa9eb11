// A month of 30,000 reports (issue 5) imported via xlsx end to end at 200,000 enterprises × 36 months:
// POST /api/statistics/imports?period=P with the file as demo_statistician, then GET
// /api/statistics/rollups/status every 50 ms until nothing is pending (the pg-boss worker of this
// same process has refreshed P), as a ratio to exceljs's bare streaming read of the same file. Then
// the same file again (30,000 unchanged: nothing written, nothing to refresh).
//
// P is the month after the generated ones (statistics-db.ts): the 30,000 enterprises — chosen by
// md5 of their id among those that reported the month before and have no report for P — are
// created there. Their figures come from the demo generator, so they continue their history (a
// few are flagged by the plausibility checks, as in real life). The file has the import template's
// columns (downloaded from the app: USCC, name, every reported indicator, every restated prior),
// written with exceljs's streaming writer (shared strings, styles) as Excel would. Reports a
// previous run imported into P are deleted (with their versions) before the run, and P refreshed.
// BENCH_TRACE=1 prints the time of every SQL statement of both imports (grouped); BENCH_PROFILE=1
// a CPU profile of the app's process during each (written to .tmp/statistics-*import.cpuprofile).
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addMonths, shanghaiDate } from '@zhiyuan/core';
import { demoStatisticsGenerator, type StatEnterprise } from '../apps/server/src/seed/demo-statistics';
import { SHEET } from '../apps/server/src/modules/statistics/statistics-import';
import { cpuProfile, median, traceSql, withStatisticsBench, type StatisticsBench } from './statistics-db';
import { BARE_RUNS, bareReadInChild } from './xlsx-bare';

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

// ---------------------------------------------------------------- the file

type Picked = StatEnterprise & { uscc: string; name: string };

/** Deletes what a previous run imported into `period` (reports and versions) and refreshes its rollups. */
async function reset({ owner, database, app }: StatisticsBench, period: string): Promise<void> {
  const t = performance.now();
  const client = await owner.connect();
  let deleted = 0;
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM stat_report_versions v USING stat_reports r WHERE v.report_id = r.id AND r.period = $1 AND r.source = 'import'`, [period]);
    deleted = (await client.query(`DELETE FROM stat_reports WHERE period = $1 AND source = 'import'`, [period])).rowCount ?? 0;
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  if (deleted === 0) return;
  await database.db.transaction((tx) => app.services.rollups.refreshIn(tx, [period]));
  await owner.query('VACUUM ANALYZE stat_reports, stat_report_versions');
  console.log(`deleted the ${deleted.toLocaleString('en')} reports a previous run imported into ${period}, refreshed it, VACUUM ANALYZE: ${sec(performance.now() - t)}`);
}

/** ROWS enterprises without a report for `period` that reported the month before, with their figures for `period`. */
async function pickRows({ owner, state }: StatisticsBench, period: string): Promise<{ e: Picked; values: Record<string, number>; prior: Record<string, number> }[]> {
  const { rows } = await owner.query<{ id: string; uscc: string; name: string; park_id: string; industry_code: string; industry_section: string; above_scale: boolean; status: StatEnterprise['status']; status_since: string | null; moved_in_on: string | null; headcount: number | null }>(
    `SELECT e.id, e.uscc, e.name, e.park_id, e.industry_code, e.industry_section, e.above_scale, e.status, e.status_since::text, e.headcount,
            (SELECT max("on")::text FROM enterprise_status_events s WHERE s.enterprise_id = e.id AND s.kind = 'moved_in') AS moved_in_on
       FROM enterprises e JOIN stat_reports r ON r.enterprise_id = e.id AND r.period = $2
      WHERE NOT EXISTS (SELECT 1 FROM stat_reports x WHERE x.enterprise_id = e.id AND x.period = $1)
      ORDER BY md5(e.id::text) LIMIT $3`,
    [period, addMonths(period, -1), Math.ceil(ROWS * 1.6)],
  );
  // From the loaded reports' first month, with their seed: the same random draws, so each figure continues its enterprise's history.
  const generate = demoStatisticsGenerator({ to: period, months: state.months + 1, seed: 1, today: shanghaiDate(new Date()) });
  const out: { e: Picked; values: Record<string, number>; prior: Record<string, number> }[] = [];
  for (const r of rows) {
    const e: Picked = { id: r.id, uscc: r.uscc, name: r.name, parkId: r.park_id, industryCode: r.industry_code, industrySection: r.industry_section, aboveScale: r.above_scale, status: r.status, statusSince: r.status_since, movedInOn: r.moved_in_on, headcount: r.headcount };
    const report = generate(e).find((x) => x.period === period);
    if (report) out.push({ e, values: report.values, prior: report.prior });
    if (out.length === ROWS) return out;
  }
  throw new Error(`only ${out.length} of ${ROWS} enterprises can report ${period}`);
}

/** The header row of the app's own import template. */
async function templateHeader(b: StatisticsBench): Promise<string[]> {
  const res = await fetch(`${b.base}/api/statistics/import-template`, { headers: b.headers });
  if (!res.ok) throw new Error(`template: ${res.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const values = wb.worksheets[0]!.getRow(1).values as unknown[];
  return values.slice(1).map(String);
}

async function writeFile(file: string, header: string[], rows: Awaited<ReturnType<typeof pickRows>>): Promise<void> {
  const field = header.map((h) => (h === '统一社会信用代码' ? 'uscc' : h === '企业名称' ? 'name' : /\[(prior\.)?([a-z0-9_]+)\]$/.exec(h)!));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet(SHEET);
  ws.columns = header.map((h) => ({ header: h, width: h.length > 10 ? 22 : 18 }));
  for (const r of rows)
    ws.addRow(field.map((f) => (f === 'uscc' ? r.e.uscc : f === 'name' ? r.e.name : ((f[1] ? r.prior : r.values)[f[2]!] ?? null)))).commit();
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------- the import

/** Peak RSS of this process (the app's) while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number; start: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, process.memoryUsage.rss()), start };
  } finally {
    clearInterval(timer);
  }
}

type Result = { accepted: number; created: number; updated: number; unchanged: number; flagged: number; late: number };

async function importOnce(b: StatisticsBench, period: string, bytes: Buffer) {
  const status = async () => {
    const res = await fetch(`${b.base}/api/statistics/rollups/status`, { headers: b.headers });
    if (!res.ok) throw new Error(`status: ${res.status}`);
    return (await res.json()) as { pending: number; refreshedAt: string | null };
  };
  return withPeakRss(async () => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `statistics-${period}.xlsx`);
    const t0 = performance.now();
    const res = await fetch(`${b.base}/api/statistics/imports?period=${period}`, { method: 'POST', headers: b.headers, body: form });
    const json = (await res.json()) as Result;
    if (!res.ok) throw new Error(`import: ${res.status} ${JSON.stringify(json).slice(0, 800)}`);
    const t1 = performance.now();
    let polls = 0;
    for (;;) {
      polls++;
      if ((await status()).pending === 0) break;
      if (performance.now() - t1 > 600_000) throw new Error('rollups still pending after 10 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
    const t2 = performance.now();
    return { result: json, post: t1 - t0, rollups: t2 - t1, total: t2 - t0, polls };
  });
}

async function main() {
  const dir = path.resolve('.tmp', `bench-statistics-import-${process.pid}`);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'statistics-30k.xlsx');
  try {
    await withStatisticsBench(async (b) => {
      const period = b.state.importPeriod;
      await reset(b, period);
      const t = performance.now();
      const rows = await pickRows(b, period);
      const header = await templateHeader(b);
      await writeFile(file, header, rows);
      const size = (await fs.stat(file)).size;
      console.log(`file: ${ROWS.toLocaleString('en')} rows × ${header.length} columns (the template's), ${(size / 1024 / 1024).toFixed(1)} MB, for ${period}; picked, generated and written in ${sec(performance.now() - t)}`);

      const bare = await bareReadInChild(file);
      const bytes = await fs.readFile(file);
      const tracing = process.env.BENCH_TRACE === '1';
      const printTrace = (what: string, stop: ReturnType<typeof traceSql>) => {
        console.log(`SQL of ${what} (BENCH_TRACE=1), by statement, slowest first: total ms, count`);
        for (const q of stop().slice(0, 25)) console.log(`  ${q.ms.toFixed(0).padStart(7)} ${String(q.count).padStart(5)}  ${q.statement}`);
      };
      const profiled = <T>(name: string, work: () => Promise<T>) => (process.env.BENCH_PROFILE === '1' ? cpuProfile(name, work) : work());
      let stop = tracing ? traceSql() : null;
      const first = await profiled('statistics-import', () => importOnce(b, period, bytes));
      if (stop) printTrace('the import', stop);
      stop = tracing ? traceSql() : null;
      const again = await profiled('statistics-reimport', () => importOnce(b, period, bytes));
      if (stop) printTrace('the re-import', stop);
      const { rows: [check] } = await b.owner.query<{ n: number; refreshed: Date }>(
        `SELECT (SELECT count(*)::int FROM stat_reports WHERE period = $1 AND source = 'import') AS n, (SELECT refreshed_at FROM stat_rollup_runs WHERE period = $1) AS refreshed`,
        [period],
      );

      const a = median(bare.ms);
      const aStyles = median(bare.msStyles);
      const r = first.value.result;
      console.log(`(a) exceljs bare stream read, default options (styles ignored): ${sec(a)} = ${rate(a)}, median of ${BARE_RUNS} (${bare.ms.map((x) => sec(x)).join(', ')}); with styles cached (as the app reads): ${sec(aStyles)}; ${bare.cells.toLocaleString('en')} cells; its process RSS ${mb(bare.startRss)} before reading, peak ${mb(bare.maxRss)}`);
      console.log(`(b) import over HTTP: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.flagged} flagged, ${r.late} late; POST ${sec(first.value.post)} + rollups of ${period} ${sec(first.value.rollups)} (${first.value.polls} polls) = ${sec(first.value.total)} = ${rate(first.value.total)}; app RSS ${mb(first.start)} before, peak ${mb(first.peak)}`);
      console.log(`(c) same file again: ${again.value.result.unchanged} unchanged, ${again.value.result.created + again.value.result.updated} written; POST ${sec(again.value.post)} + ${sec(again.value.rollups)} = ${sec(again.value.total)}; peak RSS ${mb(again.peak)}`);
      console.log(`reports imported into ${period}: ${check!.n.toLocaleString('en')}; its rollups refreshed at ${check!.refreshed.toISOString()}`);
      if (check!.n !== ROWS || r.created !== ROWS || again.value.result.unchanged !== ROWS) throw new Error('the import did not create every report, or the re-import changed some');
      console.log(`statistics-import-30k: ${(first.value.total / a).toFixed(2)}`);
      console.log(`statistics-import-30k-vs-bare-with-styles: ${(first.value.total / aStyles).toFixed(2)}`);
      console.log(`statistics-reimport-30k-unchanged: ${(again.value.total / a).toFixed(2)}`);
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
