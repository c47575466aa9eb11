import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { ensureDatabase } from '../src/db/ensure-database';
import { runMigrations } from '../src/db/migrate';
import { freePorts } from './free-ports';

export const TEMPLATE = 'zhiyuan_template';

/** One embedded PostgreSQL per run and one migrated template; each test file clones its own database. */
export default async function setup(project: TestProject) {
  const dir = path.resolve('.tmp', `pg-test-${process.pid}`);
  const cluster = await startEmbeddedPostgres(dir, (await freePorts(1))[0]!);
  await ensureDatabase(cluster.url('postgres'), TEMPLATE);
  await runMigrations(cluster.url(TEMPLATE));
  project.provide('pgAdminUrl', cluster.url('postgres'));
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    await cluster.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}
