// Load from a child process (so the client's event loop is not the server's): autocannon against
// the app, or CONNECTIONS pg connections issuing bare queries, each latency kept for percentiles.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export type Load = { requests: number; rps: number; p50: number; p95: number; p99: number; max: number; errors: number };
/** HTTP: the paths in rotation with a session cookie; SQL: the queries in rotation, optionally as a role (the app's). */
export type LoadJob = { mode: 'http'; url: string; cookie: string; paths: string[] } | { mode: 'sql'; url: string; queries: { text: string; values: unknown[] }[]; role?: string };

/** Percentiles of latencies in ms (nearest rank). */
function summarise(latencies: number[], seconds: number, errors: number): Load {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { requests: sorted.length, rps: sorted.length / seconds, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? NaN, errors };
}

/** autocannon against the app, the paths in rotation; every response's latency kept. */
async function httpLoad(job: Extract<LoadJob, { mode: 'http' }>): Promise<Load> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: job.url, connections: CONNECTIONS, duration: DURATION, headers: { cookie: job.cookie }, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: job.paths[next++ % job.paths.length]! }) }] },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      latencies.push(ms);
    });
  });
  return summarise(latencies, result.duration, errors + result.errors);
}

/** CONNECTIONS workers, each a pg connection issuing the next query. */
async function sqlLoad(job: Extract<LoadJob, { mode: 'sql' }>): Promise<Load> {
  const pool = new pg.Pool({ connectionString: job.url, max: CONNECTIONS });
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        if (job.role) await client.query(`SET ROLE ${job.role}`);
        while (performance.now() < end) {
          const q = job.queries[next++ % job.queries.length]!;
          const t = performance.now();
          await client.query(q.text, q.values);
          latencies.push(performance.now() - t);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  return summarise(latencies, (performance.now() - started) / 1000, 0);
}

const self = fileURLToPath(import.meta.url);

/** Runs the load in a child process (this file with --load), so the client's event loop is not the server's. */
export function runLoad(job: LoadJob): Promise<Load> {
  const p = fork(self, ['--load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: Load | undefined;
    p.on('message', (m) => (result = m as Load));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`load child exited with ${code}`))));
    p.send(job);
  });
}

export const loadLine = (l: Load) =>
  `${Math.round(l.rps).toLocaleString('en')} req/s, p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(0)} ms (${l.requests.toLocaleString('en')} requests, errors ${l.errors})`;

if (process.argv[1] && path.resolve(process.argv[1]) === self && process.argv[2] === '--load') {
  process.once('message', (job: LoadJob) => {
    void (job.mode === 'http' ? httpLoad(job) : sqlLoad(job)).then((r) => process.send!(r, () => process.disconnect()));
  });
}
