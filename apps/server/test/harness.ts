import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { aes256GcmCipher } from '../src/crypto/field-cipher';
import { createDatabase, type Database } from '../src/db/pool';
import { bootstrap } from '../src/seed/bootstrap';

export const ADMIN_PASSWORD = 'Root-Test-2025!';
export const DEMO_PASSWORD = 'Demo-Test-2025!';

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await client.end();
  const url = admin.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type TestApp = { app: FastifyInstance; database: Database; config: Config; url: string; close: () => Promise<void> };

/** The real app on a fresh database, seeded with the demo zone and accounts; `clock` may be injected. */
export async function createTestApp(opts: { env?: Record<string, string>; clock?: () => Date; seed?: boolean } = {}): Promise<TestApp> {
  const { url, drop } = await createTestDatabase();
  // The demo statistics (36 months × 3,000 enterprises) and service desk only where a test asks for them.
  const config = loadConfig({ ADMIN_PASSWORD, DEMO_PASSWORD, LOG_LEVEL: 'silent', SEED_DEMO_STATISTICS: 'false', SEED_DEMO_SERVICE_DESK: 'false', ...opts.env });
  const database = createDatabase(url, 4);
  const app = await buildApp({ config, database, cipher: aes256GcmCipher(randomBytes(32)), clock: opts.clock, logger: false });
  if (opts.seed !== false) await bootstrap(database.db, app.services, config);
  await app.ready();
  return {
    app,
    database,
    config,
    url,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** Another app instance on the same database, as behind a load balancer. */
export async function secondInstance(t: TestApp, clock?: () => Date): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const database = createDatabase(t.url, 4);
  const app = await buildApp({ config: t.config, database, cipher: aes256GcmCipher(randomBytes(32)), clock, logger: false });
  await app.ready();
  return { app, close: async () => (await app.close(), await database.close()) };
}

export type Session = { cookie: string; csrf: string; user: { id: string; roles: string[]; enterpriseId: string | null } };

/** Signs in through the API, as a browser would. */
export async function login(app: FastifyInstance, username: string, password: string, ip = '127.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zy_sid')!;
  return { cookie: `zy_sid=${cookie.value}`, csrf: res.json().csrfToken, user: res.json().user };
}

/** Request options carrying a session: cookie always, CSRF header on writes. */
export function as(s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return { method, url, payload: payload as object | undefined, headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) } };
}
