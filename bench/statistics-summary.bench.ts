// Figures read from the rollups (issue 5) at 200,000 enterprises × 36 months: GET
// /api/statistics/summary?period=P&groupBy=park (the target: p95 ≤ 50 ms), and for information
// groupBy=industry and GET /api/statistics/cockpit?period=P, through the real app on 127.0.0.1 as
// demo_statistician (zone-wide), autocannon in a child process, BENCH_CONNECTIONS (10) connections
// × BENCH_SECONDS (10) each. P is the last month every generated enterprise has reported.
// Each instance remembers answers until the rollups, parks or catalog change (db/change-feed.ts), so
// every endpoint is loaded twice:
//   computed — with that memory off (as while its LISTEN connection is down): every request reads
//     the rollups, parks and catalog. Baseline, same concurrency and duration: the summary's own
//     rollup query (captured from one request) issued bare over pg;
//   served — as deployed, with the rollups changing every second during the load (each change makes
//     every answer computed again once), far more often than imports and refreshes change them.
// Before the loads, each endpoint one request at a time (computed and served), and the SQL of one
// computed summary request with the time of each statement (BENCH_EXPLAIN=1: their plans;
// BENCH_PROFILE=1: a CPU profile of the app's process under each load, in .tmp/statistics-*.cpuprofile).
import type pg from 'pg';
import { CONNECTIONS, DURATION, loadLine, runLoad, type Load } from './load';
import { cpuProfile, EXPLAIN, explain, median, withStatisticsBench } from './statistics-db';

type Captured = { text: string; values: unknown[]; ms: number };

/** Records every statement the app's pool runs while `work` runs (pg-boss's own polling left out). */
async function capture(pool: pg.Pool, work: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const original = pool.query;
  pool.query = function (this: pg.Pool, config: unknown, values?: unknown) {
    const t = performance.now();
    const text = typeof config === 'string' ? config : (config as { text: string }).text;
    const result = (original as (c: unknown, v?: unknown) => Promise<unknown>).call(this, config, values);
    void result.then(() => (/pgboss/.test(text) ? undefined : captured.push({ text, values: (values as unknown[]) ?? [], ms: performance.now() - t })), () => undefined);
    return result;
  } as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = original;
  }
  return captured;
}

await withStatisticsBench(async ({ app, database, base, headers, state, url, owner }) => {
  const period = state.fullPeriod;
  const endpoints = {
    'summary-park': `/api/statistics/summary?period=${period}&groupBy=park`,
    'summary-industry': `/api/statistics/summary?period=${period}&groupBy=industry`,
    cockpit: `/api/statistics/cockpit?period=${period}&indicator=revenue`,
  };
  const feed = app.services.changeFeed;
  const remembering = (on: boolean) => feed.onListening(on);
  const get = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie: headers.cookie } });
    const body = (await res.json()) as { rows?: unknown[] };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - t, body };
  };

  console.log(`one request at a time (after 3 warm-ups), 20 each: median / max`);
  for (const mode of ['computed', 'served'] as const) {
    remembering(mode === 'served');
    for (const [name, path] of Object.entries(endpoints)) {
      for (let i = 0; i < 3; i++) await get(path);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 20; i++) {
        const r = await get(path);
        times.push(r.ms);
        rows = r.body.rows?.length ?? 0;
      }
      console.log(`  ${name} ${mode}: ${median(times).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms${rows ? ` (${rows} rows)` : ''}`);
    }
  }

  remembering(false);
  const statements = await capture(database.pool, () => get(endpoints['summary-park']));
  console.log(`SQL of one computed summary (groupBy=park) request, in order of completion:`);
  for (const q of statements) console.log(`  ${q.ms.toFixed(1)} ms  ${q.text.replace(/\s+/g, ' ').slice(0, 140)}`);
  const sums = statements.find((q) => /"stat_rollups"/.test(q.text));
  if (!sums) throw new Error('no rollup query captured');
  const cockpitStatements = await capture(database.pool, () => get(endpoints.cockpit));
  const rollupQueries = cockpitStatements.filter((q) => /"stat_rollups"/.test(q.text));
  console.log(`SQL of one computed cockpit request: ${cockpitStatements.length} statements, ${cockpitStatements.reduce((a, q) => a + q.ms, 0).toFixed(0)} ms in all (several run at once); ${rollupQueries.length} read the rollups: ${rollupQueries.map((q) => q.ms.toFixed(0)).join(', ')} ms`);
  if (EXPLAIN) {
    for (const q of statements) console.log(`\nEXPLAIN (ANALYZE, BUFFERS): ${q.text.replace(/\s+/g, ' ').slice(0, 100)}\n${await explain(owner, q.text, q.values)}`);
    const trend = rollupQueries.reduce((a, q) => (q.ms > a.ms ? q : a), rollupQueries[0]!);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the cockpit's slowest rollup query (${JSON.stringify(trend.values).slice(0, 100)}…):\n${await explain(owner, trend.text, trend.values)}`);
  }

  const bare = await runLoad({ mode: 'sql', url, queries: [{ text: sums.text, values: sums.values }], role: 'zhiyuan_app' });
  const loads: Record<string, Load> = {};
  for (const mode of ['computed', 'served'] as const) {
    remembering(mode === 'served');
    for (const [name, path] of Object.entries(endpoints)) {
      const run = () => runLoad({ mode: 'http', url: base, cookie: headers.cookie, paths: [path] });
      // Served: a change of the rollups every second, as a refresh's NOTIFY would bring.
      const changes = mode === 'served' ? setInterval(() => feed.onMessage('rollups'), 1000) : undefined;
      try {
        loads[`${name} ${mode}`] = process.env.BENCH_PROFILE === '1' ? await cpuProfile(`statistics-${name}-${mode}`, run) : await run();
      } finally {
        clearInterval(changes);
      }
    }
  }

  console.log(`${CONNECTIONS} connections × ${DURATION} s each`);
  console.log(`baseline, the summary's rollup query bare over pg: ${loadLine(bare)}`);
  for (const [name, l] of Object.entries(loads)) console.log(`GET ${endpoints[name.split(' ')[0] as keyof typeof endpoints]} (${name.split(' ')[1]}): ${loadLine(l)}`);
  if (Object.values(loads).some((l) => l.errors > 0)) throw new Error('some requests failed');
  const p95 = (name: string) => loads[name]!.p95.toFixed(1);
  console.log(`statistics-summary-park-p95-ms: ${p95('summary-park served')}`);
  console.log(`statistics-summary-park-p95-ms-computed: ${p95('summary-park computed')}`);
  console.log(`statistics-summary-park-computed-p95-vs-bare-sql: ${(loads['summary-park computed']!.p95 / bare.p95).toFixed(2)}`);
  console.log(`statistics-summary-industry-p95-ms: ${p95('summary-industry served')} (computed ${p95('summary-industry computed')})`);
  console.log(`statistics-cockpit-p95-ms: ${p95('cockpit served')} (computed ${p95('cockpit computed')})`);
});
