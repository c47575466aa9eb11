import { z } from 'zod';
import { actions, roleCodes } from '../roles';
import { pageOf, pageQuery, uuid } from './common';

export const roleCode = z.enum(roleCodes);
export const userStatus = z.enum(['active', 'disabled']);

export const sessionUser = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleCode),
  parkIds: z.array(uuid),
  enterpriseId: uuid.nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.enum(actions)),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponse>;

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');
const mobile = z.string().trim().regex(/^1\d{10}$/, '手机号应为 11 位数字，以 1 开头');

export const user = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  status: userStatus,
  roles: z.array(roleCode),
  parkIds: z.array(uuid),
  enterpriseId: uuid.nullable(),
  /** The department a department_staff member works in (the work orders they see); null for others. */
  departmentId: uuid.nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const createUserRequest = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  roles: z.array(roleCode).min(1),
  parkIds: z.array(uuid).optional(),
  enterpriseId: uuid.optional(),
  /** Required for department_staff; inside the user's parks. */
  departmentId: uuid.optional(),
  mobile: mobile.optional(),
  email: z.email().optional(),
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  mobile: mobile.nullable().optional(),
  email: z.email().nullable().optional(),
  status: userStatus.optional(),
  parkIds: z.array(uuid).optional(),
  enterpriseId: uuid.nullable().optional(),
  departmentId: uuid.nullable().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const setRolesRequest = z.strictObject({ roles: z.array(roleCode).min(1) });
export const resetPasswordRequest = z.strictObject({ password: z.string().min(1).max(256) });

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: roleCode.optional(),
  status: userStatus.optional(),
});
export const userPage = pageOf(user);

export const roleInfo = z.object({
  code: roleCode,
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.enum(actions)),
});
export const roleList = z.array(roleInfo);

export const securitySettings = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(1).max(4),
  passwordHistory: z.number().int().min(0).max(24),
  passwordExpiryDays: z.number().int().min(0).max(365).describe('0 = never expires'),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(240),
  absoluteTimeoutHours: z.number().int().min(1).max(24),
});
export type SecuritySettings = z.infer<typeof securitySettings>;
export const updateSecuritySettings = securitySettings.partial().strict();

export const token = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  roles: z.array(roleCode),
  parkIds: z.array(uuid),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const createTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(64),
  roles: z.array(roleCode).min(1),
  parkIds: z.array(uuid).min(1),
  expiresAt: z.iso.datetime({ offset: true }),
});
export const createdToken = token.extend({ token: z.string().describe('shown once') });
export const tokenPage = pageOf(token);
