import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded';
import { ensureDatabase } from '../apps/server/src/db/ensure-database';
import { runMigrations } from '../apps/server/src/db/migrate';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A throwaway embedded PostgreSQL with a migrated database, removed afterwards. */
export async function withBenchDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const dir = path.resolve('.tmp', `bench-${process.pid}`);
  const cluster = await startEmbeddedPostgres(dir, await freePort());
  try {
    await ensureDatabase(cluster.url('postgres'), 'bench');
    await runMigrations(cluster.url('bench'));
    await work(cluster.url('bench'));
  } finally {
    await cluster.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
