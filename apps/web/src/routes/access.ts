import { can, type Action, type RoleCode, type SessionUser } from '@zhiyuan/core';

/**
 * Who may open a page: signed-in users holding any of these actions (empty = everyone signed in),
 * minus users holding one of `exceptRoles` (e.g. enterprise users get the portal, not the registry),
 * and only users holding one of `onlyRoles` when it is given (the portal's pages).
 */
export type Access = { anyOf: readonly Action[]; exceptRoles?: readonly RoleCode[]; onlyRoles?: readonly RoleCode[] };

export const pageAccess = {
  home: { anyOf: [] },
  users: { anyOf: ['user.read'] },
  roles: { anyOf: ['user.read', 'user.assignRoles', 'security.read'] },
  security: { anyOf: ['security.read'] },
  tokens: { anyOf: ['token.manage'] },
  parks: { anyOf: ['park.read'] },
  departments: { anyOf: ['department.read'] },
  calendar: { anyOf: ['park.read', 'calendar.write'] },
  audit: { anyOf: ['audit.read'] },
  reference: { anyOf: [] },
  enterprises: { anyOf: ['enterprise.read'], exceptRoles: ['enterprise'] },
  enterpriseImport: { anyOf: ['enterprise.import'] },
  expiringQualifications: { anyOf: ['enterprise.read'], exceptRoles: ['enterprise'] },
  changeRequests: { anyOf: ['enterprise.approveChange'] },
  qualificationKinds: { anyOf: ['enterprise.read', 'qualificationKind.write'], exceptRoles: ['enterprise'] },
  portal: { anyOf: ['enterprise.selfEdit'] },
  // 统计分析 (statistics)
  portalReport: { anyOf: ['statistics.report'] },
  statisticsReporting: { anyOf: ['statistics.review'] },
  statisticsImport: { anyOf: ['statistics.write'] },
  statisticsIndicators: { anyOf: ['statistics.read', 'statistics.write', 'statistics.manage'], exceptRoles: ['enterprise'] },
  statisticsPeriods: { anyOf: ['statistics.read', 'statistics.write', 'statistics.review'], exceptRoles: ['enterprise'] },
  statisticsAnalysis: { anyOf: ['statistics.read'] },
  statisticsCockpit: { anyOf: ['statistics.read'] },
  // 服务台 (service desk): work orders, the portal's requests, the inbox
  workOrders: { anyOf: ['workOrder.read'], exceptRoles: ['enterprise'] },
  workOrderCreate: { anyOf: ['workOrder.create'], exceptRoles: ['enterprise'] },
  workOrderSettings: { anyOf: ['workOrder.configure'] },
  portalOrders: { anyOf: ['workOrder.create', 'workOrder.read'], onlyRoles: ['enterprise'] },
  // 我的服务: the enterprise's own visits and service packages (the server: enterprise users only)
  portalServices: { anyOf: ['enterprise.read'], onlyRoles: ['enterprise'] },
  notifications: { anyOf: ['notification.read'] },
  // 服务 (service): the officer's workbench, the three rates, escalations, visits, service packages
  serviceWorkbench: { anyOf: ['visit.write'] },
  serviceRates: { anyOf: ['workOrder.stats'] },
  supervisions: { anyOf: ['workOrder.supervise', 'workOrder.handle'], exceptRoles: ['enterprise'] },
  visits: { anyOf: ['visit.read'] },
  servicePackages: { anyOf: ['servicePackage.read'] },
} as const satisfies Record<string, Access>;

export type PageKey = keyof typeof pageAccess;

export function canOpen(user: Pick<SessionUser, 'roles'>, page: PageKey): boolean {
  const { anyOf, exceptRoles, onlyRoles } = pageAccess[page] as Access;
  if (exceptRoles?.some((r) => user.roles.includes(r))) return false;
  if (onlyRoles && !onlyRoles.some((r) => user.roles.includes(r))) return false;
  return anyOf.length === 0 || anyOf.some((a) => can(user.roles, a));
}
