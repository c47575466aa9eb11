// Writes the demo service desk (SEED_DEMO_SERVICE_DESK) in the bootstrap's transaction: departments
// for every park that lacks them, the demo department_staff placed in (and heading) the zone's
// 企业服务处, the default categories when there are none, then what demo-service-desk.ts generates,
// a few hundred rows per table in multi-row INSERTs. Written straight to the tables, like the
// statistics seed: the rows are what the services would have written, as the generator plays them
// through core's state machine.
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createCalendar, parseWorkOrderNumber } from '@zhiyuan/core';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Executor } from '../db/pool';
import { calendarDays, calendarYears } from '../modules/calendar/calendar.tables';
import { enterprises } from '../modules/enterprises/enterprises.tables';
import { users } from '../modules/identity/identity.tables';
import { notifications } from '../modules/notifications/notifications.tables';
import { departments, parks } from '../modules/parks/parks.tables';
import { supervisions, workOrderCategories, workOrderCoHandlers, workOrderCounters, workOrderEvents, workOrderExtensions, workOrders } from '../modules/service-desk/service-desk.tables';
import { servicePackageAssignments, servicePackageItemProgress, servicePackageItems, servicePackages, visitProblems, visits } from '../modules/service-desk/visits.tables';
import { generateDemoServiceDesk, type DemoServiceDesk } from './demo-service-desk';
import { seedDefaultCategories } from '../modules/service-desk/service-desk-settings.repository';

/** Departments every park gets when it lacks them (the zone's own list comes from zhongguancun.ts). */
export const demoParkDepartments = ['企业服务处', '科技金融处', '规划建设处', '人才工作处'];

export type DemoServiceDeskSeedOptions = {
  now: Date;
  cipher: FieldCipher;
  /** Demo accounts by role. */
  userIds: { officer: string; departmentStaff: string; parkAdmin: string; leader: string; enterprise: string | null };
  /** The demo park admin's park. */
  adminParkId: string;
  orders?: number;
  seed?: number;
};

export type DemoServiceDeskCounts = { [K in 'orders' | 'events' | 'supervisions' | 'visits' | 'problems' | 'packages' | 'assignments' | 'notifications' | 'departments']: number };

/** Multi-row INSERTs of a few hundred rows each (the parameters stay well under PostgreSQL's limit). */
async function insertAll(tx: Executor, table: PgTable, rows: readonly Record<string, unknown>[], chunk = 400) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

export async function seedDemoServiceDesk(tx: Executor, opts: DemoServiceDeskSeedOptions): Promise<DemoServiceDeskCounts> {
  const [zone] = await tx.select({ id: parks.id }).from(parks).where(isNull(parks.parentId)).limit(1);
  if (!zone) throw new Error('demo service desk: no zone');
  const parkIds = (await tx.select({ id: parks.id }).from(parks).orderBy(asc(parks.code))).map((p) => p.id);
  const added = await tx
    .insert(departments)
    .values(parkIds.flatMap((parkId) => demoParkDepartments.map((name) => ({ name, parkId }))))
    .onConflictDoNothing()
    .returning({ id: departments.id });
  const depts = await tx.select({ id: departments.id, parkId: departments.parkId, name: departments.name }).from(departments).orderBy(asc(departments.parkId), asc(departments.name));
  const staffDept = depts.find((d) => d.parkId === zone.id && d.name === '企业服务处')!;
  await tx.update(users).set({ departmentId: staffDept.id }).where(eq(users.id, opts.userIds.departmentStaff));
  await tx.update(departments).set({ headUserId: opts.userIds.departmentStaff }).where(eq(departments.id, staffDept.id));

  // Bootstrap has seeded them already; on its own (tests) this seeds them the same way.
  await seedDefaultCategories(tx);
  const categories = new Map((await tx.select({ id: workOrderCategories.id, name: workOrderCategories.name }).from(workOrderCategories).where(isNull(workOrderCategories.parentId))).map((c) => [c.name, c.id]));

  const cal = createCalendar(await tx.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays), (await tx.select({ year: calendarYears.year }).from(calendarYears)).map((y) => y.year));
  // In USCC order: the enterprises' ids differ per install, their codes do not.
  const registry = await tx
    .select({ id: enterprises.id, name: enterprises.name, parkId: enterprises.parkId, serviceOfficerId: enterprises.serviceOfficerId, tags: enterprises.tags, aboveScale: enterprises.aboveScale })
    .from(enterprises)
    .where(inArray(enterprises.status, ['active', 'relocating']))
    .orderBy(asc(enterprises.uscc));
  const ids = Object.values(opts.userIds).filter((x): x is string => !!x);
  const accounts = new Map((await tx.select({ id: users.id, name: users.displayName, enterpriseId: users.enterpriseId }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u]));
  const user = (id: string) => ({ id, name: accounts.get(id)!.name });
  const own = opts.userIds.enterprise ? accounts.get(opts.userIds.enterprise) : undefined;

  const desk = generateDemoServiceDesk({
    now: opts.now,
    cal,
    enterprises: registry,
    departments: depts,
    zoneId: zone.id,
    staffDepartmentId: staffDept.id,
    adminParkId: opts.adminParkId,
    users: {
      officer: user(opts.userIds.officer),
      departmentStaff: user(opts.userIds.departmentStaff),
      parkAdmin: user(opts.userIds.parkAdmin),
      leader: user(opts.userIds.leader),
      enterpriseUser: own?.enterpriseId ? { id: own.id, name: own.name, enterpriseId: own.enterpriseId } : null,
    },
    categories,
    ...(opts.orders !== undefined ? { orders: opts.orders } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  await write(tx, desk, opts.cipher);
  return {
    orders: desk.orders.length,
    events: desk.events.length,
    supervisions: desk.supervisions.length,
    visits: desk.visits.length,
    problems: desk.problems.length,
    packages: desk.packages.length,
    assignments: desk.assignments.length,
    notifications: desk.notifications.length,
    departments: added.length,
  };
}

async function write(tx: Executor, desk: DemoServiceDesk, cipher: FieldCipher) {
  // Synthetic requester phones (1390000xxxx, like the demo contacts), encrypted like the service's.
  const orders = desk.orders.map((o) => ({ ...o, requesterPhoneEnc: o.requesterName ? cipher.encrypt(`1390000${String(parseWorkOrderNumber(o.number)!.seq % 10_000).padStart(4, '0')}`) : null }));
  // Orders in creation order: a merge names an earlier one, checked at the end of each statement.
  await insertAll(tx, workOrders, orders);
  await insertAll(tx, workOrderEvents, desk.events);
  await insertAll(tx, supervisions, desk.supervisions);
  await insertAll(tx, workOrderExtensions, desk.extensions);
  await insertAll(tx, workOrderCoHandlers, desk.coHandlers);
  for (const c of desk.counters) {
    await tx
      .insert(workOrderCounters)
      .values(c)
      .onConflictDoUpdate({ target: workOrderCounters.year, set: { last: sql`greatest(${workOrderCounters.last}, ${c.last})` } });
  }
  await insertAll(tx, visits, desk.visits);
  await insertAll(tx, visitProblems, desk.problems);
  await insertAll(tx, servicePackages, desk.packages);
  await insertAll(tx, servicePackageItems, desk.items);
  await insertAll(tx, servicePackageAssignments, desk.assignments);
  await insertAll(tx, servicePackageItemProgress, desk.progress);
  await insertAll(tx, notifications, desk.notifications);
}

