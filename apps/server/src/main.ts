import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { aes256GcmCipher } from './crypto/field-cipher';
import { loadFieldKey } from './crypto/field-key';
import { startEmbeddedPostgres, type EmbeddedCluster } from './db/embedded';
import { ensureDatabase } from './db/ensure-database';
import { runMigrations } from './db/migrate';
import { createDatabase, type Database } from './db/pool';
import { bootstrap } from './seed/bootstrap';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** What is running, so that a signal or a failure stops it all, PostgreSQL last. */
const running: { app?: FastifyInstance; database?: Database; cluster?: EmbeddedCluster } = {};
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await running.app?.close().catch(() => undefined);
    await running.database?.close().catch(() => undefined);
    await running.cluster?.stop().catch(() => undefined);
  }
  process.exit(code);
}

async function fail(e: unknown): Promise<never> {
  console.error(e instanceof ConfigError ? `启动失败：${e.message}` : e);
  return stop(1);
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();

  let url = config.databaseUrl;
  if (!url) {
    running.cluster = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.pgPort);
    await ensureDatabase(running.cluster.url('postgres'), 'zhiyuan');
    url = running.cluster.url('zhiyuan');
  }
  await runMigrations(url);
  running.database = createDatabase(url);
  const cipher = aes256GcmCipher(await loadFieldKey(config.dataDir));
  const app = (running.app = await buildApp({ config, database: running.database, cipher, webDist }));
  const seeded = await bootstrap(running.database.db, app.services, config);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError(`端口 ${config.port} 已被占用；请关闭占用它的程序或设置 PORT 换一个端口`);
    throw e;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n  智园 zhiyuan 已就绪（${seconds} 秒）：http://localhost:${config.port}`);
  if (seeded?.adminPassword) console.log(`  初始管理员 admin 的随机密码（只显示这一次，首次登录须修改）：${seeded.adminPassword}`);
  if (seeded?.demoPassword) console.log(`  示例账号 demo_<角色>（如 demo_leader）的随机密码（只显示这一次）：${seeded.demoPassword}`);
  console.log(`  API 文档：http://localhost:${config.port}/api/docs\n`);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('unhandledRejection', (e) => void fail(e));
main().catch(fail);
