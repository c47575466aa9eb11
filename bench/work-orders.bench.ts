// Service desk (issue 6), on a throwaway embedded cluster (bench-db.ts) with the demo zone:
// (a) order creation under load: autocannon from a child process on 127.0.0.1, 10 connections ×
//     10 s, POST /api/work-orders as demo_service_officer (cookie + CSRF header), enterprises in
//     rotation → orders/s and p95. Every create takes the year's counter row (GD numbers without
//     gaps, ADR 0009), so creations serialise on it for the rest of their transaction.
// (b) the SLA sweep over ORDERS open orders that have just become overdue (and as many closed ones
//     beside them), as a ratio to the bare `UPDATE work_orders SET resolve_overdue_at = now()` with
//     the same predicate over the same rows (the least a sweep can do). Between runs the marks are
//     cleared and the sweep's supervisions, timeline entries and notifications truncated, then
//     VACUUM ANALYZE; the two alternate, median of RUNS after one warm-up each (target ≤ 3×).
// BENCH_PART=create|sweep runs one of the two alone (default both). BENCH_EXPLAIN=1 prints EXPLAIN
// (ANALYZE, BUFFERS) of the sweep's statement and of the bare UPDATE.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { aes256GcmCipher } from '../apps/server/src/crypto/field-cipher';
import { createDatabase, type Database } from '../apps/server/src/db/pool';
import { bootstrap, demoUsername } from '../apps/server/src/seed/bootstrap';
import { sweepWorkMem } from '../apps/server/src/modules/service-desk/sweep';
import { markOverdue } from '../apps/server/src/modules/service-desk/sweep.repository';
import { withBenchDatabase } from './bench-db';
import { CONNECTIONS, DURATION } from './load';
import { explain, median, range } from './statistics-db';

const ORDERS = Number(process.env.BENCH_SWEEP_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const PART = process.env.BENCH_PART ?? 'both';
if (!['create', 'sweep', 'both'].includes(PART)) throw new Error(`BENCH_PART must be create, sweep or both, not ${PART}`);
const DEMO_PASSWORD = 'Bench-Demo-2025!';
const OPEN = `status IN ('submitted', 'accepted', 'assigned', 'in_progress')`;
const BARE = `UPDATE work_orders SET resolve_overdue_at = now() WHERE ${OPEN} AND resolve_overdue_at IS NULL AND resolve_due_at < $1`;

type App = Awaited<ReturnType<typeof buildApp>>;
type CreateJob = { url: string; cookie: string; csrf: string; bodies: string[] };
type CreateLoad = { created: number; rps: number; p50: number; p95: number; p99: number; errors: number };
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/** The child's side of (a): POSTs in rotation, every latency kept, 201s counted. */
async function createLoad(job: CreateJob): Promise<CreateLoad> {
  let next = 0;
  let created = 0;
  let errors = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { cookie: job.cookie, 'x-csrf-token': job.csrf, 'content-type': 'application/json' },
        requests: [{ method: 'POST', path: '/api/work-orders', setupRequest: (req) => ({ ...req, body: job.bodies[next++ % job.bodies.length] }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 201) created++;
      else errors++;
      latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { created, rps: created / result.duration, p50: at(50), p95: at(95), p99: at(99), errors: errors + result.errors };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--load') {
  process.once('message', (job: CreateJob) => void createLoad(job).then((r) => process.send!(r, () => process.disconnect())));
} else {
  await main();
}

function inChild(job: CreateJob): Promise<CreateLoad> {
  const p = fork(self, ['--load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    let result: CreateLoad | undefined;
    p.on('message', (m) => (result = m as CreateLoad));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`load child exited with ${code}`))));
    p.send(job);
  });
}

async function main() {
  await withBenchDatabase(async (url) => {
    const owner = new pg.Pool({ connectionString: url, max: 2 });
    const config = loadConfig({ ADMIN_PASSWORD: 'Bench-Root-2025!', DEMO_PASSWORD, SEED_DEMO_STATISTICS: 'false', SEED_DEMO_SERVICE_DESK: 'false', LOG_LEVEL: 'silent' });
    const database = createDatabase(url);
    const app: App = await buildApp({ config, database, cipher: aes256GcmCipher(randomBytes(32)), logger: false });
    await bootstrap(database.db, app.services, config);
    // pg-boss's clock sends one sweep at start-up; once it ran, the schedule goes, so that every run
    // below is the bench's own.
    for (let i = 0; i < 160 && !(await owner.query(`SELECT 1 FROM pgboss.job WHERE name = 'service-desk-sweep' AND state = 'completed'`)).rowCount; i++) await new Promise((r) => setTimeout(r, 250));
    await owner.query('DELETE FROM pgboss.schedule');
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${load()}`);

    if (PART !== 'sweep') await creation(appUrl, owner);
    if (PART !== 'create') await sweepVsBare(app, database, owner);
    await app.close();
    await database.close();
    await owner.end();
  });
}

/** (a) creation under load. */
async function creation(appUrl: string, owner: pg.Pool) {
  const login = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: demoUsername('service_officer'), password: DEMO_PASSWORD }) });
  const session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  const enterprises = (await owner.query<{ id: string }>(`SELECT id FROM enterprises WHERE status = 'active' ORDER BY id LIMIT 200`)).rows.map((r) => r.id);
  const types = ['help', 'complaint', 'inquiry', 'suggestion'];
  const bodies = enterprises.map((enterpriseId, i) => JSON.stringify({ type: types[i % 4], title: `基准测试诉求${i}`, description: '企业反映园区道路施工影响货车进出，希望协调施工时间。', enterpriseId, channel: 'hotline' }));
  const probe = await fetch(`${appUrl}/api/work-orders`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: bodies[0] });
  if (probe.status === 201) {
    // One at a time first: what a create costs without waiting for another's locks.
    const single: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const t = performance.now();
      await fetch(`${appUrl}/api/work-orders`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: bodies[i] });
      single.push(performance.now() - t);
    }
    console.log(`(a) one at a time, 20 creates: median ${median(single).toFixed(1)} ms (${range(single, 1)} ms)`);
    const before = load();
    const r = await inChild({ url: appUrl, ...session, bodies });
    console.log(`(a) POST /api/work-orders, ${CONNECTIONS} connections × ${DURATION} s (${before}): ${Math.round(r.rps)} orders/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.created.toLocaleString('en')} created, errors ${r.errors})`);
    console.log(`work-order-create-per-s: ${Math.round(r.rps)}`);
    console.log(`work-order-create-p95-ms: ${r.p95.toFixed(1)}`);
  } else {
    console.log(`(a) skipped: POST /api/work-orders answered ${probe.status}`);
  }
}

/** (b) the sweep against the bare UPDATE of the same rows. */
async function sweepVsBare(app: App, database: Database, owner: pg.Pool) {
  const t0 = new Date();
  await generate(owner, t0);
  const counts = (await owner.query<{ open: number; all: number }>(`SELECT count(*) FILTER (WHERE ${OPEN})::int AS open, count(*)::int AS all FROM work_orders`)).rows[0]!;
  console.log(`(b) work_orders: ${counts.all.toLocaleString('en')} rows, ${counts.open.toLocaleString('en')} open; ${ORDERS.toLocaleString('en')} became overdue in the minute before the run`);

  const reset = async () => {
    await owner.query(`UPDATE work_orders SET resolve_overdue_at = NULL, supervised = false WHERE resolve_overdue_at IS NOT NULL`);
    await owner.query('TRUNCATE work_order_supervisions, work_order_events, notifications CASCADE');
    await owner.query('VACUUM ANALYZE work_orders, work_order_supervisions, work_order_events, notifications');
    await owner.query('CHECKPOINT');
  };
  const timed = async (work: () => Promise<number>) => {
    await reset();
    const t = performance.now();
    const rows = await work();
    const ms = performance.now() - t;
    if (rows !== ORDERS) throw new Error(`expected ${ORDERS} rows, got ${rows}`);
    return ms;
  };
  let notified = 0;
  const sweep = () => timed(async () => {
    const r = await app.services.serviceDesk.sweep(t0);
    notified = r.overdueNotified;
    return r.resolveOverdue;
  });
  const bare = () => timed(async () => (await database.pool.query(BARE, [t0])).rowCount ?? 0);

  await sweep();
  await bare();
  const ms = { sweep: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    ms.sweep.push(await sweep());
    ms.bare.push(await bare());
  }
  const line = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${range(xs)} ms)`;
  console.log(`sweep (${ORDERS.toLocaleString('en')} marked, as many supervisions and timeline entries, ${notified.toLocaleString('en')} notifications), ${RUNS} runs: ${line(ms.sweep)}`);
  console.log(`bare UPDATE of the same rows: ${line(ms.bare)}`);
  console.log(`per-round ratios: ${range(ms.sweep.map((s, i) => s / ms.bare[i]!), 2)}; ${load()}`);
  console.log(`work-order-sweep-vs-bare-update: ${(median(ms.sweep) / median(ms.bare)).toFixed(2)}`);

  if (EXPLAIN) {
    await reset();
    const captured: { text: string; values: unknown[] }[] = [];
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await markOverdue(drizzle(client, { logger: { logQuery: (text, values) => void captured.push({ text, values }) } }), 'resolve', t0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const sweepSession = [{ text: sweepWorkMem, values: [] }];
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the sweep's resolution statement (rolled back, the sweep's work_mem):\n${await explain(owner, captured[0]!.text, captured[0]!.values, sweepSession)}`);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the bare UPDATE (rolled back):\n${await explain(owner, BARE, [t0])}`);
  }
}

/**
 * ORDERS open orders whose resolution deadline passed within the minute before t0 (responded, so the
 * response pass has nothing to do), as many closed ones, and 1,000 open ones due in the next half hour
 * (the "deadline near" pass). Half have an assignee (holder + department head are told), half only a
 * department (its head, once). 20 departments with heads, 200 assignees.
 */
async function generate(owner: pg.Pool, t0: Date) {
  const [{ hash, park, creator }] = (
    await owner.query<{ hash: string; park: string; creator: string }>(
      `SELECT u.password_hash AS hash, (SELECT id FROM parks WHERE code = 'ZGC-HD') AS park, u.id AS creator FROM users u WHERE u.username = $1`,
      [demoUsername('service_officer')],
    )
  ).rows as [{ hash: string; park: string; creator: string }];
  await owner.query(
    `INSERT INTO users (username, display_name, roles, park_ids, password_hash)
     SELECT 'bench_user_' || g, '基准用户' || g, ARRAY['department_staff'], ARRAY[$2::uuid], $1 FROM generate_series(1, 220) g`,
    [hash, park],
  );
  await owner.query(
    `INSERT INTO departments (name, park_id, head_user_id) SELECT '基准承办部门' || g, $1, (SELECT id FROM users WHERE username = 'bench_user_' || g) FROM generate_series(1, 20) g`,
    [park],
  );
  const insert = (status: string, n: number, offset: number, due: string, extra = '') =>
    owner.query(
      `WITH e AS (SELECT array_agg(id ORDER BY id) AS ids FROM enterprises), d AS (SELECT array_agg(id ORDER BY id) AS ids FROM departments WHERE name LIKE '基准承办部门%'),
            a AS (SELECT array_agg(id ORDER BY username) AS ids FROM users WHERE username LIKE 'bench_user_%' AND username NOT IN (SELECT 'bench_user_' || g FROM generate_series(1, 20) g))
       INSERT INTO work_orders (number, type, channel, status, title, description, enterprise_id, park_id, department_id, assignee_id, created_by, created_at, updated_at,
         responded_at, assigned_at, response_due_at, resolve_due_at${extra ? ', replied_at, closed_at, solved' : ''})
       SELECT 'GD-2026-' || lpad((g + $5)::text, 7, '0'), (ARRAY['help', 'complaint', 'inquiry', 'suggestion'])[1 + g % 4], 'staff', $2,
         '基准诉求' || g, '企业反映的问题', e.ids[1 + g % cardinality(e.ids)], $3, d.ids[1 + g % 20], CASE WHEN g % 2 = 0 THEN a.ids[1 + (g / 2) % 200] END, $4,
         $1::timestamptz - interval '8 days', $1::timestamptz - interval '8 days', $1::timestamptz - interval '8 days' + interval '10 minutes',
         $1::timestamptz - interval '8 days' + interval '20 minutes', $1::timestamptz - interval '8 days' + interval '2 hours', ${due}${extra}
       FROM generate_series(1, $6) g, e, d, a`,
      [t0, status, park, creator, offset, n],
    );
  await insert('in_progress', ORDERS, 0, `$1::timestamptz - (1 + g % 59) * interval '1 second'`);
  await insert('closed', ORDERS, ORDERS, `$1::timestamptz - interval '2 days'`, `, $1::timestamptz - interval '3 days', $1::timestamptz - interval '2 days', true`);
  await insert('assigned', 1000, 2 * ORDERS, `$1::timestamptz + interval '30 minutes'`);
  await owner.query('VACUUM ANALYZE work_orders, users, departments');
}
