/**
 * Roles (DESIGN.md §8) and the one permission matrix (role × action).
 * The server enforces it; the web only uses it to show or hide controls.
 */
export const roleCodes = [
  'sysadmin',
  'secadmin',
  'auditor',
  'leader',
  'park_admin',
  'statistician',
  'service_officer',
  'department_staff',
  'policy_officer',
  'investment_officer',
  'enterprise',
] as const;
export type RoleCode = (typeof roleCodes)[number];

/** The three administrator roles of 三权分立: never combined with each other or with any other role. */
export const adminRoles: readonly RoleCode[] = ['sysadmin', 'secadmin', 'auditor'];

export const roleNames: Record<RoleCode, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Auditor' },
  leader: { zh: '领导', en: 'Leadership' },
  park_admin: { zh: '园区管理员', en: 'Park administrator' },
  statistician: { zh: '统计人员', en: 'Statistician' },
  service_officer: { zh: '服务管家', en: 'Service officer' },
  department_staff: { zh: '承办部门', en: 'Department staff' },
  policy_officer: { zh: '政策专员', en: 'Policy officer' },
  investment_officer: { zh: '招商专员', en: 'Investment officer' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
};

export const actions = [
  'user.read',
  'user.write', // create users, edit profile/status/scope
  'user.secure', // reset passwords, end sessions, unlock (administrator accounts: the security admin only)
  'user.assignRoles', // change roles of existing users (never one's own)
  'park.read',
  'park.write',
  'department.read',
  'department.write',
  'calendar.write',
  'token.manage',
  'security.read',
  'security.write',
  'audit.read',
  'audit.export',
  'enterprise.read', // enterprise users: their own enterprise only
  'enterprise.write', // create, edit every field, record status changes (入驻/迁出/注销)
  'enterprise.selfEdit', // enterprise users: their own contacts and addresses
  'enterprise.requestChange', // enterprise users: ask for a change of name, USCC, park or industry
  'enterprise.approveChange',
  'enterprise.import',
  'enterprise.export',
  'qualification.write',
  'qualificationKind.write',
  'statistics.read', // figures, analysis and the cockpit of the parks in scope
  'statistics.report', // enterprise users: their own monthly report
  'statistics.write', // reports on behalf of enterprises in scope: form, xlsx import, PUT API
  'statistics.review', // who has reported, accept or return, reminders
  'statistics.manage', // indicator catalog, closing periods, rollup refresh (zone-wide scope only)
  'statistics.export',
  // service desk (issue 6). Requester actions (confirm, rate, reopen, addInfo) need no matrix action:
  // being the requester is the permission (checked by the server); see work-order.ts for the rest.
  'workOrder.read', // enterprise users: their own enterprise's orders; department staff: their department's
  'workOrder.create',
  'workOrder.dispatch', // accept, assign/transfer, merge, refer, decline, close without confirmation
  'workOrder.handle', // start, reply, internal notes, ask for an extension, supervision feedback
  'workOrder.supervise', // 督办: flag an order, close or return a supervision
  'workOrder.approveExtension', // decide any extension in scope (a department head decides its own department's without it)
  'workOrder.stats', // the three rates, breakdowns, drill-down, their export
  'workOrder.configure', // category tree, deadline rules, visit frequency rules
  'visit.read',
  'visit.write', // plan and record visits, turn a problem found into a work order
  'servicePackage.read',
  'servicePackage.write', // assign packages to enterprises, update item progress
  'servicePackage.manage', // define packages and their items
  'notification.read', // one's own inbox: every role
] as const;
export type Action = (typeof actions)[number];

const staff: Action[] = ['park.read', 'department.read', 'enterprise.read'];
const inbox: Action[] = ['notification.read'];
const serviceDesk = {
  read: ['workOrder.read'],
  // Hotline operators and service officers record orders and route them.
  front: ['workOrder.read', 'workOrder.create', 'workOrder.dispatch', 'workOrder.handle'],
  visits: ['visit.read', 'visit.write', 'servicePackage.read', 'servicePackage.write'],
} satisfies Record<string, Action[]>;

export const permissionMatrix: Record<RoleCode, readonly Action[]> = {
  // The system admin runs the system but cannot read the audit log (三权分立).
  sysadmin: [
    'user.read',
    'user.write',
    'user.secure',
    'user.assignRoles',
    'park.read',
    'park.write',
    'department.read',
    'department.write',
    'calendar.write',
    'token.manage',
    'security.read',
    ...inbox,
  ],
  // The security admin manages roles and security settings.
  secadmin: ['user.read', 'user.secure', 'user.assignRoles', 'park.read', 'department.read', 'security.read', 'security.write', ...inbox],
  // The auditor only reads and exports the audit log.
  auditor: ['audit.read', 'audit.export', ...inbox],
  leader: [...staff, 'enterprise.export', 'statistics.read', 'statistics.export', ...serviceDesk.read, 'workOrder.supervise', 'workOrder.stats', 'visit.read', 'servicePackage.read', ...inbox],
  park_admin: [
    ...staff,
    'department.write',
    'user.read',
    'enterprise.write',
    'enterprise.approveChange',
    'enterprise.import',
    'enterprise.export',
    'qualification.write',
    'qualificationKind.write',
    'statistics.read',
    'statistics.export',
    ...serviceDesk.front,
    'workOrder.supervise',
    'workOrder.approveExtension',
    'workOrder.stats',
    'workOrder.configure',
    ...serviceDesk.visits,
    'servicePackage.manage',
    ...inbox,
  ],
  statistician: [
    ...staff,
    'enterprise.write',
    'enterprise.import',
    'enterprise.export',
    'qualification.write',
    'statistics.read',
    'statistics.write',
    'statistics.review',
    'statistics.manage',
    'statistics.export',
    ...inbox,
  ],
  service_officer: [...staff, 'enterprise.write', 'enterprise.export', 'qualification.write', 'statistics.read', ...serviceDesk.front, 'workOrder.stats', ...serviceDesk.visits, ...inbox],
  // The server limits department staff to the orders of their department (users.department_id).
  department_staff: [...staff, ...serviceDesk.read, 'workOrder.handle', ...inbox],
  policy_officer: [...staff, 'enterprise.export', 'qualification.write', 'statistics.read', ...serviceDesk.read, ...inbox],
  investment_officer: [...staff, 'enterprise.write', 'enterprise.export', 'statistics.read', ...serviceDesk.read, ...inbox],
  // An enterprise user sees and edits only its own enterprise (checked in the service layer), and
  // reads and submits only its own enterprise's work orders.
  enterprise: ['enterprise.read', 'enterprise.selfEdit', 'enterprise.requestChange', 'statistics.report', 'workOrder.create', 'workOrder.read', ...inbox],
};

export function can(roles: readonly string[], action: Action): boolean {
  return roles.some((r) => (permissionMatrix as Record<string, readonly Action[]>)[r]?.includes(action) ?? false);
}

/** The roles that grant an action (e.g. who may be given work orders to handle). */
export function rolesWith(action: Action): RoleCode[] {
  return roleCodes.filter((r) => permissionMatrix[r].includes(action));
}

export function permissionsOf(roles: readonly string[]): Action[] {
  return actions.filter((a) => can(roles, a));
}

/** Why a role set is not allowed, or null when it is. */
export function roleSetProblem(roles: readonly RoleCode[]): string | null {
  if (roles.length === 0) return '至少选择一个角色';
  const admin = roles.filter((r) => adminRoles.includes(r));
  if (admin.length > 0 && roles.length > 1) return '系统管理员、安全管理员、审计管理员三权分立，不能与其他角色同时授予';
  // An enterprise account is scoped to one enterprise; park staff roles would widen it.
  if (roles.includes('enterprise') && roles.length > 1) return '企业用户不能与园区工作人员角色同时授予';
  return null;
}
