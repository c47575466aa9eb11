import type { SessionUser } from '@zhiyuan/core';

/**
 * Where a notification leads inside the app: its link when it is an in-app path (never another
 * origin), with a work order opened in the portal for enterprise users; null without a link.
 */
export function notificationTarget(link: string | null, user: Pick<SessionUser, 'roles'> | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  if (user?.roles.includes('enterprise')) {
    const m = /^\/work-orders\/([^/?#]+)/.exec(link);
    if (m) return `/portal/orders/${m[1]}`;
  }
  return link;
}
