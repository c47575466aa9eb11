/**
 * Types the web needs that packages/core defines as zod schemas without a named type.
 * They are inferred from those schemas here (never re-declared by hand).
 */
import type { z } from 'zod';
import type {
  auditVerifyResponse,
  calendarDays,
  calendarYears,
  createdToken,
  createDepartmentRequest,
  createParkRequest,
  dueResponse,
  importCalendarRequest,
  industryList,
  parkList,
  putCalendarDay,
  roleInfo,
  token,
  updateDepartmentRequest,
  updateParkRequest,
  updateSecuritySettings,
  usccResponse,
} from '@zhiyuan/core';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type RoleInfo = z.infer<typeof roleInfo>;
export type Token = z.infer<typeof token>;
export type CreatedToken = z.infer<typeof createdToken>;
export type ParkList = z.infer<typeof parkList>;
export type CreateParkRequest = z.infer<typeof createParkRequest>;
export type UpdateParkRequest = z.infer<typeof updateParkRequest>;
export type CreateDepartmentRequest = z.infer<typeof createDepartmentRequest>;
export type UpdateDepartmentRequest = z.infer<typeof updateDepartmentRequest>;
export type CalendarYears = z.infer<typeof calendarYears>;
export type CalendarDays = z.infer<typeof calendarDays>;
export type PutCalendarDay = z.infer<typeof putCalendarDay>;
export type ImportCalendarRequest = z.infer<typeof importCalendarRequest>;
export type DueResponse = z.infer<typeof dueResponse>;
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
export type UsccResponse = z.infer<typeof usccResponse>;
export type IndustryList = z.infer<typeof industryList>;
export type UpdateSecuritySettings = z.infer<typeof updateSecuritySettings>;
