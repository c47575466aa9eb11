import { can, type Action, type SessionUser } from '@zhiyuan/core';

/** Who may open a page: signed-in users holding any of these actions (empty = everyone signed in). */
export type Access = { anyOf: readonly Action[] };

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
} as const satisfies Record<string, Access>;

export type PageKey = keyof typeof pageAccess;

export function canOpen(user: Pick<SessionUser, 'roles'>, page: PageKey): boolean {
  const { anyOf } = pageAccess[page] as Access;
  return anyOf.length === 0 || anyOf.some((a) => can(user.roles, a));
}
