import { sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, boolean, char, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  eventVisibilities,
  extensionStatuses,
  openWorkOrderStatuses,
  supervisionKinds,
  supervisionStatuses,
  supervisionTriggers,
  workOrderChannels,
  workOrderEventKinds,
  workOrderPriorities,
  workOrderStatuses,
  workOrderTypes,
} from '@zhiyuan/core';
import { likePattern } from '../../db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import { users } from '../identity/identity.tables';
import { departments, parks } from '../parks/parks.tables';

// Work orders (issue 6, ADR 0009). Visits and service packages are in visits.tables.ts.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/**
 * `status IN (<open statuses>)` as literal SQL. Queries meant to use the open-order partial index
 * (the sweep, "deadline near") must use this fragment, not bound parameters: the planner matches
 * an index predicate only against constants.
 */
export const openStatusPredicate = sql.raw(`status IN (${openWorkOrderStatuses.map((s) => `'${s}'`).join(', ')})`);

/** The editable category tree (政策咨询, 人才服务 …). A category in use is deactivated, never deleted. */
export const workOrderCategories = pgTable(
  'work_order_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => workOrderCategories.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // Sibling names are unique, top-level ones too (NULL parents compare equal).
  (t) => [unique('work_order_categories_parent_name_key').on(t.parentId, t.name).nullsNotDistinct()],
);

/** Deadlines per type × priority; a missing row means core's default. Changes apply to orders created afterwards. */
export const workOrderDeadlineRules = pgTable(
  'work_order_deadline_rules',
  {
    type: text('type', { enum: workOrderTypes }).notNull(),
    priority: text('priority', { enum: workOrderPriorities }).notNull(),
    responseHours: smallint('response_hours').notNull(),
    resolveWorkingDays: smallint('resolve_working_days').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.type, t.priority] })],
);

/**
 * Per-year counters of GD-YYYY-NNNNNN: `INSERT … ON CONFLICT (year) DO UPDATE SET last = last + 1
 * RETURNING last` in the creating transaction, so a rolled-back create leaves no gap.
 */
export const workOrderCounters = pgTable('work_order_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull().default(0),
});

export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    type: text('type', { enum: workOrderTypes }).notNull(),
    channel: text('channel', { enum: workOrderChannels }).notNull(),
    /** The 12345 ticket number. */
    externalNo: text('external_no'),
    priority: text('priority', { enum: workOrderPriorities }).notNull().default('normal'),
    status: text('status', { enum: workOrderStatuses }).notNull().default('submitted'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** The enterprise's park at creation (or the one chosen for an anonymous call): the order's scope. */
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    categoryId: uuid('category_id').references(() => workOrderCategories.id),
    requesterName: text('requester_name'),
    /** Encrypted at rest with the field cipher (crypto/field-cipher.ts). */
    requesterPhoneEnc: text('requester_phone_enc'),
    /** Lead (主办) department and handler; co-handling departments in work_order_co_handlers. */
    departmentId: uuid('department_id').references(() => departments.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** The portal user who submitted, or the staff member who recorded the call. */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** First accept / assign / disposition: the response of the response rate. */
    respondedAt: ts('responded_at'),
    assignedAt: ts('assigned_at'),
    /** The latest public reply. */
    repliedAt: ts('replied_at'),
    /** Cleared by a reopen. */
    closedAt: ts('closed_at'),
    ratedAt: ts('rated_at'),
    /** When it was merged, referred, declined or withdrawn. */
    disposedAt: ts('disposed_at'),
    responseDueAt: ts('response_due_at').notNull(),
    /** Moved by approved extensions; restarted by a reopen. */
    resolveDueAt: ts('resolve_due_at').notNull(),
    /** Set once per passed deadline by the sweep (and cleared when the deadline moves). */
    responseOverdueAt: ts('response_overdue_at'),
    resolveOverdueAt: ts('resolve_overdue_at'),
    /** true: the requester confirmed solved; null: not (yet) confirmed. */
    solved: boolean('solved'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    reopenCount: integer('reopen_count').notNull().default(0),
    extendedWorkingDays: integer('extended_working_days').notNull().default(0),
    /** Why it was merged, referred or declined, or why the requester withdrew it. */
    dispositionReason: text('disposition_reason'),
    /** Where the requester should go next (none for a withdrawal). */
    dispositionNextStep: text('disposition_next_step'),
    /** The body a referred order went to. */
    dispositionTo: text('disposition_to'),
    /** Who disposed of it; for a withdrawal the requester, or the staff member recording it on the caller's behalf. */
    decidedBy: uuid('decided_by').references(() => users.id),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => workOrders.id),
    idempotencyKey: text('idempotency_key'),
    /** Has a supervision record (open or not). */
    supervised: boolean('supervised').notNull().default(false),
  },
  (t) => [
    unique('work_orders_number_key').on(t.number),
    // One order per (user, key); orders without a key never collide (NULLs are distinct).
    unique('work_orders_idempotency_key').on(t.createdBy, t.idempotencyKey),
    // Ascending on purpose: a backward scan serves ORDER BY created_at DESC (NULLS FIRST) exactly.
    index('work_orders_park_status_created_idx').on(t.parkId, t.status, t.createdAt),
    // Windows of the three rates: created, closed and rated, each its own range scan (BitmapOr).
    index('work_orders_created_idx').on(t.createdAt),
    index('work_orders_closed_idx').on(t.closedAt).where(sql`status = 'closed'`),
    index('work_orders_rated_idx').on(t.ratedAt).where(sql`rated_at IS NOT NULL`),
    // The sweep: open orders whose resolution deadline is not yet marked. A marked order leaves the
    // index, so each run reads only what may newly be overdue (or near), not every late order again.
    index('work_orders_open_resolve_due_idx')
      .on(t.resolveDueAt)
      .where(sql`${openStatusPredicate} AND resolve_overdue_at IS NULL`),
    index('work_orders_open_response_due_idx').on(t.responseDueAt).where(sql`status = 'submitted' AND response_overdue_at IS NULL`),
    index('work_orders_assignee_idx').on(t.assigneeId, t.status),
    index('work_orders_department_idx').on(t.departmentId, t.status),
    index('work_orders_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('work_orders_category_idx').on(t.categoryId),
    // The list's title search (`titleContains`): character bigrams, since Chinese has no word boundaries (ADR 0009).
    index('work_orders_title_grams_idx').using('gin', sql`text_bigrams(${t.title})`),
    check('work_orders_rating_check', sql`rating IS NULL OR rating BETWEEN 1 AND 5`),
    check('work_orders_12345_check', sql`channel <> 'hotline_12345' OR external_no IS NOT NULL`),
    // A disposition always says why, who decided and where to go next (issue 6 §2).
    check(
      'work_orders_disposition_check',
      sql`status NOT IN ('merged', 'referred', 'declined') OR (disposition_reason IS NOT NULL AND disposition_next_step IS NOT NULL AND decided_by IS NOT NULL AND disposed_at IS NOT NULL)`,
    ),
    check('work_orders_merged_check', sql`status <> 'merged' OR merged_into_id IS NOT NULL`),
    // A withdrawal says why, who withdrew and when (no next step: the requester decided).
    check('work_orders_withdrawal_check', sql`status <> 'withdrawn' OR (disposition_reason IS NOT NULL AND decided_by IS NOT NULL AND disposed_at IS NOT NULL)`),
  ],
);

/**
 * The title contains `q` (case-insensitive). From two characters on, the bigram index finds the
 * candidates (every bigram of q in the title, spaces ignored) and ILIKE confirms them; one character
 * has no bigram and is a scan within the other conditions. `text_bigrams` is the SQL function of
 * migration *_text_bigrams_function.sql.
 */
export function titleContains(q: string): SQL {
  const like = sql`${workOrders.title} ILIKE ${likePattern(q)}`;
  return [...q.replace(/\s+/g, '')].length >= 2 ? sql`text_bigrams(${workOrders.title}) @> text_bigrams(${q}) AND ${like}` : like;
}

/** 协办 departments of an order (the lead is work_orders.department_id). */
export const workOrderCoHandlers = pgTable(
  'work_order_co_handlers',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    addedAt: ts('added_at').notNull().defaultNow(),
    addedBy: uuid('added_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.departmentId] }), index('work_order_co_handlers_department_idx').on(t.departmentId)],
);

/** The timeline: every step, public or internal. Append-only by convention (the audit log is the proof). */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    at: ts('at').notNull().defaultNow(),
    /** null: the sweep. */
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    action: text('action', { enum: workOrderEventKinds }).notNull(),
    fromStatus: text('from_status', { enum: workOrderStatuses }),
    toStatus: text('to_status', { enum: workOrderStatuses }),
    visibility: text('visibility', { enum: eventVisibilities }).notNull(),
    content: text('content'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('work_order_events_order_idx').on(t.orderId, t.at)],
);

/**
 * Files under DATA_DIR (storage_key is the path below it, never derived from the user's file name).
 * Uploaded first with order_id null, linked by a create or an action; unlinked ones are swept after a day.
 */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').references(() => workOrders.id),
    /** The reply, note or 补充信息 it came with; it shares that entry's visibility. */
    eventId: uuid('event_id').references(() => workOrderEvents.id),
    storageKey: text('storage_key').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** Detected from the content. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    unique('work_order_attachments_storage_key').on(t.storageKey),
    index('work_order_attachments_order_idx').on(t.orderId),
    index('work_order_attachments_unlinked_idx').on(t.uploadedAt).where(sql`order_id IS NULL`),
  ],
);

export const workOrderExtensions = pgTable(
  'work_order_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    workingDays: smallint('working_days').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: extensionStatuses }).notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    comment: text('comment'),
    previousDueAt: ts('previous_due_at').notNull(),
    newDueAt: ts('new_due_at'),
  },
  (t) => [
    // At most one request waits per order (the state machine's pendingExtension).
    uniqueIndex('work_order_extensions_pending_key').on(t.orderId).where(sql`status = 'pending'`),
    index('work_order_extensions_order_idx').on(t.orderId),
    index('work_order_extensions_status_idx').on(t.status, t.requestedAt),
  ],
);

/** 督办 records with their own status (open → feedback → closed). */
export const supervisions = pgTable(
  'work_order_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    kind: text('kind', { enum: supervisionKinds }).notNull(),
    trigger: text('trigger', { enum: supervisionTriggers }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: supervisionStatuses }).notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** null: opened by the sweep. */
    createdBy: uuid('created_by').references(() => users.id),
    feedback: text('feedback'),
    feedbackAt: ts('feedback_at'),
    feedbackBy: uuid('feedback_by').references(() => users.id),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closeComment: text('close_comment'),
  },
  (t) => [
    index('work_order_supervisions_order_idx').on(t.orderId),
    index('work_order_supervisions_status_idx').on(t.status, t.createdAt),
    index('work_order_supervisions_created_idx').on(t.createdAt),
  ],
);
