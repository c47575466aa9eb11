// The statistics benchmarks' database (issue 5): 200,000 enterprises (gen-enterprises) and 36 months
// of their reports (gen-statistics) on top of the demo zone, rollups refreshed, VACUUM ANALYZE.
// Loading takes ~5–8 minutes, so the embedded cluster is kept in .tmp/bench-statistics-pg and reused
// by later runs; a row in `bench_statistics_state` (written last) says the load finished. A cluster
// without it (a run killed half-way), with other parameters or loaded over a year ago is removed and
// loaded again, and so is one when BENCH_STATISTICS_FRESH=1. Other BENCH_ENTERPRISES / BENCH_MONTHS
// get a directory of their own. Two runs cannot share the cluster at once (PostgreSQL refuses).
//
// Periods (all relative to the month of the first load, kept in the state): the demo seed reports
// the 36 months up to last month (L); the generated reports end the month before (L − 1, left open
// and ~85 % reported by the generator), so L has no report of the 200,000 yet — the import bench
// creates them there. `fullPeriod` (L − 2, reported by every enterprise present then) is the month
// the refresh and summary benches read.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addMonths, shanghaiPeriod } from '@zhiyuan/core';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { aes256GcmCipher } from '../apps/server/src/crypto/field-cipher';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../apps/server/src/db/embedded';
import { ensureDatabase } from '../apps/server/src/db/ensure-database';
import { runMigrations } from '../apps/server/src/db/migrate';
import { createDatabase, type Database } from '../apps/server/src/db/pool';
import { bootstrap } from '../apps/server/src/seed/bootstrap';
import { freePorts } from '../apps/server/test/free-ports';
import { loadEnterprises } from '../scripts/gen-enterprises';
import { loadStatistics } from '../scripts/gen-statistics';

export const COUNT = Number(process.env.BENCH_ENTERPRISES ?? 200_000);
export const MONTHS = Number(process.env.BENCH_MONTHS ?? 36);
export const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const DEMO_PASSWORD = 'Bench-Demo-2025!';
/** Bump when what is loaded changes: a kept cluster with another format is loaded again. */
const FORMAT = 1;

export type BenchState = {
  format: number;
  enterprises: number;
  months: number;
  /** The last generated period (L − 1). */
  to: string;
  /** L: no report of the generated enterprises; the import bench writes here. */
  importPeriod: string;
  /** L − 2: every generated enterprise present then has reported it. */
  fullPeriod: string;
  loadedAt: string;
  loadSeconds: Record<string, number>;
};

export type StatisticsBench = {
  /** The owner's URL (superuser of the bench cluster). */
  url: string;
  /** Owner connections, for setup, baselines and EXPLAIN. */
  owner: pg.Pool;
  /** The app's database (its pool runs as the app role). */
  database: Database;
  app: FastifyInstance;
  base: string;
  /** Session cookie and CSRF token of demo_statistician (zone-wide: read, write, manage). */
  headers: { cookie: string; 'x-csrf-token': string };
  state: BenchState;
  stats: { reports: number; enterprises: number; reportsTable: string; rollups: number };
};

const dataDir = () => path.resolve('.tmp', COUNT === 200_000 && MONTHS === 36 ? 'bench-statistics-pg' : `bench-statistics-pg-${COUNT}x${MONTHS}`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function readState(owner: pg.Pool): Promise<BenchState | null> {
  const { rows: [t] } = await owner.query<{ exists: boolean }>(`SELECT to_regclass('bench_statistics_state') IS NOT NULL AS exists`);
  if (!t!.exists) return null;
  const { rows } = await owner.query<{ value: BenchState }>(`SELECT value FROM bench_statistics_state WHERE key = 'loaded'`);
  return rows[0]?.value ?? null;
}

/** Starts the cluster (loading it when needed) and the app signed in as demo_statistician; stops both after `work`. */
export async function withStatisticsBench(work: (b: StatisticsBench) => Promise<void>): Promise<void> {
  const dir = dataDir();
  if (process.env.BENCH_STATISTICS_FRESH === '1') await fs.rm(dir, { recursive: true, force: true });
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    const cluster = await startEmbeddedPostgres(dir, (await freePorts(1))[0]!);
    let reload = false;
    try {
      await ensureDatabase(cluster.url('postgres'), 'bench');
      await runMigrations(cluster.url('bench'));
      const owner = new pg.Pool({ connectionString: cluster.url('bench'), max: 4 });
      owner.on('error', () => undefined); // idle connections closed when the cluster stops
      try {
        const state = await readState(owner);
        const { rows: [users] } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
        // A year after the load, an import into its period would also mark the period 12 months later for a refresh.
        const fresh = state && addMonths(state.importPeriod, 12) > shanghaiPeriod(new Date());
        const matches = state && fresh && state.format === FORMAT && state.enterprises === COUNT && state.months === MONTHS;
        if (!matches && users!.n > 0) {
          if (attempt > 0) throw new Error('the bench database could not be loaded');
          console.log(`${dir}: ${!state ? 'an unfinished load' : fresh ? 'loaded with other parameters' : 'loaded over a year ago'}; removing it and loading again`);
          reload = true;
        } else {
          if (matches) console.log(`reusing ${dir} (loaded ${state!.loadedAt}); cluster up and migrated in ${s(performance.now() - started)}`);
          await withApp(cluster, owner, state, work);
        }
      } finally {
        await owner.end();
      }
    } finally {
      await cluster.stop();
    }
    if (!reload) return;
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function withApp(cluster: EmbeddedCluster, owner: pg.Pool, known: BenchState | null, work: (b: StatisticsBench) => Promise<void>) {
  const url = cluster.url('bench');
  const config = loadConfig({ ADMIN_PASSWORD: 'Bench-Root-2025!', DEMO_PASSWORD, SEED_DEMO: 'true', LOG_LEVEL: 'silent' });
  const database = createDatabase(url);
  // A fixed key: the demo seed's encrypted contacts stay readable when the cluster is reused.
  const cipher = aes256GcmCipher(createHash('sha256').update('zhiyuan statistics bench').digest());
  const app = await buildApp({ config, database, cipher, logger: false });
  try {
    const state = known ?? (await load(owner, app, database));
    // Anything marked by an interrupted run is refreshed before measuring.
    await app.services.rollups.drainDue();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo_statistician', password: DEMO_PASSWORD }) });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const { rows: [st] } = await owner.query<{ reports: number; enterprises: number; size: string; rollups: number }>(
      `SELECT (SELECT count(*)::int FROM stat_reports) AS reports, (SELECT count(*)::int FROM enterprises) AS enterprises,
              pg_size_pretty(pg_table_size('stat_reports')) AS size, (SELECT count(*)::int FROM stat_rollups) AS rollups`,
    );
    const stats = { reports: st!.reports, enterprises: st!.enterprises, reportsTable: st!.size, rollups: st!.rollups };
    console.log(`${stats.enterprises.toLocaleString('en')} enterprises, ${stats.reports.toLocaleString('en')} reports (table ${stats.reportsTable}), ${stats.rollups.toLocaleString('en')} rollup rows; generated ${addMonths(state.to, 1 - state.months)} – ${state.to}, import period ${state.importPeriod}, full period ${state.fullPeriod}`);
    await work({ url, owner, database, app, base, headers, state, stats });
  } finally {
    await app.close();
    await database.close();
  }
}

/** First use: the demo zone (bootstrap), the enterprises, their reports, every period's rollups, VACUUM ANALYZE; the state row last. */
async function load(owner: pg.Pool, app: FastifyInstance, database: Database): Promise<BenchState> {
  const log = (line: string) => console.log(`  ${line}`);
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    seconds[name] = Math.round(performance.now() - mark) / 1000;
    mark = performance.now();
    console.log(`${name}: ${seconds[name]!.toFixed(1)} s`);
  };
  console.log(`loading the statistics bench database (${COUNT.toLocaleString('en')} enterprises × ${MONTHS} months); later runs reuse it`);
  await bootstrap(database.db, app.services, app.config);
  phase('bootstrap (demo zone, 3,000 enterprises and their statistics)');
  const last = addMonths(shanghaiPeriod(new Date()), -1);
  const to = addMonths(last, -1);
  await loadEnterprises(owner, { count: COUNT, seed: 1, log });
  phase('gen-enterprises');
  await loadStatistics(owner, { months: MONTHS, to, seed: 1, log });
  phase('gen-statistics');
  await app.services.rollups.drainDue();
  phase(`rollups of every marked period`);
  await owner.query('VACUUM ANALYZE');
  phase('VACUUM ANALYZE');
  const state: BenchState = { format: FORMAT, enterprises: COUNT, months: MONTHS, to, importPeriod: last, fullPeriod: addMonths(to, -1), loadedAt: new Date().toISOString(), loadSeconds: seconds };
  await owner.query(`CREATE TABLE IF NOT EXISTS bench_statistics_state (key text PRIMARY KEY, value jsonb NOT NULL)`);
  await owner.query(`INSERT INTO bench_statistics_state VALUES ('loaded', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(state)]);
  return state;
}

// ---------------------------------------------------------------- measuring

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const range = (xs: readonly number[], digits = 0) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(digits)}–${sorted.at(-1)!.toFixed(digits)}`;
};

/** Runs `text` under EXPLAIN (ANALYZE, BUFFERS) in a transaction that is rolled back; `before` runs first in it. */
export async function explain(pool: pg.Pool, text: string, values: unknown[], before: { text: string; values: unknown[] }[] = []): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const b of before) await client.query(b.text, b.values);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, VERBOSE OFF) ${text}`, values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/**
 * BENCH_TRACE=1: times every statement any pg client of this process runs (from the call to its
 * result, so a statement waiting for its connection counts from the call) until the returned
 * function is called, which answers the statements grouped by their first words, slowest first.
 */
export function traceSql(): () => { statement: string; count: number; ms: number }[] {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const totals = new Map<string, { count: number; ms: number }>();
  const add = (text: string, t: number) => {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    const row = totals.get(key) ?? totals.set(key, { count: 0, ms: 0 }).get(key)!;
    row.count++;
    row.ms += performance.now() - t;
  };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as { text?: string; submit?: unknown } | string;
    if (typeof config === 'object' && config && typeof config.submit === 'function') return original.apply(this, args); // COPY, cursors
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const t = performance.now();
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...r: unknown[]) => void;
      args[last] = (...r: unknown[]) => {
        add(text, t);
        callback(...r);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown>;
    void result.then(
      () => add(text, t),
      () => add(text, t),
    );
    return result;
  };
  return () => {
    proto.query = original;
    return [...totals.entries()].map(([statement, v]) => ({ statement, ...v })).sort((a, b) => b.ms - a.ms);
  };
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };

/**
 * BENCH_PROFILE=1: a CPU profile of this process (the app's) while `work` runs, through the
 * inspector. Writes it to .tmp/<name>.cpuprofile (open in Chrome DevTools) and prints the functions
 * with the most self time and the files (packages) they belong to.
 */
export async function cpuProfile<T>(name: string, work: () => Promise<T>): Promise<T> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    session.disconnect();
    const file = path.resolve('.tmp', `${name}.cpuprofile`);
    await fs.writeFile(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    // Idle time (waiting for PostgreSQL or the network) left out: what is left is this process's CPU.
    profile.samples.forEach((id, i) => byId.get(id)!.callFrame.functionName !== '(idle)' && self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const where = (url: string) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
      return m ? m[1]! : url.includes('/apps/server/') ? `server:${url.split('/apps/server/src/')[1] ?? url}` : url.includes('/packages/core/') ? `core:${url.split('/packages/core/src/')[1] ?? url}` : url || '(native)';
    };
    const group = (key: (n: ProfileNode) => string) => {
      const sums = new Map<string, number>();
      for (const [id, us] of self) {
        const k = key(byId.get(id)!);
        sums.set(k, (sums.get(k) ?? 0) + us);
      }
      return [...sums.entries()].sort((a, b) => b[1] - a[1]);
    };
    const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms`;
    console.log(`CPU profile of ${name} (${(total / 1e6).toFixed(1)} s on the CPU; ${file}): self time by package / file`);
    for (const [k, us] of group((n) => where(n.callFrame.url)).slice(0, 15)) console.log(`  ${pct(us)}  ${k}`);
    console.log('  by function:');
    for (const [k, us] of group((n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`).slice(0, 20)) console.log(`  ${pct(us)}  ${k}`);
  }
}
