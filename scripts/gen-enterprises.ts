// Scale generator for the benchmarks: loads N synthetic enterprises (default 200,000) with their
// qualifications and status history into an existing, migrated database, through COPY FROM STDIN.
//
//   npm run gen:enterprises -- [--count 200000] [--seed 1] [--database-url postgres://…] [--keep-indexes]
//
// The database needs the zone's sub-parks (start the app once with SEED_DEMO on). Contact phone
// numbers are encrypted with FIELD_ENCRYPTION_KEY or DATA_DIR/field.key when either is there (the
// key the app reads them with); otherwise they are left out. Names and USCCs carry a serial number
// beyond those already in the database, so loading twice adds rows rather than failing.
// A large load drops the tables' secondary indexes and foreign keys and rebuilds them at the end
// (see LoadOptions.rebuildIndexes): the tables are locked for the load, which is one transaction.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { shanghaiDate } from '@zhiyuan/core';
import { aes256GcmCipher, type FieldCipher } from '../apps/server/src/crypto/field-cipher';
import { enterprises, qualifications, statusEvents } from '../apps/server/src/modules/enterprises/enterprises.tables';
import { generateDemoEnterprises, type DemoEnterprise, type DemoPark } from '../apps/server/src/seed/demo-enterprises';
import { seedQualificationKinds, storedContacts } from '../apps/server/src/seed/seed-enterprises';
import { phaseTimer } from './load-phases';

export type LoadOptions = {
  count: number;
  seed?: number;
  /** YYYY-MM-DD; default today in Beijing. */
  today?: string;
  /** Encrypts contact phones as the app does; without it contacts carry no phone. */
  cipher?: FieldCipher;
  /**
   * Drop the secondary indexes (the bigram GIN index above all) and the foreign keys of the three
   * tables before the load, and build / validate them again after it, instead of maintaining and
   * checking them row by row. Default: when the load at least doubles the table and the connection
   * owns it. Either way the load is one transaction.
   */
  rebuildIndexes?: boolean;
  log?: (line: string) => void;
};
export type LoadResult = { enterprises: number; qualifications: number; events: number; seconds: number; phases: Record<string, number>; indexesRebuilt: boolean };

/** Records generated per chunk; only the COPY text of qualifications and events (~250 bytes per enterprise) is held until the end. */
const CHUNK = 10_000;
/** Serial numbers of generated records start here (the demo seed uses 0…2,999). */
const SERIAL_START = 1_000_000;

/** Loads `count` enterprises into the sub-parks of the database behind `pool`, in one transaction. */
export async function loadEnterprises(pool: pg.Pool, opts: LoadOptions): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  const { phase, phases, seconds } = phaseTimer(log);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const parks = await subParks(client);
    await seedQualificationKinds(drizzle(client));
    const { rows: [state] } = await client.query<{ n: number; owner: boolean }>(
      `SELECT count(*)::int AS n, pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'enterprises'), 'USAGE') AS owner FROM enterprises`,
    );
    const existing = state!.n;
    const rebuild = opts.rebuildIndexes ?? (state!.owner && opts.count >= existing);
    if (rebuild && !state!.owner) throw new Error('重建索引需要企业表的所有者权限：请用数据库所有者的连接，或不重建索引（--keep-indexes）');
    // More memory for the index builds (GIN above all); this transaction only.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);

    let indexes: { name: string; def: string }[] = [];
    let foreignKeys: { table: string; name: string; def: string }[] = [];
    if (rebuild) {
      indexes = await secondaryIndexes(client, LOADED_TABLES);
      foreignKeys = await foreignKeysOf(client, LOADED_TABLES);
      for (const ix of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(ix.name)}`);
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${pg.escapeIdentifier(fk.table)} DROP CONSTRAINT ${pg.escapeIdentifier(fk.name)}`);
      log(`dropped ${indexes.length} indexes and ${foreignKeys.length} foreign keys; they are rebuilt after the load`);
    }
    phase('prepare');

    const today = opts.today ?? shanghaiDate(new Date());
    const seed = opts.seed ?? 1;
    const serialBase = SERIAL_START + existing;
    const counts = { enterprises: 0, qualifications: 0, events: 0 };

    // Enterprises: one COPY, generated chunk by chunk as PostgreSQL reads. Their qualifications and
    // events need the ids: their COPY lines are kept (text, not records) for the two COPYs after.
    const qualLines: string[] = [];
    const eventLines: string[] = [];
    async function* enterpriseLines() {
      for (let offset = 0; offset < opts.count; offset += CHUNK) {
        const records = generateDemoEnterprises({ count: Math.min(CHUNK, opts.count - offset), seed: seed * 1_000_003 + offset, parks, today, serialBase: serialBase + offset });
        const text = copyText(records, opts.cipher);
        qualLines.push(text.qualifications);
        eventLines.push(text.events);
        counts.enterprises += records.length;
        counts.qualifications += text.qualificationCount;
        counts.events += text.eventCount;
        yield text.enterprises;
      }
    }
    await copy(client, enterprises, entColumns, enterpriseLines());
    phase('copy enterprises');
    await copy(client, qualifications, qualColumns, qualLines);
    qualLines.length = 0;
    phase('copy qualifications');
    await copy(client, statusEvents, eventColumns, eventLines);
    eventLines.length = 0;
    phase('copy events');

    for (const ix of indexes) await client.query(ix.def);
    if (indexes.length) phase('rebuild indexes');
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${pg.escapeIdentifier(fk.table)} ADD CONSTRAINT ${pg.escapeIdentifier(fk.name)} ${fk.def}`);
    if (foreignKeys.length) phase('validate foreign keys');
    await client.query('COMMIT');
    phase('commit');
    // Fresh planner statistics for what follows (a benchmark, usually); small additions leave it to autovacuum.
    if (opts.count >= existing) {
      await client.query('ANALYZE enterprises, enterprise_qualifications, enterprise_status_events');
      phase('analyze');
    }
    return { ...counts, seconds: seconds(), phases, indexesRebuilt: indexes.length > 0 };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function subParks(client: pg.PoolClient): Promise<DemoPark[]> {
  const { rows } = await client.query<{ id: string; code: string; district: string | null; center_lon: number | null; center_lat: number | null; area_km2: string }>(
    `SELECT p.id, p.code, p.district, coalesce(p.center_lon, z.center_lon) AS center_lon, coalesce(p.center_lat, z.center_lat) AS center_lat, p.area_km2
       FROM parks p JOIN parks z ON z.id = p.parent_id AND z.parent_id IS NULL ORDER BY p.code`,
  );
  const usable = rows.filter((r) => r.center_lon != null && r.center_lat != null);
  if (usable.length === 0) {
    throw new Error(
      rows.length === 0
        ? '数据库里没有园区的子园区：先以 SEED_DEMO=true（默认）在空数据库上启动一次 npm start 建立示例园区（16 个子园区），或先在“园区管理”中建立子园区'
        : '子园区和园区都没有中心点坐标：请先为园区设置中心点（经纬度）',
    );
  }
  return usable.map((r) => ({ id: r.id, code: r.code, district: r.district ?? '', center: [r.center_lon!, r.center_lat!], areaKm2: Number(r.area_km2) }));
}

const LOADED_TABLES = ['enterprises', 'enterprise_qualifications', 'enterprise_status_events'];

/** Indexes of the tables that back no constraint (not the primary keys, not USCC's), with the statements that create them again. */
async function secondaryIndexes(client: pg.PoolClient, tables: string[]): Promise<{ name: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = ANY($1::regclass[]) AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
    [tables],
  );
  return rows;
}

/** Foreign keys of the tables (the rows they check are validated in one pass when added again). */
async function foreignKeysOf(client: pg.PoolClient, tables: string[]): Promise<{ table: string; name: string; def: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) ORDER BY 1, 2`,
    [tables],
  );
  return rows;
}

/** How a value is written: text is escaped, `plain` types (numbers, dates, uuids, booleans) need no escaping. */
type CopyColumn = { key: string; name: string; kind: 'text' | 'plain' | 'array' | 'json' };
const plainTypes = new Set(['PgUUID', 'PgInteger', 'PgNumeric', 'PgNumericNumber', 'PgDoublePrecision', 'PgDateString', 'PgBoolean']);

/** The table's columns but those left to their defaults, with how each is written in COPY text. */
function copyColumns(table: PgTable, defaulted: string[]): CopyColumn[] {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => !defaulted.includes(key))
    .map(([key, c]) => ({ key, name: c.name, kind: c.columnType === 'PgArray' ? 'array' : c.columnType === 'PgJsonb' || c.columnType === 'PgJson' ? 'json' : plainTypes.has(c.columnType) ? 'plain' : 'text' }));
}
const entColumns = copyColumns(enterprises, ['searchGrams', 'createdAt', 'updatedAt']);
const qualColumns = copyColumns(qualifications, ['id', 'createdAt', 'updatedAt']);
const eventColumns = copyColumns(statusEvents, ['id', 'createdAt', 'actorId']);

/** COPY text of generated records: their rows in the three tables, linked by new ids. */
export function copyText(records: DemoEnterprise[], cipher: FieldCipher | undefined) {
  let ents = '';
  let quals = '';
  let events = '';
  let qualificationCount = 0;
  let eventCount = 0;
  for (const r of records) {
    const id = randomUUID();
    // The record has every column but id; contacts are stored with encrypted phones.
    ents += line(entColumns, r, id, storedContacts(r.contacts, cipher));
    for (const q of r.qualifications) quals += line(qualColumns, q, id);
    for (const e of r.events) events += line(eventColumns, e, id);
    qualificationCount += r.qualifications.length;
    eventCount += r.events.length;
  }
  return { enterprises: ents, qualifications: quals, events, qualificationCount, eventCount };
}

/** COPY text format: tab-separated, \N for NULL, backslash escapes. */
const escapeCopy = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s);
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** One COPY line of `row`; `id` fills the id or enterpriseId column, `contacts` the contacts column. */
function line(columns: CopyColumn[], row: object, id: string, contacts?: unknown): string {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const v = c.key === 'id' || c.key === 'enterpriseId' ? id : c.key === 'contacts' ? contacts : (row as Record<string, unknown>)[c.key];
    if (i) out += '\t';
    if (v === null || v === undefined) out += '\\N';
    else if (c.kind === 'plain') out += typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
    else if (c.kind === 'text') out += escapeCopy(String(v));
    else if (c.kind === 'json') out += escapeCopy(JSON.stringify(v));
    else out += escapeCopy(arrayLiteral(v as string[]));
  }
  return `${out}\n`;
}

async function copy(client: pg.PoolClient, table: PgTable, columns: CopyColumn[], chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${pg.escapeIdentifier(getTableName(table))} (${columns.map((c) => pg.escapeIdentifier(c.name)).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
}


// ---- command line ----

async function fieldCipher(): Promise<FieldCipher | undefined> {
  const env = process.env.FIELD_ENCRYPTION_KEY;
  if (env) return aes256GcmCipher(Buffer.from(env, 'base64'));
  const file = path.join(path.resolve(process.env.DATA_DIR ?? './data'), 'field.key');
  const key = await fs.readFile(file, 'utf8').catch(() => null);
  return key ? aes256GcmCipher(Buffer.from(key.trim(), 'base64')) : undefined;
}

function parseArgs(argv: string[]) {
  const args = { count: 200_000, seed: 1, databaseUrl: process.env.DATABASE_URL, rebuildIndexes: undefined as boolean | undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--count' || flag === '-n') args.count = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--database-url') args.databaseUrl = value();
    else if (flag === '--keep-indexes') args.rebuildIndexes = false;
    else if (flag === '--rebuild-indexes') args.rebuildIndexes = true;
    else if (/^\d+$/.test(a)) args.count = Number(a);
    else throw new Error(`不认识的参数 ${a}；用法：npm run gen:enterprises -- [--count N] [--seed S] [--database-url URL] [--keep-indexes | --rebuild-indexes]`);
  }
  if (!Number.isInteger(args.count) || args.count < 1) throw new Error('--count 应为正整数');
  if (!Number.isInteger(args.seed)) throw new Error('--seed 应为整数');
  if (!args.databaseUrl) throw new Error('请用 DATABASE_URL 或 --database-url 指定数据库（npm start 的内置数据库为 postgres://zhiyuan:zhiyuan-embedded@127.0.0.1:5433/zhiyuan）');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: 1 });
  try {
    const cipher = await fieldCipher();
    if (!cipher) console.log('没有 FIELD_ENCRYPTION_KEY 或 DATA_DIR/field.key：联系人不含电话号码');
    const r = await loadEnterprises(pool, { count: args.count, seed: args.seed, cipher, rebuildIndexes: args.rebuildIndexes, log: (l) => console.log(l) });
    console.log(`loaded ${r.enterprises} enterprises, ${r.qualifications} qualifications, ${r.events} status events in ${r.seconds.toFixed(1)} s${r.indexesRebuilt ? ' (indexes rebuilt)' : ''}`);
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: Error) => {
    console.error(`gen:enterprises 失败：${e.message}`);
    process.exit(1);
  });
}
