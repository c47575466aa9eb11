// Scale generator for the benchmarks: monthly statistics reports (default 36 months) for every
// enterprise of an existing, migrated database that has none yet (e.g. the 200,000 loaded by
// gen-enterprises.ts), with the demo seed's generator, through COPY FROM STDIN.
//
//   npm run gen:statistics -- [--months 36] [--to 2026-10] [--seed 1] [--database-url postgres://…] [--keep-indexes]
//
// Reports are generated enterprise chunk by enterprise chunk as PostgreSQL reads them (no more than
// one chunk is held); each report's first version is then copied inside the database. The last
// period is left open and incomplete (~85 % reported); the ones before are closed. A large load
// drops the two tables' indexes, constraints and foreign keys and rebuilds them at the end (see
// StatisticsLoadOptions.rebuildIndexes); the load is one transaction. The periods are marked for
// the rollup worker, which refreshes them once the app runs.
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addMonths, periodPattern, periodRange, shanghaiDate, type EnterpriseStatus } from '@zhiyuan/core';
import { closedOnOf, DEMO_STATISTICS_MONTHS, demoStatisticsGenerator, dueOnOf, type DemoReport, type StatEnterprise } from '../apps/server/src/seed/demo-statistics';
import { SEED_ACTOR } from '../apps/server/src/seed/seed-statistics';
import { markDue } from '../apps/server/src/modules/statistics/rollups.repository';
import { phaseTimer } from './load-phases';

export type StatisticsLoadOptions = {
  /** Periods up to `to`, both included (default 36). */
  months?: number;
  /** The last period, YYYY-MM (default: the month before this month in Beijing). It is left open. */
  to?: string;
  seed?: number;
  /** YYYY-MM-DD (Beijing; default today): the open period's reports are submitted before it when it is in the month after `to`. */
  today?: string;
  /**
   * Drop the indexes, primary / unique keys and foreign keys of stat_reports and
   * stat_report_versions before the load and build / validate them again after it, instead of
   * maintaining them row by row. Default: when the load at least doubles the table and the
   * connection owns it.
   */
  rebuildIndexes?: boolean;
  log?: (line: string) => void;
};
export type StatisticsLoadResult = {
  enterprises: number;
  reports: number;
  periods: string[];
  seconds: number;
  phases: Record<string, number>;
  indexesRebuilt: boolean;
  /** Bytes on disk after the load: heap (with TOAST) and indexes of each table. */
  sizes: Record<string, { table: number; indexes: number }>;
};

/** Enterprises generated per chunk (~24 reports each, ~9 MB of COPY text per chunk). */
const CHUNK = 5_000;
const TABLES = ['stat_reports', 'stat_report_versions'];
const REPORT_COLUMNS = ['enterprise_id', 'period', 'park_id', 'industry_code', 'industry_section', 'above_scale', 'values', 'prior', 'status', 'late', 'version', 'source', 'submitted_at', 'reviewed_at', 'reviewed_by'];

/** Loads statistics reports of every enterprise of the database behind `pool` that has none, in one transaction. */
export async function loadStatistics(pool: pg.Pool, opts: StatisticsLoadOptions = {}): Promise<StatisticsLoadResult> {
  const log = opts.log ?? (() => {});
  const { phase, phases, seconds } = phaseTimer(log);

  const today = opts.today ?? shanghaiDate(new Date());
  const to = opts.to ?? addMonths(today.slice(0, 7), -1);
  const months = opts.months ?? DEMO_STATISTICS_MONTHS;
  if (!periodPattern.test(to)) throw new Error(`统计期 ${to} 无效，应为 YYYY-MM`);
  if (!Number.isInteger(months) || months < 1) throw new Error('月数应为正整数');
  const periods = periodRange(addMonths(to, 1 - months), to);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const enterprises = await enterprisesWithoutReports(client);
    // Enterprise accounts (demo_enterprise) have not reported the open period yet: a test or a demo reports it.
    const { rows: accounts } = await client.query<{ enterprise_id: string }>('SELECT DISTINCT enterprise_id FROM users WHERE enterprise_id IS NOT NULL');
    const { rows: [state] } = await client.query<{ n: number; owner: boolean }>(
      `SELECT count(*)::int AS n, pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'stat_reports'), 'USAGE') AS owner FROM stat_reports`,
    );
    const rebuild = opts.rebuildIndexes ?? (state!.owner && enterprises.length * months * 0.5 >= state!.n);
    if (rebuild && !state!.owner) throw new Error('重建索引需要统计报表的所有者权限：请用数据库所有者的连接，或不重建索引（--keep-indexes）');
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    log(`${enterprises.length} enterprises without reports; ${periods[0]} – ${to}`);

    let dropped: Dropped = { indexes: [], keys: [], foreignKeys: [] };
    if (rebuild) {
      dropped = await dropIndexes(client, TABLES);
      log(`dropped ${dropped.indexes.length} indexes, ${dropped.keys.length} keys and ${dropped.foreignKeys.length} foreign keys; they are rebuilt after the load`);
    }
    phase('prepare');

    await client.query(
      `INSERT INTO stat_periods (period, status, due_on, closed_at, closed_by)
       SELECT p, CASE WHEN p = $2 THEN 'open' ELSE 'closed' END, d::date, CASE WHEN p = $2 THEN NULL ELSE (c || ' 18:00:00+08')::timestamptz END, CASE WHEN p = $2 THEN NULL ELSE $3 END
         FROM unnest($1::text[], $4::text[], $5::text[]) AS x(p, d, c)
       ON CONFLICT (period) DO NOTHING`,
      [periods, to, SEED_ACTOR, periods.map(dueOnOf), periods.map(closedOnOf)],
    );

    // Reports: one COPY, generated chunk by chunk as PostgreSQL reads. Ids come from the column's default.
    const generate = demoStatisticsGenerator({ to, months, seed: opts.seed ?? 1, today, excludeLastPeriodFor: accounts.map((a) => a.enterprise_id) });
    let reports = 0;
    async function* lines() {
      for (let offset = 0; offset < enterprises.length; offset += CHUNK) {
        let text = '';
        for (const e of enterprises.slice(offset, offset + CHUNK)) {
          for (const r of generate(e)) {
            text += reportLine(r);
            reports++;
          }
        }
        yield text;
      }
    }
    await pipeline(Readable.from(lines(), { objectMode: false }), client.query(copyFrom(`COPY stat_reports (${REPORT_COLUMNS.map((c) => pg.escapeIdentifier(c)).join(', ')}) FROM STDIN`)));
    phase('copy reports');

    // Each report's first version, copied inside the database (the reports would otherwise be generated twice or held).
    await client.query(
      `INSERT INTO stat_report_versions (report_id, version, "values", prior, source, late, submitted_at)
       SELECT r.id, r.version, r."values", r.prior, r.source, r.late, r.submitted_at FROM stat_reports r
        WHERE r.source = 'seed' AND NOT EXISTS (SELECT 1 FROM stat_report_versions v WHERE v.report_id = r.id)`,
    );
    phase('copy versions');
    // The app's rollup worker refreshes them (or the caller, with the rollups service's refreshIn).
    await markDue(drizzle(client), periods);

    if (rebuild) {
      await restoreIndexes(client, dropped, phase);
    }
    await client.query('COMMIT');
    phase('commit');
    await client.query('ANALYZE stat_reports, stat_report_versions');
    phase('analyze');

    const sizes: StatisticsLoadResult['sizes'] = {};
    for (const t of TABLES) {
      const { rows: [s] } = await client.query<{ table: string; indexes: string }>(`SELECT pg_table_size($1::regclass) AS table, pg_indexes_size($1::regclass) AS indexes`, [t]);
      sizes[t] = { table: Number(s!.table), indexes: Number(s!.indexes) };
    }
    return { enterprises: enterprises.length, reports, periods, seconds: seconds(), phases, indexesRebuilt: rebuild, sizes };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The enterprises with no report at all, in id order (the order the unique key is built in), with their last move-in date. */
async function enterprisesWithoutReports(client: pg.PoolClient): Promise<StatEnterprise[]> {
  const { rows } = await client.query<{ id: string; park_id: string; industry_code: string; industry_section: string; above_scale: boolean; status: EnterpriseStatus; status_since: string | null; moved_in_on: string | null; headcount: number | null }>(
    `SELECT e.id, e.park_id, e.industry_code, e.industry_section, e.above_scale, e.status, e.status_since::text, e.headcount, m.moved_in_on
       FROM enterprises e
       LEFT JOIN (SELECT enterprise_id, max("on")::text AS moved_in_on FROM enterprise_status_events WHERE kind = 'moved_in' GROUP BY enterprise_id) m ON m.enterprise_id = e.id
      WHERE NOT EXISTS (SELECT 1 FROM stat_reports r WHERE r.enterprise_id = e.id)
      ORDER BY e.id`,
  );
  return rows.map((r) => ({ id: r.id, parkId: r.park_id, industryCode: r.industry_code, industrySection: r.industry_section, aboveScale: r.above_scale, status: r.status, statusSince: r.status_since, movedInOn: r.moved_in_on, headcount: r.headcount }));
}

/** COPY text of one report. Codes, JSON of numbers, uuids and timestamps need no escaping; section and industry code are checked on entry. */
function reportLine(r: DemoReport): string {
  return `${r.enterpriseId}\t${r.period}\t${r.parkId}\t${escapeCopy(r.industryCode)}\t${escapeCopy(r.industrySection)}\t${r.aboveScale ? 't' : 'f'}\t${JSON.stringify(r.values)}\t${JSON.stringify(r.prior)}\t${r.status}\t${r.late ? 't' : 'f'}\t1\tseed\t${r.submittedAt.toISOString()}\t${r.reviewedAt ? r.reviewedAt.toISOString() : '\\N'}\t${r.reviewedAt ? SEED_ACTOR : '\\N'}\n`;
}
const escapeCopy = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s);

type Dropped = { indexes: { name: string; def: string }[]; keys: { table: string; name: string; def: string }[]; foreignKeys: { table: string; name: string; def: string }[] };

/** Drops the foreign keys from and to the tables, their primary / unique keys and their other indexes; returns how to make them again. */
async function dropIndexes(client: pg.PoolClient, tables: string[]): Promise<Dropped> {
  const constraints = async (where: string) =>
    (
      await client.query<{ table: string; name: string; def: string }>(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c WHERE ${where} ORDER BY 1, 2`,
        [tables],
      )
    ).rows;
  const foreignKeys = await constraints(`c.contype = 'f' AND (c.conrelid = ANY($1::regclass[]) OR c.confrelid = ANY($1::regclass[]))`);
  const keys = await constraints(`c.contype IN ('p', 'u') AND c.conrelid = ANY($1::regclass[])`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${pg.escapeIdentifier(fk.name)}`);
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${pg.escapeIdentifier(k.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(ix.name)}`);
  return { indexes, keys, foreignKeys };
}

/** Keys first (the foreign keys need them), then the other indexes, then the foreign keys, validated in one pass each. */
async function restoreIndexes(client: pg.PoolClient, d: Dropped, phase: (name: string) => void): Promise<void> {
  for (const k of d.keys) await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${pg.escapeIdentifier(k.name)} ${k.def}`);
  if (d.keys.length) phase('rebuild keys');
  for (const ix of d.indexes) await client.query(ix.def);
  if (d.indexes.length) phase('rebuild indexes');
  for (const fk of d.foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${pg.escapeIdentifier(fk.name)} ${fk.def}`);
  if (d.foreignKeys.length) phase('validate foreign keys');
}

// ---- command line

function parseArgs(argv: string[]) {
  const args = { months: DEMO_STATISTICS_MONTHS, to: undefined as string | undefined, seed: 1, databaseUrl: process.env.DATABASE_URL, rebuildIndexes: undefined as boolean | undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--months') args.months = Number(value());
    else if (flag === '--to') args.to = value();
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--database-url') args.databaseUrl = value();
    else if (flag === '--keep-indexes') args.rebuildIndexes = false;
    else if (flag === '--rebuild-indexes') args.rebuildIndexes = true;
    else throw new Error(`不认识的参数 ${a}；用法：npm run gen:statistics -- [--months 36] [--to YYYY-MM] [--seed S] [--database-url URL] [--keep-indexes | --rebuild-indexes]`);
  }
  if (!Number.isInteger(args.months) || args.months < 1) throw new Error('--months 应为正整数');
  if (args.to !== undefined && !periodPattern.test(args.to)) throw new Error('--to 应为 YYYY-MM，例如 2026-10');
  if (!Number.isInteger(args.seed)) throw new Error('--seed 应为整数');
  if (!args.databaseUrl) throw new Error('请用 DATABASE_URL 或 --database-url 指定数据库（npm start 的内置数据库为 postgres://zhiyuan:zhiyuan-embedded@127.0.0.1:5433/zhiyuan）');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: 1 });
  try {
    const r = await loadStatistics(pool, { months: args.months, to: args.to, seed: args.seed, rebuildIndexes: args.rebuildIndexes, log: (l) => console.log(l) });
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
    console.log(`loaded ${r.reports} reports of ${r.enterprises} enterprises, ${r.periods[0]} – ${r.periods.at(-1)}, in ${r.seconds.toFixed(1)} s${r.indexesRebuilt ? ' (indexes rebuilt)' : ''}`);
    for (const [t, s] of Object.entries(r.sizes)) console.log(`${t}: table ${mb(s.table)}, indexes ${mb(s.indexes)}`);
    console.log('统计汇总已标记待刷新：应用运行时由后台任务刷新');
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: Error) => {
    console.error(`gen:statistics 失败：${e.message}`);
    process.exit(1);
  });
}
