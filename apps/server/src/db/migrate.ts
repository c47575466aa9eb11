import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { installJobQueues } from '../jobs/jobs';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Applies pending migrations as the owner role. An advisory lock keeps several instances
 * starting at once from migrating twice; drizzle applies the batch in one transaction, so a
 * kill mid-way leaves the previous schema for the next start to migrate again. The job queue's
 * schema (pg-boss) is installed after them, also as the owner.
 */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7262001)');
    await migrate(drizzle(client), { migrationsFolder });
    await installJobQueues(url);
  } finally {
    await client.query('SELECT pg_advisory_unlock(7262001)').catch(() => undefined);
    await client.end();
  }
}
