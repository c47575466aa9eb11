import { z } from 'zod';
import { validateUscc } from '../uscc';
import { findIndustry } from '../industry';
import {
  contactPhoneMessage,
  contactPhonePattern,
  emergingIndustryCodes,
  enterpriseStatuses,
  keyEnterpriseFields,
  listingBoards,
  listingStages,
  reviewOutcomes,
  statusEventKinds,
  tenures,
} from '../enterprise';
import { commaList, pageOf, pageQuery, uuid } from './common';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const mobile = z.string().trim().regex(contactPhonePattern, `电话${contactPhoneMessage}`);
const text = (max: number) => z.string().trim().min(1).max(max);
const area = z.number().min(0).max(100_000_000);

/** GB 32100 code, upper-cased; a bad one names the character expected (details path ["uscc"]). */
export const usccField = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    const r = validateUscc(s);
    if (!r.valid) ctx.addIssue({ code: 'custom', message: r.errors.map((e) => e.message).join('；') });
  });

/** A GB/T 4754-2017 division, group or class code (2–4 digits). */
export const industryCodeField = z
  .string()
  .trim()
  .refine((s) => /^\d{2,4}$/.test(s) && findIndustry(s)?.division != null, '行业代码应为 GB/T 4754-2017 的 2–4 位数字代码，例如 65 或 6513');

export const enterpriseStatus = z.enum(enterpriseStatuses);
export const listingStage = z.enum(listingStages);
export const listingBoard = z.enum(listingBoards);
export const tenure = z.enum(tenures);
export const emergingIndustry = z.enum(emergingIndustryCodes);

export const contact = z.object({
  name: text(32),
  title: z.string().trim().max(32).nullable().optional(),
  phone: mobile.nullable().optional(),
  email: z.email().nullable().optional(),
  primary: z.boolean().optional(),
});
export type Contact = z.infer<typeof contact>;

export const enterprise = z.object({
  id: uuid,
  uscc: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  legalRepresentative: z.string().nullable(),
  registeredCapital: z.number().nullable().describe('万元'),
  establishedOn: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  operatingAddress: z.string().nullable(),
  parkId: uuid,
  parkName: z.string(),
  industryCode: z.string(),
  industrySection: z.string(),
  emergingIndustry: z.string().nullable(),
  aboveScale: z.boolean(),
  listingStage,
  listingBoard: listingBoard.nullable(),
  ticker: z.string().nullable(),
  headcount: z.number().int().nullable(),
  landArea: z.number().nullable().describe('m²'),
  landTenure: tenure.nullable(),
  floorArea: z.number().nullable().describe('m²'),
  floorTenure: tenure.nullable(),
  location: lonLat.nullable().describe('WGS84 [lon, lat]'),
  contacts: z.array(contact),
  serviceOfficerId: uuid.nullable(),
  serviceOfficerName: z.string().nullable(),
  tags: z.array(z.string()),
  status: enterpriseStatus,
  statusSince: z.string().nullable(),
  qualificationKinds: z.array(z.string()).describe('codes of the qualifications currently valid'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterprise>;

const enterpriseFields = {
  uscc: usccField,
  name: text(100),
  formerNames: z.array(text(100)).max(20),
  legalRepresentative: z.string().trim().max(32).nullable(),
  registeredCapital: z.number().min(0).max(1e12).multipleOf(0.0001, '注册资本最多保留 4 位小数').nullable(),
  establishedOn: isoDate.nullable(),
  registeredAddress: z.string().trim().max(200).nullable(),
  operatingAddress: z.string().trim().max(200).nullable(),
  parkId: uuid,
  industryCode: industryCodeField,
  emergingIndustry: emergingIndustry.nullable(),
  aboveScale: z.boolean(),
  listingStage,
  listingBoard: listingBoard.nullable(),
  ticker: z.string().trim().max(16).nullable(),
  headcount: z.number().int().min(0).max(10_000_000).nullable(),
  landArea: area.nullable(),
  landTenure: tenure.nullable(),
  floorArea: area.nullable(),
  floorTenure: tenure.nullable(),
  location: lonLat.nullable(),
  contacts: z.array(contact).max(20),
  serviceOfficerId: uuid.nullable(),
  tags: z.array(text(20)).max(30),
};

const listingConsistent = (v: { listingStage?: string; listingBoard?: string | null; ticker?: string | null }, ctx: z.RefinementCtx) => {
  if (v.listingStage === 'listed' && !v.listingBoard) ctx.addIssue({ code: 'custom', path: ['listingBoard'], message: '已上市企业请填写上市板块' });
};

export const createEnterpriseRequest = z
  .strictObject({
    ...enterpriseFields,
    formerNames: enterpriseFields.formerNames.optional(),
    legalRepresentative: enterpriseFields.legalRepresentative.optional(),
    registeredCapital: enterpriseFields.registeredCapital.optional(),
    establishedOn: enterpriseFields.establishedOn.optional(),
    registeredAddress: enterpriseFields.registeredAddress.optional(),
    operatingAddress: enterpriseFields.operatingAddress.optional(),
    emergingIndustry: enterpriseFields.emergingIndustry.optional(),
    aboveScale: enterpriseFields.aboveScale.optional(),
    listingStage: enterpriseFields.listingStage.optional(),
    listingBoard: enterpriseFields.listingBoard.optional(),
    ticker: enterpriseFields.ticker.optional(),
    headcount: enterpriseFields.headcount.optional(),
    landArea: enterpriseFields.landArea.optional(),
    landTenure: enterpriseFields.landTenure.optional(),
    floorArea: enterpriseFields.floorArea.optional(),
    floorTenure: enterpriseFields.floorTenure.optional(),
    location: enterpriseFields.location.optional(),
    contacts: enterpriseFields.contacts.optional(),
    serviceOfficerId: enterpriseFields.serviceOfficerId.optional(),
    tags: enterpriseFields.tags.optional(),
    movedInOn: isoDate.optional().describe('入驻日期, default today'),
  })
  .superRefine(listingConsistent);
export type CreateEnterpriseRequest = z.infer<typeof createEnterpriseRequest>;

export const updateEnterpriseRequest = z.strictObject(enterpriseFields).partial().superRefine(listingConsistent);
export type UpdateEnterpriseRequest = z.infer<typeof updateEnterpriseRequest>;

export const similarEnterprise = z.object({ id: uuid, name: z.string(), uscc: z.string() });
/** 201 answer of a create: the enterprise, plus enterprises of the same park with a near-identical name. */
export const createEnterpriseResponse = enterprise.extend({ similar: z.array(similarEnterprise) });

export const enterpriseSortFields = ['name', 'uscc', 'industryCode', 'status', 'establishedOn', 'registeredCapital', 'headcount', 'updatedAt', 'createdAt'] as const;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const statusList = commaList(enterpriseStatus, 4, 200);

/** Search filters; the same for the list, the export and saved filters. */
export const enterpriseFilter = z.object({
  q: z.string().trim().max(100).optional().describe('name, former name or USCC, partial match'),
  parkId: uuid.optional().describe('this park and its sub-parks'),
  industry: z.string().trim().regex(/^([A-T]|\d{2,4})$/, '行业应为门类字母或 2–4 位代码').optional(),
  qualification: z.string().trim().max(32).optional().describe('a qualification kind currently valid'),
  status: statusList.optional().describe('comma-separated statuses'),
  tag: z.string().trim().max(20).optional(),
  officerId: uuid.optional(),
  aboveScale: flag.optional(),
  emergingIndustry: emergingIndustry.optional(),
  listingStage: listingStage.optional(),
});
export type EnterpriseFilter = z.infer<typeof enterpriseFilter>;
export const enterpriseListQuery = pageQuery.extend(enterpriseFilter.shape);

export const enterpriseListItem = enterprise.pick({
  id: true,
  uscc: true,
  name: true,
  parkId: true,
  parkName: true,
  industryCode: true,
  industrySection: true,
  aboveScale: true,
  listingStage: true,
  headcount: true,
  registeredCapital: true,
  establishedOn: true,
  serviceOfficerId: true,
  serviceOfficerName: true,
  tags: true,
  status: true,
  qualificationKinds: true,
  updatedAt: true,
});
export type EnterpriseListItem = z.infer<typeof enterpriseListItem>;
export const enterprisePage = pageOf(enterpriseListItem).extend({
  totalCapped: z.boolean().describe('true when a text search matched more than `total` enterprises (counting stops there)'),
});

export const similarQuery = z.object({ name: text(100), parkId: uuid, excludeId: uuid.optional() });
export const similarList = z.object({ items: z.array(similarEnterprise) });

// Status history.
export const statusEvent = z.object({
  id: uuid,
  kind: z.enum(statusEventKinds),
  on: z.string(),
  destination: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type StatusEvent = z.infer<typeof statusEvent>;
export const createStatusEventRequest = z
  .strictObject({
    kind: z.enum(statusEventKinds),
    on: isoDate,
    destination: z.string().trim().max(100).optional().describe('where it moved to (迁出)'),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'moved_out' && !v.destination) ctx.addIssue({ code: 'custom', path: ['destination'], message: '迁出请填写迁往何处' });
  });
export const statusEventList = z.object({ items: z.array(statusEvent) });

// Qualifications.
export const qualificationKind = z.object({
  code: z.string(),
  name: z.string(),
  validityYears: z.number().int().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type QualificationKind = z.infer<typeof qualificationKind>;
export const qualificationKindList = z.object({ items: z.array(qualificationKind) });
export const createQualificationKindRequest = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, '编码为 2–32 位小写字母、数字或下划线，以字母开头'),
  name: text(40),
  validityYears: z.number().int().min(1).max(20).nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
});
export const updateQualificationKindRequest = createQualificationKindRequest.omit({ code: true }).partial().strict();
export const kindParams = z.object({ code: z.string().max(32) });

export const review = z.object({ date: isoDate, outcome: z.enum(reviewOutcomes), note: z.string().trim().max(200).nullable().optional() });
export const qualification = z.object({
  id: uuid,
  enterpriseId: uuid,
  kind: z.string(),
  kindName: z.string(),
  certificateNo: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reviews: z.array(review),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Qualification = z.infer<typeof qualification>;
const datesInOrder = (v: { validFrom?: string; validTo?: string | null }, ctx: z.RefinementCtx) => {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: '有效期止不能早于有效期起' });
};
const qualificationFields = {
  kind: z.string().trim().min(1).max(32),
  certificateNo: z.string().trim().max(64).nullable().optional(),
  issuer: z.string().trim().max(64).nullable().optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  reviews: z.array(review).max(20).optional(),
  note: z.string().trim().max(500).nullable().optional(),
};
export const createQualificationRequest = z.strictObject(qualificationFields).superRefine(datesInOrder);
export const updateQualificationRequest = z.strictObject(qualificationFields).partial().superRefine(datesInOrder);
export const qualificationList = z.object({ items: z.array(qualification) });
export const qualificationParams = z.object({ id: uuid, qualificationId: uuid });

export const expiringQuery = pageQuery.extend({
  days: z.coerce.number().int().min(1).max(366).default(90),
  parkId: uuid.optional(),
  kind: z.string().trim().max(32).optional(),
});
export const expiringQualification = qualification.extend({ enterpriseName: z.string(), uscc: z.string(), parkId: uuid, daysLeft: z.number().int() });
export const expiringPage = pageOf(expiringQualification);

// Change history (from the audit log).
export const enterpriseHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  summary: z.unknown(),
});
export const enterpriseHistoryPage = pageOf(enterpriseHistoryEntry);

export const tagList = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
export const officerList = z.object({ items: z.array(z.object({ id: uuid, displayName: z.string() })) });

// Key-field change requests (enterprise portal → park staff).
export const changeRequestStatus = z.enum(['pending', 'approved', 'rejected']);
const keyChanges = z
  .strictObject({ name: enterpriseFields.name, uscc: usccField, parkId: uuid, industryCode: industryCodeField })
  .partial()
  .refine((c) => keyEnterpriseFields.some((k) => c[k] !== undefined), '请至少填写一项变更');
export const createChangeRequest = z.strictObject({ changes: keyChanges, reason: text(500) });
export const changeRequest = z.object({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  changes: z.record(z.string(), z.string()),
  before: z.record(z.string(), z.string()),
  reason: z.string(),
  status: changeRequestStatus,
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ChangeRequest = z.infer<typeof changeRequest>;
export const changeRequestQuery = pageQuery.extend({ status: changeRequestStatus.optional(), enterpriseId: uuid.optional() });
export const changeRequestPage = pageOf(changeRequest);
export const decideChangeRequest = z
  .strictObject({ approve: z.boolean(), comment: z.string().trim().max(500).optional() })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: '驳回请说明原因' });
  });

// Saved filters (per user).
export const savedFilterModule = z.enum(['enterprises']);
export const savedFilter = z.object({ id: uuid, module: savedFilterModule, name: z.string(), query: z.record(z.string(), z.union([z.string(), z.boolean()])), createdAt: z.string() });
export const savedFilterList = z.object({ items: z.array(savedFilter) });
export const savedFilterQuery = z.object({ module: savedFilterModule });
export const createSavedFilterRequest = z.strictObject({ module: savedFilterModule, name: text(40), query: z.record(z.string().max(40), z.union([z.string().max(200), z.boolean()])) });

// Bulk import: preview, then commit.
export const importChange = z.object({
  row: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  fields: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const importPreview = z.object({
  id: uuid,
  fileName: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  status: z.enum(['previewed', 'committed', 'expired']),
  createdAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreview>;
export const importChangesQuery = pageQuery.extend({ action: z.enum(['create', 'update', 'unchanged']).optional() });
export const importChangePage = pageOf(importChange);
export const importResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const importProblem = z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
