import type { RoleCode } from '@zhiyuan/core';

/** Who is acting: a signed-in user, an integration token, the system itself, or nobody yet. */
export type Actor = {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
  name: string;
  roles: RoleCode[];
  parkIds: string[];
  enterpriseId: string | null;
};

/** What every service call gets from the route: the actor and where the request came from. */
export type RequestContext = { actor: Actor; ip: string | null; userAgent: string | null };

export const systemContext: RequestContext = {
  actor: { kind: 'system', id: null, name: 'system', roles: [], parkIds: [], enterpriseId: null },
  ip: null,
  userAgent: null,
};
