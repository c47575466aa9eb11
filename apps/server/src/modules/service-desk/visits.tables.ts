import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { packageItemStatuses, visitClasses, visitStatuses } from '@zhiyuan/core';
import { enterprises } from '../enterprises/enterprises.tables';
import { users } from '../identity/identity.tables';
import { parks } from '../parks/parks.tables';
import { workOrders } from './service-desk.tables';

// The service officer's side of the service desk (issue 6 §6, §7): visits and service packages.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 走访: planned, then recorded (done) or cancelled. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's park when the visit was planned or recorded: the visit's scope. */
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: visitStatuses }).notNull(),
    plannedOn: day('planned_on'),
    visitedOn: day('visited_on'),
    people: text('people').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The last visit of each enterprise (next due) and the enterprise tab.
    index('visits_enterprise_done_idx').on(t.enterpriseId, t.visitedOn).where(sql`status = 'done'`),
    index('visits_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('visits_officer_idx').on(t.officerId, t.status, t.plannedOn),
    index('visits_park_idx').on(t.parkId, t.visitedOn),
    check('visits_dates_check', sql`(status <> 'done' OR visited_on IS NOT NULL) AND (status <> 'planned' OR planned_on IS NOT NULL)`),
  ],
);

/** Problems found on a visit; each may become one work order ("one click"). */
export const visitProblems = pgTable(
  'visit_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    text: text('text').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('visit_problems_visit_idx').on(t.visitId, t.sortOrder), unique('visit_problems_work_order_key').on(t.workOrderId)],
);

/** Days between visits per enterprise class; a missing row means core's default. */
export const visitFrequencyRules = pgTable('visit_frequency_rules', {
  class: text('class', { enum: visitClasses }).primaryKey(),
  intervalDays: integer('interval_days').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** 服务包: a named bundle of service items. Deactivated, never deleted, once assigned. */
export const servicePackages = pgTable('service_packages', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const servicePackageItems = pgTable(
  'service_package_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => servicePackages.id),
    name: text('name').notNull(),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** An item removed from the package keeps the progress already recorded. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('service_package_items_package_idx').on(t.packageId, t.sortOrder)],
);

export const servicePackageAssignments = pgTable(
  'service_package_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => servicePackages.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** Who delivers it; default the enterprise's service officer. */
    officerId: uuid('officer_id').references(() => users.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
  },
  (t) => [
    unique('service_package_assignments_package_enterprise_key').on(t.packageId, t.enterpriseId),
    index('service_package_assignments_enterprise_idx').on(t.enterpriseId),
    index('service_package_assignments_officer_idx').on(t.officerId),
  ],
);

/** One row per item someone has updated; an item without a row is `todo`. */
export const servicePackageItemProgress = pgTable(
  'service_package_item_progress',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => servicePackageAssignments.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => servicePackageItems.id),
    status: text('status', { enum: packageItemStatuses }).notNull(),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.itemId] })],
);
