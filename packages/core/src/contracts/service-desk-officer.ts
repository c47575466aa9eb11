/**
 * The service officer's side of the service desk (issue 6 §6, §7, §10): visits (走访) and their
 * frequency rules, service packages (服务包), the officer's workbench and the enterprise page's tab.
 */
import { z } from 'zod';
import { packageItemStatuses } from '../service-packages';
import { visitClasses, visitIntervalLimits, visitStatuses } from '../visits';
import { pageOf, pageQuery, uuid } from './common';
import { workOrderListItem, workOrderPriority, workOrderType } from './service-desk';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const short = (max: number) => z.string().trim().min(1).max(max);

export const visitStatus = z.enum(visitStatuses);
export const visitClass = z.enum(visitClasses);
export const visitDueState = z.enum(['never', 'overdue', 'due_soon', 'ok']);
export const packageItemStatus = z.enum(packageItemStatuses);

// ---------------------------------------------------------------- visits

export const visitProblem = z.object({
  id: uuid,
  text: z.string(),
  /** The work order made from it ("one click"), if any. */
  workOrderId: uuid.nullable(),
  workOrderNumber: z.string().nullable(),
});
export type VisitProblem = z.infer<typeof visitProblem>;

export const visit = z.object({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  parkId: uuid,
  parkName: z.string(),
  officerId: uuid,
  officerName: z.string().nullable(),
  status: visitStatus,
  plannedOn: z.string().nullable(),
  visitedOn: z.string().nullable(),
  /** Who took part, both sides (e.g. "张三（总经理）"). */
  people: z.array(z.string()),
  topics: z.array(z.string()),
  problems: z.array(visitProblem),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type Visit = z.infer<typeof visit>;

const topics = z.array(short(50)).max(20);
const recordFields = {
  visitedOn: isoDate,
  people: z.array(short(50)).min(1, '请填写参加走访的人员').max(20),
  topics: topics.min(1, '请填写走访内容'),
  problemsFound: z.array(z.strictObject({ text: short(1000) })).max(20).optional(),
  notes: z.string().trim().max(5000).optional(),
};

/** `POST /api/visits`: a plan (plannedOn) → 201 planned, or a visit already made (visitedOn + the record fields) → 201 done. */
export const createVisitRequest = z
  .strictObject({
    enterpriseId: uuid,
    /** Default: the caller. */
    officerId: uuid.optional(),
    plannedOn: isoDate.optional(),
    visitedOn: isoDate.optional(),
    people: recordFields.people.optional(),
    topics: topics.optional(),
    problemsFound: recordFields.problemsFound,
    notes: recordFields.notes,
  })
  .superRefine((v, ctx) => {
    if (!v.plannedOn === !v.visitedOn) ctx.addIssue({ code: 'custom', path: ['plannedOn'], message: '请填写计划走访日期或实际走访日期（二选一）' });
    if (v.visitedOn && !v.people?.length) ctx.addIssue({ code: 'custom', path: ['people'], message: '请填写参加走访的人员' });
    if (v.visitedOn && !v.topics?.length) ctx.addIssue({ code: 'custom', path: ['topics'], message: '请填写走访内容' });
    if (v.plannedOn && (v.people || v.problemsFound || v.notes)) ctx.addIssue({ code: 'custom', path: ['visitedOn'], message: '走访记录请在走访后填写' });
  });
export type CreateVisitRequest = z.infer<typeof createVisitRequest>;
/** `PATCH /api/visits/:id` on a planned visit. */
export const updateVisitPlanRequest = z.strictObject({ plannedOn: isoDate.optional(), topics: topics.optional(), officerId: uuid.optional() });
/** `POST /api/visits/:id/record`: a planned visit took place. */
export const recordVisitRequest = z.strictObject(recordFields);
export type RecordVisitRequest = z.infer<typeof recordVisitRequest>;
/** `POST /api/visits/:id/cancel`. */
export const cancelVisitRequest = z.strictObject({ reason: z.string().trim().min(2, '请填写取消原因').max(200) });
/** `POST /api/visits/:id/problems` adds a problem to a visit already recorded. */
export const addVisitProblemRequest = z.strictObject({ text: short(1000) });

/**
 * `POST /api/visits/:id/problems/:problemId/work-order` → 201 workOrderDetail: channel visit, the
 * visit's enterprise, the problem's text as description (title: its first 50 characters unless given).
 * A problem already turned into an order → 409 PROBLEM_HAS_ORDER.
 */
export const problemToWorkOrderRequest = z.strictObject({
  type: workOrderType.default('help'),
  title: z.string().trim().min(2).max(100).optional(),
  categoryId: uuid.optional(),
  priority: workOrderPriority.optional(),
  /** Route it at once (the officer's own department or a colleague). */
  departmentId: uuid.optional(),
  assigneeId: uuid.optional(),
});
export const visitProblemParams = z.object({ id: uuid, problemId: uuid });

export const visitFilter = z.object({
  enterpriseId: uuid.optional(),
  officerId: uuid.optional(),
  parkId: uuid.optional(),
  status: visitStatus.optional(),
  /** The caller's own visits. */
  mine: flag.optional(),
  from: isoDate.optional().describe('visited (or planned) on or after'),
  to: isoDate.optional().describe('visited (or planned) on or before'),
});
export const visitListQuery = pageQuery.extend(visitFilter.shape);
export const visitPage = pageOf(visit);

/** Days between visits per enterprise class (重点企业 30, 规上 90, 其他 180 by default). */
export const visitFrequencyRule = z.object({ class: visitClass, intervalDays: z.number().int(), updatedAt: z.string().nullable() });
export const visitFrequencyRuleList = z.object({ items: z.array(visitFrequencyRule) });
export const visitFrequencyParams = z.object({ class: visitClass });
/** `PUT /api/visits/frequency-rules/:class` (workOrder.configure). */
export const updateVisitFrequencyRequest = z.strictObject({
  intervalDays: z.number().int().min(visitIntervalLimits.min, `走访间隔至少 ${visitIntervalLimits.min} 天`).max(visitIntervalLimits.max, `走访间隔最多 ${visitIntervalLimits.max} 天`),
});

// ---------------------------------------------------------------- service packages

export const servicePackageItem = z.object({ id: uuid, name: z.string(), description: z.string().nullable(), sortOrder: z.number().int(), active: z.boolean() });
export const servicePackage = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  items: z.array(servicePackageItem),
  /** Enterprises it is assigned to. */
  assignedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServicePackage = z.infer<typeof servicePackage>;
export const servicePackageListQuery = pageQuery.extend({ q: z.string().trim().max(50).optional(), active: flag.optional() });
export const servicePackagePage = pageOf(servicePackage);

const itemInput = z.strictObject({ name: short(50), description: z.string().trim().max(500).optional() });
export const createServicePackageRequest = z.strictObject({
  name: short(50),
  description: z.string().trim().max(1000).optional(),
  items: z.array(itemInput).min(1, '服务包至少包含一个服务事项').max(50),
});
/**
 * `PATCH /api/service-packages/:id`. `items` replaces the list: an entry with an id keeps that
 * item (renamed, reordered), one without adds an item; an item left out is deactivated, its
 * progress kept.
 */
export const updateServicePackageRequest = z.strictObject({
  name: short(50).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  active: z.boolean().optional(),
  items: z.array(itemInput.extend({ id: uuid.optional() })).min(1).max(50).optional(),
});

/** `POST /api/service-packages/:id/assignments` → 201 {created, existing}: an enterprise already holding it is left as it is. */
export const assignServicePackageRequest = z.strictObject({
  enterpriseIds: z.array(uuid).min(1, '请选择企业').max(500),
  /** Who delivers it; default each enterprise's service officer. */
  officerId: uuid.optional(),
});
export const assignServicePackageResult = z.object({ created: z.number().int(), existing: z.number().int() });

export const packageCompletionDto = z.object({ total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), share: z.number().nullable() });
export const packageAssignment = z.object({
  id: uuid,
  packageId: uuid,
  packageName: z.string(),
  enterpriseId: uuid,
  enterpriseName: z.string(),
  parkName: z.string(),
  officerId: uuid.nullable(),
  officerName: z.string().nullable(),
  assignedAt: z.string(),
  assignedByName: z.string().nullable(),
  /** Every active item of the package, `todo` until someone updates it. */
  items: z.array(
    z.object({ itemId: uuid, name: z.string(), description: z.string().nullable(), status: packageItemStatus, note: z.string().nullable(), updatedAt: z.string().nullable(), updatedByName: z.string().nullable() }),
  ),
  completion: packageCompletionDto,
});
export type PackageAssignment = z.infer<typeof packageAssignment>;
export const packageAssignmentListQuery = pageQuery.extend({
  packageId: uuid.optional(),
  enterpriseId: uuid.optional(),
  parkId: uuid.optional(),
  officerId: uuid.optional(),
  /** Every item done. */
  complete: flag.optional(),
});
export const packageAssignmentPage = pageOf(packageAssignment);
/** `PUT /api/service-package-assignments/:id/items/:itemId` → 200 packageAssignment. */
export const updateItemProgressRequest = z.strictObject({ status: packageItemStatus, note: z.string().trim().max(500).optional() });
export const itemProgressParams = z.object({ id: uuid, itemId: uuid });

// ---------------------------------------------------------------- workbench

export const officerEnterprise = z.object({
  enterpriseId: uuid,
  enterpriseName: z.string(),
  parkName: z.string(),
  visitClass,
  lastVisitOn: z.string().nullable(),
  /** visitDue of core. */
  nextVisitDue: z.string().nullable(),
  visitState: visitDueState,
  daysLeft: z.number().int().nullable(),
  plannedVisitOn: z.string().nullable(),
  openOrders: z.number().int(),
});
export type OfficerEnterprise = z.infer<typeof officerEnterprise>;
/** `GET /api/service-desk/my-enterprises`: the enterprises whose service officer is the caller. */
export const myEnterprisesQuery = pageQuery.extend({ q: z.string().trim().max(100).optional(), visitState: visitDueState.optional() });
export const myEnterprisesPage = pageOf(officerEnterprise);

/** `GET /api/service-desk/workbench`: counts and the first items of each list (up to 20), most urgent first. */
export const workbench = z.object({
  counts: z.object({
    enterprises: z.number().int(),
    openOrders: z.number().int(),
    overdueOrders: z.number().int(),
    deadlinesNear: z.number().int(),
    visitsDue: z.number().int(),
    plannedVisits: z.number().int(),
    unreadNotifications: z.number().int(),
  }),
  /** Assigned to the caller, or of the caller's enterprises and not yet assigned; by resolveDueAt. */
  openOrders: z.array(workOrderListItem),
  /** Resolution deadline within 4 working hours (isDeadlineNear of core) or past. */
  deadlinesNear: z.array(workOrderListItem),
  /** The caller's enterprises never visited, overdue or due within 7 days. */
  visitsDue: z.array(officerEnterprise),
  /** The caller's planned visits, soonest first. */
  plannedVisits: z.array(visit),
});
export type Workbench = z.infer<typeof workbench>;

// ---------------------------------------------------------------- the enterprise page's tab

/** `GET /api/enterprises/:id/service`: the tab's head; the full lists page through /work-orders and /visits with enterpriseId. */
export const enterpriseServiceSummary = z.object({
  enterpriseId: uuid,
  serviceOfficerId: uuid.nullable(),
  serviceOfficerName: z.string().nullable(),
  visitClass,
  lastVisitOn: z.string().nullable(),
  nextVisitDue: z.string().nullable(),
  visitState: visitDueState,
  orders: z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
  recentOrders: z.array(workOrderListItem),
  recentVisits: z.array(visit),
  packages: z.array(packageAssignment),
});
export type EnterpriseServiceSummary = z.infer<typeof enterpriseServiceSummary>;

// ---------------------------------------------------------------- the portal's 我的服务 (enterprise users)
// What the enterprise sees of the park's service to it, read-only. Left out as internal: a visit's
// notes (the officer's own remarks), cancelled plans and who recorded what; an item's progress note
// and who updated it. A problem found links to its work order (the enterprise reads its own orders).

export const portalVisitStatus = z.enum(['planned', 'done']);
export const portalVisit = z.object({
  id: uuid,
  status: portalVisitStatus,
  plannedOn: z.string().nullable(),
  visitedOn: z.string().nullable(),
  officerName: z.string().nullable(),
  people: z.array(z.string()),
  topics: z.array(z.string()),
  problems: z.array(z.object({ text: z.string(), workOrderId: uuid.nullable(), workOrderNumber: z.string().nullable() })),
});
export type PortalVisit = z.infer<typeof portalVisit>;
/** `GET /api/portal/visits`: the caller's enterprise's visits made and planned, newest first. */
export const portalVisitListQuery = pageQuery.omit({ sort: true });
export const portalVisitPage = pageOf(portalVisit);

export const portalPackage = z.object({
  /** The assignment's id. */
  id: uuid,
  packageName: z.string(),
  description: z.string().nullable(),
  officerName: z.string().nullable(),
  assignedAt: z.string(),
  items: z.array(z.object({ itemId: uuid, name: z.string(), description: z.string().nullable(), status: packageItemStatus, updatedAt: z.string().nullable() })),
  completion: packageCompletionDto,
});
export type PortalPackage = z.infer<typeof portalPackage>;
/** `GET /api/portal/service-packages`: the packages assigned to the caller's enterprise, newest first. */
export const portalPackageListQuery = pageQuery.omit({ sort: true });
export const portalPackagePage = pageOf(portalPackage);
