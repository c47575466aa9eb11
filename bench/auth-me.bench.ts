// GET /api/auth/me (cookie session: one indexed join, CSRF-free read) against a bare Fastify route,
// both served from this one process on 127.0.0.1, 10 s each with autocannon.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { aes256GcmCipher } from '../apps/server/src/crypto/field-cipher';
import { createDatabase } from '../apps/server/src/db/pool';
import { bootstrap } from '../apps/server/src/seed/bootstrap';
import { withBenchDatabase } from './bench-db';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: DURATION, headers });
  return { rps: r.requests.average, p95: r.latency.p97_5 ?? r.latency.p99, errors: r.errors + r.non2xx };
}

await withBenchDatabase(async (url) => {
  const config = loadConfig({ ADMIN_PASSWORD: 'Bench-Root-2025!', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
  const database = createDatabase(url);
  const app = await buildApp({ config, database, cipher: aes256GcmCipher(randomBytes(32)), logger: false });
  await bootstrap(database.db, app.services, config);
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare', async () => ({ user: { id: 'x', username: 'admin' }, csrfToken: 'y' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const res = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench-Root-2025!' }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;

  const base = await load(`${bareUrl}/bare`);
  const me = await load(`${appUrl}/api/auth/me`, { cookie });
  console.log(`bare fastify: ${base.rps.toFixed(0)} req/s (errors ${base.errors})`);
  console.log(`auth/me: ${me.rps.toFixed(0)} req/s, p97.5 ${me.p95} ms (errors ${me.errors})`);
  console.log(`auth-me-vs-bare: ${(me.rps / base.rps).toFixed(2)}`);
  await app.close();
  await bare.close();
  await database.close();
});
