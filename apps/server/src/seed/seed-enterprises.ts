// Seeds of the enterprise registry: the qualification kinds (every install) and the synthetic
// demo enterprises (SEED_DEMO). Written straight to the tables, like a migration.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { defaultQualificationKinds } from '@zhiyuan/core';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Executor } from '../db/pool';
import { enterprises, qualificationKinds, qualifications, statusEvents, type StoredContact } from '../modules/enterprises/enterprises.tables';
import { generateDemoEnterprises, type DemoContact, type DemoEnterprise, type DemoPark } from './demo-enterprises';
import { statEnterpriseOf, type StatEnterprise } from './demo-statistics';

/** Rows per INSERT. */
const BATCH = 1000;

/**
 * INSERT … SELECT FROM json_populate_recordset($1): the whole batch is one JSON parameter. Building
 * a 1,000-row multi-row VALUES with ~30 parameters each costs drizzle more than PostgreSQL's insert.
 * Rows are keyed by the table's property names (as for drizzle's insert); columns come from the table.
 */
async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: Partial<T['$inferInsert']>[], returning?: string[]): Promise<Record<string, string>[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null]))));
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const name = sql.identifier(getTableName(table));
  const result = await tx.execute<Record<string, string>>(sql`INSERT INTO ${name} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${name}, ${json}::json)${returning ? sql` RETURNING ${sql.join(returning.map((r) => sql.identifier(r)), sql`, `)}` : sql``}`);
  return result.rows;
}

/** The default qualification kinds, in their order, when there are none yet (idempotent). */
export async function seedQualificationKinds(tx: Executor): Promise<number> {
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(qualificationKinds);
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = defaultQualificationKinds.map((k, i) => ({ code: k.code, name: k.name, validityYears: k.validityYears, sort: (i + 1) * 10 }));
  await tx.insert(qualificationKinds).values(rows).onConflictDoNothing();
  return rows.length;
}

/** A created enterprise, with what the demo statistics are generated from. */
export type SeededEnterprise = StatEnterprise & { name: string };
export type DemoSeedResult = {
  count: number;
  /** Every created enterprise, by park code, in generation order. */
  byPark: Map<string, SeededEnterprise[]>;
};

export type DemoSeedOptions = {
  parks: DemoPark[];
  cipher: FieldCipher;
  /** YYYY-MM-DD (Beijing): validity periods and status dates are laid out around it. */
  today: string;
  count: number;
  seed?: number;
  /** Assign every `everyNth` enterprise to this service officer (the demo officer's share). */
  serviceOfficer?: { id: string; everyNth: number };
};

/** Inserts `count` synthetic enterprises with their qualifications and status history. */
export async function seedDemoEnterprises(tx: Executor, opts: DemoSeedOptions): Promise<DemoSeedResult> {
  const records = generateDemoEnterprises({ count: opts.count, seed: opts.seed ?? 20_250_101, parks: opts.parks, today: opts.today });
  const codeOf = new Map(opts.parks.map((p) => [p.id, p.code]));
  const byPark = new Map<string, SeededEnterprise[]>(opts.parks.map((p) => [p.code, []]));

  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const rows = batch.map((r, i) => enterpriseRow(r, opts.cipher, opts.serviceOfficer && (start + i) % opts.serviceOfficer.everyNth === 0 ? opts.serviceOfficer.id : null));
    const inserted = await insertRows(tx, enterprises, rows, ['id', 'uscc']);
    const idOf = new Map(inserted.map((x) => [x.uscc!, x.id!]));

    const quals = batch.flatMap((r) => r.qualifications.map((q) => ({ ...q, enterpriseId: idOf.get(r.uscc)! })));
    for (let i = 0; i < quals.length; i += BATCH) await insertRows(tx, qualifications, quals.slice(i, i + BATCH));
    const events = batch.flatMap((r) => r.events.map((e) => ({ ...e, enterpriseId: idOf.get(r.uscc)! })));
    for (let i = 0; i < events.length; i += BATCH) await insertRows(tx, statusEvents, events.slice(i, i + BATCH));

    for (const r of batch) byPark.get(codeOf.get(r.parkId)!)!.push({ ...statEnterpriseOf(idOf.get(r.uscc)!, r), name: r.name });
  }
  return { count: records.length, byPark };
}

/** The enterprises row of a generated record: contact phones encrypted (left out without a cipher). */
export function enterpriseRow(r: DemoEnterprise, cipher: FieldCipher | undefined, serviceOfficerId: string | null = r.serviceOfficerId): typeof enterprises.$inferInsert {
  const { qualifications: _q, events: _e, contacts, ...row } = r;
  return {
    ...row,
    serviceOfficerId,
    contacts: storedContacts(contacts, cipher),
  };
}

/** Contacts as stored: the phone number encrypted (left out without a cipher). */
export const storedContacts = (contacts: DemoContact[], cipher: FieldCipher | undefined): StoredContact[] =>
  contacts.map((c) => ({ name: c.name, title: c.title, phoneEnc: c.phone && cipher ? cipher.encrypt(c.phone) : null, email: c.email, primary: c.primary }));
