import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/pool';
import { users } from '../identity/identity.tables';
import { departments } from '../parks/parks.tables';
import { supervisions, workOrderAttachments, workOrderCoHandlers, workOrderEvents, workOrderExtensions } from './service-desk.tables';

// What hangs off an order: the timeline, co-handling departments, attachments, extensions, supervisions.

export type EventRow = typeof workOrderEvents.$inferSelect;
export type AttachmentRow = typeof workOrderAttachments.$inferSelect & { uploadedByName: string | null };

/**
 * Appends to an order's timeline. Entries of one instant (a frozen test clock, two entries in one
 * transaction) still keep their order: `at` is at least a microsecond after the order's latest entry.
 */
export async function insertEvent(tx: Executor, v: typeof workOrderEvents.$inferInsert & { at: Date }) {
  const at = sql`GREATEST(${v.at.toISOString()}::timestamptz, (SELECT max(e.at) + interval '1 microsecond' FROM ${workOrderEvents} e WHERE e.order_id = ${v.orderId}))`;
  return (await tx.insert(workOrderEvents).values({ ...v, at }).returning())[0]!;
}

export const eventsOf = (ex: Executor, orderId: string, publicOnly: boolean) =>
  ex
    .select()
    .from(workOrderEvents)
    .where(and(eq(workOrderEvents.orderId, orderId), publicOnly ? eq(workOrderEvents.visibility, 'public') : undefined))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id));

// ---------------------------------------------------------------- co-handlers

export const coHandlersOf = (ex: Executor, orderId: string) =>
  ex
    .select({ departmentId: workOrderCoHandlers.departmentId, departmentName: departments.name })
    .from(workOrderCoHandlers)
    .innerJoin(departments, eq(departments.id, workOrderCoHandlers.departmentId))
    .where(eq(workOrderCoHandlers.orderId, orderId))
    .orderBy(asc(departments.name));

/** Replaces the co-handling departments of an order. */
export async function setCoHandlers(tx: Executor, orderId: string, departmentIds: readonly string[], by: string | null, at: Date) {
  await tx.delete(workOrderCoHandlers).where(eq(workOrderCoHandlers.orderId, orderId));
  if (departmentIds.length) await tx.insert(workOrderCoHandlers).values(departmentIds.map((departmentId) => ({ orderId, departmentId, addedBy: by, addedAt: at })));
}

/** Drops one department from the co-handlers (it became the lead). */
export const removeCoHandler = (tx: Executor, orderId: string, departmentId: string) =>
  tx.delete(workOrderCoHandlers).where(and(eq(workOrderCoHandlers.orderId, orderId), eq(workOrderCoHandlers.departmentId, departmentId)));

// ---------------------------------------------------------------- attachments

const uploader = alias(users, 'uploader');
const attachmentColumns = { ...getTableColumns(workOrderAttachments), uploadedByName: uploader.displayName };

export const attachmentsOf = (ex: Executor, orderId: string): Promise<AttachmentRow[]> =>
  ex.select(attachmentColumns).from(workOrderAttachments).leftJoin(uploader, eq(uploader.id, workOrderAttachments.uploadedBy)).where(eq(workOrderAttachments.orderId, orderId)).orderBy(asc(workOrderAttachments.uploadedAt));

export const findAttachment = async (ex: Executor, id: string) => (await ex.select().from(workOrderAttachments).where(eq(workOrderAttachments.id, id)).limit(1))[0];

export const insertAttachment = async (tx: Executor, v: typeof workOrderAttachments.$inferInsert) => (await tx.insert(workOrderAttachments).values(v).returning())[0]!;

export const countAttachments = async (ex: Executor, orderId: string) =>
  (await ex.select({ n: sql<number>`count(*)::int` }).from(workOrderAttachments).where(eq(workOrderAttachments.orderId, orderId)))[0]?.n ?? 0;

/** Links the uploader's own unlinked uploads; returns how many were linked (fewer = some were not theirs or taken). */
export async function linkAttachments(tx: Executor, ids: readonly string[], uploadedBy: string, orderId: string, eventId: string | null): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .update(workOrderAttachments)
    .set({ orderId, eventId })
    .where(and(inArray(workOrderAttachments.id, [...ids]), eq(workOrderAttachments.uploadedBy, uploadedBy), isNull(workOrderAttachments.orderId)))
    .returning({ id: workOrderAttachments.id });
  return rows.length;
}

/** Uploads never linked to an order before `before`: removed with their files. */
export async function deleteUnlinkedBefore(tx: Executor, before: Date, limit: number): Promise<string[]> {
  const r = await tx.execute<{ storage_key: string }>(sql`
    DELETE FROM ${workOrderAttachments} WHERE id IN (
      SELECT id FROM ${workOrderAttachments} WHERE order_id IS NULL AND uploaded_at < ${before.toISOString()}::timestamptz ORDER BY uploaded_at LIMIT ${limit})
    RETURNING storage_key`);
  return r.rows.map((x) => x.storage_key);
}

// ---------------------------------------------------------------- extensions

export type ExtensionRow = typeof workOrderExtensions.$inferSelect & { requestedByName: string | null; decidedByName: string | null };
const requester = alias(users, 'ext_requester');
const extDecider = alias(users, 'ext_decider');

export const extensionsOf = (ex: Executor, orderId: string): Promise<ExtensionRow[]> =>
  ex
    .select({ ...getTableColumns(workOrderExtensions), requestedByName: requester.displayName, decidedByName: extDecider.displayName })
    .from(workOrderExtensions)
    .leftJoin(requester, eq(requester.id, workOrderExtensions.requestedBy))
    .leftJoin(extDecider, eq(extDecider.id, workOrderExtensions.decidedBy))
    .where(eq(workOrderExtensions.orderId, orderId))
    .orderBy(asc(workOrderExtensions.requestedAt));

export const pendingExtension = async (ex: Executor, orderId: string) =>
  (await ex.select().from(workOrderExtensions).where(and(eq(workOrderExtensions.orderId, orderId), eq(workOrderExtensions.status, 'pending'))).limit(1))[0];

export const insertExtension = async (tx: Executor, v: typeof workOrderExtensions.$inferInsert) => (await tx.insert(workOrderExtensions).values(v).returning())[0]!;

export const decideExtension = async (tx: Executor, id: string, v: Partial<typeof workOrderExtensions.$inferInsert>) =>
  (await tx.update(workOrderExtensions).set(v).where(eq(workOrderExtensions.id, id)).returning())[0]!;

// ---------------------------------------------------------------- supervisions

export type SupervisionRow = typeof supervisions.$inferSelect & { createdByName: string | null; feedbackByName: string | null; closedByName: string | null };
const supCreator = alias(users, 'sup_creator');
const supFeedback = alias(users, 'sup_feedback');
const supCloser = alias(users, 'sup_closer');

export const supervisionsOf = (ex: Executor, orderId: string): Promise<SupervisionRow[]> =>
  ex
    .select({ ...getTableColumns(supervisions), createdByName: supCreator.displayName, feedbackByName: supFeedback.displayName, closedByName: supCloser.displayName })
    .from(supervisions)
    .leftJoin(supCreator, eq(supCreator.id, supervisions.createdBy))
    .leftJoin(supFeedback, eq(supFeedback.id, supervisions.feedbackBy))
    .leftJoin(supCloser, eq(supCloser.id, supervisions.closedBy))
    .where(eq(supervisions.orderId, orderId))
    .orderBy(asc(supervisions.createdAt));

export const insertSupervision = async (tx: Executor, v: typeof supervisions.$inferInsert) => (await tx.insert(supervisions).values(v).returning())[0]!;
