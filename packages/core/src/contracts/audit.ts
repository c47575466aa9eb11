import { z } from 'zod';
import { pageOf, pageQuery, uuid } from './common';

export const auditResult = z.enum(['success', 'failure', 'denied']);

export const auditEntry = z.object({
  id: z.string().describe('sequence number'),
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: auditResult,
  summary: z.unknown().nullable().describe('before/after summary'),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  result: auditResult.optional(),
  targetId: z.string().trim().max(64).optional(),
});
export const auditPage = pageOf(auditEntry);
export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
});
