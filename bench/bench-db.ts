import fs from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded';
import { ensureDatabase } from '../apps/server/src/db/ensure-database';
import { runMigrations } from '../apps/server/src/db/migrate';
import { freePorts } from '../apps/server/test/free-ports';

/** A throwaway embedded PostgreSQL with a migrated database, removed afterwards. */
export async function withBenchDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const dir = path.resolve('.tmp', `bench-${process.pid}`);
  const cluster = await startEmbeddedPostgres(dir, (await freePorts(1))[0]!);
  try {
    await ensureDatabase(cluster.url('postgres'), 'bench');
    await runMigrations(cluster.url('bench'));
    await work(cluster.url('bench'));
  } finally {
    await cluster.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
