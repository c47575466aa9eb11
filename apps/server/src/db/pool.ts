import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

export type Db = NodePgDatabase;
export type Database = { url: string; pool: pg.Pool; db: Db; close: () => Promise<void> };

/** The role the application runs as: it may not UPDATE, DELETE or TRUNCATE the audit log. */
export const APP_ROLE = 'zhiyuan_app';

// numeric and bigint come back as strings by default; int8 counts fit in JS numbers here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function createDatabase(url: string, max = 10): Database {
  // A connection that cannot take the app role is closed and the query fails: fail closed.
  const onConnect = async (client: pg.ClientBase) => {
    await client.query(`SET ROLE ${APP_ROLE}`);
  };
  const pool = new pg.Pool({ connectionString: url, max, onConnect } as pg.PoolConfig);
  // An idle connection lost (server restart, shutdown): the pool drops it and reconnects on demand.
  pool.on('error', () => undefined);
  const db = drizzle(pool);
  return { url, pool, db, close: () => pool.end() };
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
