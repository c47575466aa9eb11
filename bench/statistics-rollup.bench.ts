// One period's rollup refresh (issue 5) at 200,000 enterprises × 36 months: rollups.repository's
// refreshPeriod in its own transaction, as the worker runs it (advisory lock, delete the period's
// rollups, one INSERT … SELECT over the period P and the one 12 months before, the run row), as a
// ratio to the bare GROUP BY over the same rows, measured alternately in the same run on the same
// pool (the app role), each statement alone:
//   (a) SELECT park, section, above-scale, indicator, sum(value) FROM stat_reports × jsonb_each(values)
//       WHERE period = P AND status <> 'returned' GROUP BY …, UNION ALL the same for P − 12: every
//       row the refresh reads, summed once — the least it can do; the target (≤ 1.5×) is against it.
//       PostgreSQL may run it with parallel workers; an INSERT … SELECT cannot use them, so
//   (a′) is (a) with max_parallel_workers_per_gather = 0, for information;
//   (b) P alone (the refresh writes P's rollups only, but their prior values and like-for-like
//       base need P − 12's reports), for information.
// Once, for information: the single statement `WHERE period IN (P, P − 12) GROUP BY period, …`,
// which the planner runs as an index scan and sorts, slower than (a) (see bench/README.md).
// BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of the refresh's INSERT and of (a).
import { drizzle } from 'drizzle-orm/node-postgres';
import { addMonths } from '@zhiyuan/core';
import * as repo from '../apps/server/src/modules/statistics/rollups.repository';
import { EXPLAIN, explain, median, range, withStatisticsBench } from './statistics-db';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const groupBy = (period: string) => `SELECT r.park_id, r.industry_section, r.above_scale, v.key, sum(v.value::numeric) AS value
  FROM stat_reports r CROSS JOIN LATERAL jsonb_each(r.values) v
 WHERE r.period = ${period} AND r.status <> 'returned'
 GROUP BY 1, 2, 3, 4`;
const bareBoth = `${groupBy('$1')}\nUNION ALL\n${groupBy('$2')}`;
const bareOne = groupBy('$1');
const singleStatement = `SELECT r.period, r.park_id, r.industry_section, r.above_scale, v.key, sum(v.value::numeric) AS value
  FROM stat_reports r CROSS JOIN LATERAL jsonb_each(r.values) v
 WHERE r.period IN ($1, $2) AND r.status <> 'returned'
 GROUP BY 1, 2, 3, 4, 5`;

await withStatisticsBench(async ({ owner, database, state }) => {
  const period = state.fullPeriod;
  const prior = addMonths(period, -12);
  const { rows: counts } = await owner.query<{ period: string; reports: number; pairs: number }>(
    `SELECT period, count(*)::int AS reports, sum((SELECT count(*) FROM jsonb_object_keys(values)))::int AS pairs FROM stat_reports WHERE period IN ($1, $2) AND status <> 'returned' GROUP BY period ORDER BY period`,
    [period, prior],
  );
  console.log(`period ${period}: ${counts.map((c) => `${c.period} ${c.reports.toLocaleString('en')} reports, ${c.pairs.toLocaleString('en')} values`).join('; ')}`);

  const timed = async (work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    return performance.now() - t;
  };
  let written = 0;
  const refresh = () => timed(async () => (written = await database.db.transaction((tx) => repo.refreshPeriod(tx, period))));
  const both = () => timed(() => database.pool.query(bareBoth, [period, prior]));
  const serial = () =>
    timed(async () => {
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
        await client.query(bareBoth, [period, prior]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
  const one = () => timed(() => database.pool.query(bareOne, [period]));

  // Warm-up (caches, plans), then the four alternately.
  await refresh();
  await both();
  await serial();
  await one();
  const ms = { refresh: [] as number[], both: [] as number[], serial: [] as number[], one: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    ms.refresh.push(await refresh());
    ms.both.push(await both());
    ms.serial.push(await serial());
    ms.one.push(await one());
  }
  const single = await timed(() => database.pool.query(singleStatement, [period, prior]));
  const line = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${range(xs)} ms)`;
  console.log(`refresh of ${period} (${written.toLocaleString('en')} rollup rows written), ${RUNS} runs: ${line(ms.refresh)}`);
  console.log(`(a) bare GROUP BY of ${period} UNION ALL of ${prior}: ${line(ms.both)}`);
  console.log(`(a′) the same without parallel workers: ${line(ms.serial)}`);
  console.log(`(b) bare GROUP BY of ${period} alone: ${line(ms.one)}`);
  console.log(`once: the single statement WHERE period IN (${period}, ${prior}) GROUP BY period, …: ${single.toFixed(0)} ms`);
  console.log(`per-round ratios to (a): ${range(ms.refresh.map((r, i) => r / ms.both[i]!), 2)}`);
  console.log(`statistics-refresh-vs-group-by: ${(median(ms.refresh) / median(ms.both)).toFixed(2)}`);
  console.log(`statistics-refresh-vs-group-by-serial: ${(median(ms.refresh) / median(ms.serial)).toFixed(2)}`);
  console.log(`statistics-refresh-vs-group-by-period-only: ${(median(ms.refresh) / median(ms.one)).toFixed(2)}`);

  if (EXPLAIN) {
    // The refresh's own statements, captured through a logging drizzle on one connection and rolled back.
    const captured: { text: string; values: unknown[] }[] = [];
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await repo.refreshPeriod(drizzle(client, { logger: { logQuery: (text, values) => void captured.push({ text, values }) } }), period);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const del = captured.find((q) => /^delete from "stat_rollups"/i.test(q.text))!;
    const insert = captured.find((q) => /INSERT INTO "stat_rollups"/i.test(q.text))!;
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the refresh's INSERT (after its DELETE, rolled back):\n${await explain(owner, insert.text, insert.values, [del])}`);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of (a):\n${await explain(owner, bareBoth, [period, prior])}`);
  }
});
