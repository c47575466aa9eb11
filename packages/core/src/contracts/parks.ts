import { z } from 'zod';
import { commaList, pageOf, pageQuery, uuid } from './common';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const park = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  parentId: uuid.nullable(),
  district: z.string().nullable(),
  areaKm2: z.number(),
  center: lonLat.nullable().describe('WGS84 [lon, lat]'),
  boundary: z.array(lonLat).nullable().describe('closed ring of WGS84 points'),
  createdAt: z.string(),
});
export type Park = z.infer<typeof park>;

export const createParkRequest = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, '编码为 1–32 位字母、数字、下划线或连字符'),
  name: z.string().trim().min(1).max(64),
  parentId: uuid.optional(),
  areaKm2: z.number().positive().max(100000),
  district: z.string().trim().max(32).optional(),
  center: lonLat.optional(),
  boundary: z.array(lonLat).min(4).optional(),
});
export const updateParkRequest = createParkRequest.omit({ parentId: true }).partial().strict();
export const parkList = z.object({ items: z.array(park), total: z.number().int() });

export const department = z.object({
  id: uuid,
  name: z.string(),
  parkId: uuid,
  headUserId: uuid.nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export type Department = z.infer<typeof department>;
export const createDepartmentRequest = z.strictObject({
  name: z.string().trim().min(1).max(64),
  parkId: uuid,
  headUserId: uuid.optional(),
  phone: z.string().trim().max(32).optional(),
});
export const updateDepartmentRequest = createDepartmentRequest
  .omit({ parkId: true })
  .partial()
  .extend({ headUserId: uuid.nullable().optional(), phone: z.string().trim().max(32).nullable().optional() })
  .strict();
/** Comma-separated ids in a query string. */
const idList = commaList(uuid, 50, 2000);
export const departmentListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  parkId: uuid.optional(),
  withinParks: idList.optional().describe("comma-separated park ids: departments of these parks and the parks below them (a user's department)"),
  ids: idList.optional().describe('comma-separated department ids (the names of values a picker holds)'),
});
export const departmentPage = pageOf(department);
